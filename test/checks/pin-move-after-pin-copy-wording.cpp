// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// Copying an object whose address someone holds is worded as a copy, also
// when `std::move` falls back to the copy.

#include <pincheck/pin.h>
#include <deque>
#include <utility>

// A class with a user-declared destructor has no implicit move: moving it
// copies it.
struct Handle {
  ~Handle() {}
  int Fd = -1;
};
void watch(Handle &H PIN_PINS);
void keepCopy(std::deque<Handle> &All) {
  Handle H;
  watch(H);
  All.push_back(std::move(H));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: copying 'H' of type 'Handle' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'H' is pinned here: parameter 'H' of 'watch' is declared PIN_PINS
}
// Positive twin of the wording: a class that moves.
struct Movable {
  int Fd = -1;
};
void watchMovable(Movable &M PIN_PINS);
void keepMoved(std::deque<Movable> &All) {
  Movable M;
  watchMovable(M);
  All.push_back(std::move(M));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 'M' of type 'Movable' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'M' is pinned here: parameter 'M' of 'watchMovable' is declared PIN_PINS
}
