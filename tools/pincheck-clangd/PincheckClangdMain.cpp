//===--- PincheckClangdMain.cpp - pincheck in the editor through clangd ---===//
//
// Part of pincheck. Stock clangd cannot load out-of-tree checks, so editors
// run pincheck-clangd in its place: it starts the real clangd with the same
// arguments and relays the LSP session, adding pincheck's diagnostics and
// quick fixes (model section 8).
//
// Its own options are taken out of the command line; clangd gets all the
// others. --log, --compile-commands-dir and --enable-config go to clangd and
// are read here too.
//
//===----------------------------------------------------------------------===//

#include "AnalysisWorker.h"
#include "Analyzer.h"
#include "ClangdProcess.h"
#include "CompileCommands.h"
#include "Logger.h"
#include "Server.h"
#include "pincheck/Version.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <csignal>
#include <unistd.h>

using namespace llvm;
using namespace pincheck;

static cl::OptionCategory Category("pincheck-clangd options");

static cl::opt<std::string> ClangdPath(
    "clangd",
    cl::desc("The clangd to run (default: clangd on PATH, else the newest "
             "clangd-NN)"),
    cl::init(""), cl::cat(Category));

static cl::opt<std::string>
    Checks("checks",
           cl::desc("Globs of checks to enable or (with '-') disable, "
                    "applied after the .clang-tidy files; the default is "
                    "'pin-*'"),
           cl::init(""), cl::cat(Category));

static cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Read the configuration from this .clang-tidy style "
                        "file instead of the ones beside the sources"),
               cl::init(""), cl::cat(Category));

static cl::opt<std::string> DocsBaseUrl(
    "docs-base-url",
    cl::desc("URL prefix of the check pages that diagnostics link to "
             "(default: the docs/checks directory of pincheck's sources)"),
    cl::init(""), cl::cat(Category));

static cl::opt<unsigned> Debounce(
    "pincheck-debounce",
    cl::desc("Milliseconds to wait after the last edit before analysing"),
    cl::init(500), cl::cat(Category));

static cl::opt<bool> Worker(
    "pincheck-worker",
    cl::desc("Internal: run as pincheck-clangd's analysis worker process"),
    cl::init(false), cl::Hidden, cl::cat(Category));

static cl::opt<unsigned> HoldResults(
    "pincheck-hold-results",
    cl::desc("Testing: milliseconds to wait after an analysis before using "
             "its results"),
    cl::init(0), cl::Hidden, cl::cat(Category));

// clangd's options that matter here too; they are passed on to clangd.
static cl::opt<std::string> Log("log", cl::init("info"), cl::Hidden,
                                cl::cat(Category));
static cl::opt<std::string> CompileCommandsDir("compile-commands-dir",
                                               cl::init(""), cl::Hidden,
                                               cl::cat(Category));
static cl::opt<bool> EnableConfig("enable-config", cl::init(true), cl::Hidden,
                                  cl::cat(Category));
// clangd's background index; without it, no background facts either.
static cl::opt<bool> BackgroundIndex("background-index", cl::init(true),
                                     cl::Hidden, cl::cat(Category));

namespace {
/// The command line split between pincheck-clangd and clangd.
struct SplitArguments {
  std::vector<std::string> Ours = {"pincheck-clangd"};
  std::vector<std::string> Clangd;
  /// clangd runs in a mode that is not a language server (--version,
  /// --help, --check): it then replaces this process.
  bool NotAServer = false;
  bool Help = false;
  bool Version = false;
};
} // namespace

static SplitArguments splitArguments(int Argc, const char **Argv) {
  static const StringRef OursOnly[] = {"clangd",
                                       "checks",
                                       "config-file",
                                       "docs-base-url",
                                       "pincheck-debounce",
                                       "pincheck-hold-results",
                                       "pincheck-worker"};
  static const StringRef Shared[] = {"log", "compile-commands-dir",
                                     "enable-config", "background-index"};
  static const StringRef TakeValue[] = {"clangd",
                                        "checks",
                                        "config-file",
                                        "docs-base-url",
                                        "pincheck-debounce",
                                        "pincheck-hold-results",
                                        "log",
                                        "compile-commands-dir"};
  SplitArguments Result;
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    StringRef Name = Arg;
    if (!Name.consume_front("--"))
      Name.consume_front("-");
    auto [Key, Value] = Name.split('=');
    const bool HasValue = Name.contains('=');
    const bool IsOurs = Arg.starts_with("-") && is_contained(OursOnly, Key);
    const bool IsShared = Arg.starts_with("-") && is_contained(Shared, Key);
    if (!IsOurs && !IsShared) {
      if (is_contained({"help", "help-hidden", "help-list", "h"}, Key))
        Result.Help = true;
      if (Key == "version" && Arg.starts_with("-"))
        Result.Version = true;
      if (is_contained({"help", "help-hidden", "help-list", "h", "version",
                        "check", "print-options", "print-all-options"},
                       Key) &&
          Arg.starts_with("-"))
        Result.NotAServer = true;
      Result.Clangd.push_back(Arg.str());
      continue;
    }
    std::string Option = ("--" + Key).str();
    if (HasValue) {
      Option += "=" + Value.str();
    } else if (is_contained(TakeValue, Key) && I + 1 < Argc) {
      if (IsShared)
        Result.Clangd.push_back(Arg.str());
      Arg = Argv[++I];
      Option += "=" + Arg.str();
    }
    Result.Ours.push_back(Option);
    if (IsShared)
      Result.Clangd.push_back(Arg.str());
  }
  return Result;
}

