//===--- WholeProgram.h - Facts first, then the checks --------------------===//
//
// Part of pincheck. Whole-program analysis (docs/design.md, "Whole-program
// analysis"): every unit of the compilation database is summarised into
// facts (Model/Facts.h) that the others consult, and the requested units
// are checked with them. Both happen in one parse of each unit, in rounds:
// the first round runs every unit the store does not know as it is now;
// each later round runs again the units that consulted a fact that has
// changed since, until none did.
//
// With a store (`build/.pincheck`, Store/FactStore.h), a unit whose inputs
// and consulted facts are unchanged is neither summarised nor checked: its
// facts and findings are reused.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_WHOLEPROGRAM_H
#define PINCHECK_TOOLS_PINCHECK_WHOLEPROGRAM_H

#include "Analysis.h"
#include "llvm/Support/Error.h"

namespace pincheck {

/// Analyses `Files`, and summarises every unit of `Compilations`.
AnalysisResults
analyseWholeProgram(const clang::tooling::CompilationDatabase &Compilations,
                    const std::vector<std::string> &Files,
                    const AnalysisSettings &Options);

/// Adds the records of the stores `From` to the store `Into`. The result
/// does not depend on the order of `From` (docs/decisions.md).
llvm::Error mergeFactStores(llvm::StringRef Into,
                            llvm::ArrayRef<std::string> From);

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_WHOLEPROGRAM_H
