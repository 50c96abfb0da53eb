//===--- RelocatingContainerCheck.h - pin-relocating-container ===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_RELOCATINGCONTAINERCHECK_H
#define PINCHECK_RELOCATINGCONTAINERCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports containers and algorithms that relocate self-referential or pinned elements (model section 5).
///
/// Registered so that configurations naming it are valid in every frontend;
/// the analysis lands with issue #4 and reports nothing until then (see
/// docs/checks/pin-relocating-container.md).
class RelocatingContainerCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
};

} // namespace pincheck

#endif // PINCHECK_RELOCATINGCONTAINERCHECK_H
