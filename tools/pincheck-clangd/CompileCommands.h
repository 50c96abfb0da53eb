//===--- CompileCommands.h - The compile command clangd would use ---------===//
//
// Part of pincheck. pincheck-clangd analyses a document with the compile
// command clangd uses for it, found the way clangd finds it:
//
//  - a command the client pushed (`compilationDatabaseChanges`);
//  - else the compilation database of `--compile-commands-dir`, or of the
//    `CompilationDatabase` directory of a `.clangd` file, or the nearest
//    `compile_commands.json`, `build/compile_commands.json` or
//    `compile_flags.txt` in the file's directory or an ancestor; files a
//    JSON database does not list (headers) get the command of the most
//    similar file that it does list, with the language adjusted;
//  - else clangd's fallback, `clang FILE` plus the client's fallback flags.
//
// `.clangd` files (and the user's clangd/config.yaml) then edit the command
// with `CompileFlags: Compiler, Remove, Add`, fragment by fragment, subject
// to `If: PathMatch / PathExclude`. Finally the target and driver mode are
// inferred from the compiler's name, as clangd does.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_COMPILECOMMANDS_H
#define PINCHECK_CLANGD_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace pincheck {

struct CompileCommandsOptions {
  /// clangd's --compile-commands-dir (or the client's
  /// `compilationDatabasePath`).
  std::string CompileCommandsDir;
  /// clangd's --enable-config: read `.clangd` and the user's config.yaml.
  bool EnableConfig = true;
};

/// A compile command and where it came from, for the log.
struct ResolvedCommand {
  clang::tooling::CompileCommand Command;
  std::string Source;
};

class CompileCommands {
public:
  explicit CompileCommands(CompileCommandsOptions Options);

  void setCompileCommandsDir(llvm::StringRef Dir);
  void setFallbackFlags(std::vector<std::string> Flags);
  /// A command pushed by the client for one file.
  void setCommand(llvm::StringRef File, clang::tooling::CompileCommand Command);

  /// The command for the absolute path `File`.
  ResolvedCommand commandFor(llvm::StringRef File);

private:
  /// The database found in `Dir`, loaded again when its file changed.
  std::shared_ptr<clang::tooling::CompilationDatabase>
  databaseIn(llvm::StringRef Dir, std::string &Source);
  /// The command of the nearest database among `Directories` that exists;
  /// nothing if it does not list `File` (nor infer a command for it).
  std::optional<ResolvedCommand>
  databaseCommand(llvm::StringRef File,
                  llvm::ArrayRef<std::string> Directories);

  struct CachedDatabase {
    std::string File;
    uint64_t Size = 0;
    llvm::sys::TimePoint<> Modified;
    std::shared_ptr<clang::tooling::CompilationDatabase> Database;
  };

  std::mutex Mutex;
  CompileCommandsOptions Options;
  std::vector<std::string> FallbackFlags;
  llvm::StringMap<clang::tooling::CompileCommand> Pushed;
  llvm::StringMap<CachedDatabase> Databases;
};

} // namespace pincheck

#endif // PINCHECK_CLANGD_COMPILECOMMANDS_H
