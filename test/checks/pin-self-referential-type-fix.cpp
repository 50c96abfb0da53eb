// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

#include <vector>

// A struct with no access specifier: the declarations go first.
struct Scratch {
  char buf[16];
  char *top = buf;
};
// CHECK-FIXES:      {{^}}struct Scratch {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Scratch() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Scratch(const Scratch &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Scratch &operator=(const Scratch &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Scratch(Scratch &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Scratch &operator=(Scratch &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  char buf[16];{{$}}

// A class with a public section: the declarations go at its start.
class Buffer {
public:
  Buffer() : cur_(buf_) {}

private:
  char buf_[64];
  char *cur_;
};
// CHECK-FIXES:      {{^}}class Buffer {{{$}}
// CHECK-FIXES-NEXT: {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer(const Buffer &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer &operator=(const Buffer &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer(Buffer &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer &operator=(Buffer &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Buffer() : cur_(buf_) {}{{$}}

// A class without a public section gets one.
class Hidden {
  char buf_[8];
  char *cur_ = buf_;
};
// CHECK-FIXES:      {{^}}class Hidden {{{$}}
// CHECK-FIXES-NEXT: {{^}}  char buf_[8];{{$}}
// CHECK-FIXES-NEXT: {{^}}  char *cur_ = buf_;{{$}}
// CHECK-FIXES-NEXT: {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  Hidden() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Hidden(const Hidden &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Hidden &operator=(const Hidden &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Hidden(Hidden &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Hidden &operator=(Hidden &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}};{{$}}

// Only copies are wrong: the moves, which the new declarations would
// suppress, are kept by defaulting them.
struct Tokens {
  std::vector<int> toks;
  int *cur = toks.data();
};
// CHECK-FIXES:      {{^}}struct Tokens {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Tokens() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Tokens(const Tokens &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Tokens &operator=(const Tokens &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Tokens(Tokens &&) = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Tokens &operator=(Tokens &&) = default;{{$}}

// A defaulted operation is turned into a deleted one in place.
class Defaulted {
public:
  Defaulted() : self_(this) {}
  Defaulted(const Defaulted &) = default;
  Defaulted &operator=(const Defaulted &) = delete;

private:
  Defaulted *self_;
};
// CHECK-FIXES:      {{^}}  Defaulted(const Defaulted &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Defaulted &operator=(const Defaulted &) = delete;{{$}}

// A user-written copy is not rewritten: the repair (re-seating the pointer)
// is the author's to make.
class Verbatim {
public:
  Verbatim() : cur_(buf_) {}
  Verbatim(const Verbatim &other) : cur_(other.cur_) {}
  Verbatim &operator=(const Verbatim &) = delete;

private:
  char buf_[8];
  char *cur_;
};
// CHECK-FIXES:      {{^}}class Verbatim {{{$}}
// CHECK-FIXES-NEXT: {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  Verbatim() : cur_(buf_) {}{{$}}
// CHECK-FIXES-NEXT: {{^}}  Verbatim(const Verbatim &other) : cur_(other.cur_) {}{{$}}

// A class written on one line: the declarations go on lines of their own,
// indented two spaces past the class's line, not as far as the member's
// column (on a generated one-line file that would be as wide as the line).
namespace oneline { struct Packed { char b[4]; char *p = b; }; }
// CHECK-FIXES:      {{^}}namespace oneline { struct Packed {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Packed() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Packed(const Packed &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Packed &operator=(const Packed &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Packed(Packed &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Packed &operator=(Packed &&) = delete; char b[4]; char *p = b; }; }{{$}}

// Tabs indent as the member they follow does.
struct Tabbed {
	char b[4];
	char *p = b;
};
// CHECK-FIXES:      {{^}}struct Tabbed {{{$}}
// CHECK-FIXES-NEXT: {{^}}	Tabbed() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}	Tabbed(const Tabbed &) = delete;{{$}}

// A class template: the declarations use the injected class name, and the
// instantiations keep their default construction and aggregate
// initialisation.
template <class T> struct Ring {
  T slots[4];
  T *head = slots;
};
// CHECK-FIXES:      {{^}}template <class T> struct Ring {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Ring() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Ring(const Ring &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Ring &operator=(const Ring &) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Ring(Ring &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Ring &operator=(Ring &&) = delete;{{$}}
// CHECK-FIXES-NEXT: {{^}}  T slots[4];{{$}}

// The repaired classes keep every correct use compiling (the fixed file is
// compiled): default construction, which the declared constructors would
// suppress without `T() = default;`, and aggregate initialisation, which
// deleted constructors leave alone before C++20. A class with a constructor
// of its own (Buffer) gets no default constructor.
void uses() {
  Scratch Default;
  Scratch Braced{};
  Scratch Aggregate{{}, nullptr};
  Tokens Empty;
  Tabbed Tab{};
  Hidden Closed;
  Ring<int> Ints;
  Ring<char> Chars{};
  (void)Default, (void)Braced, (void)Aggregate, (void)Empty, (void)Tab,
      (void)Closed, (void)Ints, (void)Chars;
}
