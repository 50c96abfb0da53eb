//===--- Analysis.cpp - The translation units, analysed in parallel -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "Checks/SharedAnalysis.h"
#include "CrashRecovery.h"
#include "Findings.h"
#include "Model/PinAnalysis.h"
#include "TidyEngine.h"
#include "WholeProgram.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/AST/ASTContext.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

namespace {
/// "[3/12] src/foo.cpp" on one line of a terminal; nothing in a pipe or
/// under CI.
class Progress {
public:
  explicit Progress(size_t Total)
      : Total(Total), Enabled(sys::Process::StandardErrIsDisplayed() &&
                              !sys::Process::GetEnv("CI")) {}
  void finished(StringRef File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    errs() << "\r\033[K[" << Done << "/" << Total << "] " << File;
    errs().flush();
  }
  ~Progress() {
    if (Enabled)
      errs() << "\r\033[K";
  }

private:
  std::mutex Mutex;
  size_t Total, Done = 0;
  bool Enabled;
};
} // namespace

/// Merges the facts of one more compile command of the unit.
static void mergeFacts(UnitFacts &Into, UnitFacts &&From) {
  Into.Functions.merge(std::move(From.Functions));
  for (auto &[Class, Writes] : From.ForeignWrites) {
    std::vector<WriteFact> &List = Into.ForeignWrites[Class];
    std::move(Writes.begin(), Writes.end(), std::back_inserter(List));
  }
}

/// Analyses one translation unit with its own context and file system, so
/// that units can run on several threads.
static UnitOutcome runUnit(const tooling::CompilationDatabase &Compilations,
                           const UnitJob &Job,
                           const AnalysisSettings &Options) {
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      vfs::createPhysicalFileSystem());
  UnitOutcome Result;
  TidySettings Settings = Options.Tidy;
  if (!Job.Check)
    Settings.Checks = "-*";
  auto Provider = createOptionsProvider(Settings, FS);
  if (!Provider) {
    // Checked before the analysis; only a configuration file changed since
    // gets here.
    errs() << "pincheck: error: " << toString(Provider.takeError()) << "\n";
    return Result;
  }
  ClangTidyContext Context(std::move(*Provider));
  // The CLI owns the facts: without whole-program analysis, none (not a
  // store the checks would find on their own).
  std::shared_ptr<UnitFactView> View =
      Job.Facts ? std::make_shared<UnitFactView>(Job.Facts) : nullptr;
  ScopedFactSource Handed(Context, View);
  AfterChecks Summarise;
  // Before the unit's files are read (see collectInputs).
  const int64_t ReadSince =
      llvm::sys::toTimeT(std::chrono::system_clock::now());
  if (View) {
    Summarise = [&](ASTContext &AST) {
      std::shared_ptr<PinAnalysis> Analysis =
          sharedAnalysis(Context, AST, globalAnalysisOptions(Context));
      mergeFacts(Result.Facts, extractFacts(AST, *Analysis));
      collectInputs(AST.getSourceManager(), ReadSince, Result.Inputs,
                    Result.SystemInputs);
    };
  }
  if (!runRecoveringFromCrashes([&] {
        Result.Errors =
            runTidyOnUserCode(Context, Compilations, Job.File, FS,
                              Options.ApplyAnyFix, std::move(Summarise));
      })) {
    Result = UnitOutcome();
    Result.Crashed = true;
    return Result;
  }
  if (View)
    Result.Consulted = View->consulted();
  Result.SuppressedByNolint = Context.getStats().ErrorsIgnoredNOLINT;
  return Result;
}

std::vector<UnitOutcome>
runUnits(const tooling::CompilationDatabase &Compilations,
         const std::vector<UnitJob> &Jobs, const AnalysisSettings &Options,
         const RoundHooks &Hooks) {
  std::vector<UnitOutcome> Outcomes(Jobs.size());
  Progress Bar(Jobs.size());
  DefaultThreadPool Pool(hardware_concurrency(Options.Jobs));
  for (size_t I = 0; I < Jobs.size(); ++I)
    Pool.async([&, I] {
      if (Hooks.FactsNow && Jobs[I].Facts) {
        UnitJob Job = Jobs[I];
        Job.Facts = Hooks.FactsNow();
        Outcomes[I] = runUnit(Compilations, Job, Options);
      } else {
        Outcomes[I] = runUnit(Compilations, Jobs[I], Options);
      }
      if (Hooks.Finished)
        Hooks.Finished(I, Outcomes[I]);
      Bar.finished(Jobs[I].File);
    });
  Pool.wait();
  return Outcomes;
}

AnalysisResults analyseUnits(const tooling::CompilationDatabase &Compilations,
                             const std::vector<std::string> &Files,
                             const AnalysisSettings &Options) {
  if (Options.WholeProgram.Enabled)
    return analyseWholeProgram(Compilations, Files, Options);
  std::vector<UnitJob> Jobs;
  for (const std::string &File : Files)
    Jobs.push_back({File, /*Check=*/true, /*Facts=*/nullptr});
  std::vector<UnitOutcome> Units = runUnits(Compilations, Jobs, Options);

  AnalysisResults Results;
  for (size_t I = 0; I < Files.size(); ++I) {
    UnitOutcome &Unit = Units[I];
    if (Unit.Crashed)
      Results.InternalErrors.push_back(Files[I]);
    Results.SuppressedByNolint += Unit.SuppressedByNolint;
    std::move(Unit.Errors.begin(), Unit.Errors.end(),
              std::back_inserter(Results.Errors));
  }
  Results.Errors = mergeFindings(std::move(Results.Errors));
  return Results;
}

} // namespace pincheck
