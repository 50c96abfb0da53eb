//===--- RawCopyCheck.h - pin-raw-copy ===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_RAWCOPYCHECK_H
#define PINCHECK_RAWCOPYCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports memcpy, memmove, realloc and bit_cast of self-referential or pinned-marker objects (model section 6).
///
/// Registered so that configurations naming it are valid in every frontend;
/// the analysis lands with issue #4 and reports nothing until then (see
/// docs/checks/pin-raw-copy.md).
class RawCopyCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
};

} // namespace pincheck

#endif // PINCHECK_RAWCOPYCHECK_H
