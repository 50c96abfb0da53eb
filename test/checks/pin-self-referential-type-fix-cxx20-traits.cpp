// RUN: %check_pincheck --frontend=tidy --fix-notes %s pin-self-referential-type %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli --fix-notes %s pin-self-referential-type %t -- -std=c++20

// C++20 neighbours of the fix-it's meaning: a concept asked of the class
// (the fix-it moves to a note there), and what the inserted declarations
// leave alone: defaulted comparisons (they take the class by reference) and
// constant evaluation (deleted and defaulted members are constexpr-neutral).
// The fixed file is compiled by check_pincheck.py.

#include <compare>
#include <concepts>

class Token {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Token' leaves 'Cur' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:9: note: interior pointer 'Cur' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:15: note: 'Cur' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Cur' unchanged
// CHECK-MESSAGES: :[[@LINE+12]]:34: note: 'std::copyable' asks about 'Token' here, and deleting its copy and move operations changes the answer; check what depends on it before applying this fix-it
  char Buf[8] = {};
  char *Cur = Buf;

public:
  char first() const { return Buf[0]; }
};
// CHECK-FIXES:      {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  Token() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Token(const Token &) = delete;{{$}}

template <class T> int tag(const T &) { return 0; }
template <class T> requires std::copyable<T> int tag(const T &) { return 1; }
int tokenTag(const Token &T) { return tag(T); }

// Negative twins: defaulted comparisons and constant evaluation keep
// working after the fix-it, which stays on the warning.
class Mark {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Mark' leaves 'At' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:8: note: interior pointer 'At' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:13: note: 'At' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'At' unchanged
  int Buf[2] = {};
  int *At = Buf;

public:
  constexpr int value() const { return *At; }
  auto operator<=>(const Mark &) const = default;
  bool operator==(const Mark &) const = default;
};
// CHECK-FIXES:      {{^}}public:{{$}}
// CHECK-FIXES-NEXT: {{^}}  Mark() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Mark(const Mark &) = delete;{{$}}

bool same(const Mark &A, const Mark &B) { return A == B && (A <=> B) == 0; }
constexpr int firstValue() {
  Mark M;
  return M.value();
}
static_assert(firstValue() == 0);
static_assert(std::equality_comparable<Mark>);

// A constrained template parameter asks too.
struct Cell {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Cell' leaves 'At' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:8: note: interior pointer 'At' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:13: note: 'At' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'At' unchanged
// CHECK-MESSAGES: :[[@LINE+6]]:16: note: 'std::movable' asks about 'Cell' here, and deleting its copy and move operations changes the answer; check what depends on it before applying this fix-it
  int Buf[2];
  int *At = Buf;
  Cell() {}
};
template <class T> int weight(const T &) { return 0; }
template <std::movable T> int weight(const T &) { return 1; }
int cellWeight(const Cell &C) { return weight(C); }
