// A stand-in for folly/Traits.h (folly is not packaged in Debian 12): the
// trait and the macros with folly's shape.
#pragma once
#include <type_traits>
namespace folly {
template <class T> struct IsRelocatable : std::false_type {};
} // namespace folly
#define FOLLY_ASSUME_RELOCATABLE(...)                                          \
  struct IsRelocatable<__VA_ARGS__> : std::true_type {}
#define FOLLY_ASSUME_FBVECTOR_COMPATIBLE(...)                                  \
  namespace folly {                                                            \
  template <> FOLLY_ASSUME_RELOCATABLE(__VA_ARGS__);                           \
  }
