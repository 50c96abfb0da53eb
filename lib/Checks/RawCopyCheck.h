//===--- RawCopyCheck.h - pin-raw-copy ------------------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RAWCOPYCHECK_H
#define PINCHECK_CHECKS_RAWCOPYCHECK_H

#include "Checks/PinCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace pincheck {

/// Reports `memcpy`, `memmove`, `realloc`, `std::bit_cast` and byte-wise
/// `std::copy` of objects of a self-referential or pinned-marker type,
/// pinned or not (docs/model.md, "The checks"), with a fix-it to an assignment
/// where the type's copy assignment re-seats its pointers.
///
/// For the user-facing documentation see docs/checks/pin-raw-copy.md.
class RawCopyCheck : public PinCheck {
public:
  using PinCheck::PinCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// The byte copies that are statements of their own (whose result is
  /// unused), matched before the calls themselves.
  llvm::DenseSet<const clang::CallExpr *> CallStatements;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_RAWCOPYCHECK_H
