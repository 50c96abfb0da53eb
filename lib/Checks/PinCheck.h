//===--- PinCheck.h - What every pincheck check shares --------------------===//
//
// Part of pincheck. The base of the five checks: the options of the model
// (PinnedTypes, PinningFunctions, EscapingFunctions, FactStore, read locally
// or globally) and the translation unit's `PinAnalysis`, shared by every
// check with the same options (Checks/SharedAnalysis.h).
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_PINCHECK_H
#define PINCHECK_CHECKS_PINCHECK_H

#include "Model/PinAnalysis.h"
#include "Model/Projection.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/StringSet.h"
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
  /// Where a note about what another translation unit does goes: at the
  /// site when its file reads and still has that line, else at `Fallback`.
  clang::SourceLocation locateSite(const FactSite &Site,
                                   clang::SourceLocation Fallback,
                                   clang::SourceManager &SM);
  /// The note, at its definition in another translation unit, on a fact a
  /// finding relies on (whole-program analysis); nothing when the cause
  /// lies in this unit.
  void noteElsewhere(const PinCause &Cause, clang::SourceLocation Fallback,
                     clang::SourceManager &SM);
  void noteElsewhere(const TypeCause &Cause, clang::SourceLocation Fallback,
                     const clang::ASTContext &Context);
  /// The note on why a member is pinned with its pinned object, at the
  /// member (docs/model.md, "Pin projection").
  void noteStructural(const StructuralPin &Structural);
  /// Starts a finding: its notes on other units' facts are shown once.
  void newFinding() { NotedElsewhere.clear(); }
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
  const std::string FactStore;
  llvm::StringSet<> NotedElsewhere;
  std::shared_ptr<PinAnalysis> Analysis;
  const clang::ASTContext *AnalysisFor = nullptr;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_PINCHECK_H
