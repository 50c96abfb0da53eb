//===--- InputChecks.cpp - Usage and input errors, found before any work --===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "InputChecks.h"
#include "Checks/TidyCompat.h"
#include "Paths.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include <tuple>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

Error usageError(const Twine &What, StringRef Culprit, const Twine &Why) {
  std::string Reason = Why.str();
  std::replace(Reason.begin(), Reason.end(), '\n', ' ');
  return createStringError(inconvertibleErrorCode(), "%s '%s': %s",
                           What.str().c_str(), Culprit.str().c_str(),
                           StringRef(Reason).rtrim().str().c_str());
}

std::string absolutePath(StringRef Path) {
  SmallString<256> Absolute(Path);
  if (sys::fs::make_absolute(Absolute))
    return Path.str();
  sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

Error checkRegex(StringRef Option, StringRef Regex) {
  // An empty filter matches nothing, as in clang-tidy (llvm::Regex refuses
  // an empty expression).
  std::string Why;
  if (!Regex.empty() && !llvm::Regex(Regex).isValid(Why))
    return usageError("invalid " + Option, Regex, Why);
  return Error::success();
}

/// The names of the checks the CLI can run.
static std::vector<std::string> registeredChecks() {
  ClangTidyOptions All;
  All.Checks = "*";
  return compat::enabledCheckNames(All);
}

static std::string pincheckChecks(ArrayRef<std::string> Known) {
  std::vector<StringRef> Ours;
  for (StringRef Name : Known)
    if (Name.starts_with("pin-"))
      Ours.push_back(Name);
  return join(Ours, ", ");
}

Error checkCheckGlobs(StringRef Globs) {
  if (Globs.empty())
    return Error::success();
  std::vector<std::string> Known = registeredChecks();
  SmallVector<StringRef> Items;
  Globs.split(Items, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef Item : Items) {
    Item = Item.trim();
    // Compiler warnings are checks too, named by their flag.
    if (Item.empty() || Item.starts_with("-") ||
        Item.starts_with("clang-diagnostic-"))
      continue;
    GlobList Glob(Item);
    if (llvm::none_of(Known, [&](const std::string &Name) {
          return Glob.contains(Name);
        }))
      return usageError("invalid --checks", Item,
                        "no check has this name; pincheck's checks are " +
                            pincheckChecks(Known));
  }
  // Applied after the configuration, which at most enables every pin-*.
  ClangTidyOptions Permissive;
  Permissive.Checks = "pin-*," + Globs.str();
  if (llvm::none_of(compat::enabledCheckNames(Permissive),
                    [](StringRef Name) { return Name.starts_with("pin-"); }))
    return usageError("invalid --checks", Globs,
                      "it disables every check of pincheck's");
  return Error::success();
}

Error checkDirectory(StringRef Option, StringRef Path) {
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status))
    return usageError("invalid " + Option, Path,
                      EC == std::errc::no_such_file_or_directory
                          ? "no such directory"
                          : EC.message());
  if (!sys::fs::is_directory(Status))
    return usageError("invalid " + Option, Path, "it is not a directory");
  return Error::success();
}

Error checkWritable(StringRef Option, StringRef Path) {
  std::string Absolute = absolutePath(Path);
  const std::string What = ("cannot write " + Option).str();
  sys::fs::file_status Status;
  if (!sys::fs::status(Absolute, Status)) {
    if (sys::fs::is_directory(Status))
      return usageError(What, Path, "it is a directory");
    if (std::error_code EC =
            sys::fs::access(Absolute, sys::fs::AccessMode::Write))
      return usageError(What, Path, EC.message());
  }
  StringRef Directory = sys::path::parent_path(Absolute);
  if (!sys::fs::is_directory(Directory))
    return usageError(What, Path, "no such directory '" + Directory + "'");
  // Reports are written to a temporary file in the same directory first.
  if (std::error_code EC =
          sys::fs::access(Directory, sys::fs::AccessMode::Write))
    return usageError(What, Path,
                      "its directory is not writable: " + EC.message());
  return Error::success();
}

Error checkSources(ArrayRef<std::string> Files) {
  for (const std::string &File : Files) {
    sys::fs::file_status Status;
    if (std::error_code EC = sys::fs::status(File, Status))
      return usageError("cannot read source file", File, EC.message());
    if (sys::fs::is_directory(Status))
      return usageError("cannot read source file", File, "it is a directory");
    int FD;
    if (std::error_code EC = sys::fs::openFileForRead(File, FD))
      return usageError("cannot read source file", File, EC.message());
    (void)sys::fs::closeFile(FD); // Read from, nothing lost if it fails.
  }
  return Error::success();
}

/// One `.clang-tidy` file; whether the one above it applies too. A header
/// filter the command line overrides is not used, so not judged.
static Expected<bool> checkConfigurationFile(StringRef Path,
                                             bool HeaderFilterGiven,
                                             bool ExcludeHeaderFilterGiven) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return usageError("cannot read configuration", Path,
                      Buffer.getError().message());
  std::string Why;
  ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
      (*Buffer)->getMemBufferRef(), [&](const SMDiagnostic &Diagnostic) {
        if (Why.empty())
          Why = formatv("line {0}, column {1}: {2}", Diagnostic.getLineNo(),
                        Diagnostic.getColumnNo() + 1, Diagnostic.getMessage());
      });
  if (!Parsed)
    return usageError("invalid configuration", Path,
                      Why.empty() ? Parsed.getError().message() : Why);
  for (const auto &[Key, Value, Overridden] :
       {std::tuple{"HeaderFilterRegex", Parsed->HeaderFilterRegex,
                   HeaderFilterGiven},
        std::tuple{"ExcludeHeaderFilterRegex", Parsed->ExcludeHeaderFilterRegex,
                   ExcludeHeaderFilterGiven}}) {
    std::string RegexWhy;
    if (!Overridden && Value && !Value->empty() &&
        !Regex(*Value).isValid(RegexWhy))
      return usageError("invalid configuration", Path,
                        Twine(Key) + " '" + *Value + "': " + RegexWhy);
  }
  return Parsed->InheritParentConfig.value_or(false);
}

