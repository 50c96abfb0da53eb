// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t
// RUN: %check_pincheck --check-suffix=RAW %s pin-raw-copy %t

// Pin projection (docs/model.md, "Pin projection"): a member of a pinned
// object is pinned with it when its type must not move, when it is declared
// PIN_STRUCTURAL, or when the pin handed out its address. The other members
// may be moved out, swapped or replaced.

#include <cstring>
#include <memory>
#include <pincheck/pin.h>
#include <string>
#include <utility>

struct Operation : pin::PhantomPinned {
  explicit Operation(int Id) : Id(Id) {}
  int Id;
};

struct Handle {
  int Fd = -1;
};

struct Retry {
  Operation Active{0};
  PIN_STRUCTURAL Handle Registered;
  std::string Name;
  std::unique_ptr<int> Heap;
  Handle Spare;
  int RetriesLeft = 3;
};

//===----------------------------------------------------------------------===//
// Through a pin::Pin.
//===----------------------------------------------------------------------===//

void movesOutOfPin(pin::Pin<Retry *> P) {
  Operation Stolen = std::move(P->Active);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: moving 'P->Active' of type 'Operation', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:38: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-16]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
  Handle Copied = P->Registered;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: copying 'P->Registered' of type 'Handle', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-7]]:38: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-19]]:25: note: 'Registered' is pinned with its object: it is declared 'PIN_STRUCTURAL'
  Operation AlsoCopied = (*P).Active;
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: copying '(*P).Active' of type 'Operation', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-11]]:38: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-24]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
}

void replacesThroughPin(pin::Pin<Retry *> P, Operation &Other) {
  P->Active = Operation(4);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assigning to 'P->Active' of type 'Operation', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:43: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-31]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: replace a pinned object in place with 'pin::Pin::set'
  std::swap(P->Active, Other);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: swapping 'P->Active' of type 'Operation', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-8]]:43: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-36]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
}

// Through the projection of pin.h: a plain reference for a member that is
// not pinned with its object, but the member is what counts.
struct Waiter {
  pin::PhantomPinned Marker;
};
struct Shell {
  Waiter Marked;
  std::string Label;
};
void movesProjection(pin::Pin<Shell *> P) {
  Waiter &Ref = pin::project(P, &Shell::Marked);
  Waiter Stolen = std::move(Ref);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: moving 'Ref' of type 'Waiter', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:40: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-8]]:10: note: 'Marked' is pinned with its object: 'Waiter' is a pinned marker
  Waiter Direct = pin::project(P, &Shell::Marked);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: copying 'pin::project(P, &Shell::Marked)' of type 'Waiter', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-8]]:40: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-12]]:10: note: 'Marked' is pinned with its object: 'Waiter' is a pinned marker
}

// Negative twins: members that may leave a pinned object, and replacing in
// place with Pin::set.
void leavesThroughPin(pin::Pin<Retry *> P) {
  std::string Name = std::move(P->Name);
  std::unique_ptr<int> Heap = std::move(P->Heap);
  Handle Spare = P->Spare;
  P->Spare = Handle();
  int Left = P->RetriesLeft;
  std::string Label = std::move(pin::project(P, &Retry::Name));
  pin::project(P, &Retry::Active).set(5);
  pin::project_pinned(P, &Retry::Registered).set();
  (void)Left;
}

//===----------------------------------------------------------------------===//
// A local object pinned by an event.
//===----------------------------------------------------------------------===//

