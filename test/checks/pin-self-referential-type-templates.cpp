// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

#include <array>
#include <cstddef>
#include <string>

// Judged on the pattern and reported once, however often it is instantiated.
template <class T, std::size_t N> class InlineStack {
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: copying or moving 'InlineStack' leaves 'top_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:6: note: interior pointer 'top_' declared here
// CHECK-MESSAGES: :[[@LINE+6]]:13: note: 'top_' is set here to the address of member 'items_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:41: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'top_' unchanged
public:
  void push(const T &value) { *top_++ = value; }
private:
  T items_[N];
  T *top_ = items_;
};

// A member of dependent type: `items_.data()` before instantiation.
template <class T, std::size_t N> class ArrayCursor {
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: copying or moving 'ArrayCursor' leaves 'cur_' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:6: note: interior pointer 'cur_' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:23: note: 'cur_' is set here to point into 'items_' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:41: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'cur_' unchanged
public:
  ArrayCursor() : cur_(items_.data()) {}
private:
  std::array<T, N> items_;
  T *cur_;
};

// Negative twin: a template whose pointer comes from outside.
template <class T> class Span {
public:
  Span(T *data, std::size_t size) : data_(data), size_(size) {}
private:
  T *data_;
  std::size_t size_;
};

// Negative twin: a template that contains a self-referential one.
template <class T> struct Holder {
  InlineStack<T, 4> stack;
};

void use() {
  InlineStack<int, 8> a;
  InlineStack<std::string, 2> b;
  ArrayCursor<double, 3> c;
  int data[2];
  Span<int> d(data, 2);
  Holder<char> e;
  a.push(1);
  b.push("x");
  (void)c;
  (void)d;
  (void)e;
}
