// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Interior pointer set in a constructor initializer, to an inline array.
class Buffer {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Buffer' leaves 'cur_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:9: note: interior pointer 'cur_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:19: note: 'cur_' is set here to the address of member 'buf_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'cur_' unchanged
public:
  Buffer() : cur_(buf_) {}
private:
  char buf_[64];
  char *cur_;
};

// Set in a constructor body.
class Cursor {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Cursor' leaves 'pos_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:8: note: interior pointer 'pos_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:21: note: 'pos_' is set here to the address of member 'data_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'pos_' unchanged
public:
  Cursor() { pos_ = &data_[0]; }
private:
  int data_[8];
  int *pos_;
};

// Set in a default member initializer.
struct Scratch {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Scratch' leaves 'top' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:9: note: interior pointer 'top' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:15: note: 'top' is set here to the address of member 'buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'top' unchanged
  char buf[16];
  char *top = buf;
};

// Set in a member function only.
class Arena {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Arena' leaves 'next_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:9: note: interior pointer 'next_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:26: note: 'next_' is set here to the address of member 'storage_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'next_' unchanged
public:
  void reset() { next_ = storage_ + 0; }
private:
  char storage_[128];
  char *next_ = nullptr;
};

// A reference member bound to a member.
struct Counter {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Counter' leaves 'ref' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:8: note: interior pointer 'ref' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:14: note: 'ref' is set here to the address of member 'count' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor and move constructor copy 'ref' unchanged
  int count = 0;
  int &ref = count;
};

// Negative twin: a pointer to another object, and one set from a parameter.
int GlobalCount;
struct Observer {
  int *watched = &GlobalCount;
};
struct Node {
  explicit Node(Node *parent) : parent_(parent) {}
  Node *parent_;
};

// Negative twin: an identity derived from the address is not a pointer.
struct Identity {
  unsigned long id = reinterpret_cast<unsigned long>(this);
};

// A string_view into a std::string member (small-buffer storage).
struct Name {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Name' leaves 'view' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:20: note: interior pointer 'view' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:27: note: 'view' is set here to point into 'text' (small-buffer storage: short contents live inside the object)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'view' unchanged
  std::string text;
  std::string_view view = text;
};

// Negative twin: a copy of the string, not a view into it.
struct NameCopy {
  std::string text;
  std::string copy = text;
};

// A pointer into a vector's heap buffer: copies alias the source's buffer,
// moves hand the buffer over intact.
struct Tokens {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying 'Tokens' leaves 'cur' pointing into the buffer of the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:8: note: interior pointer 'cur' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:14: note: 'cur' is set here to point into the heap buffer owned by 'toks' (owned heap storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor and copy assignment operator copy 'cur' unchanged
  std::vector<int> toks;
  int *cur = toks.data();
};

// Negative twin: the same with copying deleted; moves are fine.
struct MoveOnlyTokens {
  MoveOnlyTokens() = default;
  MoveOnlyTokens(const MoveOnlyTokens &) = delete;
  MoveOnlyTokens &operator=(const MoveOnlyTokens &) = delete;
  MoveOnlyTokens(MoveOnlyTokens &&) = default;
  MoveOnlyTokens &operator=(MoveOnlyTokens &&) = default;
  std::vector<int> toks;
  int *cur = toks.data();
};

// A callback capturing `this` explicitly, implicitly through [&], and bound
// with std::bind.
class Button {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Button' leaves 'on_click_' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:25: note: interior pointer 'on_click_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:37: note: 'on_click_' is set here to a callable capturing 'this'
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'on_click_' unchanged
  int clicks_ = 0;
  std::function<void()> on_click_ = [this] { ++clicks_; };
};
class Slider {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Slider' leaves 'on_move_' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:25: note: interior pointer 'on_move_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:25: note: 'on_move_' is set here to a callable capturing 'this'
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'on_move_' unchanged
public:
  Slider() { on_move_ = [&] { ++moves_; }; }
private:
  int moves_ = 0;
  std::function<void()> on_move_;
};
class Timer {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Timer' leaves 'tick_' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:25: note: interior pointer 'tick_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:13: note: 'tick_' is set here to a callable capturing 'this'
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'tick_' unchanged
public:
  Timer() : tick_(std::bind(&Timer::fire, this)) {}
private:
  void fire() {}
  std::function<void()> tick_;
};

// Negative twin: a callback that captures nothing of the object.
class Logger {
  std::function<void()> flush_ = [] {};
};

// A child holding a back-pointer; an intrusive list sentinel.
struct Owner;
struct Child {
  Owner *owner;
};
struct Owner {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Owner' leaves 'child' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:9: note: interior pointer 'child' declared here
// CHECK-MESSAGES: :[[@LINE+2]]:14: note: 'child' is set here to an object that holds the address of the object itself
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'child' unchanged
  Child child{this};
};
struct Link {
  Link *next = nullptr;
  Link *prev = nullptr;
};
class List {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'List' leaves 'head_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+6]]:8: note: interior pointer 'head_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:25: note: 'head_' is set here to the address of member 'head_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'head_' unchanged
public:
  List() { head_.next = &head_; head_.prev = &head_; }
private:
  Link head_;
};

// `this` stored in heap memory the object owns: copying is already deleted by
// the unique_ptr, moving is wrong.
struct Private;
class Widget {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: moving 'Widget' leaves 'd_' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+6]]:28: note: interior pointer 'd_' declared here
// CHECK-MESSAGES: :[[@LINE+10]]:20: note: 'd_' is set here to an object that holds the address of the object itself
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit move constructor and move assignment operator copy 'd_' unchanged
public:
  Widget();
