// Forms of correct code found in library headers (docs/precision.md),
// reduced to their essentials, with their positive twins.
// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

#include <cstring>
#include <utility>

struct Child {
  int Value = 0;
  Child *Next = nullptr;
};
struct Parent {
  Child First;
  Child Second;
};

Parent *KeptParent;
void keepParent(Parent *P) { KeptParent = P; }
Child *KeptChild;
void keepChild(Child *C) { KeptChild = C; }

// memcpy into a member in a constexpr-style setter keeps no address
// (llvm::PointerIntPair's PunnedPointer).
struct Punned {
  unsigned char Data[sizeof(long)];
  explicit Punned(long Value) { *this = Value; }
  Punned &operator=(long Value) {
    std::memcpy(Data, &Value, sizeof(Data));
    return *this;
  }
};
void copyPunned() {
  Punned A(1);
  Punned B = A;
  (void)B;
}


// Copying a member out of an object whose own address is held leaves the
// object in place (llvm::Twine::concat).
void copyMemberOfPinned(Parent &P) {
  Parent Local;
  keepParent(&Local);
  Child Copy = Local.First;
  (void)Copy;
}

// Positive twin: the member whose address is held is the one copied.
void copyPinnedMember() {
  Parent Local;
  keepChild(&Local.First);
  Child Copy = Local.First;
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: copying 'Local.First' of type 'Child' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'Local.First' is pinned here: 'keepChild' stores the address in the global 'KeptChild'
// CHECK-MESSAGES: :[[@LINE-3]]:9: note: bind a reference to 'Local.First' instead of copying it
  (void)Copy;
}

// Negative twin: another member than the one whose address is held.
void copyOtherMember() {
  Parent Local;
  keepChild(&Local.First);
  Child Copy = Local.Second;
  (void)Copy;
}

// Storing a pointer into an object in the same object is not an escape
// (libc++'s basic_filebuf::swap).
struct Buffer {
  char Inline[8];
  char *Data;
};
void repoint(Buffer &B, Buffer &Other) {
  B.Data = B.Inline;
  std::memmove(B.Inline, Other.Inline, sizeof(B.Inline));
}

// A node list whose head starts linked to itself, exchanged by its own
// member swap, which relinks (libstdc++'s list::sort scratch lists).
struct Ring {
  Ring *Prev = this;
  Ring *NextNode = this;
  void swap(Ring &Other) {
    std::swap(Prev, Other.Prev);
    std::swap(NextNode, Other.NextNode);
    Prev->NextNode = NextNode->Prev = this;
    Other.Prev->NextNode = Other.NextNode->Prev = &Other;
  }
};
void exchangeRings() {
  Ring A, B;
  A.swap(B);
}

// Positive twin: std::swap moves the rings.
void swapRings() {
  Ring A, B;
  std::swap(A, B);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: swapping 'A' of type 'Ring' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: 'A' is pinned from its construction: 'Ring' points 'Prev' into itself when it is constructed
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: swapping 'B' of type 'Ring' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-5]]:11: note: 'B' is pinned from its construction: 'Ring' points 'Prev' into itself when it is constructed
}

// An iterator returned by a member keeps the sentinel's address only as
// long as its user holds it (llvm::simple_ilist::end()).
struct Iterator {
  explicit Iterator(Ring &Node) : Node(&Node) {}
  Ring *Node;
};
class RingList {
public:
  RingList() = default;
  RingList(RingList &&Other) { Other.Sentinel.swap(Sentinel); }
  Iterator end() { return Iterator(Sentinel); }

private:
  Ring Sentinel;
};
void moveList() {
  RingList L;
  Iterator E = L.end();
  (void)E;
  RingList M = std::move(L);
}

// The same rule without a sentinel: a temporary cursor holds no pin, a
// named one does.
struct Cursor {
  explicit Cursor(Child &C) : At(&C) {}
  Child *At;
};
int peek(const Cursor &C) { return C.At->Value; }
void moveAfterTemporaryCursor() {
  Child C;
  peek(Cursor(C));
  Child Moved = std::move(C);
  (void)Moved;
}
void moveAfterNamedCursor() {
  Child C;
  Cursor Named(C);
  Child Moved = std::move(C);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: moving 'C' of type 'Child' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: 'C' is pinned here: 'Cursor' stores the address in member 'At'
  (void)Moved;
  (void)peek(Named);
}
