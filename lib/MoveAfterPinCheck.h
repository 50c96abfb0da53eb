//===--- MoveAfterPinCheck.h - pin-move-after-pin ===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MOVEAFTERPINCHECK_H
#define PINCHECK_MOVEAFTERPINCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports a copy, move, swap or raw copy of an object after a pin event (model sections 4 and 5).
///
/// Registered so that configurations naming it are valid in every frontend;
/// the analysis lands with issue #3 and reports nothing until then (see
/// docs/checks/pin-move-after-pin.md).
class MoveAfterPinCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
};

} // namespace pincheck

#endif // PINCHECK_MOVEAFTERPINCHECK_H
