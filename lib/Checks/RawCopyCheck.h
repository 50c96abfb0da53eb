//===--- RawCopyCheck.h - pin-raw-copy ------------------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RAWCOPYCHECK_H
#define PINCHECK_CHECKS_RAWCOPYCHECK_H

#include "Checks/CheckOptions.h"
#include "Model/SelfReferenceModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports `memcpy`, `memmove`, `realloc`, `std::bit_cast` and byte-wise
/// `std::copy` of objects of a self-referential or pinned-marker type,
/// pinned or not (model section 6), with a fix-it to an assignment where the
/// type's copy assignment re-seats its pointers.
///
/// For the user-facing documentation see docs/checks/pin-raw-copy.md.
class RawCopyCheck : public clang::tidy::ClangTidyCheck {
public:
  RawCopyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  RawCopyCheck(const RawCopyCheck &) = delete;
  RawCopyCheck &operator=(const RawCopyCheck &) = delete;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  const std::string PinnedTypes;
  SharedModel Models;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_RAWCOPYCHECK_H
