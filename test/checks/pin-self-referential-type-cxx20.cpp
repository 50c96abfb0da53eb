// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t -- -std=c++20
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t -- -std=c++20

#include <array>
#include <functional>
#include <span>
#include <string>
#include <vector>

// A span over an inline array member.
class Samples {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Samples' leaves 'window_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:18: note: interior pointer 'window_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:25: note: 'window_' is set here to point into 'data_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'window_' unchanged
  int data_[32];
  std::span<int> window_{data_};
};

// A span over a vector member: only copies are wrong.
class Frames {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying 'Frames' leaves 'view_' pointing into the buffer of the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:18: note: interior pointer 'view_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:23: note: 'view_' is set here to point into the heap buffer owned by 'frames_' (owned heap storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor and copy assignment operator copy 'view_' unchanged
  std::vector<int> frames_;
  std::span<int> view_{frames_};
};

// A pointer into a std::array through c_str-like accessors and addressof.
struct Fixed {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Fixed' leaves 'first' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+8]]:15: note: interior pointer 'first' declared here
// CHECK-MESSAGES: :[[@LINE+7]]:23: note: 'first' is set here to point into 'chars' (inline storage)
// CHECK-MESSAGES: :[[@LINE+7]]:24: note: interior pointer 'self' declared here
// CHECK-MESSAGES: :[[@LINE+6]]:31: note: 'self' is set here to the address of member 'chars' (inline storage)
// CHECK-MESSAGES: :[[@LINE-6]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'first' unchanged
// CHECK-MESSAGES: :[[@LINE-7]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'self' unchanged
// CHECK-MESSAGES: :[[@LINE-8]]:8: note: 'Fixed' is an aggregate: declaring its copy and move operations would end its aggregate initialisation in C++20; a last member of type 'pin::Immovable' (from <pincheck/pin.h>) forbids them and keeps it
  std::array<char, 8> chars;
  const char *first = chars.data();
  std::array<char, 8> *self = std::addressof(chars);
};

// An init-capture of `this`.
class Job {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Job' leaves 'run_' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:25: note: interior pointer 'run_' declared here
// CHECK-MESSAGES: :[[@LINE+2]]:32: note: 'run_' is set here to a callable capturing 'this'
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'run_' unchanged
  std::function<void()> run_ = [self = this] { self->done_ = true; };
  bool done_ = false;
};

// A pointer to a nested member.
struct Header {
  int magic;
};
struct Packet {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Packet' leaves 'magic' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:8: note: interior pointer 'magic' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:16: note: 'magic' is set here to the address of member 'header' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'magic' unchanged
// CHECK-MESSAGES: :[[@LINE-5]]:8: note: 'Packet' is an aggregate: declaring its copy and move operations would end its aggregate initialisation in C++20; a last member of type 'pin::Immovable' (from <pincheck/pin.h>) forbids them and keeps it
  Header header;
  int *magic = &header.magic;
};

// Negative twin: a span over a parameter.
class View {
public:
  explicit View(std::span<int> data) : data_(data) {}
private:
  std::span<int> data_;
};
