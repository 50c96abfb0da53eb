// RUN: %check_pincheck --frontend=tidy %s pin-relocatable-claim %t -- -std=c++17 -Wno-unknown-attributes -I%S/Inputs
// RUN: %check_pincheck --frontend=cli %s pin-relocatable-claim %t -- -std=c++17 -Wno-unknown-attributes -I%S/Inputs
// RUN: %check_pincheck --frontend=plugin %s pin-relocatable-claim %t -- -std=c++17 -Wno-unknown-attributes -I%S/Inputs

#include <bslmf/bslmf.h>
#include <folly/Traits.h>
#include <list>
#include <pincheck/pin.h>
#include <vector>

// [[clang::trivial_abi]] on a type that points into itself; the fix-it
// removes the claim.
struct [[clang::trivial_abi]] Frame {
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: '{{\[\[}}clang::trivial_abi{{\]\]}}' declares 'Frame' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE+2]]:9: note: 'Frame' points 'top' into itself
  char data[16];
  char *top = data;
};
// CHECK-FIXES: {{^}}struct Frame {{{$}}
// Negative twin: a heap pointer is relocatable in fact.
struct [[clang::trivial_abi]] Handle {
  int *resource = nullptr;
};

// folly::IsRelocatable: a full specialisation, a partial one for a standard
// container that keeps pointers into itself, and the macro.
struct Cursor {
  char data[8];
  char *at = data;
};
struct PIN_PINNED Task {
  int id;
};
struct Plain {
  int x;
};
namespace folly {
template <> struct IsRelocatable<Cursor> : std::true_type {};
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'folly::IsRelocatable' declares 'Cursor' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE-11]]:9: note: 'Cursor' points 'at' into itself
template <class T> struct IsRelocatable<std::list<T>> : std::true_type {};
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'folly::IsRelocatable' declares 'std::list<T>' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE-2]]:20: note: 'list<_Tp, _Alloc>' keeps pointers into its own object (from pincheck's table for this standard library)
template <> struct IsRelocatable<Plain> : std::true_type {};
template <class T> struct IsRelocatable<std::vector<T>> : std::true_type {};
template <> struct IsRelocatable<int *> : std::false_type {};
} // namespace folly
FOLLY_ASSUME_FBVECTOR_COMPATIBLE(Task)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'folly::IsRelocatable' declares 'Task' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE-19]]:19: note: 'Task' is a pinned marker

// BSL: a trait specialisation and the nested declaration.
namespace BloombergLP {
namespace bslmf {
template <> struct IsBitwiseMoveable<Cursor> : std::true_type {};
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'bslmf::IsBitwiseMoveable' declares 'Cursor' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE-28]]:9: note: 'Cursor' points 'at' into itself
template <> struct IsBitwiseMoveable<Plain> : std::true_type {};
} // namespace bslmf
} // namespace BloombergLP
struct Ring {
  BSLMF_NESTED_TRAIT_DECLARATION(Ring, BloombergLP::bslmf::IsBitwiseMoveable)
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'BSLMF_NESTED_TRAIT_DECLARATION' declares 'Ring' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE+1]]:9: note: 'Ring' points 'next' into itself
  Ring *next = this;
};
struct Flat {
  BSLMF_NESTED_TRAIT_DECLARATION(Flat, BloombergLP::bslmf::IsBitwiseMoveable)
  int value = 0;
};

// P1144's attribute, unknown to this Clang, read from the class head.
struct [[trivially_relocatable]] Sentinel {
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: '{{\[\[}}trivially_relocatable{{\]\]}}' declares 'Sentinel' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE+1]]:13: note: 'Sentinel' points 'self' into itself
  Sentinel *self = this;
};
struct [[trivially_relocatable]] Buffer {
  std::vector<char> bytes;
};
