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
#include "Report.h"
#include "Summary.h"
#include "TidyOptions.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "pincheck/Version.h"
#include "llvm/Support/CrashRecoveryContext.h"
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

static int fail(Error E) {
  errs() << "pincheck: " << toString(std::move(E)) << "\n";
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
/// exported. Fails when an output file cannot be written.
static Error writeReport(const Invocation &Run,
                         std::vector<ClangTidyError> &Reported,
                         bool CompileError, PositionResolver &Positions) {
  std::unique_ptr<raw_fd_ostream> OutputFile;
  if (!Run.Output.empty()) {
    std::error_code EC;
    OutputFile = std::make_unique<raw_fd_ostream>(Run.Output, EC);
    if (EC)
      return createStringError(EC, "cannot write '%s': %s", Run.Output.c_str(),
                               EC.message().c_str());
  }
  raw_ostream &OS = OutputFile ? *OutputFile : outs();
  const bool WantsFixes = Run.Fix || Run.FixNotes;
  const bool ApplyFixes = WantsFixes && (!CompileError || Run.FixErrors);
  if (Run.Format == OutputFormat::Text || ApplyFixes)
    renderText(Run, Reported, ApplyFixes);
  if (WantsFixes && CompileError && !Run.FixErrors)
    errs() << "pincheck: fixes not applied because of compile errors (use "
              "--fix-errors to apply them anyway)\n";

  ReportOptions Options{Run.SourceRoot, Run.DocsBaseUrl, PINCHECK_VERSION};
  if (Run.Format == OutputFormat::Json)
    writeJson(OS, Reported, Options, Positions);
  else if (Run.Format == OutputFormat::Sarif)
    writeSarif(OS, Reported, Options, Positions);

  if (!Run.ExportFixes.empty()) {
    std::error_code EC;
    raw_fd_ostream FixesOS(Run.ExportFixes, EC);
    if (EC)
      return createStringError(EC, "cannot write '%s': %s",
                               Run.ExportFixes.c_str(), EC.message().c_str());
    exportReplacements(Run.Files.front(), Reported, FixesOS);
  }
  return Error::success();
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
  const auto Start = std::chrono::steady_clock::now();

  std::optional<Baseline> Accepted;
  if (!Run.BaselineFile.empty()) {
    Expected<Baseline> Read = Baseline::read(Run.BaselineFile);
    if (!Read)
      return fail(Read.takeError());
    Accepted = std::move(*Read);
  }

  CrashRecoveryContext::Enable();
  AnalysisResults Analysed = analyseUnits(
      Run.compilations(), Run.Files,
      AnalysisOptions{Run.Tidy, Run.Jobs, /*ApplyAnyFix=*/Run.FixNotes});
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

  if (Error E =
          writeReport(Run, Outcome.Reported, Outcome.CompileError, Positions))
    return fail(std::move(E));

  RunSummary Summary(Run.Files.size(), Analysed.SuppressedByNolint);
  Summary.countFindings(Outcome.Reported);
  if (Accepted)
    Summary.setBaseline(Outcome.SuppressedByBaseline, Accepted->stale());
  Summary.print(errs(), std::chrono::duration<double>(
                            std::chrono::steady_clock::now() - Start)
                            .count());

  if (Outcome.CompileError) {
    errs() << "pincheck: compile errors; the results are incomplete\n";
    return UsageOrCompileError;
  }
  if (!Analysed.InternalErrors.empty())
    return UsageOrCompileError;
  return Summary.findings() == 0 ? NoFindings : Findings;
}
