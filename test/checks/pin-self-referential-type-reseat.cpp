// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// Re-seating through the pointee (the pimpl back-pointer), a base class whose
// own copy re-seats, and a copy that takes its source's buffer: each with a
// positive twin that leaves the pointer behind.

#include <memory>
#include <utility>

// The pimpl back-pointer: the object's private part points back at it, and
// the moves re-seat it through the pointer.
class Widget {
public:
  Widget() : D(new Private) { D->Q = this; }
  Widget(Widget &&Other) noexcept : D(std::move(Other.D)) { D->Q = this; }
  Widget &operator=(Widget &&Other) noexcept {
    D = std::move(Other.D);
    D->Q = this;
    return *this;
  }

private:
  struct Private {
    Widget *Q = nullptr;
  };
  std::unique_ptr<Private> D;
};
// Positive twin: the same back-pointer, moved without re-seating it.
class Gadget {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: moving 'Gadget' leaves the object's address that its constructor stores through 'D' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:38: note: the object's address is stored here in the object that 'D' points to
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: implicit move constructor and move assignment operator copy 'D' unchanged
//
public:
  Gadget() : D(new Private) { D->Q = this; }

private:
  struct Private {
    Gadget *Q = nullptr;
  };
  std::unique_ptr<Private> D;
};

// A base whose own copy re-seats its pointer; a derived class that sets the
// pointer and copies memberwise uses the base's copy.
class Base {
public:
  Base() : Cursor(Buffer) {}
  Base(const Base &Other) : Cursor(Buffer + (Other.Cursor - Other.Buffer)) {}
  Base &operator=(const Base &Other) {
    Cursor = Buffer + (Other.Cursor - Other.Buffer);
    return *this;
  }

protected:
  char Buffer[16];
  char *Cursor;
};
class Derived : public Base {
public:
  Derived() { Cursor = Buffer + 1; }
};
// Positive twin: a base that copies its pointer verbatim.
class PlainBase {
protected:
  char Buffer[16];
  char *Cursor = nullptr;
};
class PlainDerived : public PlainBase {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'PlainDerived' leaves 'Cursor' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE-4]]:9: note: interior pointer 'Cursor' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:29: note: 'Cursor' is set here to the address of member 'Buffer' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Cursor' unchanged
// The interior pointer is set here, and the base copies it as it is.
public:
  PlainDerived() { Cursor = Buffer; }
};

// A "copy" that takes the buffer from its source, as auto_ptr did.
class Taker {
public:
  Taker() : Data(new char[64]), Cursor(Data.get()) {}
  Taker(Taker &Other) : Data(std::move(Other.Data)), Cursor(Other.Cursor) {
    Other.Cursor = nullptr;
  }
  Taker &operator=(const Taker &) = delete;

private:
  std::unique_ptr<char[]> Data;
  char *Cursor;
};
// Positive twin: a real copy that shares the pointer into the source's
// buffer.
class Sharer {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying 'Sharer' leaves 'Cursor' pointing into the buffer of the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+11]]:9: note: interior pointer 'Cursor' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:41: note: 'Cursor' is set here to point into the heap buffer owned by 'Data' (owned heap storage)
// CHECK-MESSAGES: :[[@LINE+4]]:36: note: copy constructor copies 'Cursor' from the source object instead of re-seating it
public:
  Sharer() : Data(new char[64]), Cursor(Data.get()) {}
  Sharer(const Sharer &Other)
      : Data(new char[64]), Cursor(Other.Cursor) {}
  Sharer &operator=(const Sharer &) = delete;

private:
  std::unique_ptr<char[]> Data;
  char *Cursor;
};
