//===--- PincheckMain.cpp - The pincheck command-line tool ----------------===//
//
// Part of pincheck. The CI lint step: runs the pincheck checks through the
// clang-tidy engine over files or a compilation database, in parallel, and
// reports in clang's text format, JSON or SARIF, against an optional
// baseline.
//
// A run is five phases: the command line (CommandLine.h), the analysis of
// the translation units (Analysis.h), the baseline (Baseline.h), the report
// (Report.h and clang-tidy's text renderer, which also applies fixes) and
// the summary (Summary.h).
//
// Exit status: 0 no findings outside the baseline, 1 findings, 2 usage or
// compile errors, or an internal error (a crash) in the analysis of a
// translation unit, which loses that unit's results only.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "Baseline.h"
#include "Checks/TidyCompat.h"
#include "CommandLine.h"
#include "Findings.h"
#include "HtmlReport.h"
#include "InputChecks.h"
#include "MergeReports.h"
#include "Report.h"
#include "Summary.h"
#include "TidyOptions.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "pincheck/Version.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using namespace pincheck;

namespace {
enum ExitStatus { NoFindings = 0, Findings = 1, UsageOrCompileError = 2 };
} // namespace

/// A usage or input error: one line (InputChecks.h).
static int fail(Error E) {
  errs() << "pincheck: error: " << toString(std::move(E)) << "\n";
  return UsageOrCompileError;
}

/// --list-checks: the checks enabled for the first input.
static int listChecks(const Invocation &Run) {
  auto Provider = createOptionsProvider(Run.Tidy, vfs::getRealFileSystem());
  if (!Provider)
    return fail(Provider.takeError());
  ClangTidyOptions Effective = (*Provider)->getOptions(
      Run.Files.empty() ? "dummy.cpp" : Run.Files.front());
  outs() << "Enabled checks:\n";
  for (const std::string &Name : compat::enabledCheckNames(Effective))
    outs() << "    " << Name << "\n";
  return NoFindings;
}

/// Prints `Reported` as clang does (source lines, carets, fix-its) with
/// clang-tidy's renderer, which also applies the fixes when asked.
static void renderText(const Invocation &Run,
                       std::vector<ClangTidyError> &Reported, bool ApplyFixes) {
  auto Provider = createOptionsProvider(Run.Tidy, vfs::getRealFileSystem());
  if (!Provider) {
    consumeError(Provider.takeError()); // Checked by parseCommandLine.
    return;
  }
  ClangTidyContext ReportContext(std::move(*Provider));
  FixBehaviour Behaviour = !ApplyFixes    ? FB_NoFix
                           : Run.FixNotes ? FB_FixNotes
                                          : FB_Fix;
  unsigned WarningsAsErrorsCount = 0;
  auto BaseFS =
      makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  handleErrors(Reported, ReportContext, Behaviour, WarningsAsErrorsCount,
               BaseFS);
}

/// The report phase: the report in the chosen format, the fixes applied or
/// exported. Nothing is written when a file that the fixes rewrite cannot
/// be; reports are written whole or not at all (llvm::writeToOutput writes
/// a temporary file and renames it).
static Error writeReport(const Invocation &Run,
                         std::vector<ClangTidyError> &Reported,
                         bool CompileError, PositionResolver &Positions) {
  const bool WantsFixes = Run.Fix || Run.FixNotes;
  const bool ApplyFixes = WantsFixes && (!CompileError || Run.FixErrors);
  if (ApplyFixes)
    if (Error E = checkFixTargets(Reported, Run.FixNotes))
      return E;
  if (Run.Format == OutputFormat::Text || ApplyFixes)
    renderText(Run, Reported, ApplyFixes);
  if (WantsFixes && CompileError && !Run.FixErrors)
    errs() << "pincheck: fixes not applied because of compile errors (use "
              "--fix-errors to apply them anyway)\n";

  ReportOptions Options{Run.SourceRoot, Run.DocsBaseUrl, PINCHECK_VERSION};
  auto Write = [&](raw_ostream &OS) {
    if (Run.Format == OutputFormat::Json)
      writeJson(OS, Reported, Options, Positions);
    else
      writeSarif(OS, Reported, Options, Positions);
    return Error::success();
  };
  if (Run.Format == OutputFormat::Html) {
    if (Error E = writeHtml(Run.Output, Reported, Options, Positions))
      return E;
  } else if (Run.Format != OutputFormat::Text && Run.Output.empty())
    cantFail(Write(outs()));
  else if (Run.Format != OutputFormat::Text)
    if (Error E = writeToOutput(Run.Output, Write))
      return usageError("cannot write --output", Run.Output,
                        toString(std::move(E)));

  if (!Run.ExportFixes.empty())
    if (Error E = writeToOutput(Run.ExportFixes, [&](raw_ostream &OS) {
          exportReplacements(Run.Files.front(), Reported, OS);
          return Error::success();
        }))
      return usageError("cannot write --export-fixes", Run.ExportFixes,
                        toString(std::move(E)));
  return Error::success();
}

