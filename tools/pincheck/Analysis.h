//===--- Analysis.h - The translation units, analysed in parallel ---------===//
//
// Part of pincheck. The second phase of a run: every translation unit goes
// through the clang-tidy engine with pincheck's checks, on a thread pool;
// the results are merged in the order of the inputs, so that the report
// does not depend on -j.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_ANALYSIS_H
#define PINCHECK_TOOLS_PINCHECK_ANALYSIS_H

#include "TidyOptions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace pincheck {

struct AnalysisOptions {
  TidySettings Tidy;
  /// Translation units analysed at once; 0 for the number of cores.
  unsigned Jobs = 0;
  /// Keep the fix-its of notes too (--fix-notes).
  bool ApplyAnyFix = false;
};

/// What the translation units reported, together.
struct AnalysisResults {
  /// Findings and compile errors, merged (`mergeFindings`).
  std::vector<clang::tidy::ClangTidyError> Errors;
  unsigned SuppressedByNolint = 0;
  /// The translation units whose analysis crashed, in input order; the
  /// others' results are complete.
  std::vector<std::string> InternalErrors;
};

/// Analyses `Files` with their commands from `Compilations`; a progress
/// line shows on a terminal. Each unit runs under crash recovery
/// (runRecoveringFromCrashes): a crash loses that unit's results only.
AnalysisResults
analyseUnits(const clang::tooling::CompilationDatabase &Compilations,
             const std::vector<std::string> &Files,
             const AnalysisOptions &Options);

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_ANALYSIS_H
