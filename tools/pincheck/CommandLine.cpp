//===--- CommandLine.cpp - The pincheck command line, validated -----------===//
//
// Part of pincheck. The options are llvm::cl's; the compilation database
// (-p, the flags after `--`, or the one beside the first source) and the
// extra arguments are handled here rather than by clang::tooling's
// CommonOptionsParser, whose failures print several lines and carry on
// without flags. Every usage and input error is one line (InputChecks.h).
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "InputChecks.h"
#include "pincheck/Version.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace pincheck {

static cl::OptionCategory PincheckCategory("pincheck options");

static const char Overview[] =
    "pincheck finds copies and moves of C++ objects that must not move.\n";

static cl::list<std::string> SourcePaths(cl::Positional,
                                         cl::desc("<source>..."),
                                         cl::ZeroOrMore,
                                         cl::cat(PincheckCategory));

static cl::opt<std::string>
    BuildPath("p",
              cl::desc("Directory of the compilation database "
                       "(compile_commands.json or compile_flags.txt)"),
              cl::init(""), cl::value_desc("dir"), cl::cat(PincheckCategory));

static cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Argument to append to every compile command"),
              cl::value_desc("arg"), cl::cat(PincheckCategory));

static cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Argument to prepend to every compile command"),
                    cl::value_desc("arg"), cl::cat(PincheckCategory));

static cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated list of globs of checks to enable or "
                    "(with a leading '-') disable, applied after the "
                    "configuration files; the default is 'pin-*'"),
           cl::init(""), cl::value_desc("globs"), cl::cat(PincheckCategory));

static cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Read the configuration from this .clang-tidy style "
                        "file instead of the ones found beside the sources"),
               cl::init(""), cl::value_desc("file"), cl::cat(PincheckCategory));

static cl::opt<std::string>
    Jobs("j",
         cl::desc("Translation units analysed in parallel (default: the "
                  "number of cores); -j8, -j 8 and -j=8 alike"),
         cl::init("0"), cl::value_desc("n"), cl::cat(PincheckCategory));

static cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc("Regular expression of the headers whose findings "
                          "are shown (as in clang-tidy; an empty one shows "
                          "none)"),
                 cl::init(""), cl::value_desc("regex"),
                 cl::cat(PincheckCategory));

static cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regular expression of headers to leave out even when "
             "--header-filter matches them"),
    cl::init(""), cl::value_desc("regex"), cl::cat(PincheckCategory));

static cl::opt<std::string>
    Format("format",
           cl::desc("Output format: text (clang-style diagnostics, the "
                    "default), json (pincheck's JSON), sarif (SARIF 2.1.0) or "
                    "html (a static site in the directory --output names)"),
           cl::init("text"), cl::value_desc("text|json|sarif|html"),
           cl::cat(PincheckCategory));

static cl::opt<std::string> Output("output",
                                   cl::desc("Write the report to this file"),
                                   cl::init(""), cl::value_desc("file"),
                                   cl::cat(PincheckCategory));

static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fix-its as YAML for clang-apply-replacements"),
    cl::init(""), cl::value_desc("file"), cl::cat(PincheckCategory));

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
    cl::init(""), cl::value_desc("file"), cl::cat(PincheckCategory));

static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Write the current findings to this baseline file and exit 0"),
    cl::init(""), cl::value_desc("file"), cl::cat(PincheckCategory));

static cl::opt<std::string>
    DiffRef("diff",
            cl::desc("Report only the findings on lines changed since this git "
                     "revision (git diff REF), or whose pin or move is on one"),
            cl::init(""), cl::value_desc("ref"), cl::cat(PincheckCategory));

static cl::opt<std::string> DiffFile(
    "diff-file",
    cl::desc("Report only the findings on lines this unified diff adds or "
             "changes (paths relative to --source-root, a leading b/ "
             "dropped), or whose pin or move is on one"),
    cl::init(""), cl::value_desc("patch"), cl::cat(PincheckCategory));

static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose findings are reported as errors"),
    cl::init(""), cl::value_desc("globs"), cl::cat(PincheckCategory));

static cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory that report paths, baselines and SARIF's %SRCROOT% "
             "are relative to (default: the current directory)"),
    cl::init(""), cl::value_desc("dir"), cl::cat(PincheckCategory));

