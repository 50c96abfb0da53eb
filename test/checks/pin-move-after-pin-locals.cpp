// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// Objects pinned through a local reference or pointer, each with a negative
// twin.

#include <pincheck/pin.h>
#include <string>

struct Task {
  std::string Name;
};
void watch(Task &T PIN_PINS);

// Pinned through a local reference.
void viaReference() {
  Task T;
  Task &R = T;
  watch(R);
  Task U = T;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: copying 'T' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'T' is pinned here: parameter 'T' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 'T' instead of copying it
}
// Pinned through a local pointer.
void viaPointer() {
  Task T;
  Task *P = &T;
  watch(*P);
  Task U = std::move(T);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: moving 'T' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'T' is pinned here: parameter 'T' of 'watch' is declared PIN_PINS
}
// Negative twins: the reference and the pointer name another object.
void otherObject() {
  Task T, Other;
  Task &R = Other;
  Task *P = &Other;
  watch(R);
  watch(*P);
  Task U = T;
}
