// RUN: %check_pincheck --frontend=tidy %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=cli %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=plugin %s pin-raw-copy %t

// memcpy(&a, &b, sizeof(T)) becomes `a = b;` when T's copy assignment
// re-seats its pointers; otherwise no fix-it (an assignment would copy the
// pointer just as the memcpy does).

#include <cstring>

struct Reseats {
  Reseats() = default;
  Reseats(const Reseats &other) : top(data + (other.top - other.data)) {}
  Reseats &operator=(const Reseats &other) {
    std::memmove(data, other.data, sizeof data);
    top = data + (other.top - other.data);
    return *this;
  }
  char data[16];
  char *top = data;
};
struct Verbatim {
  char data[16];
  char *top = data;
};

void copy(Reseats &a, Reseats &b, Verbatim &c, Verbatim &d) {
  std::memcpy(&a, &b, sizeof(Reseats));
  // CHECK-FIXES: {{^}}  a = b;{{$}}
  std::memcpy(&c, &d, sizeof(Verbatim));
  // CHECK-FIXES: {{^}}  std::memcpy(&c, &d, sizeof(Verbatim));{{$}}
  void *result = std::memcpy(&a, &b, sizeof(Reseats));
  // CHECK-FIXES: {{^}}  void *result = std::memcpy(&a, &b, sizeof(Reseats));{{$}}
  (void)result;
}
