// PinnedTypes makes a class a pinned marker without annotating it.
// RUN: %check_pincheck --frontend=tidy --check-suffix=MARKED --config-file=%S/Inputs/pinned-types.yaml %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=cli --check-suffix=MARKED --config-file=%S/Inputs/pinned-types.yaml %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=plugin --check-suffix=MARKED --config-file=%S/Inputs/pinned-types.yaml %s pin-raw-copy %t
// Without the option the same code is fine:
// RUN: %check_pincheck --frontend=cli %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=plugin %s pin-raw-copy %t

#include <cstring>

namespace net {
struct Socket {
  int fd;
};
} // namespace net
struct Plain {
  int fd;
};

void copy(net::Socket &a, net::Socket &b, Plain &c, Plain &d) {
  std::memcpy(&a, &b, sizeof(net::Socket));
  // CHECK-MESSAGES-MARKED: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'net::Socket' byte by byte, but they must not move [pin-raw-copy]
  // CHECK-MESSAGES-MARKED: :[[@LINE-11]]:8: note: 'net::Socket' is a pinned marker
  std::memcpy(&c, &d, sizeof(Plain));
}
