//===--- PincheckMain.cpp - The pincheck command-line tool ----------------===//
//
// Part of pincheck. The CI lint step: runs the pincheck checks through the
// clang-tidy engine over files or a compilation database, in parallel, and
// reports in clang's text format, JSON or SARIF, against an optional
// baseline (model section 8).
//
// Exit status: 0 no findings outside the baseline, 1 findings, 2 usage or
// compile errors.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "Checks/TidyCompat.h"
#include "Findings.h"
#include "Report.h"
#include "TidyEngine.h"
#include "TidyOptions.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "pincheck/Version.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <map>
#include <mutex>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using namespace pincheck;

static cl::OptionCategory PincheckCategory("pincheck options");

static const char Overview[] =
    "pincheck finds copies and moves of C++ objects that must not move.\n";

static cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated list of globs of checks to enable or "
                    "(with a leading '-') disable, applied after the "
                    "configuration files; the default is 'pin-*'"),
           cl::init(""), cl::cat(PincheckCategory));

static cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Read the configuration from this .clang-tidy style "
                        "file instead of the ones found beside the sources"),
               cl::init(""), cl::cat(PincheckCategory));

static cl::opt<unsigned>
    Jobs("j",
         cl::desc("Translation units analysed in parallel (default: the "
                  "number of cores)"),
         cl::init(0), cl::cat(PincheckCategory));

static cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc("Regular expression of the headers whose findings "
                          "are shown (as in clang-tidy; an empty one shows "
                          "none)"),
                 cl::init(""), cl::cat(PincheckCategory));

static cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regular expression of headers to leave out even when "
             "--header-filter matches them"),
    cl::init(""), cl::cat(PincheckCategory));

enum class OutputFormat { Text, Json, Sarif };
static cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "clang-style diagnostics (the default)"),
               clEnumValN(OutputFormat::Json, "json", "pincheck's JSON"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0")),
    cl::init(OutputFormat::Text), cl::cat(PincheckCategory));

static cl::opt<std::string>
    Output("output", cl::desc("Write the report to this file"), cl::init(""),
           cl::cat(PincheckCategory));

static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fix-its as YAML for clang-apply-replacements"),
    cl::init(""), cl::cat(PincheckCategory));

static cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its of the warnings"),
                         cl::init(false), cl::cat(PincheckCategory));

static cl::opt<bool>
    FixNotes("fix-notes",
             cl::desc("Also apply fix-its attached to notes (they may change "
                      "the program's meaning)"),
             cl::init(false), cl::cat(PincheckCategory));

static cl::opt<bool>
    FixErrors("fix-errors",
              cl::desc("Apply fix-its even when there are compile errors"),
              cl::init(false), cl::cat(PincheckCategory));

static cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Accept the findings listed in this baseline file; only new "
             "findings count"),
    cl::init(""), cl::cat(PincheckCategory));

static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Write the current findings to this baseline file and exit 0"),
    cl::init(""), cl::cat(PincheckCategory));

static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose findings are reported as errors"),
    cl::init(""), cl::cat(PincheckCategory));

static cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory that report paths, baselines and SARIF's %SRCROOT% "
             "are relative to (default: the current directory)"),
    cl::init(""), cl::cat(PincheckCategory));

static cl::opt<std::string> DocsBaseUrl(
    "docs-base-url",
    cl::desc("URL prefix of the check pages, for SARIF rule help"),
    cl::init("https://github.com/pincheck/pincheck/blob/main/docs/checks/"),
    cl::cat(PincheckCategory));

static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit"),
                                cl::init(false), cl::cat(PincheckCategory));

enum ExitStatus { NoFindings = 0, Findings = 1, UsageOrCompileError = 2 };

static void printVersion(raw_ostream &OS) {
  OS << PINCHECK_VERSION_LINE("pincheck") << "\n";
}

/// The options provider for the command line's settings; reports a bad
/// configuration file and returns null.
static std::unique_ptr<ClangTidyOptionsProvider>
createOptionsProvider(IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  auto Given = [](const cl::opt<std::string> &Option) {
    return Option.getNumOccurrences() ? std::optional<std::string>(Option)
                                      : std::nullopt;
  };
  TidySettings Settings{Checks, ConfigFile, Given(HeaderFilter),
                        Given(ExcludeHeaderFilter), WarningsAsErrors};
  auto Provider = pincheck::createOptionsProvider(Settings, std::move(FS));
  if (!Provider) {
    errs() << "pincheck: " << toString(Provider.takeError()) << "\n";
    return nullptr;
  }
  return std::move(*Provider);
}

/// Options that take a value, which may follow as the next argument.
static bool isValueOption(StringRef Arg) {
  Arg = Arg.ltrim('-');
  return llvm::is_contained(
      {StringRef("checks"), StringRef("config-file"), StringRef("extra-arg"),
       StringRef("extra-arg-before"), StringRef("j"),
       StringRef("header-filter"), StringRef("exclude-header-filter"),
       StringRef("output"), StringRef("export-fixes"), StringRef("baseline"),
       StringRef("write-baseline"), StringRef("warnings-as-errors"),
       StringRef("source-root"), StringRef("docs-base-url")},
      Arg);
}

