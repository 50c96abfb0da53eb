// RUN: %check_pincheck --frontend=tidy %s pin-relocatable-claim %t
// RUN: %check_pincheck --frontend=cli %s pin-relocatable-claim %t
// RUN: %check_pincheck --frontend=plugin %s pin-relocatable-claim %t
// RUN: %check_pincheck --check-suffix=RAW %s pin-raw-copy %t

// PIN_UNPIN on a class whose member is declared PIN_STRUCTURAL and must not
// move is a false claim (docs/model.md, "Pin projection"), as `impl Unpin`
// is for a `pin-project` struct with a `#[pin]` field that is `!Unpin`.
// Removing the claim keeps the program compiling: the fix-it.

#include <pincheck/pin.h>

struct Operation : pin::PhantomPinned {
  int Id = 0;
};

// The pointer is set by `reset`: a self-referential type.
struct Cursor {
  void reset() { At = Buffer; }
  char Buffer[8];
  char *At = nullptr;
};

struct PIN_UNPIN Claimed {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'PIN_UNPIN' declares 'Claimed' movable once pinned, but its member 'Op' is pinned with it and must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE+2]]:28: note: 'Op' is declared 'PIN_STRUCTURAL' and 'Operation' is a pinned marker
// CHECK-FIXES: {{^}}struct Claimed {{{$}}
  PIN_STRUCTURAL Operation Op;
  int Count = 0;
};

class PIN_UNPIN SelfReferential {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'PIN_UNPIN' declares 'SelfReferential' movable once pinned, but its member 'Position' is pinned with it and must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE+2]]:25: note: 'Position' is declared 'PIN_STRUCTURAL' and 'Cursor' points 'At' into itself
// CHECK-FIXES: {{^}}class SelfReferential {{{$}}
  PIN_STRUCTURAL Cursor Position;
};

struct [[clang::annotate("pin::unpin")]] Spelled {
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'PIN_UNPIN' declares 'Spelled' movable once pinned, but its member 'Op' is pinned with it and must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE+2]]:28: note: 'Op' is declared 'PIN_STRUCTURAL' and 'Operation' is a pinned marker
// CHECK-FIXES: {{^}}struct Spelled {{{$}}
  PIN_STRUCTURAL Operation Op;
};

template <class T> struct PIN_UNPIN Wrapper {
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'PIN_UNPIN' declares 'Wrapper<Operation>' movable once pinned, but its member 'Value' is pinned with it and must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE+2]]:20: note: 'Value' is declared 'PIN_STRUCTURAL' and 'Operation' is a pinned marker
// CHECK-FIXES: {{^}}template <class T> struct Wrapper {{{$}}
  PIN_STRUCTURAL T Value;
};
Wrapper<Operation> Instance;

// Negative twins: a structural member that may move, a marker member not
// declared structural (the class vouches for it), no claim at all.
struct PIN_UNPIN Counter {
// CHECK-FIXES: {{^}}struct PIN_UNPIN Counter {{{$}}
  PIN_STRUCTURAL int Value = 0;
};
struct PIN_UNPIN Vouched {
// CHECK-FIXES: {{^}}struct PIN_UNPIN Vouched {{{$}}
  Operation Op;
};
struct Honest {
  PIN_STRUCTURAL Operation Op;
};
Wrapper<int> Fine;

// A false claim is not trusted: the class is a pinned marker through its
// structural member, and copying its bytes is reported; a true claim is.
#include <cstring>
void copyBytes(Claimed &To, const Claimed &From, Vouched &A, const Vouched &B) {
  std::memcpy(&To, &From, sizeof(Claimed));
// CHECK-MESSAGES-RAW: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'Claimed' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-RAW: :24:18: note: 'Claimed' is a pinned marker
  std::memcpy(&A, &B, sizeof(Vouched));
}
