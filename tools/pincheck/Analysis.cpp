//===--- Analysis.cpp - The translation units, analysed in parallel -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "CrashRecovery.h"
#include "Findings.h"
#include "TidyEngine.h"
#include "clang-tidy/ClangTidy.h"
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
/// The result of one translation unit.
struct UnitResult {
  std::vector<ClangTidyError> Errors;
  unsigned SuppressedByNolint = 0;
  bool Crashed = false;
};

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

/// Analyses one translation unit with its own context and file system, so
/// that units can run on several threads.
static UnitResult analyseUnit(const tooling::CompilationDatabase &Compilations,
                              const std::string &File,
                              const AnalysisOptions &Options) {
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      vfs::createPhysicalFileSystem());
  UnitResult Result;
  auto Provider = createOptionsProvider(Options.Tidy, FS);
  if (!Provider) {
    // Checked before the analysis; only a configuration file changed since
    // gets here.
    errs() << "pincheck: error: " << toString(Provider.takeError()) << "\n";
    return Result;
  }
  ClangTidyContext Context(std::move(*Provider));
  if (!runRecoveringFromCrashes([&] {
        Result.Errors = runTidyOnUserCode(Context, Compilations, File, FS,
                                          Options.ApplyAnyFix);
      })) {
    Result.Errors.clear();
    Result.Crashed = true;
    return Result;
  }
  Result.SuppressedByNolint = Context.getStats().ErrorsIgnoredNOLINT;
  return Result;
}

AnalysisResults analyseUnits(const tooling::CompilationDatabase &Compilations,
                             const std::vector<std::string> &Files,
                             const AnalysisOptions &Options) {
  std::vector<UnitResult> Units(Files.size());
  {
    Progress Bar(Files.size());
    DefaultThreadPool Pool(hardware_concurrency(Options.Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        Units[I] = analyseUnit(Compilations, Files[I], Options);
        Bar.finished(Files[I]);
      });
    Pool.wait();
  }

  AnalysisResults Results;
  for (size_t I = 0; I < Files.size(); ++I) {
    UnitResult &Unit = Units[I];
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
