//===--- RelocatableClaimCheck.h - pin-relocatable-claim ===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_RELOCATABLECLAIMCHECK_H
#define PINCHECK_RELOCATABLECLAIMCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports relocatability declared for a self-referential or pinned-marker type (model section 5).
///
/// Registered so that configurations naming it are valid in every frontend;
/// the analysis lands with issue #4 and reports nothing until then (see
/// docs/checks/pin-relocatable-claim.md).
class RelocatableClaimCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
};

} // namespace pincheck

#endif // PINCHECK_RELOCATABLECLAIMCHECK_H
