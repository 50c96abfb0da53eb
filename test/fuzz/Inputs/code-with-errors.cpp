// Code with errors in it, in the places each check looks at: every check
// must answer on what is valid and survive what is not.
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

template <class T> struct IsBitwiseMoveable : std::false_type {};

struct Buffer {
  char data[8];
  char *cursor = data;
};

// An invalid member type and an undeclared initializer.
struct Broken {
  UnknownType member;
  char data[8];
  char *cursor = undeclared_name;
};

// A class that is only declared.
struct Incomplete;

void rawCopies(Buffer *to, Buffer *from, Incomplete *a, Incomplete *b,
               Broken *c, Broken *d) {
  std::memcpy(to, from, sizeof(Buffer));
  std::memcpy(a, b, 16);
  std::memcpy(c, d, sizeof(Broken));
}

void containers(std::vector<Buffer> &buffers, std::vector<Broken> &broken) {
  buffers.push_back(Buffer());
  broken.push_back(Broken());
  std::vector<UnknownElement> unknown;
  unknown.push_back(1);
}

template <> struct IsBitwiseMoveable<Buffer> : std::true_type {};
template <> struct IsBitwiseMoveable<Broken> : std::true_type {};
template <> struct IsBitwiseMoveable<Incomplete> : std::true_type {};

Buffer *kept;
void keep(Buffer *b) { kept = b; }
void moves() {
  Buffer b;
  keep(&b);
  Buffer moved = std::move(b);
  Broken x;
  keep(&x);
  Broken y = std::move(x);
  undeclared_function(b);
  Buffer z = std::move(
}
