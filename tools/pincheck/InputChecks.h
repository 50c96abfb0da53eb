//===--- InputChecks.h - Usage and input errors, found before any work ----===//
//
// Part of pincheck. Every usage or input error of the CLI is one line,
//
//   pincheck: error: <what> '<culprit>': <why>
//
// with exit status 2, found before anything is written: options, regular
// expressions, check globs, configuration files, compilation databases,
// baselines, sources, and the files the run will write or fix. The table of
// every error is in docs/ci.md.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_INPUTCHECKS_H
#define PINCHECK_TOOLS_PINCHECK_INPUTCHECKS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace pincheck {

/// The error `<what> '<culprit>': <why>`, on one line (line breaks in
/// `Why`, from a library's message, become spaces).
llvm::Error usageError(const llvm::Twine &What, llvm::StringRef Culprit,
                       const llvm::Twine &Why);

/// `Path` made absolute against the current directory, without `.` or
/// `..`; as it is when the current directory cannot be known (it then
/// still names the same file).
std::string absolutePath(llvm::StringRef Path);

/// A valid llvm::Regex, as clang-tidy's header filters are.
llvm::Error checkRegex(llvm::StringRef Option, llvm::StringRef Regex);

/// `--checks`: every glob that enables checks matches one, and together
/// they leave at least one of pincheck's checks enabled.
llvm::Error checkCheckGlobs(llvm::StringRef Globs);

/// An existing directory.
llvm::Error checkDirectory(llvm::StringRef Option, llvm::StringRef Path);

/// A file the run will write: its directory exists and is writable, and it
/// is not a directory or read-only.
llvm::Error checkWritable(llvm::StringRef Option, llvm::StringRef Path);

/// Each source exists, is a file and can be read.
llvm::Error checkSources(llvm::ArrayRef<std::string> Files);

/// The `.clang-tidy` files that configure `Files` (each source's directory
/// and those above it, up to one without InheritParentConfig) parse, and
/// their header filters are valid regular expressions unless the command
/// line overrides them (`HeaderFilterGiven`, `ExcludeHeaderFilterGiven`).
llvm::Error checkConfigurationFiles(llvm::ArrayRef<std::string> Files,
                                    bool HeaderFilterGiven,
                                    bool ExcludeHeaderFilterGiven);

/// The compilation database in `Directory` (`-p`): compile_commands.json,
/// checked for JSON value types first, or compile_flags.txt.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(llvm::StringRef Directory);

/// The database that clang-tidy would find for `Source` (in its directory
/// or one above), checked as `loadCompilationDatabase` does; null if there
/// is none.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
findCompilationDatabase(llvm::StringRef Source);

/// The files that applying the fix-its of `Findings` (with the notes' when
/// `FixNotes`) rewrites can be written, so that none is left half-fixed.
llvm::Error
checkFixTargets(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                bool FixNotes);

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_INPUTCHECKS_H
