//===--- SharedAnalysis.h - One analysis per translation unit -------------===//
//
// Part of pincheck. The checks of one translation unit share one
// `PinAnalysis` (each type and function is analysed once, whichever check
// asks), and with it the facts of the other units (whole-program analysis,
// docs/design.md): a frontend that owns the facts (the CLI, pincheck-clangd)
// hands them to the units it runs; otherwise the checks read the store the
// `FactStore` option names, or the one found beside the compilation
// database, and without a store they see one unit as before.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_SHAREDANALYSIS_H
#define PINCHECK_CHECKS_SHAREDANALYSIS_H

#include "Model/PinAnalysis.h"
#include <memory>
#include <string>

namespace clang {
class ASTContext;
namespace tidy {
class ClangTidyContext;
} // namespace tidy
} // namespace clang

namespace pincheck {

/// The model's options and where its facts come from, as the checks read
/// them (locally or globally).
struct SharedAnalysisOptions {
  std::string PinnedTypes;
  std::string PinningFunctions;
  std::string EscapingFunctions;
  /// The `FactStore` option: a store directory, empty to look for one
  /// beside the compilation database, `none` for none.
  std::string FactStore;
};

/// The options as configured globally for the checks of `Tidy`.
SharedAnalysisOptions
globalAnalysisOptions(const clang::tidy::ClangTidyContext &Tidy);

/// The analysis of the unit `Context` belongs to, with these options;
/// it lives as long as someone holds it.
std::shared_ptr<PinAnalysis>
sharedAnalysis(const clang::tidy::ClangTidyContext &Tidy,
               const clang::ASTContext &Context,
               const SharedAnalysisOptions &Options);

/// While it lives, the units run with `Tidy` take their facts from
/// `Facts` instead of a store.
class ScopedFactSource {
public:
  ScopedFactSource(const clang::tidy::ClangTidyContext &Tidy,
                   std::shared_ptr<FactSource> Facts);
  ~ScopedFactSource();
  ScopedFactSource(const ScopedFactSource &) = delete;
  ScopedFactSource &operator=(const ScopedFactSource &) = delete;

private:
  const clang::tidy::ClangTidyContext &Tidy;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_SHAREDANALYSIS_H
