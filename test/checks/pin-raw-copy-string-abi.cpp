// Whether std::string points into itself is decided from the library the
// unit is compiled against: libstdc++'s C++11 ABI keeps short strings
// inline; its old ABI (copy-on-write) does not.
// RUN: %check_pincheck --frontend=tidy --check-suffix=NEW %s pin-raw-copy %t -- -std=c++17 -D_GLIBCXX_USE_CXX11_ABI=1
// RUN: %check_pincheck --frontend=cli --check-suffix=NEW %s pin-raw-copy %t -- -std=c++17 -D_GLIBCXX_USE_CXX11_ABI=1
// RUN: %check_pincheck --frontend=plugin --check-suffix=NEW %s pin-raw-copy %t -- -std=c++17 -D_GLIBCXX_USE_CXX11_ABI=1
// RUN: %check_pincheck --frontend=tidy --check-suffix=OLD %s pin-raw-copy %t -- -std=c++17 -D_GLIBCXX_USE_CXX11_ABI=0
// RUN: %check_pincheck --frontend=cli --check-suffix=OLD %s pin-raw-copy %t -- -std=c++17 -D_GLIBCXX_USE_CXX11_ABI=0
// RUN: %check_pincheck --frontend=plugin --check-suffix=OLD %s pin-raw-copy %t -- -std=c++17 -D_GLIBCXX_USE_CXX11_ABI=0

#include <cstring>
#include <string>

struct Named {
  std::string Name;
};
void copy(Named &A, const Named &B) { std::memcpy(&A, &B, sizeof(Named)); }
// CHECK-MESSAGES-NEW: :[[@LINE-1]]:39: warning: 'memcpy' copies objects of type 'Named' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-NEW: :[[@LINE-4]]:15: note: 'Named' contains 'Name': 'std::string' keeps pointers into its own object (derived from the standard library's code)
