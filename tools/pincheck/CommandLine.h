//===--- CommandLine.h - The pincheck command line, validated -------------===//
//
// Part of pincheck. The first phase of a run: the options are parsed and
// checked, and the compile commands of the inputs are found, before any
// translation unit is analysed.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_COMMANDLINE_H
#define PINCHECK_TOOLS_PINCHECK_COMMANDLINE_H

#include "Analysis.h"
#include "Baseline.h"
#include "ChangedLines.h"
#include "TidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pincheck {

enum class OutputFormat { Text, Json, Sarif, Html };

/// What the command line asks for.
struct Invocation {
  TidySettings Tidy;
  /// The translation units to analyse: the named sources, else every file
  /// of the compilation database.
  std::vector<std::string> Files;
  /// Translation units analysed at once; 0 for the number of cores.
  unsigned Jobs = 0;
  OutputFormat Format = OutputFormat::Text;
  /// The report's file; empty for standard output.
  std::string Output;
  /// Where the fix-its go as YAML for clang-apply-replacements; or empty.
  std::string ExportFixes;
  bool Fix = false;
  bool FixNotes = false;
  bool FixErrors = false;
  std::string BaselineFile;
  std::string WriteBaseline;
  /// Absolute; the paths of reports and baselines are relative to it.
  std::string SourceRoot;
  std::string DocsBaseUrl;
  bool ListChecks = false;
  /// Sources were named (else `Files` is the whole database).
  bool NamedSources = false;
  /// Whole-program analysis: on, with the store beside the database of -p.
  WholeProgramOptions WholeProgram;
  /// Stores to merge into the store (--merge-facts), and nothing else.
  std::vector<std::string> MergeFacts;
  /// Reports to merge (--merge-reports), and nothing else.
  std::vector<std::string> MergeReports;
  /// --shard=K/N: analyse shard `ShardIndex` (from 1) of `ShardCount`;
  /// 0 for all.
  unsigned ShardIndex = 0;
  unsigned ShardCount = 0;

  /// The compile commands of `Files`: the flags after `--`, the database of
  /// -p or the one beside the first source, with the extra arguments.
  std::unique_ptr<clang::tooling::CompilationDatabase> Compilations;
  /// The baseline read from `BaselineFile`.
  std::optional<Baseline> Accepted;
  /// --diff or --diff-file: only findings on these lines are reported.
  std::optional<ChangedLines> Changes;
};

/// Parses and checks the command line and the inputs it names (sources,
/// configuration files, the baseline), and the outputs it will write. The
/// error's message is the line to print after "pincheck: error: ".
llvm::Expected<Invocation> parseCommandLine(int Argc, const char **Argv);

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_COMMANDLINE_H