static cl::opt<std::string> DocsBaseUrl(
    "docs-base-url",
    cl::desc("URL prefix of the check pages, for SARIF rule help"),
    cl::init("https://github.com/pincheck/pincheck/blob/main/docs/checks/"),
    cl::value_desc("url"), cl::cat(PincheckCategory));

static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit"),
                                cl::init(false), cl::cat(PincheckCategory));

static cl::opt<bool> NoWholeProgram(
    "no-whole-program",
    cl::desc("Analyse each translation unit on its own, without the facts "
             "of the others (whole-program analysis is the default)"),
    cl::init(false), cl::cat(PincheckCategory));

static cl::opt<std::string> FactStoreDir(
    "fact-store",
    cl::desc("Directory of the fact store (default: .pincheck beside the "
             "compilation database of -p; without -p, the facts live for "
             "the run only)"),
    cl::init(""), cl::value_desc("dir"), cl::cat(PincheckCategory));

static cl::opt<bool> FactsOnly(
    "facts-only",
    cl::desc("Bring the fact store up to date (the named sources, or every "
             "file of the database) without checking; for CI shards"),
    cl::init(false), cl::cat(PincheckCategory));

static cl::list<std::string> MergeFacts(
    "merge-facts",
    cl::desc("Merge this fact store into the store, and do nothing else; "
             "repeat it or separate stores with commas"),
    cl::CommaSeparated, cl::value_desc("dir"), cl::cat(PincheckCategory));

static cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyse only shard K of N of the translation units (1 <= K <= "
             "N): the same split on every machine, balanced by the sources' "
             "sizes"),
    cl::init(""), cl::value_desc("K/N"), cl::cat(PincheckCategory));

static cl::list<std::string> MergeReports(
    "merge-reports",
    cl::desc("Merge the shards' JSON reports, SARIF logs or baselines into "
             "one (--output, else standard output), and do nothing else; "
             "repeat it or separate files with commas"),
    cl::CommaSeparated, cl::value_desc("file"), cl::cat(PincheckCategory));

static void printVersion(raw_ostream &OS) {
  OS << PINCHECK_VERSION_LINE("pincheck") << "\n";
}

/// The option `Arg` as written: `-j` for one letter, else `--name`.
static std::string spelled(StringRef Name) {
  return (Name.size() == 1 ? "-" : "--") + Name.str();
}

namespace {
/// A heading of --help and the options under it, in this order.
struct HelpGroup {
  StringRef Heading;
  std::vector<const cl::Option *> Options;
};
} // namespace

/// The options by what they are about; every option of PincheckCategory
/// belongs to one (an option left out would show under "OTHER OPTIONS").
static std::vector<HelpGroup> helpGroups() {
  using Options = std::vector<const cl::Option *>;
  // std::addressof: a cl::list's operator& gives its vector of values.
  return {
      HelpGroup{"INPUT", Options{std::addressof(SourcePaths), &BuildPath,
                                 std::addressof(ExtraArgs),
                                 std::addressof(ExtraArgsBefore)}},
      HelpGroup{"CHECKS",
                Options{&Checks, &ConfigFile, &HeaderFilter,
                        &ExcludeHeaderFilter, &WarningsAsErrors, &ListChecks}},
      HelpGroup{"OUTPUT", Options{&Format, &Output, &SourceRoot, &DocsBaseUrl}},
      HelpGroup{"FIXES", Options{&Fix, &FixNotes, &FixErrors, &ExportFixes}},
      HelpGroup{"BASELINE", Options{&BaselineFile, &WriteBaseline}},
      HelpGroup{"CHANGES", Options{&DiffRef, &DiffFile}},
      HelpGroup{"WHOLE PROGRAM",
                Options{&NoWholeProgram, &FactStoreDir, &FactsOnly,
                        std::addressof(MergeFacts)}},
      HelpGroup{"RUN", Options{&Jobs}},
      HelpGroup{"SHARDS", Options{&Shard, std::addressof(MergeReports)}},
  };
}