/// CommonOptionsParser looks for a compilation database beside the first
/// source file when neither `-p` nor `--` is given, and loads none at all
/// when no source file is named. So: with neither sources nor `-p`, add an
/// empty `--`; with `-p` and no sources, return its directory so that the
/// database is loaded here.
static std::vector<const char *> withDefaultFlags(int Argc, const char **Argv,
                                                  std::string &BuildPath) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  bool HasSource = false;
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg == "--")
      return Args;
    if ((Arg == "-p" || Arg == "--p") && I + 1 < Argc)
      BuildPath = Argv[++I];
    else if (Arg.consume_front("-p=") || Arg.consume_front("--p="))
      BuildPath = Arg.str();
    else if (isValueOption(Arg))
      ++I; // `--checks pin-*`: the value is not a source file.
    else if (!Arg.starts_with("-"))
      HasSource = true;
  }
  if (HasSource)
    BuildPath.clear();
  else if (BuildPath.empty())
    Args.push_back("--");
  return Args;
}

namespace {
/// The result of one translation unit.
struct UnitResult {
  std::vector<ClangTidyError> Errors;
  unsigned SuppressedByNolint = 0;
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
static UnitResult analyse(const tooling::CompilationDatabase &Compilations,
                          const std::string &File) {
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      vfs::createPhysicalFileSystem());
  UnitResult Result;
  std::unique_ptr<ClangTidyOptionsProvider> Provider =
      createOptionsProvider(FS);
  if (!Provider)
    return Result;
  ClangTidyContext Context(std::move(Provider));
  Result.Errors = runTidyOnUserCode(Context, Compilations, File, FS,
                                    /*ApplyAnyFix=*/FixNotes);
  Result.SuppressedByNolint = Context.getStats().ErrorsIgnoredNOLINT;
  return Result;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  cl::SetVersionPrinter(printVersion);
  std::string BuildPath;
  std::vector<const char *> Args = withDefaultFlags(argc, argv, BuildPath);
  int ArgCount = static_cast<int>(Args.size());
  auto OptionsParser = tooling::CommonOptionsParser::create(
      ArgCount, Args.data(), PincheckCategory, cl::ZeroOrMore, Overview);
  if (!OptionsParser) {
    errs() << "pincheck: " << toString(OptionsParser.takeError()) << "\n";
    return UsageOrCompileError;
  }
  const auto Start = std::chrono::steady_clock::now();

  std::unique_ptr<tooling::CompilationDatabase> Database;
  if (!BuildPath.empty()) {
    std::string Error;
    Database =
        tooling::CompilationDatabase::autoDetectFromDirectory(BuildPath, Error);
    if (!Database) {
      errs() << "pincheck: " << Error << "\n";
      return UsageOrCompileError;
    }
  }
  const tooling::CompilationDatabase &Compilations =
      Database ? *Database : OptionsParser->getCompilations();
  std::vector<std::string> Files = OptionsParser->getSourcePathList();
  if (Files.empty())
    Files = Compilations.getAllFiles();

  auto RealFS = vfs::getRealFileSystem();
  if (ListChecks) {
    std::unique_ptr<ClangTidyOptionsProvider> Provider =
        createOptionsProvider(RealFS);
    if (!Provider)
      return UsageOrCompileError;
    ClangTidyOptions Effective =
        Provider->getOptions(Files.empty() ? "dummy.cpp" : Files.front());
    outs() << "Enabled checks:\n";
    for (const std::string &Name : compat::enabledCheckNames(Effective))
      outs() << "    " << Name << "\n";
    return NoFindings;
  }
  if (Files.empty()) {
    errs() << "pincheck: no input files; name them or pass -p with a "
              "compile_commands.json\n";
    return UsageOrCompileError;
  }
  if (!ConfigFile.empty() && !createOptionsProvider(RealFS))
    return UsageOrCompileError;
  if (!Output.empty() && Format == OutputFormat::Text) {
    errs() << "pincheck: --output needs --format=json or --format=sarif; "
              "the text format goes to standard output\n";
    return UsageOrCompileError;
  }
  std::optional<Baseline> Accepted;
  if (!BaselineFile.empty()) {
    Expected<Baseline> Read = Baseline::read(BaselineFile);
    if (!Read) {
      errs() << "pincheck: " << toString(Read.takeError()) << "\n";
      return UsageOrCompileError;
    }
    Accepted = std::move(*Read);
  }
  SmallString<256> Root(SourceRoot);
  if (Root.empty())
    sys::fs::current_path(Root);
  sys::fs::make_absolute(Root);

