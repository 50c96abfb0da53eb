//===--- ModelTestSupport.h - Helpers for the model's unit tests ----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TEST_UNIT_MODELTESTSUPPORT_H
#define PINCHECK_TEST_UNIT_MODELTESTSUPPORT_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace pincheck::test {

/// Just enough of the standard library for the model, which recognises
/// library types by qualified name.
inline constexpr const char *MiniStd = R"cpp(
namespace std {
template <class T> struct vector { T *b, *e; T *data(); T *begin(); };
template <class C> struct basic_string { C *ptr; C local[16]; C *data(); };
using string = basic_string<char>;
template <class C> struct basic_string_view {
  basic_string_view(const C *);
  basic_string_view(const basic_string<C> &);
};
using string_view = basic_string_view<char>;
template <class T, unsigned long N> struct array { T elems[N]; T *data(); };
template <class T> struct unique_ptr {
  unique_ptr(T *);
  unique_ptr(const unique_ptr &) = delete;
  unique_ptr(unique_ptr &&);
};
template <class F> struct function { template <class G> function(G); };
}
)cpp";

/// Parses `Code` (after MiniStd) as C++17.
inline std::unique_ptr<clang::ASTUnit> parse(llvm::StringRef Code) {
  std::string Full = std::string(MiniStd) + Code.str();
  return clang::tooling::buildASTFromCodeWithArgs(Full, {"-std=c++17"},
                                                  "input.cpp");
}

/// The definition of the class named `Name`.
inline const clang::CXXRecordDecl *findClass(clang::ASTUnit &AST,
                                             llvm::StringRef Name) {
  using namespace clang::ast_matchers;
  auto Matches =
      match(cxxRecordDecl(hasName(Name), isDefinition()).bind("record"),
            AST.getASTContext());
  if (Matches.empty())
    return nullptr;
  return Matches.front().getNodeAs<clang::CXXRecordDecl>("record");
}

} // namespace pincheck::test

#endif // PINCHECK_TEST_UNIT_MODELTESTSUPPORT_H