static const char HelpExamples[] = R"(EXAMPLES:
  Every file of build/compile_commands.json:
    pincheck -p build
  Only these files, with their commands from the database:
    pincheck -p build src/a.cpp src/b.cpp
  Without a database, the compiler flags after --:
    pincheck src/a.cpp -- -std=c++17 -Iinclude
  SARIF for code scanning, eight translation units at once:
    pincheck -p build -j8 --format=sarif --output=pincheck.sarif
  Whole-program facts built by CI shards, then merged:
    pincheck -p build --facts-only --fact-store=shard1 src/a.cpp
    pincheck -p build --merge-facts=shard1,shard2
  A pull request: only the findings on the lines it changes:
    pincheck -p build --diff=origin/main --format=sarif --output=pr.sarif
    git diff -U0 origin/main | pincheck -p build --diff-file=-
  A CI matrix of three machines, then one report:
    pincheck -p build --shard=2/3 --format=sarif --output=shard-2.sarif
    pincheck --merge-reports=shard-1.sarif,shard-2.sarif,shard-3.sarif \
      --output=pincheck.sarif
  Adopting pincheck: record today's findings once, then fail on new ones:
    pincheck -p build --write-baseline=.pincheck-baseline.json
    pincheck -p build --baseline=.pincheck-baseline.json
  A report to open in a browser, with the path from each pin to its move:
    pincheck -p build --format=html --output=pincheck-report
  Apply the fix-its of the warnings:
    pincheck -p build --fix

EXIT STATUS:
  0 no findings (outside the baseline), 1 findings, 2 usage, input or
  compile errors, or an internal error. More in docs/ci.md.
)";

/// How an option is written in --help: `--name=<value>`, `-j <value>`,
/// `--flag`, or `<source>...`.
static std::string helpSpelling(const cl::Option &Option) {
  if (Option.isPositional())
    return Option.HelpStr.str();
  std::string Spelled = spelled(Option.ArgStr);
  if (Option.getValueExpectedFlag() != cl::ValueRequired)
    return Spelled;
  StringRef Value = Option.ValueStr.empty() ? "value" : Option.ValueStr;
  return Spelled + (Option.ArgStr.size() == 1 ? " <" : "=<") + Value.str() +
         ">";
}

/// `Text` in lines of at most 78 columns, each after `Indent` spaces.
static void printWrapped(raw_ostream &OS, StringRef Text, unsigned Indent) {
  unsigned Column = 0;
  for (StringRef Word : llvm::split(Text, ' ')) {
    if (Column > 0 && Column + 1 + Word.size() > 78) {
      OS << "\n";
      Column = 0;
    }
    if (Column == 0) {
      OS.indent(Indent);
      Column = Indent;
    } else {
      OS << ' ';
      ++Column;
    }
    OS << Word;
    Column += Word.size();
  }
  OS << "\n";
}

/// --help: the options grouped by what they are about, then examples. (One
/// llvm::cl category per group would print them in alphabetical order.)
static void printHelp(raw_ostream &OS) {
  OS << "OVERVIEW: " << Overview << "\n"
     << "USAGE: pincheck [options] [<source>...] [-- <compiler flags>]\n";
  std::vector<HelpGroup> Groups = helpGroups();
  HelpGroup Other{"OTHER", {}};
  for (const auto &Entry : cl::getRegisteredOptions()) {
    const cl::Option *Option = Entry.second;
    if (is_contained(Option->Categories, &PincheckCategory) &&
        llvm::none_of(Groups,
                      [&](const HelpGroup &Group) {
                        return is_contained(Group.Options, Option);
                      }) &&
        !is_contained(Other.Options, Option))
      Other.Options.push_back(Option);
  }
  if (!Other.Options.empty())
    Groups.push_back(std::move(Other));
  for (const HelpGroup &Group : Groups) {
    OS << "\n" << Group.Heading << " OPTIONS:\n";
    for (const cl::Option *Option : Group.Options) {
      OS << "  " << helpSpelling(*Option) << "\n";
      printWrapped(OS,
                   Option->isPositional()
                       ? "The translation units to analyse (default: every "
                         "file of the compilation database)"
                       : Option->HelpStr,
                   /*Indent=*/6);
    }
  }
  OS << "\n" << HelpExamples;
}

/// `-j8` for `-j=8`, as make and run-clang-tidy accept it; before `--`
/// only (ArgsEnd), where the compiler's flags are not the jobs'.
static std::vector<std::string> withJobsSpelled(int ArgsEnd,
                                                const char **Argv) {
  std::vector<std::string> Args(Argv, Argv + ArgsEnd);
  for (std::string &Arg : llvm::drop_begin(Args))
    if (StringRef(Arg).starts_with("-j") && Arg.size() > 2 && Arg[2] != '=')
      Arg.insert(2, "=");
  return Args;
}

