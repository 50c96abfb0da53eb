//===--- RelocatableClaimCheck.h - pin-relocatable-claim ------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RELOCATABLECLAIMCHECK_H
#define PINCHECK_CHECKS_RELOCATABLECLAIMCHECK_H

#include "Checks/PinCheck.h"

namespace pincheck {

/// Reports relocatability declared for a self-referential or pinned-marker
/// type: `[[clang::trivial_abi]]`, Qt's `Q_DECLARE_TYPEINFO` with a
/// relocatable flag, `folly::IsRelocatable` and BSL `IsBitwiseMoveable`
/// traits, P1144's `[[trivially_relocatable]]` (docs/model.md, "Relocatability
/// claims"); and `PIN_UNPIN` on a class whose member declared `PIN_STRUCTURAL`
/// must not move (docs/model.md, "Pin projection").
///
/// For the user-facing documentation see
/// docs/checks/pin-relocatable-claim.md.
class RelocatableClaimCheck : public PinCheck {
public:
  using PinCheck::PinCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkClass(const clang::CXXRecordDecl *Record,
                  const clang::SourceManager &SM);
  void checkUnpinClaim(const clang::CXXRecordDecl *Record,
                       const clang::SourceManager &SM);
  void checkTrait(const clang::ClassTemplateSpecializationDecl *Trait,
                  const clang::SourceManager &SM);
  void checkNestedTrait(const clang::CXXConversionDecl *Nested,
                        const clang::SourceManager &SM);
  void diagnose(clang::SourceLocation Loc, llvm::StringRef Claim,
                clang::QualType Type,
                llvm::ArrayRef<clang::FixItHint> Fixes = {},
                clang::QualType Written = {});

  const clang::ASTContext *Context = nullptr;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_RELOCATABLECLAIMCHECK_H
