// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

#include <pincheck/pin.h>

struct PIN_PINNED Task {
  int id = 0;
};
void watch(PIN_PINS Task &task);

void silenced() {
  Task t;
  watch(t);
  Task a = t; // NOLINT(pin-move-after-pin)
  // NOLINTNEXTLINE(pin-move-after-pin)
  Task b = t;
  // NOLINTBEGIN(pin-*)
  Task c = t;
  // NOLINTEND(pin-*)
  Task d = t; // NOLINT(pin-self-referential-type)
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
  // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 't' instead of copying it
}
