// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// Flow sensitivity: moves before a pin are fine, as in Rust; branches make a
// pin "may"; loops carry a pin to the next iteration.

#include <pincheck/pin.h>
#include <utility>

struct PIN_PINNED Task {
  int id = 0;
};
void watch(PIN_PINS Task &task);

void beforeThePin() {
  Task t;
  Task early = t;
  Task moved = std::move(t);
  watch(moved);
}

void oneBranch(bool ready) {
  Task t;
  if (ready)
    watch(t);
  Task late = t;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying 't' of type 'Task', which may be pinned on some paths [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:5: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 't' instead of copying it
}

void bothBranches(bool ready) {
  Task t;
  if (ready)
    watch(t);
  else
    watch(t);
  Task late = t;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-5]]:5: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-4]]:5: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: bind a reference to 't' instead of copying it
}

// Negative twin: the pin and the move are on different branches.
void exclusiveBranches(bool ready) {
  Task t;
  if (ready)
    watch(t);
  else {
    Task copy = t;
  }
}

void loopCarried(int n) {
  Task t;
  for (int i = 0; i < n; ++i) {
    Task copy = t;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: copying 't' of type 'Task', which may be pinned on some paths [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE+2]]:5: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: bind a reference to 't' instead of copying it
    watch(t);
  }
}

// Negative twin: a new object each iteration.
void loopLocal(int n) {
  for (int i = 0; i < n; ++i) {
    Task t;
    Task copy = t;
    watch(t);
  }
}

// Negative twin: an early return before the pin.
void earlyReturn(bool done) {
  Task t;
  if (done) {
    Task result = t;
    return;
  }
  watch(t);
}
