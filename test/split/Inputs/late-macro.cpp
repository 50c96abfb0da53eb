// RUN: %check_pincheck --frontend=cli %s pin-raw-copy %t
// A macro defined below a body that moves: the body would now see it.
int twice(int X) { return 2 * X; }
#define LATE 1