void movesOutOfPinned() {
  Retry R;
  pin::pin(R);
  Operation Stolen = std::move(R.Active);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: moving 'R.Active' of type 'Operation' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'R' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES: :[[@LINE-84]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
  Handle Copied = R.Registered;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: copying 'R.Registered' of type 'Handle' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'R' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES: :[[@LINE-87]]:25: note: 'Registered' is pinned with its object: it is declared 'PIN_STRUCTURAL'
// CHECK-MESSAGES: :[[@LINE-4]]:10: note: bind a reference to 'R.Registered' instead of copying it
}

void assignsPinned() {
  Retry R;
  pin::pin(R);
  R.Active = Operation(6);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assigning to 'R.Active' of type 'Operation' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'R' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES: :[[@LINE-98]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: replace a pinned object in place with 'pin::Pin::set'
}

// A member whose address the pinning member function hands out.
void keep(PIN_PINS Handle &H);
struct Connection {
  void open() { keep(Socket); }
  Handle Socket;
  Handle Backup;
};
void movesHandedOut() {
  Connection C;
  C.open();
  Handle Taken = C.Socket;
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: copying 'C.Socket' of type 'Handle' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'C' is pinned here: 'open' pins member 'Socket': parameter 'H' of 'keep' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-9]]:10: note: 'Socket' is pinned with its object: its address is what the pin hands out
// CHECK-MESSAGES: :[[@LINE-4]]:10: note: bind a reference to 'C.Socket' instead of copying it
}

// Nested members: pinned only when every member on the way is.
struct Outer {
  struct Middle {
    Operation Op{1};
    std::string Text;
  } In;
  std::string Note;
};
void movesNested() {
  Outer O;
  pin::pin(O);
  Operation Deep = O.In.Op;
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: copying 'O.In.Op' of type 'Operation' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'O' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES: :[[@LINE-11]]:15: note: 'Op' is pinned with its object: 'Operation' is a pinned marker
// CHECK-MESSAGES: :[[@LINE-4]]:13: note: bind a reference to 'O.In.Op' instead of copying it
}

// Negative twins: moved before the pin, members that may leave, a class
// that vouches for its moves (its members without PIN_STRUCTURAL are not
// pinned with it), the member of another object.
void leavesPinned() {
  Retry R;
  Operation Early = std::move(R.Active);
  pin::pin(R);
  std::string Name = std::move(R.Name);
  Handle Spare = R.Spare;
  Outer O;
  pin::pin(O);
  std::string Text = std::move(O.In.Text);
  std::string Note = std::move(O.Note);
  Connection C;
  C.open();
  Handle Backup = C.Backup;
  Connection D;
  Handle Other = D.Socket;
}

struct PIN_UNPIN Loose {
  Operation Op{2};
};
void leavesUnpin() {
  Loose L;
  pin::pin(L);
  Operation Out = std::move(L.Op);
}

//===----------------------------------------------------------------------===//
// Assignment to a member whose own assignment is wrong.
//===----------------------------------------------------------------------===//

// The pointers are set by `reset`, so neither class is pinned from its
// construction.
struct Cursor {
  void reset() { At = Buffer; }
  char Buffer[8];
  char *At = nullptr;
};
struct Reseating {
  Reseating() = default;
  Reseating(const Reseating &) : At(Buffer) {}
  Reseating &operator=(const Reseating &) {
    At = Buffer;
    return *this;
  }
  void reset() { At = Buffer; }
  char Buffer[8];
  char *At = nullptr;
};
struct Parser {
  Cursor Wrong;
  Reseating Right;
};
void assignsMembers(Parser &Other) {
  Parser P;
  pin::pin(P);
  P.Wrong = Other.Wrong;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assigning to 'P.Wrong' of type 'Cursor' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'P' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES: :[[@LINE-9]]:10: note: 'Wrong' is pinned with its object: 'Cursor' points 'At' into itself
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: replace a pinned object in place with 'pin::Pin::set'
  P.Right = Other.Right;
}

//===----------------------------------------------------------------------===//
// Templates: the member's declaration in the pattern counts.
//===----------------------------------------------------------------------===//

template <class T> struct Slot {
  PIN_STRUCTURAL T Value;
  T Spare;
};
void movesTemplate() {
  Slot<Handle> S;
  pin::pin(S);
  Handle Taken = std::move(S.Value);
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: moving 'S.Value' of type 'Handle' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'S' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES: :[[@LINE-9]]:20: note: 'Value' is pinned with its object: it is declared 'PIN_STRUCTURAL'
  Handle Free = std::move(S.Spare);
}

//===----------------------------------------------------------------------===//
// Byte copies: pin-raw-copy's when it is enabled, this check's otherwise.
//===----------------------------------------------------------------------===//

