// A stand-in for BDE's bslmf headers (not packaged in Debian 12): the trait
// and the nested trait declaration with BDE's shape.
#pragma once
#include <type_traits>
namespace BloombergLP {
namespace bslmf {
template <class T> struct IsBitwiseMoveable : std::false_type {};
template <class T, template <class> class Trait> struct NestedTraitDeclaration {};
} // namespace bslmf
} // namespace BloombergLP
#define BSLMF_NESTED_TRAIT_DECLARATION(TYPE, TRAIT)                            \
  operator BloombergLP::bslmf::NestedTraitDeclaration<TYPE, TRAIT>() const {   \
    return BloombergLP::bslmf::NestedTraitDeclaration<TYPE, TRAIT>();          \
  }
