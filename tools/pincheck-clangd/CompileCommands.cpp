//===--- CompileCommands.cpp - The compile command clangd would use -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "CompileCommands.h"
#include "Checks/TidyCompat.h"
#include "Logger.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/YAMLParser.h"

using namespace clang;
using namespace llvm;

namespace pincheck {

namespace {
/// One YAML document of a clangd configuration file, the parts that shape
/// the compile command.
struct ConfigFragment {
  /// The directory of the `.clangd` file; empty for the user's config, whose
  /// conditions match absolute paths.
  std::string Directory;
  std::vector<std::string> PathMatch, PathExclude;
  std::optional<std::string> Compiler;
  std::vector<std::string> Remove, Add;
  std::optional<std::string> CompilationDatabase;

  bool appliesTo(StringRef File) const {
    std::string Relative = File.str();
    if (!Directory.empty()) {
      SmallString<256> Rel(File);
      if (!sys::path::replace_path_prefix(Rel, Directory, ""))
        return false;
      Relative = sys::path::convert_to_slash(
          StringRef(Rel).ltrim(sys::path::get_separator()));
    }
    auto Matches = [&](const std::string &Pattern) {
      return Regex("^(" + Pattern + ")$").match(Relative);
    };
    if (!PathMatch.empty() && llvm::none_of(PathMatch, Matches))
      return false;
    return llvm::none_of(PathExclude, Matches);
  }
};
} // namespace

static std::string scalarText(yaml::Node *Node) {
  SmallString<64> Storage;
  if (auto *Scalar = dyn_cast_or_null<yaml::ScalarNode>(Node))
    return Scalar->getValue(Storage).str();
  return "";
}

/// A scalar or a sequence of scalars.
static std::vector<std::string> scalarList(yaml::Node *Node) {
  std::vector<std::string> Result;
  if (auto *Sequence = dyn_cast_or_null<yaml::SequenceNode>(Node)) {
    for (yaml::Node &Item : *Sequence)
      Result.push_back(scalarText(&Item));
  } else if (isa_and_nonnull<yaml::ScalarNode>(Node)) {
    Result.push_back(scalarText(Node));
  }
  return Result;
}

static std::vector<ConfigFragment> parseConfig(StringRef File,
                                               StringRef Directory) {
  std::vector<ConfigFragment> Fragments;
  auto Buffer = MemoryBuffer::getFile(File);
  if (!Buffer)
    return Fragments;
  SourceMgr SM;
  SM.setDiagHandler([](const SMDiagnostic &, void *) {}, nullptr);
  yaml::Stream Stream((*Buffer)->getMemBufferRef(), SM);
  for (yaml::Document &Document : Stream) {
    auto *Root = dyn_cast_or_null<yaml::MappingNode>(Document.getRoot());
    if (!Root)
      continue;
    ConfigFragment Fragment;
    Fragment.Directory = Directory.str();
    for (yaml::KeyValueNode &Entry : *Root) {
      std::string Key = scalarText(Entry.getKey());
      auto *Value = dyn_cast_or_null<yaml::MappingNode>(Entry.getValue());
      if (!Value)
        continue;
      for (yaml::KeyValueNode &Item : *Value) {
        std::string Name = scalarText(Item.getKey());
        if (Key == "If" && Name == "PathMatch")
          Fragment.PathMatch = scalarList(Item.getValue());
        else if (Key == "If" && Name == "PathExclude")
          Fragment.PathExclude = scalarList(Item.getValue());
        else if (Key == "CompileFlags" && Name == "Compiler")
          Fragment.Compiler = scalarText(Item.getValue());
        else if (Key == "CompileFlags" && Name == "Remove")
          Fragment.Remove = scalarList(Item.getValue());
        else if (Key == "CompileFlags" && Name == "Add")
          Fragment.Add = scalarList(Item.getValue());
        else if (Key == "CompileFlags" && Name == "CompilationDatabase")
          Fragment.CompilationDatabase = scalarText(Item.getValue());
      }
    }
    Fragments.push_back(std::move(Fragment));
  }
  return Fragments;
}

/// The fragments that apply to `File`: the user's configuration first, then
/// the `.clangd` files from the root down to the file's directory, so that
/// the nearest has the last word.
static std::vector<ConfigFragment> configFor(StringRef File) {
  std::vector<ConfigFragment> Result;
  SmallString<256> UserConfig;
  if (sys::path::user_config_directory(UserConfig)) {
    sys::path::append(UserConfig, "clangd", "config.yaml");
    if (sys::fs::is_regular_file(UserConfig))
      Result = parseConfig(UserConfig, "");
  }
  std::vector<StringRef> Directories;
  for (StringRef Dir = sys::path::parent_path(File); !Dir.empty();
       Dir = sys::path::parent_path(Dir))
    Directories.push_back(Dir);
  for (StringRef Dir : llvm::reverse(Directories)) {
    SmallString<256> Config(Dir);
    sys::path::append(Config, ".clangd");
    if (!sys::fs::is_regular_file(Config))
      continue;
    for (ConfigFragment &Fragment : parseConfig(Config, Dir))
      Result.push_back(std::move(Fragment));
  }
  llvm::erase_if(Result,
                 [&](const ConfigFragment &F) { return !F.appliesTo(File); });
  return Result;
}

/// The index of the argument naming the input file, or the end.
static size_t inputIndex(const tooling::CompileCommand &Command,
                         StringRef File) {
  for (size_t I = Command.CommandLine.size(); I-- > 1;) {
    StringRef Arg = Command.CommandLine[I];
    if (Arg.starts_with("-"))
      continue;
    SmallString<256> Absolute(Arg);
    compat::makeAbsolute(Command.Directory, Absolute);
    sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    if (Absolute == File)
      return I;
  }
  return Command.CommandLine.size();
}

/// Options whose value is the next argument when written alone.
static bool takesSeparateValue(StringRef Flag) {
  return llvm::is_contained(
      {StringRef("-I"), StringRef("-D"), StringRef("-U"), StringRef("-x"),
       StringRef("-o"), StringRef("-include"), StringRef("-isystem"),
       StringRef("-iquote"), StringRef("-idirafter"), StringRef("-imacros"),
       StringRef("-MF"), StringRef("-MT"), StringRef("-MQ"),
       StringRef("-Xclang"), StringRef("-target"), StringRef("-arch")},
      Flag);
}

/// clangd's `Remove`, approximated without clang's option table: `-foo*`
/// removes every argument starting with `-foo`; `-foo` removes `-foo`,
/// `-foo=...`, and `-foo VALUE` for the options that take one.
static void removeFlags(tooling::CompileCommand &Command, StringRef File,
                        ArrayRef<std::string> Patterns) {
  for (StringRef Pattern : Patterns) {
    std::vector<std::string> &Args = Command.CommandLine;
    size_t Input = inputIndex(Command, File);
    std::vector<std::string> Kept;
    for (size_t I = 0; I < Args.size(); ++I) {
      StringRef Arg = Args[I];
      bool Matches = false;
      if (I != 0 && I != Input) {
        if (Pattern.ends_with("*"))
          Matches = Arg.starts_with(Pattern.drop_back());
        else
          Matches = Arg == Pattern || Arg.starts_with((Pattern + "=").str());
      }
      if (!Matches) {
        Kept.push_back(Args[I]);
        continue;
      }
      if (Arg == Pattern && takesSeparateValue(Pattern) &&
          I + 1 < Args.size() && I + 1 != Input)
        ++I;
    }
    Args = std::move(Kept);
  }
}

/// Compiler plugins in the user's build must not be loaded into this
/// process; clangd drops them too.
static void removePlugins(std::vector<std::string> &Args) {
  std::vector<std::string> Kept;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef Arg = Args[I];
    if (Arg.starts_with("-fplugin=") || Arg.starts_with("-fplugin-arg-") ||
        Arg.starts_with("-fpass-plugin="))
      continue;
    if (Arg == "-Xclang" && I + 1 < Args.size() &&
        (Args[I + 1] == "-load" || Args[I + 1] == "-plugin" ||
         Args[I + 1] == "-add-plugin" ||
         StringRef(Args[I + 1]).starts_with("-plugin-arg-"))) {
      // `-Xclang -load -Xclang lib.so`: drop the pair and its value pair.
      I += 1;
      if (I + 2 < Args.size() && Args[I + 1] == "-Xclang")
        I += 2;
      continue;
    }
    Kept.push_back(Args[I]);
  }
  Args = std::move(Kept);
}

