//===--- RelocatingContainerCheck.h - pin-relocating-container ------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RELOCATINGCONTAINERCHECK_H
#define PINCHECK_CHECKS_RELOCATINGCONTAINERCHECK_H

#include "Checks/CheckOptions.h"
#include "Model/PinEvents.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports container members and algorithms that relocate elements which
/// must not move: elements whose type's own move is wrong (always), or an
/// element pinned earlier in the same function (flow-sensitive) (model
/// section 5).
///
/// For the user-facing documentation see
/// docs/checks/pin-relocating-container.md.
class RelocatingContainerCheck : public clang::tidy::ClangTidyCheck {
public:
  RelocatingContainerCheck(llvm::StringRef Name,
                           clang::tidy::ClangTidyContext *Context);
  RelocatingContainerCheck(const RelocatingContainerCheck &) = delete;
  RelocatingContainerCheck &
  operator=(const RelocatingContainerCheck &) = delete;
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
  const std::string PinningFunctions;
  const std::string EscapingFunctions;
  SharedModel Models;
  PinningApi Api;
  /// Built on the shared model of the current translation unit.
  std::unique_ptr<PinEventFinder> Pins;
  PinEventFinder &pinsFor(SelfReferenceModel &Model);
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_RELOCATINGCONTAINERCHECK_H
