// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// Regression tests for false positives and negatives found in review.

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

// Negative: C functions that only read or write bytes keep no address.
class Cleared {
public:
  Cleared() {
    std::memset(buf_, 0, sizeof buf_);
    std::printf("%s", buf_);
  }
private:
  char buf_[16];
};

// Negative: a subscript of a pointer member addresses another object.
class Borrowed {
public:
  explicit Borrowed(int *data) : data_(data), cur_(&data_[0]) {}
private:
  int *data_;
  int *cur_;
};

// Negative: a copy shares the pointee of a shared_ptr.
struct Impl {
  int value;
};
class Shared {
  std::shared_ptr<Impl> impl_ = std::make_shared<Impl>();
  Impl *raw_ = impl_.get();
};

// Positive: the default member initializer re-seats, but the body then
// copies the pointer from the source.
class Overwritten {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying 'Overwritten' leaves 'cur_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+9]]:9: note: interior pointer 'cur_' declared here
// CHECK-MESSAGES: :[[@LINE+8]]:16: note: 'cur_' is set here to the address of member 'buf_' (inline storage)
// CHECK-MESSAGES: :[[@LINE+3]]:50: note: copy constructor copies 'cur_' from the source object instead of re-seating it
public:
  Overwritten() = default;
  Overwritten(const Overwritten &other) { cur_ = other.cur_; }
  Overwritten &operator=(const Overwritten &) = delete;
private:
  char buf_[8];
  char *cur_ = buf_;
};

// Positive: a template whose unique_ptr member deletes its copies; only
// moves are wrong.
template <class T> struct Node;
template <class T> class Tree {
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: moving 'Tree' leaves 'root_' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+6]]:28: note: interior pointer 'root_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:17: note: 'root_' is set here to an object that holds the address of the object itself
// CHECK-MESSAGES: :[[@LINE-4]]:26: note: implicit move constructor and move assignment operator copy 'root_' unchanged
public:
  Tree() : root_(new Node<T>{this}) {}
private:
  std::unique_ptr<Node<T>> root_;
};
template <class T> struct Node {
  Tree<T> *tree;
};

// Positive, with a fix-it: only copies are wrong, and the const member
// already deletes both assignments, so the fix deletes the copy constructor
// and keeps the move constructor by defaulting it.
struct Parsed {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying 'Parsed' leaves 'cur' pointing into the buffer of the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:8: note: interior pointer 'cur' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:14: note: 'cur' is set here to point into the heap buffer owned by 'toks' (owned heap storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor copies 'cur' unchanged
  const int version = 1;
  std::vector<int> toks;
  int *cur = toks.data();
};
// CHECK-FIXES:      {{^}}struct Parsed {{{$}}
// CHECK-FIXES: {{^}}  Parsed(const Parsed &) = delete;{{$}}
// CHECK-FIXES: {{^}}  Parsed(Parsed &&) = default;{{$}}
// CHECK-FIXES: {{^}}  const int version = 1;{{$}}

// Negative: a view into a member passed to a constructor that copies from
// it is not kept.
#include <string>
#include <string_view>
class Options {
public:
  explicit Options(std::string_view text);
};
class Configured {
  std::string text_ = "a";
  Options options_{text_};
};

// Positive: a member handed to a constructor by non-const reference is kept
// (a back-pointer to a sibling member).
class Engine {};
class Driver {
public:
  explicit Driver(Engine &engine);
};
class Car {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Car' leaves 'driver_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:10: note: interior pointer 'driver_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:17: note: 'driver_' is set here to an object that holds the address of member 'engine_'
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'driver_' unchanged
  Engine engine_;
  Driver driver_{engine_};
};
