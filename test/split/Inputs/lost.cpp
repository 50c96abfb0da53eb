// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// A copy after a pin, and a copy with no pin before it. The meta-test
// edits the split form: it loses the first pin and gains a second one.
#include <pincheck/pin.h>

struct PIN_PINNED Task {
  int Id = 0;
};
void watch(PIN_PINS Task &T);

int pinned() {
  Task T;
  watch(T);
  Task Copy = T;
  return Copy.Id;
}

int fresh() {
  Task T;
  Task Copy = T;
  return Copy.Id;
}
