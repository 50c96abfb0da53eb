//===--- PinCheck.h - What every pincheck check shares --------------------===//
//
// Part of pincheck. The base of the five checks: the options of the model
// (PinnedTypes, PinningFunctions, EscapingFunctions, read locally or
// globally) and the translation unit's `PinAnalysis`, shared by every check
// with the same options so that each type and each function is analysed
// once, whichever check asks.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_PINCHECK_H
#define PINCHECK_CHECKS_PINCHECK_H

#include "Model/PinAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>

namespace pincheck {

class PinCheck : public clang::tidy::ClangTidyCheck {
public:
  PinCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  PinCheck(const PinCheck &) = delete;
  PinCheck &operator=(const PinCheck &) = delete;

  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// The analysis of the translation unit `Context` belongs to.
  PinAnalysis &analysis(const clang::ASTContext &Context);
  /// Whether another check of this run is enabled (one mistake, one
  /// finding: the more specific check reports a statement).
  bool isCheckEnabled(llvm::StringRef CheckName) const;
  /// Another check's option, as configured for this run.
  std::string optionOf(llvm::StringRef CheckName, llvm::StringRef Option,
                       llvm::StringRef Default) const;

private:
  clang::tidy::ClangTidyContext *TidyContext;
  const std::string PinnedTypes;
  const std::string PinningFunctions;
  const std::string EscapingFunctions;
  std::shared_ptr<PinAnalysis> Analysis;
  const clang::ASTContext *AnalysisFor = nullptr;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_PINCHECK_H
