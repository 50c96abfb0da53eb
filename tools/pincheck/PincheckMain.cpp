//===--- PincheckMain.cpp - The pincheck command-line tool ----------------===//
//
// Part of pincheck. Runs the pincheck checks through the clang-tidy engine
// over files or a compilation database and prints clang-style diagnostics.
//
// Exit status (model section 8): 0 no findings, 1 findings, 2 usage or
// compile errors.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/Version.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

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

static cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its of the warnings"),
                         cl::init(false), cl::cat(PincheckCategory));

static cl::opt<bool>
    FixNotes("fix-notes",
             cl::desc("Also apply fix-its attached to notes (they may change "
                      "the program's meaning)"),
             cl::init(false), cl::cat(PincheckCategory));

static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit"),
                                cl::init(false), cl::cat(PincheckCategory));

enum ExitStatus { NoFindings = 0, Findings = 1, UsageOrCompileError = 2 };

static void printVersion(raw_ostream &OS) {
  OS << "pincheck " << PINCHECK_VERSION << " (LLVM " << CLANG_VERSION_STRING
     << ")\n";
}

static std::unique_ptr<ClangTidyOptionsProvider>
createOptionsProvider(IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions = ClangTidyOptions::getDefaults();
  DefaultOptions.Checks = "-*,pin-*";
  ClangTidyOptions OverrideOptions;
  if (!Checks.empty())
    OverrideOptions.Checks = Checks;
  if (!ConfigFile.empty()) {
    auto Text = MemoryBuffer::getFile(ConfigFile);
    if (!Text) {
      errs() << "pincheck: cannot read '" << ConfigFile
             << "': " << Text.getError().message() << "\n";
      return nullptr;
    }
    auto Parsed = parseConfiguration(**Text);
    if (!Parsed) {
      errs() << "pincheck: invalid configuration in '" << ConfigFile
             << "': " << Parsed.getError().message() << "\n";
      return nullptr;
    }
    return std::make_unique<ConfigOptionsProvider>(
        GlobalOptions, DefaultOptions, std::move(*Parsed), OverrideOptions, FS);
  }
  return std::make_unique<FileOptionsProvider>(GlobalOptions, DefaultOptions,
                                               OverrideOptions, FS);
}

/// Options that take a value, which may follow as the next argument.
static bool isValueOption(StringRef Arg) {
  Arg = Arg.ltrim('-');
  return Arg == "checks" || Arg == "config-file" || Arg == "extra-arg" ||
         Arg == "extra-arg-before";
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

  auto BaseFS =
      makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  std::unique_ptr<ClangTidyOptionsProvider> OptionsProvider =
      createOptionsProvider(BaseFS);
  if (!OptionsProvider)
    return UsageOrCompileError;

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

  if (ListChecks) {
    ClangTidyOptions Effective = OptionsProvider->getOptions(
        Files.empty() ? "dummy.cpp" : Files.front());
    outs() << "Enabled checks:\n";
    for (const std::string &Name : getCheckNames(Effective, false))
      outs() << "    " << Name << "\n";
    return NoFindings;
  }
  if (Files.empty()) {
    errs() << "pincheck: no input files; name them or pass -p with a "
              "compile_commands.json\n";
    return UsageOrCompileError;
  }

  ClangTidyContext Context(std::move(OptionsProvider));
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, Compilations, Files, BaseFS, FixNotes);

  FixBehaviour Behaviour = FB_NoFix;
  if (Fix || FixNotes)
    Behaviour = FixNotes ? FB_FixNotes : FB_Fix;
  unsigned WarningsAsErrors = 0;
  handleErrors(Errors, Context, Behaviour, WarningsAsErrors, BaseFS);

  bool CompileError = false;
  for (const ClangTidyError &Error : Errors)
    if (Error.DiagLevel == ClangTidyError::Error &&
        StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-"))
      CompileError = true;
  if (CompileError) {
    errs() << "pincheck: compile errors; the results are incomplete\n";
    return UsageOrCompileError;
  }
  return Errors.empty() ? NoFindings : Findings;
}