/// --help, -help and -h, printed by pincheck rather than llvm::cl.
static bool asksForHelp(ArrayRef<std::string> Args) {
  return llvm::any_of(llvm::drop_begin(Args), [](StringRef Arg) {
    return Arg == "--help" || Arg == "-help" || Arg == "-h";
  });
}

static Error unknownOption(StringRef Arg, StringRef Name) {
  // The nearest of pincheck's own options, for a name of some length.
  std::string Nearest;
  unsigned Best = 3;
  if (Name.size() >= 3)
    for (const auto &[Key, Option] : cl::getRegisteredOptions())
      if (llvm::is_contained(Option->Categories, &PincheckCategory))
        if (unsigned Distance = Name.edit_distance(Key, true, Best);
            Distance < Best) {
          Best = Distance;
          Nearest = spelled(Key);
        }
  return usageError("unknown option", Arg,
                    Nearest.empty() ? "see 'pincheck --help'"
                                    : "did you mean '" + Nearest + "'?");
}

/// Unknown options, options without their value and booleans with another
/// value, found before llvm::cl parses (its messages name the program twice
/// and take several lines).
static Error checkOptionSpelling(ArrayRef<const char *> Args) {
  // A StringMap in LLVM 19, a DenseMap in LLVM 22.
  auto &Options = cl::getRegisteredOptions();
  for (size_t I = 1; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (!Arg.starts_with("-") || Arg == "-")
      continue; // A source.
    StringRef Name = Arg.drop_front(Arg.starts_with("--") ? 2 : 1);
    auto [Key, Value] = Name.split('=');
    const bool HasValue = Name.contains('=');
    auto It = Options.find(Key);
    if (It == Options.end())
      return unknownOption(Arg, Key);
    const cl::Option &Option = *It->second;
    if (Option.getValueExpectedFlag() == cl::ValueRequired && !HasValue) {
      if (I + 1 == Args.size())
        return usageError("missing value for", Arg,
                          "write " + Arg + "=VALUE or " + Arg + " VALUE");
      ++I; // `--checks pin-*`: the value is not a source.
    } else if (Option.getValueExpectedFlag() == cl::ValueOptional && HasValue &&
               !is_contained({"true", "false", "TRUE", "FALSE", "True", "False",
                              "1", "0"},
                             Value)) {
      return usageError("invalid " + spelled(Key), Value,
                        "expected true or false");
    }
  }
  return Error::success();
}

/// llvm::cl's own error, on one line: the errors above are found first, so
/// this is rare (an option given twice, for one).
static Error commandLineError(StringRef Messages) {
  StringRef First = Messages.split('\n').first.trim();
  First.consume_front("pincheck: ");
  Regex ForOption("^for the (-+[^ ]+) option: (.*)$");
  SmallVector<StringRef> Parts;
  if (ForOption.match(First, &Parts))
    return usageError("invalid option", Parts[1], Parts[2].rtrim("!"));
  return usageError("invalid command line", First, "see 'pincheck --help'");
}

static Expected<OutputFormat> parseFormat(StringRef Value) {
  if (Value == "text")
    return OutputFormat::Text;
  if (Value == "json")
    return OutputFormat::Json;
  if (Value == "sarif")
    return OutputFormat::Sarif;
  if (Value == "html")
    return OutputFormat::Html;
  return usageError("invalid --format", Value,
                    "expected text, json, sarif or html");
}

static Expected<unsigned> parseJobs(StringRef Value) {
  unsigned Result;
  if (Value.getAsInteger(10, Result))
    return usageError("invalid -j", Value,
                      "expected a number of translation units to analyse at "
                      "once (0 for one per core)");
  return Result;
}

/// An option given on the command line, even with an empty value.
static std::optional<std::string> given(const cl::opt<std::string> &Option) {
  return Option.getNumOccurrences() ? std::optional<std::string>(Option)
                                    : std::nullopt;
}

