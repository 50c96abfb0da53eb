// RUN: %check_pincheck --frontend=tidy --fix-notes %s pin-self-referential-type %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli --fix-notes %s pin-self-referential-type %t -- -std=c++20

// In C++20 any declared constructor ends aggregate initialisation, so for an
// aggregate the conventional fix-it (deleted copy and move operations) would
// break every `T t{...}`: the warning has none, and a note offers a last
// `pin::Immovable` member, which forbids copies and moves and keeps the
// class an aggregate. The fixed file is compiled with the uses below.

#include <pincheck/pin.h>

struct Agg {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Agg' leaves 'cur' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:9: note: interior pointer 'cur' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:15: note: 'cur' is set here to the address of member 'buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'cur' unchanged
// CHECK-MESSAGES: :[[@LINE-5]]:8: note: 'Agg' is an aggregate: declaring its copy and move operations would end its aggregate initialisation in C++20; a last member of type 'pin::Immovable' (from <pincheck/pin.h>) forbids them and keeps it
  char buf[8];
  char *cur = buf;
  int n;
};
// CHECK-FIXES:      {{^}}  int n;{{$}}
// CHECK-FIXES-NEXT: {{^}}  {{\[\[}}no_unique_address]] pin::Immovable immovable{};{{$}}
// CHECK-FIXES-NEXT: {{^}}};{{$}}

struct Tokens { char buf[16]; char *p = buf; };
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Tokens' leaves 'p' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE-2]]:37: note: interior pointer 'p' declared here
// CHECK-MESSAGES: :[[@LINE-3]]:41: note: 'p' is set here to the address of member 'buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'p' unchanged
// CHECK-MESSAGES: :[[@LINE-5]]:8: note: 'Tokens' is an aggregate: declaring its copy and move operations would end its aggregate initialisation in C++20; a last member of type 'pin::Immovable' (from <pincheck/pin.h>) forbids them and keeps it
// CHECK-FIXES: {{^}}struct Tokens { char buf[16]; char *p = buf; {{\[\[}}no_unique_address]] pin::Immovable immovable{}; };{{$}}

// Negative twin: not an aggregate (it has a constructor of its own), so the
// warning has the usual fix-it and there is no note.
class Buffer {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Buffer' leaves 'cur_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+10]]:9: note: interior pointer 'cur_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:19: note: 'cur_' is set here to the address of member 'buf_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'cur_' unchanged
public:
  Buffer() : cur_(buf_) {}
// CHECK-FIXES:      {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer(const Buffer &) = delete;{{$}}

private:
  char buf_[8];
  char *cur_;
};

void uses() {
  Agg Positional{{}, nullptr, 3};
  Agg Designated{.buf = {}, .cur = nullptr, .n = 4};
  Agg Empty{};
  Tokens Default;
  Buffer Built;
  (void)Positional, (void)Designated, (void)Empty, (void)Default, (void)Built;
}
