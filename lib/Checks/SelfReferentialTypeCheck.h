//===--- SelfReferentialTypeCheck.h - pin-self-referential-type -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_SELFREFERENTIALTYPECHECK_H
#define PINCHECK_CHECKS_SELFREFERENTIALTYPECHECK_H

#include "Checks/CheckOptions.h"
#include "Model/SelfReferenceModel.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace pincheck {

/// Reports a class whose own copy or move operations leave an interior
/// pointer or an escaped address aimed at the source object (model sections
/// 3 and 6), once per class, with a fix-it that deletes the faulty
/// operations.
///
/// For the user-facing documentation see
/// docs/checks/pin-self-referential-type.md.
class SelfReferentialTypeCheck : public clang::tidy::ClangTidyCheck {
public:
  SelfReferentialTypeCheck(llvm::StringRef Name,
                           clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void diagnoseFaults(const TypeSummary &Summary);
  std::vector<clang::FixItHint>
  deleteFaultyMembers(const TypeSummary &Summary,
                      const clang::SourceManager &SM,
                      const clang::LangOptions &LangOpts);

  const std::string PinnedTypes;
  SharedModel Models;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_SELFREFERENTIALTYPECHECK_H