CompileCommands::CompileCommands(CompileCommandsOptions Options)
    : Options(std::move(Options)) {}

void CompileCommands::setCompileCommandsDir(StringRef Dir) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Options.CompileCommandsDir = Dir.str();
}

void CompileCommands::setFallbackFlags(std::vector<std::string> Flags) {
  std::lock_guard<std::mutex> Lock(Mutex);
  FallbackFlags = std::move(Flags);
}

void CompileCommands::setCommand(StringRef File,
                                 tooling::CompileCommand Command) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Pushed[File] = std::move(Command);
}

std::shared_ptr<tooling::CompilationDatabase>
CompileCommands::databaseIn(StringRef Dir, std::string &Source) {
  for (StringRef Name : {"compile_commands.json", "build/compile_commands.json",
                         "compile_flags.txt"}) {
    SmallString<256> File(Dir);
    sys::path::append(File, Name);
    sys::fs::file_status Status;
    if (sys::fs::status(File, Status) || !sys::fs::is_regular_file(Status))
      continue;
    Source = std::string(File);
    CachedDatabase &Cached = Databases[Dir];
    if (Cached.Database && Cached.File == File &&
        Cached.Size == Status.getSize() &&
        Cached.Modified == Status.getLastModificationTime())
      return Cached.Database;
    std::string Error;
    std::unique_ptr<tooling::CompilationDatabase> Loaded;
    if (StringRef(Name).ends_with(".json")) {
      if (auto Json = tooling::JSONCompilationDatabase::loadFromFile(
              File, Error, tooling::JSONCommandLineSyntax::AutoDetect))
        // Response files first: inference reads the whole command line.
        Loaded =
            tooling::inferMissingCompileCommands(tooling::expandResponseFiles(
                std::move(Json), vfs::getRealFileSystem()));
    } else {
      Loaded = tooling::FixedCompilationDatabase::loadFromFile(File, Error);
    }
    if (!Loaded) {
      elog("cannot load the compilation database '{0}': {1}", File, Error);
      return nullptr;
    }
    log("loaded the compilation database '{0}'", File);
    Cached = {std::string(File), Status.getSize(),
              Status.getLastModificationTime(), std::move(Loaded)};
    return Cached.Database;
  }
  return nullptr;
}