/// --merge-facts: the stores merged into the run's store.
static int mergeStores(const Invocation &Run) {
  if (Error E = mergeFactStores(Run.WholeProgram.Store, Run.MergeFacts))
    return fail(std::move(E));
  errs() << "pincheck: merged " << Run.MergeFacts.size() << " fact "
         << (Run.MergeFacts.size() == 1 ? "store" : "stores") << " into '"
         << Run.WholeProgram.Store << "'\n";
  return NoFindings;
}

/// --merge-reports: one report from the shards'; exit 1 when it has
/// findings, as the whole run would have.
static int mergeShardReports(const Invocation &Run) {
  Expected<MergedReport> Merged = mergeReports(Run.MergeReports, Run.Output);
  if (!Merged)
    return fail(Merged.takeError());
  errs() << "pincheck: merged " << Run.MergeReports.size() << " "
         << Merged->Kind << (Run.MergeReports.size() == 1 ? "" : "s") << ": "
         << Merged->Findings
         << (Merged->Findings == 1 ? " finding" : " findings") << "\n";
  return Merged->Findings && Merged->Kind != "baseline" ? Findings : NoFindings;
}

/// --facts-only: the store brought up to date, and a line that says how.
using Clock = std::chrono::steady_clock;

static double secondsSince(Clock::time_point Start) {
  return std::chrono::duration<double>(Clock::now() - Start).count();
}

static int buildFacts(const Invocation &Run, Clock::time_point Start) {
  AnalysisSettings Settings{Run.Tidy, Run.Jobs, /*ApplyAnyFix=*/false,
                            Run.WholeProgram};
  Settings.WholeProgram.WholeDatabase = !Run.NamedSources;
  AnalysisResults Analysed =
      analyseUnits(*Run.Compilations, Run.Files, Settings);
  for (const std::string &File : Analysed.InternalErrors)
    errs() << "pincheck: internal error analysing '" << File
           << "'; please report it\n";
  const WholeProgramStats &Stats = Analysed.WholeProgram;
  const size_t Units = Stats.FactsReused + Stats.Summarised;
  errs() << "pincheck: facts of " << Units << " translation "
         << (Units == 1 ? "unit" : "units") << " in '" << Run.WholeProgram.Store
         << "': " << Stats.FactsReused << " reused, " << Stats.Summarised
         << " summarised; " << format("%.1f", secondsSince(Start)) << " s\n";
  return Analysed.InternalErrors.empty() ? NoFindings : UsageOrCompileError;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  setBugReportMsg(PINCHECK_BUG_REPORT_MESSAGE);
  Expected<Invocation> Parsed = parseCommandLine(argc, argv);
  if (!Parsed)
    return fail(Parsed.takeError());
  Invocation &Run = *Parsed;
  if (Run.ListChecks)
    return listChecks(Run);
  if (!Run.MergeFacts.empty())
    return mergeStores(Run);
  if (!Run.MergeReports.empty())
    return mergeShardReports(Run);
  const Clock::time_point Start = Clock::now();
  if (Run.WholeProgram.FactsOnly)
    return buildFacts(Run, Start);

  std::optional<Baseline> &Accepted = Run.Accepted;
  AnalysisResults Analysed = analyseUnits(
      *Run.Compilations, Run.Files,
      AnalysisSettings{Run.Tidy, Run.Jobs, /*ApplyAnyFix=*/Run.FixNotes,
                       Run.WholeProgram});
  for (const std::string &File : Analysed.InternalErrors)
    errs() << "pincheck: internal error analysing '" << File
           << "'; please report it\n";

  PositionResolver Positions;
  BaselineOutcome Outcome =
      applyBaseline(std::move(Analysed.Errors), Accepted ? &*Accepted : nullptr,
                    Run.SourceRoot, Positions);
  if (!Run.WriteBaseline.empty()) {
    if (Error E = Baseline::write(Run.WriteBaseline, Outcome.Current))
      return fail(std::move(E));
    errs() << "pincheck: wrote " << Outcome.Current.size() << " findings to '"
           << Run.WriteBaseline << "'\n";
    return Outcome.CompileError ? UsageOrCompileError : NoFindings;
  }

  // A change's findings: those its lines touch (compile errors stay).
  unsigned Unchanged = 0;
  if (Run.Changes)
    llvm::erase_if(Outcome.Reported, [&](const ClangTidyError &Finding) {
      const bool Outside =
          !isCompileError(Finding) && !Run.Changes->touches(Finding, Positions);
      Unchanged += Outside;
      return Outside;
    });

  if (Error E =
          writeReport(Run, Outcome.Reported, Outcome.CompileError, Positions))
    return fail(std::move(E));

  RunSummary Summary(Run.Files.size(), Analysed.SuppressedByNolint);
  Summary.countFindings(Outcome.Reported);
  if (Accepted)
    Summary.setBaseline(Outcome.SuppressedByBaseline, Accepted->stale());
  if (Run.Changes)
    Summary.setUnchanged(Unchanged);
  if (Analysed.WholeProgram.Enabled)
    Summary.setWholeProgram(Analysed.WholeProgram);
  Summary.print(errs(), secondsSince(Start));

  if (Outcome.CompileError) {
    errs() << "pincheck: compile errors; the results are incomplete\n";
    return UsageOrCompileError;
  }
  if (!Analysed.InternalErrors.empty())
    return UsageOrCompileError;
  return Summary.findings() == 0 ? NoFindings : Findings;
}
