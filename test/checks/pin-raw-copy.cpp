// RUN: %check_pincheck --frontend=tidy %s pin-raw-copy %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli %s pin-raw-copy %t -- -std=c++20
// RUN: %check_pincheck --frontend=plugin %s pin-raw-copy %t -- -std=c++20

// Byte copies of objects that must not move, pinned or not. The standard
// library is libstdc++ (the default here): its std::string points into
// itself.

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <pincheck/pin.h>
#include <string>

// Trivially copyable, so -Wnontrivial-memcall and
// bugprone-undefined-memory-manipulation stay quiet; it points into itself.
struct Frame {
  char data[16];
  char *top = data;
};
struct PIN_PINNED Task {
  int id;
};
struct Record {
  std::string name;
  int id;
};

void copies(Frame &a, Frame &b, Task &t, Task &u, Record *records, int n) {
  std::memcpy(&a, &b, sizeof(Frame));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'Frame' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-13]]:9: note: 'Frame' points 'top' into itself
  memmove(&a, &b, sizeof a);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memmove' copies objects of type 'Frame' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-16]]:9: note: 'Frame' points 'top' into itself
  __builtin_memcpy(&t, &u, sizeof(Task));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '__builtin_memcpy' copies objects of type 'Task' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-17]]:19: note: 'Task' is a pinned marker
  records = static_cast<Record *>(realloc(records, n * sizeof(Record)));
// CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'realloc' moves objects of type 'Record' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-16]]:15: note: 'Record' contains 'name': 'std::string' keeps pointers into its own object (derived from the standard library's code)
  char bytes[sizeof(Frame)];
  std::memcpy(bytes, reinterpret_cast<char *>(&a), sizeof(Frame));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'Frame' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-26]]:9: note: 'Frame' points 'top' into itself
  auto image = std::bit_cast<std::array<char, sizeof(Frame)>>(a);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::bit_cast' copies objects of type 'Frame' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-29]]:9: note: 'Frame' points 'top' into itself
  std::copy(reinterpret_cast<char *>(&a), reinterpret_cast<char *>(&a + 1),
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::copy' copies objects of type 'Frame' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-32]]:9: note: 'Frame' points 'top' into itself
            reinterpret_cast<char *>(&b));
}

// Negative twins: plain structs, char buffers, pointers to other objects.
struct Plain {
  int x;
  char name[8];
};
struct Link {
  Link *next;
  int value;
};
int Global;
struct External {
  int *p = &Global;
};
void fine(Plain &p, Plain &q, Link &l, Link &m, External &e, External &f,
          char *dst, const char *src, int *values, int n) {
  std::memcpy(&p, &q, sizeof(Plain));
  std::memcpy(&l, &m, sizeof(Link));
  std::memcpy(&e, &f, sizeof(External));
  std::memcpy(dst, src, 16);
  values = static_cast<int *>(realloc(values, n * sizeof(int)));
  auto image = std::bit_cast<std::array<char, sizeof(Plain)>>(p);
}
