// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// A call through a pointer to member given as a template argument,
// `(r.*Fn)(p)`: a member call whose callee is not a member expression
// (issue 18: it crashed every frontend).
#include <vector>

struct Registry {
  std::vector<int *> items;
  void push_back(int *p) { items.push_back(p); }
  int peek(int *p) const { return *p; }
};

template <void (Registry::*Fn)(int *)> void store(Registry &r, int *p) {
  (r.*Fn)(p);
}
template <int (Registry::*Fn)(int *) const> int read(const Registry &r, int *p) {
  return (r.*Fn)(p);
}

// The registry keeps the address of the member: the holder is pinned from
// its construction.
struct Holder {
  int value = 0;
  explicit Holder(Registry &r) { store<&Registry::push_back>(r, &value); }
};

void moveHolder(Registry &r) {
  Holder h(r);
  Holder moved = static_cast<Holder &&>(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: moving 'h' of type 'Holder' after it was pinned [pin-move-after-pin]
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: 'h' is pinned from its construction: the constructor of 'Holder' hands its address to 'store'
}

// The twin: the registry only reads it.
struct Reader {
  int value = 0;
  explicit Reader(const Registry &r) { read<&Registry::peek>(r, &value); }
};

void moveReader(const Registry &r) {
  Reader h(r);
  Reader moved = static_cast<Reader &&>(h);
}