/// The options' values, checked one by one.
static Expected<Invocation> fromOptions() {
  Invocation Result;
  Result.Tidy = TidySettings{Checks, ConfigFile, given(HeaderFilter),
                             given(ExcludeHeaderFilter), WarningsAsErrors};
  Expected<unsigned> ParsedJobs = parseJobs(Jobs);
  if (!ParsedJobs)
    return ParsedJobs.takeError();
  Result.Jobs = *ParsedJobs;
  Expected<OutputFormat> ParsedFormat = parseFormat(Format);
  if (!ParsedFormat)
    return ParsedFormat.takeError();
  Result.Format = *ParsedFormat;
  Result.Output = Output;
  Result.ExportFixes = ExportFixes;
  Result.Fix = Fix;
  Result.FixNotes = FixNotes;
  Result.FixErrors = FixErrors;
  Result.BaselineFile = BaselineFile;
  Result.WriteBaseline = WriteBaseline;
  Result.DocsBaseUrl = DocsBaseUrl;
  Result.ListChecks = ListChecks;
  Result.WholeProgram.Enabled = !NoWholeProgram;
  Result.WholeProgram.FactsOnly = FactsOnly;
  Result.MergeFacts.assign(MergeFacts.begin(), MergeFacts.end());
  Result.MergeReports.assign(MergeReports.begin(), MergeReports.end());
  if (!Shard.empty()) {
    auto [K, N] = StringRef(Shard).split('/');
    unsigned Index = 0, Count = 0;
    if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 ||
        Index == 0 || Index > Count)
      return usageError("invalid --shard", Shard,
                        "expected K/N with 1 <= K <= N, as in 2/8");
    Result.ShardIndex = Index;
    Result.ShardCount = Count;
  }
  if (!SourceRoot.empty())
    if (Error E = checkDirectory("--source-root", SourceRoot))
      return std::move(E);
  Result.SourceRoot =
      absolutePath(SourceRoot.empty() ? StringRef(".") : StringRef(SourceRoot));
  return std::move(Result);
}

/// An option that names no file.
static const std::string Empty;

/// The options that name no file: filters, checks, the configuration file.
static Error checkAnalysisOptions(const Invocation &Run) {
  if (Run.Tidy.HeaderFilter)
    if (Error E = checkRegex("--header-filter", *Run.Tidy.HeaderFilter))
      return E;
  if (Run.Tidy.ExcludeHeaderFilter)
    if (Error E = checkRegex("--exclude-header-filter",
                             *Run.Tidy.ExcludeHeaderFilter))
      return E;
  if (Error E = checkCheckGlobs(Run.Tidy.Checks))
    return E;
  if (!Run.Tidy.ConfigFile.empty())
    if (auto Provider =
            createOptionsProvider(Run.Tidy, vfs::getRealFileSystem());
        !Provider)
      return Provider.takeError();
  return Error::success();
}

/// The files the run writes, checked before it writes any.
static Error checkOutputs(const Invocation &Run) {
  if (!Run.Output.empty() && Run.Format == OutputFormat::Text)
    return usageError("invalid --output", Run.Output,
                      "the text format goes to standard output; add "
                      "--format=json or --format=sarif");
  if (Run.Format == OutputFormat::Html) {
    if (Run.Output.empty())
      return createStringError(inconvertibleErrorCode(),
                               "--format=html writes a directory: add "
                               "--output=DIR");
    // A directory, created beside its parent: the parent must take it.
    const std::string Absolute = absolutePath(Run.Output);
    StringRef Parent = sys::path::parent_path(Absolute);
    if (!sys::fs::is_directory(Parent))
      return usageError("cannot write --output", Run.Output,
                        "no such directory '" + Parent + "'");
    if (std::error_code EC =
            sys::fs::access(Parent, sys::fs::AccessMode::Write))
      return usageError("cannot write --output", Run.Output,
                        "its directory is not writable: " + EC.message());
  }
  for (const auto &[Option, Path] :
       {std::pair{"--output",
                  Run.Format == OutputFormat::Html ? &Empty : &Run.Output},
        std::pair{"--export-fixes", &Run.ExportFixes},
        std::pair{"--write-baseline", &Run.WriteBaseline}})
    if (!Path->empty())
      if (Error E = checkWritable(Option, *Path))
        return E;
  return Error::success();
}

