//===--- RelocatableClaimCheck.h - pin-relocatable-claim ------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RELOCATABLECLAIMCHECK_H
#define PINCHECK_CHECKS_RELOCATABLECLAIMCHECK_H

#include "Checks/CheckOptions.h"
#include "Model/SelfReferenceModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports relocatability declared for a self-referential or pinned-marker
/// type: `[[clang::trivial_abi]]`, Qt's `Q_DECLARE_TYPEINFO` with a
/// relocatable flag, `folly::IsRelocatable` and BSL `IsBitwiseMoveable`
/// traits, P1144's `[[trivially_relocatable]]` (model section 5).
///
/// For the user-facing documentation see
/// docs/checks/pin-relocatable-claim.md.
class RelocatableClaimCheck : public clang::tidy::ClangTidyCheck {
public:
  RelocatableClaimCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context);
  RelocatableClaimCheck(const RelocatableClaimCheck &) = delete;
  RelocatableClaimCheck &operator=(const RelocatableClaimCheck &) = delete;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void diagnose(clang::SourceLocation Loc, llvm::StringRef Claim,
                clang::QualType Type,
                llvm::ArrayRef<clang::FixItHint> Fixes = {},
                clang::QualType Written = {});

  const std::string PinnedTypes;
  SharedModel Models;
  const clang::ASTContext *Context = nullptr;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_RELOCATABLECLAIMCHECK_H
