// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t

// One mistake, one finding: a statement that pin-raw-copy or
// pin-relocating-container reports is not reported again by
// pin-move-after-pin, and their notes show the pin.

#include <cstring>
#include <pincheck/pin.h>
#include <vector>

struct Task {
  int Id = 0;
};
void watch(Task &T PIN_PINS);
struct Node {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Node' leaves 'Self' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:9: note: interior pointer 'Self' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:16: note: 'Self' is set here to the address of the object itself (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Self' unchanged
// CHECK-MESSAGES: :[[@LINE+22]]:7: note: moving 'Node' inside 'std::vector<Node>::push_back' will not compile once the fix-it deletes the move constructor
  Node *Self = this;
};

// A byte copy of a pinned object: pin-raw-copy's, with the pin in a note.
void bytes(Task &Out) {
  Task T;
  watch(T);
  std::memcpy(&Out, &T, sizeof(Task));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies the bytes of 'T' of type 'Task', which is pinned [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'T' is pinned here: parameter 'T' of 'watch' is declared PIN_PINS
}
// Negative twin: the byte copy comes before the pin.
void bytesFirst(Task &Out) {
  Task T;
  std::memcpy(&Out, &T, sizeof(Task));
  watch(T);
}
// Moving an object pinned from its construction into a relocating
// container: pin-relocating-container's, with the pin in a note.
void relocation(std::vector<Node> &All) {
  Node N;
  All.push_back(std::move(N));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'push_back' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-23]]:9: note: 'Node' points 'Self' into itself
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: 'N' is pinned from its construction: 'Node' points 'Self' into itself when it is constructed
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
}
// Still pin-move-after-pin's: a move that no other check reports.
void plainMove() {
  Task T;
  watch(T);
  Task U = std::move(T);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: moving 'T' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'T' is pinned here: parameter 'T' of 'watch' is declared PIN_PINS
}
