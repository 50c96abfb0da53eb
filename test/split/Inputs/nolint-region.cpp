// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// A suppression region around a function whose body moves to another file.
// NOLINTBEGIN(pin-move-after-pin)
int quiet() { return 0; }
// NOLINTEND(pin-move-after-pin)
