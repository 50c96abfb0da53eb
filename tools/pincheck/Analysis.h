//===--- Analysis.h - The translation units, analysed in parallel ---------===//
//
// Part of pincheck. The second phase of a run: every translation unit goes
// through the clang-tidy engine with pincheck's checks, on a thread pool;
// the results are merged in the order of the inputs, so that the report
// does not depend on -j.
//
// With whole-program analysis (WholeProgram.h) a unit is also summarised
// into facts for the others, and sees theirs.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_ANALYSIS_H
#define PINCHECK_TOOLS_PINCHECK_ANALYSIS_H

#include "Store/FactStore.h"
#include "TidyOptions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pincheck {

struct WholeProgramOptions {
  bool Enabled = true;
  /// The fact store; empty to keep the facts in memory for this run.
  std::string Store;
  /// Only bring the facts up to date (--facts-only).
  bool FactsOnly = false;
  /// Summarise every unit of the database, not only the named ones.
  bool WholeDatabase = true;
};

struct AnalysisSettings {
  TidySettings Tidy;
  /// Translation units analysed at once; 0 for the number of cores.
  unsigned Jobs = 0;
  /// Keep the fix-its of notes too (--fix-notes).
  bool ApplyAnyFix = false;
  WholeProgramOptions WholeProgram;
};

/// What whole-program analysis did, for the summary line.
struct WholeProgramStats {
  bool Enabled = false;
  /// Units whose facts were reused, and those summarised in this run.
  unsigned FactsReused = 0;
  unsigned Summarised = 0;
  /// Requested units whose findings were reused without analysis.
  unsigned FindingsReused = 0;
  /// Rounds of analysis run (facts found in one round may change the
  /// results of units analysed before).
  unsigned Rounds = 0;
};

/// What the translation units reported, together.
struct AnalysisResults {
  /// Findings and compile errors, merged (`mergeFindings`).
  std::vector<clang::tidy::ClangTidyError> Errors;
  unsigned SuppressedByNolint = 0;
  /// The translation units whose analysis crashed, in input order; the
  /// others' results are complete.
  std::vector<std::string> InternalErrors;
  WholeProgramStats WholeProgram;
};

/// Analyses `Files` with their commands from `Compilations`; a progress
/// line shows on a terminal. Each unit runs under crash recovery
/// (runRecoveringFromCrashes): a crash loses that unit's results only.
AnalysisResults
analyseUnits(const clang::tooling::CompilationDatabase &Compilations,
             const std::vector<std::string> &Files,
             const AnalysisSettings &Options);

/// One translation unit to run.
struct UnitJob {
  std::string File;
  /// Run the checks; else only summarise.
  bool Check = true;
  /// The other units' facts, when the unit is summarised (null: it is not).
  std::shared_ptr<const FactIndex> Facts;
};

/// What one run of a unit gave.
struct UnitOutcome {
  std::vector<clang::tidy::ClangTidyError> Errors;
  unsigned SuppressedByNolint = 0;
  bool Crashed = false;
  /// For a summarised unit: its facts, what it asked, what it read.
  UnitFacts Facts;
  ConsultedFacts Consulted;
  std::vector<InputFile> Inputs, SystemInputs;
};

/// Facts as they are when a job starts, for jobs that are summarised
/// (`UnitJob::Facts` is then ignored); and a job's outcome as it finishes.
struct RoundHooks {
  std::function<std::shared_ptr<const FactIndex>()> FactsNow;
  std::function<void(size_t Job, const UnitOutcome &Outcome)> Finished;
};

/// Runs `Jobs` on a thread pool, with a progress line on a terminal.
std::vector<UnitOutcome>
runUnits(const clang::tooling::CompilationDatabase &Compilations,
         const std::vector<UnitJob> &Jobs, const AnalysisSettings &Options,
         const RoundHooks &Hooks = {});

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_ANALYSIS_H