/// The compile commands: the flags after `--`, else the database of -p,
/// else the one found beside the first source; with the extra arguments.
static Expected<std::unique_ptr<tooling::CompilationDatabase>>
compilations(std::unique_ptr<tooling::CompilationDatabase> FixedFlags) {
  std::unique_ptr<tooling::CompilationDatabase> Database;
  if (!BuildPath.empty()) {
    auto Loaded = loadCompilationDatabase(BuildPath);
    if (!Loaded)
      return Loaded.takeError();
    Database = std::move(*Loaded);
  }
  if (FixedFlags)
    Database = std::move(FixedFlags);
  if (!Database && !SourcePaths.empty()) {
    auto Found = findCompilationDatabase(SourcePaths.front());
    if (!Found)
      return Found.takeError();
    Database = std::move(*Found);
    if (!Database)
      errs() << "pincheck: warning: no compilation database for '"
             << SourcePaths.front()
             << "' in its directory or above; analysing without compiler "
                "flags (give them after '--', or -p DIR)\n";
  }
  if (!Database)
    Database = std::make_unique<tooling::FixedCompilationDatabase>(
        ".", std::vector<std::string>());
  auto Adjusting = std::make_unique<tooling::ArgumentsAdjustingCompilations>(
      std::move(Database));
  Adjusting->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  Adjusting->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ExtraArgs, tooling::ArgumentInsertPosition::END));
  return std::move(Adjusting);
}

/// The fact store: --fact-store, else `.pincheck` beside the database of
/// -p; none without either.
static Error chooseFactStore(Invocation &Run) {
  if (!FactStoreDir.empty()) {
    Run.WholeProgram.Store = absolutePath(FactStoreDir);
  } else if (!BuildPath.empty()) {
    SmallString<256> Store(absolutePath(BuildPath));
    if (!sys::fs::is_directory(Store))
      sys::path::remove_filename(Store); // -p build/compile_commands.json
    sys::path::append(Store, ".pincheck");
    Run.WholeProgram.Store = std::string(Store);
  }
  if (NoWholeProgram && (FactsOnly || !MergeFacts.empty()))
    return usageError("invalid", FactsOnly ? "--facts-only" : "--merge-facts",
                      "whole-program analysis is off (--no-whole-program)");
  if (Run.WholeProgram.Store.empty() && (FactsOnly || !MergeFacts.empty()))
    return usageError("invalid", FactsOnly ? "--facts-only" : "--merge-facts",
                      "there is no fact store: give -p or --fact-store");
  if (FactsOnly && !MergeFacts.empty())
    return usageError("invalid", "--merge-facts",
                      "it cannot be combined with --facts-only");
  return Error::success();
}

/// --diff and --diff-file: the changed lines, read before the analysis so
/// that a bad patch or revision fails at once.
static Error readChanges(Invocation &Run) {
  if (!DiffRef.empty() && !DiffFile.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--diff and --diff-file cannot be combined");
  if (!DiffRef.empty()) {
    Expected<ChangedLines> Changes =
        ChangedLines::fromGit(DiffRef, Run.SourceRoot);
    if (!Changes)
      return createStringError(inconvertibleErrorCode(),
                               "invalid --diff '" + DiffRef +
                                   "': " + toString(Changes.takeError()));
    Run.Changes = std::move(*Changes);
  }
  if (!DiffFile.empty()) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Text =
        MemoryBuffer::getFileOrSTDIN(DiffFile, /*IsText=*/true);
    if (!Text)
      return createStringError(inconvertibleErrorCode(),
                               "cannot read --diff-file '" + DiffFile +
                                   "': " + Text.getError().message());
    Expected<ChangedLines> Changes =
        ChangedLines::fromPatch((*Text)->getBuffer(), Run.SourceRoot);
    if (!Changes)
      return createStringError(inconvertibleErrorCode(),
                               "invalid --diff-file '" + DiffFile +
                                   "': " + toString(Changes.takeError()));
    Run.Changes = std::move(*Changes);
  }
  return Error::success();
}

/// Shard `Index` of `Count` of `Files`: the largest sources first, each to
/// the shard with the fewest bytes so far (ties to the lower shard), so the
/// split depends only on the files and their sizes, not on the machine or
/// the database's order. A shard may be empty.
static std::vector<std::string> shardOf(const std::vector<std::string> &Files,
                                        unsigned Index, unsigned Count) {
  std::vector<std::pair<uint64_t, std::string>> Sized;
  for (const std::string &File : Files) {
    uint64_t Size = 0;
    if (sys::fs::file_size(File, Size))
      Size = 0;
    Sized.emplace_back(Size, File);
  }
  llvm::sort(Sized, [](const auto &A, const auto &B) {
    return A.first != B.first ? A.first > B.first : A.second < B.second;
  });
  std::vector<uint64_t> Load(Count, 0);
  StringSet<> Mine;
  for (const auto &[Size, File] : Sized) {
    unsigned Lightest = 0;
    for (unsigned I = 1; I < Count; ++I)
      if (Load[I] < Load[Lightest])
        Lightest = I;
    Load[Lightest] += std::max<uint64_t>(Size, 1);
    if (Lightest + 1 == Index)
      Mine.insert(File);
  }
  // Analysed and reported in the database's order, as without --shard.
  std::vector<std::string> Ordered;
  for (const std::string &File : Files)
    if (Mine.contains(File))
      Ordered.push_back(File);
  return Ordered;
}

