// Code being typed: a class not yet closed, then a relocatability claim for
// it (BSL's trait), which pin-relocatable-claim asks about a class that is
// still incomplete.
template <class T> struct IsBitwiseMoveable { static const bool value = false; };
struct Cursor {
  char buf[4];
  char *p = buf;
template <> struct IsBitwiseMoveable<Cursor> { static const bool value = true; };