private:
  std::unique_ptr<Private> d_;
};
struct Private {
  Widget *q;
};
Widget::Widget() : d_(new Private{this}) {}

// `this` handed to a C library as user data.
extern "C" int net_setopt(void *handle, int option, ...);
class Connection {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Connection' leaves the address its constructor hands to 'net_setopt' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:41: note: the object's address escapes here to 'net_setopt'
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
public:
  Connection() { net_setopt(handle_, 1, this); }
private:
  void *handle_ = nullptr;
};

// Negative twin: a C call that is given other data.
class Request {
public:
  Request() { net_setopt(handle_, 1, &GlobalCount); }
private:
  void *handle_ = nullptr;
};

// Negative twin: a heap handle the object owns is not the object's address.
struct HandleCloser {
  void operator()(void *) const;
};
class Session {
public:
  Session() { net_setopt(handle_.get(), 2, 0); }
private:
  std::unique_ptr<void, HandleCloser> handle_;
};

// A user-provided copy constructor that copies the pointer verbatim.
class Verbatim {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying 'Verbatim' leaves 'cur_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+9]]:9: note: interior pointer 'cur_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:21: note: 'cur_' is set here to the address of member 'buf_' (inline storage)
// CHECK-MESSAGES: :[[@LINE+3]]:42: note: copy constructor copies 'cur_' from the source object instead of re-seating it
public:
  Verbatim() : cur_(buf_) {}
  Verbatim(const Verbatim &other) : cur_(other.cur_) {}
  Verbatim &operator=(const Verbatim &) = delete;
private:
  char buf_[8];
  char *cur_;
};

// Negative twins: user-provided operations that re-seat the pointer, also
// through a private helper; deleted operations; operations defined in another
// translation unit.
class Reseats {
public:
  Reseats() : cur_(buf_) {}
  Reseats(const Reseats &other) : cur_(buf_ + (other.cur_ - other.buf_)) {}
  Reseats &operator=(const Reseats &other) {
    copyFrom(other);
    return *this;
  }
private:
  void copyFrom(const Reseats &other) { cur_ = buf_ + (other.cur_ - other.buf_); }
  char buf_[8];
  char *cur_;
};
class SmallVec {
public:
  SmallVec() : data_(inline_) {}
  SmallVec(SmallVec &&other) noexcept
      : data_(other.data_ == other.inline_ ? inline_ : other.data_) {}
  SmallVec(const SmallVec &) = delete;
  SmallVec &operator=(const SmallVec &) = delete;
private:
  int inline_[4];
  int *data_;
};
class Pinned {
public:
  Pinned() : self_(this) {}
  Pinned(const Pinned &) = delete;
  Pinned &operator=(const Pinned &) = delete;
private:
  Pinned *self_;
};
class Elsewhere {
public:
  Elsewhere() : self_(this) {}
  Elsewhere(const Elsewhere &);
  Elsewhere &operator=(const Elsewhere &);
private:
  Elsewhere *self_;
};

// A defaulted copy is as wrong as an implicit one.
class Defaulted {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying 'Defaulted' leaves 'self_' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+8]]:14: note: interior pointer 'self_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:23: note: 'self_' is set here to the address of the object itself (inline storage)
// CHECK-MESSAGES: :[[@LINE+3]]:3: note: defaulted copy constructor copies 'self_' unchanged
public:
  Defaulted() : self_(this) {}
  Defaulted(const Defaulted &) = default;
  Defaulted &operator=(const Defaulted &) = delete;
private:
  Defaulted *self_;
};

// Negative twin: a class that contains a self-referential member is not
// reported again; the member's class is.
struct Document {
  Buffer buffer;
  int revision = 0;
};