  // Analyse the translation units in parallel; results keep the order of
  // the files so that the report does not depend on -j.
  std::vector<UnitResult> Units(Files.size());
  {
    Progress Bar(Files.size());
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        Units[I] = analyse(Compilations, Files[I]);
        Bar.finished(Files[I]);
      });
    Pool.wait();
  }

  std::vector<ClangTidyError> All;
  unsigned SuppressedByNolint = 0;
  for (UnitResult &Unit : Units) {
    SuppressedByNolint += Unit.SuppressedByNolint;
    std::move(Unit.Errors.begin(), Unit.Errors.end(), std::back_inserter(All));
  }
  All = mergeFindings(std::move(All));

  PositionResolver Positions;
  bool CompileError = false;
  std::vector<ClangTidyError> Reported;
  std::vector<BaselineEntry> Current;
  unsigned SuppressedByBaseline = 0;
  for (ClangTidyError &Error : All) {
    if (isCompileError(Error)) {
      CompileError = true;
      Reported.push_back(std::move(Error));
      continue;
    }
    BaselineEntry Entry{Error.DiagnosticName,
                        relativePath(Error.Message.FilePath, Root),
                        fingerprint(Error, Root, Positions)};
    Current.push_back(Entry);
    if (Accepted && Accepted->suppress(Entry)) {
      ++SuppressedByBaseline;
      continue;
    }
    Reported.push_back(std::move(Error));
  }

  if (!WriteBaseline.empty()) {
    if (Error E = Baseline::write(WriteBaseline, Current)) {
      errs() << "pincheck: " << toString(std::move(E)) << "\n";
      return UsageOrCompileError;
    }
    errs() << "pincheck: wrote " << Current.size() << " findings to '"
           << WriteBaseline << "'\n";
    return CompileError ? UsageOrCompileError : NoFindings;
  }

  // The report.
  std::unique_ptr<raw_fd_ostream> OutputFile;
  if (!Output.empty()) {
    std::error_code EC;
    OutputFile = std::make_unique<raw_fd_ostream>(Output, EC);
    if (EC) {
      errs() << "pincheck: cannot write '" << Output << "': " << EC.message()
             << "\n";
      return UsageOrCompileError;
    }
  }
  raw_ostream &OS = OutputFile ? *OutputFile : outs();
  ReportOptions Report{std::string(Root), DocsBaseUrl, PINCHECK_VERSION};
  const bool ApplyFixes = (Fix || FixNotes) && (!CompileError || FixErrors);
  if (Format == OutputFormat::Text || ApplyFixes) {
    // clang-tidy's own renderer (source lines, carets, fix-its), which also
    // applies the fixes.
    std::unique_ptr<ClangTidyOptionsProvider> Provider =
        createOptionsProvider(RealFS);
    ClangTidyContext ReportContext(std::move(Provider));
    FixBehaviour Behaviour = !ApplyFixes ? FB_NoFix
                             : FixNotes  ? FB_FixNotes
                                         : FB_Fix;
    unsigned WarningsAsErrorsCount = 0;
    auto BaseFS =
        makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
    handleErrors(Reported, ReportContext, Behaviour, WarningsAsErrorsCount,
                 BaseFS);
  }
  if ((Fix || FixNotes) && CompileError && !FixErrors)
    errs() << "pincheck: fixes not applied because of compile errors (use "
              "--fix-errors to apply them anyway)\n";
  if (Format == OutputFormat::Json)
    writeJson(OS, Reported, Report, Positions);
  else if (Format == OutputFormat::Sarif)
    writeSarif(OS, Reported, Report, Positions);
  if (!ExportFixes.empty()) {
    std::error_code EC;
    raw_fd_ostream FixesOS(ExportFixes, EC);
    if (EC) {
      errs() << "pincheck: cannot write '" << ExportFixes
             << "': " << EC.message() << "\n";
      return UsageOrCompileError;
    }
    exportReplacements(Files.front(), Reported, FixesOS);
  }

  // The summary.
  std::map<std::string, unsigned> ByCheck;
  for (const ClangTidyError &Error : Reported)
    if (!isCompileError(Error))
      ++ByCheck[Error.DiagnosticName];
  unsigned FindingCount = 0;
  std::string PerCheck;
  for (const auto &[Check, Count] : ByCheck) {
    FindingCount += Count;
    PerCheck += (PerCheck.empty() ? " (" : ", ") + Check + ": " +
                std::to_string(Count);
  }
  if (!PerCheck.empty())
    PerCheck += ")";
  const double Seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - Start)
                             .count();
  errs() << "pincheck: " << Files.size() << " translation unit"
         << (Files.size() == 1 ? "" : "s") << ", " << FindingCount
         << " finding" << (FindingCount == 1 ? "" : "s") << PerCheck << "; "
         << SuppressedByNolint << " suppressed by NOLINT";
  if (Accepted)
    errs() << ", " << SuppressedByBaseline << " by the baseline ("
           << Accepted->stale() << " stale baseline entr"
           << (Accepted->stale() == 1 ? "y" : "ies") << ")";
  errs() << "; " << formatv("{0:f1}", Seconds) << " s\n";

  if (CompileError) {
    errs() << "pincheck: compile errors; the results are incomplete\n";
    return UsageOrCompileError;
  }
  return FindingCount == 0 ? NoFindings : Findings;
}