/// The directories whose compilation database may hold `File`'s command,
/// nearest first: --compile-commands-dir, else the `.clangd` files'
/// `CompilationDatabase` policy (`Ancestors` by default, `None`, or a
/// directory).
static std::vector<std::string>
databaseDirectories(StringRef File, StringRef CompileCommandsDir,
                    ArrayRef<ConfigFragment> Fragments) {
  if (!CompileCommandsDir.empty() && sys::fs::is_directory(CompileCommandsDir))
    return {CompileCommandsDir.str()};
  std::optional<std::string> Policy;
  for (const ConfigFragment &Fragment : Fragments)
    if (Fragment.CompilationDatabase) {
      Policy = *Fragment.CompilationDatabase;
      if (*Policy != "Ancestors" && *Policy != "None") {
        SmallString<256> Dir(*Policy);
        compat::makeAbsolute(Fragment.Directory, Dir);
        Policy = std::string(Dir);
      }
    }
  std::vector<std::string> Directories;
  if (!Policy || *Policy == "Ancestors") {
    for (StringRef Dir = sys::path::parent_path(File); !Dir.empty();
         Dir = sys::path::parent_path(Dir))
      Directories.push_back(Dir.str());
  } else if (*Policy != "None") {
    Directories.push_back(*Policy);
  }
  return Directories;
}

/// clangd's fallback: `clang FILE` with the client's fallback flags,
/// Objective-C++ for headers without a known language.
static ResolvedCommand fallbackCommand(StringRef File,
                                       ArrayRef<std::string> FallbackFlags) {
  std::vector<std::string> Args = {"clang"};
  StringRef Extension = sys::path::extension(File);
  if (Extension.empty() || Extension == ".h")
    Args.push_back("-xobjective-c++-header");
  Args.insert(Args.end(), FallbackFlags.begin(), FallbackFlags.end());
  Args.push_back(File.str());
  return {tooling::CompileCommand(sys::path::parent_path(File),
                                  sys::path::filename(File), std::move(Args),
                                  ""),
          "clangd's fallback command"};
}

/// The `.clangd` files' `CompileFlags` applied to `Command`, after the
/// compiler plugins are taken out.
static void applyConfig(tooling::CompileCommand &Command, StringRef File,
                        ArrayRef<ConfigFragment> Fragments) {
  if (Command.CommandLine.empty())
    Command.CommandLine.push_back("clang");
  Command.Filename = File.str();
  removePlugins(Command.CommandLine);
  for (const ConfigFragment &Fragment : Fragments) {
    if (Fragment.Compiler)
      Command.CommandLine.front() = *Fragment.Compiler;
    removeFlags(Command, File, Fragment.Remove);
    size_t Input = inputIndex(Command, File);
    Command.CommandLine.insert(Command.CommandLine.begin() + Input,
                               Fragment.Add.begin(), Fragment.Add.end());
  }
  tooling::addTargetAndModeForProgramName(Command.CommandLine,
                                          Command.CommandLine.front());
}

std::optional<ResolvedCommand>
CompileCommands::databaseCommand(StringRef File,
                                 ArrayRef<std::string> Directories) {
  for (const std::string &Dir : Directories) {
    std::string Source;
    if (auto Database = databaseIn(Dir, Source)) {
      // The nearest database decides, as in clangd.
      std::vector<tooling::CompileCommand> Found =
          Database->getCompileCommands(File);
      if (Found.empty())
        return std::nullopt;
      return ResolvedCommand{std::move(Found.front()), Source};
    }
  }
  return std::nullopt;
}

ResolvedCommand CompileCommands::commandFor(StringRef File) {
  std::vector<ConfigFragment> Fragments;
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Options.EnableConfig)
    Fragments = configFor(File);

  std::optional<ResolvedCommand> Result;
  if (auto It = Pushed.find(File); It != Pushed.end())
    Result = {It->second, "the client's compilationDatabaseChanges"};
  else
    Result = databaseCommand(
        File, databaseDirectories(File, Options.CompileCommandsDir, Fragments));
  if (!Result)
    Result = fallbackCommand(File, FallbackFlags);
  applyConfig(Result->Command, File, Fragments);
  return std::move(*Result);
}

} // namespace pincheck
