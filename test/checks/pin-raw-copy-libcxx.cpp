// libc++: std::string does not point into itself (its short form has no
// pointer); std::list does (its sentinel node lives in the list object).
// REQUIRES: libcxx
// RUN: %check_pincheck --frontend=tidy %s pin-raw-copy %t -- -std=c++17 -stdlib=libc++
// RUN: %check_pincheck --frontend=cli %s pin-raw-copy %t -- -std=c++17 -stdlib=libc++
// RUN: %check_pincheck --frontend=plugin %s pin-raw-copy %t -- -std=c++17 -stdlib=libc++

#include <cstring>
#include <list>
#include <string>
#include <vector>

struct Named {
  std::string name;
};
struct Listed {
  std::list<int> items;
};
struct Vectored {
  std::vector<int> items;
};

void copy(Named &a, Named &b, Listed &c, Listed &d, Vectored &e, Vectored &f) {
  std::memcpy(&a, &b, sizeof(Named));
  std::memcpy(&c, &d, sizeof(Listed));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'Listed' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-10]]:18: note: 'Listed' contains 'items': 'std::list<int>' keeps pointers into its own object (from pincheck's table for this standard library)
  std::memcpy(&e, &f, sizeof(Vectored));
}