/// The inputs and what they bring: sources, configuration files, baseline.
static Error checkInputs(Invocation &Run) {
  Run.Files.assign(SourcePaths.begin(), SourcePaths.end());
  Run.NamedSources = !Run.Files.empty();
  if (!Run.MergeFacts.empty())
    return Error::success(); // Reads stores, not sources.
  if (Run.Files.empty())
    Run.Files = Run.Compilations->getAllFiles();
  if (Run.Files.empty() && !Run.ListChecks)
    return createStringError(inconvertibleErrorCode(),
                             "no input files: name them, or pass -p with a "
                             "compilation database");
  // A shard may be empty: more machines than units is not an error.
  if (Run.ShardCount)
    Run.Files = shardOf(Run.Files, Run.ShardIndex, Run.ShardCount);
  if (!Run.ListChecks)
    if (Error E = checkSources(Run.Files))
      return E;
  if (Run.Tidy.ConfigFile.empty())
    if (Error E = checkConfigurationFiles(
            Run.Files, Run.Tidy.HeaderFilter.has_value(),
            Run.Tidy.ExcludeHeaderFilter.has_value()))
      return E;
  if (!Run.BaselineFile.empty()) {
    Expected<Baseline> Read = Baseline::read(Run.BaselineFile);
    if (!Read)
      return Read.takeError();
    Run.Accepted = std::move(*Read);
  }
  return readChanges(Run);
}

Expected<Invocation> parseCommandLine(int Argc, const char **Argv) {
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions(PincheckCategory);
  // The compiler flags after `--`: Argc ends before it.
  std::string FlagsError;
  std::unique_ptr<tooling::CompilationDatabase> FixedFlags =
      tooling::FixedCompilationDatabase::loadFromCommandLine(Argc, Argv,
                                                             FlagsError);
  if (!FlagsError.empty()) {
    StringRef Why = StringRef(FlagsError).trim();
    Why.consume_front("error: "); // The driver's, which says it is one.
    return usageError("invalid compiler flags after", "--", Why);
  }
  std::vector<std::string> Args = withJobsSpelled(Argc, Argv);
  if (asksForHelp(Args)) {
    printHelp(outs());
    outs().flush();
    std::exit(0);
  }
  std::vector<const char *> ArgPointers;
  ArgPointers.reserve(Args.size());
  for (const std::string &Arg : Args)
    ArgPointers.push_back(Arg.c_str());
  if (Error E = checkOptionSpelling(ArgPointers))
    return std::move(E);
  std::string Messages;
  raw_string_ostream Errors(Messages);
  if (!cl::ParseCommandLineOptions(static_cast<int>(ArgPointers.size()),
                                   ArgPointers.data(), Overview, &Errors))
    return commandLineError(Messages);

  Expected<Invocation> Result = fromOptions();
  if (!Result)
    return Result.takeError();
  if (!Result->MergeReports.empty()) {
    // Reads reports, not sources: its output's format is theirs.
    if (!SourcePaths.empty() || !BuildPath.empty() || Result->ShardCount)
      return createStringError(inconvertibleErrorCode(),
                               "--merge-reports reads reports only: it takes "
                               "no sources, -p or --shard");
    if (!Result->Output.empty())
      if (Error E = checkWritable("--output", Result->Output))
        return std::move(E);
    return Result;
  }
  if (Error E = checkAnalysisOptions(*Result))
    return std::move(E);
  if (Error E = checkOutputs(*Result))
    return std::move(E);
  auto Compilations = compilations(std::move(FixedFlags));
  if (!Compilations)
    return Compilations.takeError();
  Result->Compilations = std::move(*Compilations);
  if (Error E = chooseFactStore(*Result))
    return std::move(E);
  if (Error E = checkInputs(*Result))
    return std::move(E);
  return Result;
}

} // namespace pincheck