Error checkConfigurationFiles(ArrayRef<std::string> Files,
                              bool HeaderFilterGiven,
                              bool ExcludeHeaderFilterGiven) {
  StringSet<> Checked;
  for (const std::string &File : Files) {
    std::string Absolute = absolutePath(File);
    for (StringRef Dir = sys::path::parent_path(Absolute); !Dir.empty();
         Dir = sys::path::parent_path(Dir)) {
      if (!Checked.insert(Dir).second)
        break; // This directory and those it leads to are checked.
      SmallString<256> Config(Dir);
      sys::path::append(Config, ".clang-tidy");
      if (!sys::fs::exists(Config))
        continue;
      Expected<bool> InheritsParent = checkConfigurationFile(
          Config, HeaderFilterGiven, ExcludeHeaderFilterGiven);
      if (!InheritsParent)
        return InheritsParent.takeError();
      if (!*InheritsParent)
        break;
    }
  }
  return Error::success();
}

/// The JSON value types of a compile_commands.json, which clang's YAML-based
/// reader does not check (a number where a file name should be is read as
/// its digits). Text that is not JSON is left to that reader.
static Error checkJsonDatabase(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return usageError("cannot read compilation database", Path,
                      Buffer.getError().message());
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    consumeError(Parsed.takeError());
    return Error::success();
  }
  const json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return usageError("invalid compilation database", Path,
                      "it is not a JSON array");
  for (size_t I = 0; I < Entries->size(); ++I) {
    auto Fail = [&](const Twine &Why) {
      return usageError("invalid compilation database", Path,
                        "entry " + Twine(I + 1) + ": " + Why);
    };
    const json::Object *Entry = (*Entries)[I].getAsObject();
    if (!Entry)
      return Fail("it is not an object");
    for (StringRef Key : {"directory", "file"})
      if (!Entry->getString(Key))
        return Fail("\"" + Key + "\" is missing or not a string");
    if (const json::Value *Output = Entry->get("output");
        Output && !Output->getAsString())
      return Fail("\"output\" is not a string");
    const json::Value *Command = Entry->get("command");
    const json::Value *Arguments = Entry->get("arguments");
    if (!Command && !Arguments)
      return Fail("it has neither \"command\" nor \"arguments\"");
    if (Command && !Command->getAsString())
      return Fail("\"command\" is not a string");
    if (Arguments &&
        (!Arguments->getAsArray() ||
         llvm::any_of(*Arguments->getAsArray(), [](const json::Value &Arg) {
           return !Arg.getAsString();
         })))
      return Fail("\"arguments\" is not an array of strings");
  }
  return Error::success();
}

Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadCompilationDatabase(StringRef Directory) {
  if (Error E = checkDirectory("-p", Directory))
    return std::move(E);
  SmallString<256> Json(Directory);
  sys::path::append(Json, "compile_commands.json");
  SmallString<256> Flags(Directory);
  sys::path::append(Flags, "compile_flags.txt");
  if (sys::fs::exists(Json)) {
    if (Error E = checkJsonDatabase(Json))
      return std::move(E);
  } else if (!sys::fs::exists(Flags)) {
    return usageError("cannot load compilation database", Directory,
                      "it has no compile_commands.json or compile_flags.txt");
  }
  // As clang-tidy loads it (response files expanded, commands inferred for
  // files it does not list).
  std::string Why;
  std::unique_ptr<tooling::CompilationDatabase> Database =
      tooling::CompilationDatabase::autoDetectFromDirectory(Directory, Why);
  if (!Database)
    return usageError("invalid compilation database",
                      sys::fs::exists(Json) ? Json : Flags, Why);
  return std::move(Database);
}

Expected<std::unique_ptr<tooling::CompilationDatabase>>
findCompilationDatabase(StringRef Source) {
  std::string Absolute = absolutePath(Source);
  for (StringRef Dir = sys::path::parent_path(Absolute); !Dir.empty();
       Dir = sys::path::parent_path(Dir))
    for (StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
      SmallString<256> Candidate(Dir);
      sys::path::append(Candidate, Name);
      if (sys::fs::exists(Candidate))
        return loadCompilationDatabase(Dir);
    }
  return nullptr;
}

Error checkFixTargets(ArrayRef<ClangTidyError> Findings, bool FixNotes) {
  StringSet<> Files;
  for (const ClangTidyError &Finding : Findings)
    if (const StringMap<tooling::Replacements> *Fix =
            getFixIt(Finding, /*AnyFix=*/FixNotes))
      for (const auto &Entry : *Fix)
        for (const tooling::Replacement &Replacement : Entry.second)
          Files.insert(normalizedPath(Replacement.getFilePath(),
                                      Finding.BuildDirectory));
  for (const auto &Entry : Files) {
    StringRef File = Entry.getKey();
    if (std::error_code EC = sys::fs::access(File, sys::fs::AccessMode::Write))
      return usageError("cannot apply fixes to", File,
                        EC == std::errc::permission_denied
                            ? "the file is read-only"
                            : EC.message());
    // A fixed file replaces the old one through a temporary file beside it.
    if (std::error_code EC = sys::fs::access(sys::path::parent_path(File),
                                             sys::fs::AccessMode::Write))
      return usageError("cannot apply fixes to", File,
                        "its directory is not writable: " + EC.message());
  }
  return Error::success();
}

} // namespace pincheck