static std::string defaultDocsBaseUrl() {
  SmallString<256> Dir(PINCHECK_SOURCE_DIR);
  sys::path::append(Dir, "docs", "checks");
  if (sys::fs::is_directory(Dir))
    return uriFromPath(Dir) + "/";
  return "https://github.com/pincheck/pincheck/blob/main/docs/checks/";
}

static void printHelp() {
  outs() << "OVERVIEW: pincheck-clangd: clangd with pincheck's diagnostics "
            "and quick fixes.\n\n"
            "USAGE: pincheck-clangd [pincheck-clangd options] [clangd "
            "options]\n\n"
            "Use it in the editor in place of clangd. Every option below is "
            "pincheck-clangd's;\nall others go to clangd, whose own help "
            "follows.\n\n"
            "PINCHECK-CLANGD OPTIONS:\n";
  for (const cl::Option *Option : {static_cast<cl::Option *>(&ClangdPath),
                                   static_cast<cl::Option *>(&Checks),
                                   static_cast<cl::Option *>(&ConfigFile),
                                   static_cast<cl::Option *>(&DocsBaseUrl),
                                   static_cast<cl::Option *>(&Debounce)})
    outs() << "  --" << Option->ArgStr << "=<value>\n      " << Option->HelpStr
           << "\n";
  outs() << "\n";
  outs().flush();
}

/// The CLI installed beside pincheck-clangd, else on PATH; empty when
/// there is none (no background facts).
static std::string pincheckBeside(StringRef Self) {
  SmallString<256> Beside = sys::path::parent_path(Self);
  sys::path::append(Beside, "pincheck");
  if (sys::fs::can_execute(Beside))
    return std::string(Beside);
  ErrorOr<std::string> OnPath = sys::findProgramByName("pincheck");
  if (!OnPath)
    log("no pincheck CLI beside pincheck-clangd or on PATH: no "
        "whole-program facts in the background");
  return OnPath ? *OnPath : std::string();
}

static TidySettings tidySettings() {
  return TidySettings{Checks, ConfigFile, std::nullopt, std::nullopt, ""};
}

/// The analysis worker: pincheck-clangd again, with --pincheck-worker and
/// the options the analysis needs (AnalysisWorker.h).
static AnalysisWorker workerProcess(const std::string &Self) {
  return AnalysisWorker(Self, {"--pincheck-worker", "--checks=" + Checks,
                               "--config-file=" + ConfigFile, "--log=" + Log});
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  setBugReportMsg(PINCHECK_BUG_REPORT_MESSAGE);
  SplitArguments Args = splitArguments(argc, argv);
  std::vector<const char *> OurArgv;
  for (const std::string &Arg : Args.Ours)
    OurArgv.push_back(Arg.c_str());
  cl::HideUnrelatedOptions(Category);
  if (!cl::ParseCommandLineOptions(static_cast<int>(OurArgv.size()),
                                   OurArgv.data(), "", &errs()))
    return 2;
  setLogLevel(Log == "verbose" ? LogLevel::Verbose
              : Log == "error" ? LogLevel::Error
                               : LogLevel::Info);
  if (Worker)
    return runAnalysisWorker(Analyzer(tidySettings()), STDIN_FILENO,
                             STDOUT_FILENO);

  std::string Self =
      sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&main));
  Expected<std::string> Clangd = findClangd(ClangdPath, Self);

  // pincheck-clangd's version, then clangd's own.
  if (Args.Version) {
    outs() << PINCHECK_VERSION_LINE("pincheck-clangd") << "\n";
    outs().flush();
  }
  if (Args.NotAServer && Clangd) {
    if (Args.Help)
      printHelp();
    std::vector<char *> Argv;
    Argv.push_back(Clangd->data());
    for (std::string &Arg : Args.Clangd)
      Argv.push_back(Arg.data());
    Argv.push_back(nullptr);
    execv(Clangd->c_str(), Argv.data());
    errs() << "pincheck-clangd: cannot run '" << *Clangd
           << "': " << strerror(errno) << "\n";
    return 1;
  }

  Expected<ChildProcess> Child =
      Clangd ? startProcess(*Clangd, Args.Clangd) : Clangd.takeError();
  signal(SIGPIPE, SIG_IGN); // A closed pipe is an error to handle, not death.
  if (!Child) {
    std::string Reason = "cannot start clangd: " + toString(Child.takeError());
    elog("{0}", Reason);
    return answerWithoutClangd(STDIN_FILENO, STDOUT_FILENO, Reason);
  }
  log("started {0} (pid {1}); pincheck's checks from {2}", *Clangd, Child->Pid,
      Checks.empty() ? "the .clang-tidy files" : "--checks");

  AnalysisWorker Analysis = workerProcess(Self);
  CompileCommands Commands({CompileCommandsDir, EnableConfig});
  ServerOptions Options;
  Options.Debounce = std::chrono::milliseconds(Debounce);
  Options.HoldResults = std::chrono::milliseconds(HoldResults);
  Options.DocsBaseUrl =
      DocsBaseUrl.empty() ? defaultDocsBaseUrl() : std::string(DocsBaseUrl);
  if (BackgroundIndex)
    Options.Pincheck = pincheckBeside(Self);
  Server Relay(Options, Analysis, Commands, STDIN_FILENO, STDOUT_FILENO,
               Child->Stdin, Child->Stdout);
  Relay.run();
  int Status = waitForExit(Child->Pid);
  log("clangd exited with status {0}", Status);
  // The reader of the client and the analysis may still be running: leave
  // without destructors.
  _exit(Status);
}
