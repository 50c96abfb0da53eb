// The standard library decides which standard types point into themselves.
// libstdc++: std::string (its short-string buffer) and std::list (its
// sentinel node) do.
// RUN: %check_pincheck --frontend=tidy --check-suffix=LIBSTDCXX %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=cli --check-suffix=LIBSTDCXX %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=plugin --check-suffix=LIBSTDCXX %s pin-raw-copy %t

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
// CHECK-MESSAGES-LIBSTDCXX: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'Named' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-LIBSTDCXX: :[[@LINE-12]]:15: note: 'Named' contains 'name': 'std::string' keeps pointers into its own object (derived from the standard library's code)
  std::memcpy(&c, &d, sizeof(Listed));
// CHECK-MESSAGES-LIBSTDCXX: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'Listed' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-LIBSTDCXX: :[[@LINE-12]]:18: note: 'Listed' contains 'items': 'std::list<int>' keeps pointers into its own object (derived from the standard library's code)
  std::memcpy(&e, &f, sizeof(Vectored));
}