void copiesBytes() {
  Retry R;
  pin::pin(R);
  Handle Out;
  std::memcpy(&Out, &R.Registered, sizeof(Handle));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: copying the bytes of 'R.Registered' of type 'Handle' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'R' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES: :[[@LINE-231]]:25: note: 'Registered' is pinned with its object: it is declared 'PIN_STRUCTURAL'
// CHECK-MESSAGES-RAW: :[[@LINE-4]]:3: warning: 'memcpy' copies the bytes of 'R.Registered' of type 'Handle', which is pinned [pin-raw-copy]
// CHECK-MESSAGES-RAW: :[[@LINE-7]]:3: note: 'R' is pinned here: 'pin::pin' pins it for the rest of its lifetime
// CHECK-MESSAGES-RAW: :[[@LINE-234]]:25: note: 'Registered' is pinned with its object: it is declared 'PIN_STRUCTURAL'
  std::memcpy(&Out, &R.Spare, sizeof(Handle));
}

//===----------------------------------------------------------------------===//
// `*this` in a member function declared PIN_PINS_THIS is pinned while it
// runs, as `self: Pin<&mut Self>` is in Rust.
//===----------------------------------------------------------------------===//

class Task {
public:
  PIN_PINS_THIS void poll();
  void reset();

private:
  Operation Active{7};
  std::string Name;
  struct Steps {
    Operation Current{8};
    int Count = 0;
  } Progress;
};

void Task::poll() {
  Operation Stolen = std::move(Active);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: moving 'Active' of type 'Operation', which is pinned with '*this' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-15]]:22: note: 'poll' is declared 'PIN_PINS_THIS': '*this' is pinned while it runs
// CHECK-MESSAGES: :[[@LINE-12]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
  Operation Deep = Progress.Current;
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: copying 'Progress.Current' of type 'Operation', which is pinned with '*this' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-19]]:22: note: 'poll' is declared 'PIN_PINS_THIS': '*this' is pinned while it runs
// CHECK-MESSAGES: :[[@LINE-13]]:15: note: 'Current' is pinned with its object: 'Operation' is a pinned marker
  Task Copy = *this;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying '*this' of type 'Task', which is pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-23]]:22: note: 'poll' is declared 'PIN_PINS_THIS': '*this' is pinned while it runs
  std::string Renamed = std::move(Name);
  int Count = Progress.Count;
  (void)Count;
}

// The twin: not declared PIN_PINS_THIS, so nothing is pinned yet.
void Task::reset() {
  Operation Early = std::move(Active);
  Task Copy = *this;
}

//===----------------------------------------------------------------------===//
// Every owner: a pin::Pin made by make_pinned, one taken by reference, one
// that is a member of *this.
//===----------------------------------------------------------------------===//

void ownsOnHeap() {
  auto P = pin::make_pinned<Retry>();
  Operation Stolen = std::move(P->Active);
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: moving 'P->Active' of type 'Operation', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-291]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
  std::string Name = std::move(P->Name);
}

void borrowsPin(const pin::Pin<Retry *> &P) { Handle Copied = P->Registered; }
// CHECK-MESSAGES: :[[@LINE-1]]:63: warning: copying 'P->Registered' of type 'Handle', which is pinned with the object owned by 'P' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-2]]:42: note: 'P' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-297]]:25: note: 'Registered' is pinned with its object: it is declared 'PIN_STRUCTURAL'

class Driver {
  void run() {
    Operation Stolen = std::move(Op->Active);
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: moving 'Op->Active' of type 'Operation', which is pinned with the object owned by 'Op' [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE+8]]:36: note: 'Op' owns the object through 'pin::Pin', which pins it for its lifetime
// CHECK-MESSAGES: :[[@LINE-305]]:13: note: 'Active' is pinned with its object: 'Operation' is a pinned marker
    int Left = Op->RetriesLeft;
    (void)Left;
  }
  void take() { Retry Whole = std::move(*Op); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: moving the object owned by 'Op', which is pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE+1]]:36: note: 'Op' owns the object through 'pin::Pin', which pins it for its lifetime
  pin::Pin<std::unique_ptr<Retry>> Op = pin::make_pinned<Retry>();
};
