//===--- CommandLine.cpp - The pincheck command line, validated -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "pincheck/Version.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace pincheck {

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

static cl::opt<OutputFormat>
    Format("format", cl::desc("Output format"),
           cl::values(clEnumValN(OutputFormat::Text, "text",
                                 "clang-style diagnostics (the default)"),
                      clEnumValN(OutputFormat::Json, "json", "pincheck's JSON"),
                      clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0")),
           cl::init(OutputFormat::Text), cl::cat(PincheckCategory));

static cl::opt<std::string> Output("output",
                                   cl::desc("Write the report to this file"),
                                   cl::init(""), cl::cat(PincheckCategory));

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

static void printVersion(raw_ostream &OS) {
  OS << PINCHECK_VERSION_LINE("pincheck") << "\n";
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

/// An option given on the command line, even with an empty value.
static std::optional<std::string> given(const cl::opt<std::string> &Option) {
  return Option.getNumOccurrences() ? std::optional<std::string>(Option)
                                    : std::nullopt;
}

/// The options' values, once parsed.
static Invocation fromOptions() {
  Invocation Result;
  Result.Tidy = TidySettings{Checks, ConfigFile, given(HeaderFilter),
                             given(ExcludeHeaderFilter), WarningsAsErrors};
  Result.Jobs = Jobs;
  Result.Format = Format;
  Result.Output = Output;
  Result.ExportFixes = ExportFixes;
  Result.Fix = Fix;
  Result.FixNotes = FixNotes;
  Result.FixErrors = FixErrors;
  Result.BaselineFile = BaselineFile;
  Result.WriteBaseline = WriteBaseline;
  Result.DocsBaseUrl = DocsBaseUrl;
  Result.ListChecks = ListChecks;
  SmallString<256> Root(SourceRoot);
  if (Root.empty())
    sys::fs::current_path(Root);
  sys::fs::make_absolute(Root);
  Result.SourceRoot = std::string(Root);
  return Result;
}

/// The checks that need the options and the inputs together.
static Error validate(const Invocation &Result) {
  if (Result.Files.empty() && !Result.ListChecks)
    return createStringError(inconvertibleErrorCode(),
                             "no input files; name them or pass -p with a "
                             "compile_commands.json");
  if (!Result.Tidy.ConfigFile.empty())
    if (auto Provider =
            createOptionsProvider(Result.Tidy, vfs::getRealFileSystem());
        !Provider)
      return Provider.takeError();
  if (!Result.Output.empty() && Result.Format == OutputFormat::Text)
    return createStringError(inconvertibleErrorCode(),
                             "--output needs --format=json or --format=sarif; "
                             "the text format goes to standard output");
  return Error::success();
}

Expected<Invocation> parseCommandLine(int Argc, const char **Argv) {
  cl::SetVersionPrinter(printVersion);
  std::string BuildPath;
  std::vector<const char *> Args = withDefaultFlags(Argc, Argv, BuildPath);
  int ArgCount = static_cast<int>(Args.size());
  auto Parser = tooling::CommonOptionsParser::create(
      ArgCount, Args.data(), PincheckCategory, cl::ZeroOrMore, Overview);
  if (!Parser)
    return Parser.takeError();

  Invocation Result = fromOptions();
  Result.Parser.emplace(std::move(*Parser));
  if (!BuildPath.empty()) {
    std::string Error;
    Result.Database =
        tooling::CompilationDatabase::autoDetectFromDirectory(BuildPath, Error);
    if (!Result.Database)
      return createStringError(inconvertibleErrorCode(), Error);
  }
  Result.Files = Result.Parser->getSourcePathList();
  if (Result.Files.empty())
    Result.Files = Result.compilations().getAllFiles();
  if (Error E = validate(Result))
    return std::move(E);
  return std::move(Result);
}

} // namespace pincheck
