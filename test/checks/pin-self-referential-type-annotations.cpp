// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

#include <pincheck/pin.h>

// PIN_UNPIN: the class vouches for its own moves (like `impl Unpin`).
class PIN_UNPIN Vouched {
public:
  Vouched() : cur_(buf_) {}
private:
  char buf_[8];
  char *cur_;
};

// Positive twin: the same class without the annotation.
class Unvouched {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Unvouched' leaves 'cur_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:9: note: interior pointer 'cur_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:22: note: 'cur_' is set here to the address of member 'buf_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'cur_' unchanged
public:
  Unvouched() : cur_(buf_) {}
private:
  char buf_[8];
  char *cur_;
};

// A pinned marker that is not self-referential: it may move until it is
// pinned, so the type itself is fine.
class Marker {
  pin::PhantomPinned pinned_;
  int value_ = 0;
};
class PIN_PINNED AnnotatedMarker {
  int value_ = 0;
};
