//===--- SelfReferentialTypeCheck.h - pin-self-referential-type -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_SELFREFERENTIALTYPECHECK_H
#define PINCHECK_CHECKS_SELFREFERENTIALTYPECHECK_H

#include "Checks/PinCheck.h"

namespace pincheck {

/// Reports a class whose own copy or move operations leave an interior
/// pointer or an escaped address aimed at the source object (docs/model.md,
/// "Types" and "The checks"), once per class, with a fix-it that deletes the
/// faulty operations.
///
/// For the user-facing documentation see
/// docs/checks/pin-self-referential-type.md.
class SelfReferentialTypeCheck : public PinCheck {
public:
  using PinCheck::PinCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void diagnoseFaults(const TypeSummary &Summary);
  void notePointers(const TypeSummary &Summary);
  void notePointerElsewhere(const InteriorPointer &Pointer);
  void notePointeeStore(const InteriorPointer &Pointer);
  void noteFaultyMembers(const TypeSummary &Summary);
  void noteAggregateRepair(const clang::CXXRecordDecl *Record);
  void noteRejectedUses(const TypeSummary &Summary);
  std::vector<clang::FixItHint>
  deleteFaultyMembers(const TypeSummary &Summary,
                      const clang::SourceManager &SM,
                      const clang::LangOptions &LangOpts);
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_SELFREFERENTIALTYPECHECK_H
