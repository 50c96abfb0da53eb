//===--- WholeProgram.cpp - Facts first, then the checks ------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "WholeProgram.h"
#include "Findings.h"
#include "TidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "pincheck/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <mutex>
#include <optional>
#include <set>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

/// Facts found in one round change the results of units run before; a
/// chain of them across units needs a round per link. Past this many, the
/// results stand as they are (docs/decisions.md).
static constexpr unsigned MaxRounds = 4;

namespace {
/// What the run knows of one translation unit.
struct Unit {
  std::string File;
  /// Its findings are asked for (else it is only summarised).
  bool Requested = false;
  /// Digests of what decides its facts, and its findings.
  std::string FactsKey, FindingsKey;
  /// Treats a check's warnings as errors.
  std::shared_ptr<CachedGlobList> AsErrors;
  std::optional<UnitRecord> Record;
  /// The record describes the unit as it is now.
  bool Fresh = false;
  bool Ran = false;
  bool Crashed = false;
  std::optional<std::vector<ClangTidyError>> Findings;
};
} // namespace

/// The running pincheck, by its version and its executable: another build
/// of it may judge differently.
static std::string toolFingerprint() {
  std::string Fingerprint = PINCHECK_VERSION;
  std::string Executable = sys::fs::getMainExecutable(
      "pincheck", reinterpret_cast<void *>(&toolFingerprint));
  sys::fs::file_status Status;
  if (!sys::fs::status(Executable, Status))
    Fingerprint +=
        ":" + std::to_string(Status.getSize()) + ":" +
        std::to_string(sys::toTimeT(Status.getLastModificationTime()));
  return Fingerprint;
}

static std::string digest(StringRef Text) {
  return utohexstr(xxh3_64bits(Text), /*LowerCase=*/true);
}

static std::string absolute(StringRef File) {
  SmallString<256> Path(File);
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

//===----------------------------------------------------------------------===//
// Cached findings: clang-tidy's diagnostics as JSON. llvm::json reads them
// several times faster than the YAML of --export-fixes, which matters on a
// run where nothing changed: reading them back is most of what it does.
//===----------------------------------------------------------------------===//

static json::Value toJSON(const tooling::DiagnosticMessage &Message) {
  json::Array Fixes, Ranges;
  for (const auto &Entry : Message.Fix)
    for (const tooling::Replacement &Fix : Entry.second)
      Fixes.push_back(json::Array{Fix.getFilePath(), Fix.getOffset(),
                                  Fix.getLength(), Fix.getReplacementText()});
  for (const tooling::FileByteRange &Range : Message.Ranges)
    Ranges.push_back(
        json::Array{Range.FilePath, Range.FileOffset, Range.Length});
  return json::Array{Message.Message, Message.FilePath, Message.FileOffset,
                     std::move(Fixes), std::move(Ranges)};
}

static bool fromJSON(const json::Value &V, tooling::DiagnosticMessage &Message,
                     json::Path P) {
  const json::Array *A = V.getAsArray();
  if (!A || A->size() != 5 || !(*A)[0].getAsString() ||
      !(*A)[1].getAsString() || !(*A)[2].getAsInteger() ||
      !(*A)[3].getAsArray() || !(*A)[4].getAsArray()) {
    P.report("expected [message, file, offset, fixes, ranges]");
    return false;
  }
  Message.Message = (*A)[0].getAsString()->str();
  Message.FilePath = (*A)[1].getAsString()->str();
  Message.FileOffset = *(*A)[2].getAsInteger();
  for (const json::Value &Fix : *(*A)[3].getAsArray()) {
    const json::Array *F = Fix.getAsArray();
    if (!F || F->size() != 4 || !(*F)[0].getAsString() ||
        !(*F)[1].getAsInteger() || !(*F)[2].getAsInteger() ||
        !(*F)[3].getAsString())
      return false;
    tooling::Replacement Replacement(
        *(*F)[0].getAsString(), *(*F)[1].getAsInteger(),
        *(*F)[2].getAsInteger(), *(*F)[3].getAsString());
    if (Error E = Message.Fix[Replacement.getFilePath()].add(Replacement)) {
      consumeError(std::move(E));
      return false;
    }
  }
  for (const json::Value &Range : *(*A)[4].getAsArray()) {
    const json::Array *R = Range.getAsArray();
    if (!R || R->size() != 3 || !(*R)[0].getAsString() ||
        !(*R)[1].getAsInteger() || !(*R)[2].getAsInteger())
      return false;
    tooling::FileByteRange &Into = Message.Ranges.emplace_back();
    Into.FilePath = (*R)[0].getAsString()->str();
    Into.FileOffset = *(*R)[1].getAsInteger();
    Into.Length = *(*R)[2].getAsInteger();
  }
  return true;
}

static std::string findingsText(const std::vector<ClangTidyError> &Errors) {
  json::Array List;
  for (const ClangTidyError &Error : Errors) {
    json::Array Notes;
    for (const tooling::DiagnosticMessage &Note : Error.Notes)
      Notes.push_back(toJSON(Note));
    List.push_back(json::Object{{"check", Error.DiagnosticName},
                                {"level", static_cast<int>(Error.DiagLevel)},
                                {"directory", Error.BuildDirectory},
                                {"message", toJSON(Error.Message)},
                                {"notes", std::move(Notes)}});
  }
  std::string Text;
  raw_string_ostream(Text) << json::Value(std::move(List));
  return Text;
}

/// The findings cached for a unit; none when the text does not read (the
/// unit is then checked again).
static std::optional<std::vector<ClangTidyError>>
parseFindings(StringRef Text, CachedGlobList &AsErrors) {
  Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed) {
    consumeError(Parsed.takeError());
    return std::nullopt;
  }
  const json::Array *List = Parsed->getAsArray();
  if (!List)
    return std::nullopt;
  std::vector<ClangTidyError> Errors;
  json::Path::Root Root;
  for (const json::Value &Entry : *List) {
    const json::Object *O = Entry.getAsObject();
    std::optional<StringRef> Check = O ? O->getString("check") : std::nullopt;
    std::optional<int64_t> Level = O ? O->getInteger("level") : std::nullopt;
    std::optional<StringRef> Directory =
        O ? O->getString("directory") : std::nullopt;
    const json::Array *Notes = O ? O->getArray("notes") : nullptr;
    if (!Check || !Level || !Directory || !Notes || !O->get("message"))
      return std::nullopt;
    const auto DiagLevel = static_cast<tooling::Diagnostic::Level>(*Level);
    ClangTidyError Error(*Check, DiagLevel, *Directory,
                         DiagLevel == tooling::Diagnostic::Warning &&
                             AsErrors.contains(*Check));
    if (!fromJSON(*O->get("message"), Error.Message, Root))
      return std::nullopt;
    for (const json::Value &Note : *Notes)
      if (!fromJSON(Note, Error.Notes.emplace_back(), Root))
        return std::nullopt;
    Errors.push_back(std::move(Error));
  }
  return Errors;
}

//===----------------------------------------------------------------------===//
// The run.
//===----------------------------------------------------------------------===//

namespace {
class WholeProgramRun {
public:
  WholeProgramRun(const tooling::CompilationDatabase &Compilations,
                  const AnalysisSettings &Options)
      : Compilations(Compilations), Options(Options),
        Store(Options.WholeProgram.Store.empty()
                  ? std::nullopt
                  : std::optional<FactStore>(Options.WholeProgram.Store)) {}

  AnalysisResults run(const std::vector<std::string> &Files);

private:
  void addUnits(const std::vector<std::string> &Files);
  void computeKeys(Unit &U);
  void loadStore();
  std::shared_ptr<const FactIndex> index() const;
  bool needsRun(Unit &U, const FactIndex &Index);
  void runRound(const std::vector<Unit *> &Due,
                std::shared_ptr<const FactIndex> Index);
  void record(Unit &U, UnitOutcome &&Outcome);
  void saveSystemInputs();
  AnalysisResults results();
  void storeFailed(Error E);

  const tooling::CompilationDatabase &Compilations;
  const AnalysisSettings &Options;
  std::optional<FactStore> Store;
  const std::string Tool = toolFingerprint();
  /// In the order of the requested files, then the others.
  std::vector<Unit> Units;
  /// Whether each input is as the store recorded it (a header is shared).
  StringMap<bool> Unchanged;
  std::map<std::string, InputFile> SystemInputs;
  bool SystemChanged = false;
  WholeProgramStats Stats;
};
} // namespace

void WholeProgramRun::addUnits(const std::vector<std::string> &Files) {
  std::set<std::string> Seen;
  for (const std::string &File : Files)
    if (std::string Path = absolute(File); Seen.insert(Path).second)
      Units.push_back({Path, /*Requested=*/true});
  // The facts of the whole database, whichever units are checked.
  if (!Options.WholeProgram.WholeDatabase)
    return;
  for (const std::string &File : Compilations.getAllFiles())
    if (std::string Path = absolute(File); Seen.insert(Path).second)
      Units.push_back({Path, /*Requested=*/false});
}

/// The facts depend on the tool, the commands, and the options of the
/// model and the compiler; the findings on every option too.
void WholeProgramRun::computeKeys(Unit &U) {
  auto Provider = createOptionsProvider(Options.Tidy, vfs::getRealFileSystem());
  ClangTidyOptions Effective;
  if (Provider)
    Effective = (*Provider)->getOptions(U.File);
  else
    consumeError(Provider.takeError()); // Checked by parseCommandLine.
  std::string Facts = Tool + "\n" + std::to_string(FactsVersion) + "\n";
  for (const tooling::CompileCommand &Command :
       Compilations.getCompileCommands(U.File))
    Facts += Command.Directory + "\n" + join(Command.CommandLine, "\0") + "\n";
  for (StringRef Name :
       {"PinnedTypes", "PinningFunctions", "EscapingFunctions"})
    if (auto It = Effective.CheckOptions.find(Name);
        It != Effective.CheckOptions.end())
      Facts += Name.str() + "=" + It->getValue().Value + "\n";
  for (const auto *Args : {&Effective.ExtraArgs, &Effective.ExtraArgsBefore})
    if (*Args)
      Facts += join(**Args, "\0") + "\n";
  U.FactsKey = digest(Facts);
  U.FindingsKey = digest(U.FactsKey + "\n" + configurationAsText(Effective) +
                         (Options.ApplyAnyFix ? "\nfix-notes" : ""));
  U.AsErrors =
      std::make_shared<CachedGlobList>(Effective.WarningsAsErrors.value_or(""));
}

void WholeProgramRun::loadStore() {
  if (!Store)
    return;
  for (const InputFile &Input : Store->loadSystemInputs()) {
    if (!unchanged(Input))
      SystemChanged = true;
    SystemInputs[Input.Path] = Input;
  }
  if (SystemChanged)
    SystemInputs.clear();
  std::map<std::string, UnitRecord> Records = Store->loadRecords();
  for (Unit &U : Units) {
    auto It = Records.find(U.File);
    if (It == Records.end())
      continue;
    U.Record = std::move(It->second);
    Records.erase(It);
    U.Fresh = !SystemChanged && U.Record->Key == U.FactsKey &&
              llvm::all_of(U.Record->Inputs, [&](const InputFile &Input) {
                auto [Known, New] = Unchanged.try_emplace(Input.Path, false);
                if (New)
                  Known->second = unchanged(Input);
                return Known->second;
              });
  }
  // Units no longer in the database.
  if (Options.WholeProgram.WholeDatabase && !Compilations.getAllFiles().empty())
    for (const auto &[File, Record] : Records)
      Store->removeRecord(File);
}

std::shared_ptr<const FactIndex> WholeProgramRun::index() const {
  auto Index = std::make_shared<FactIndex>();
  for (const Unit &U : Units)
    if (U.Record)
      Index->add(U.File, U.Record->Facts);
  return Index;
}

bool WholeProgramRun::needsRun(Unit &U, const FactIndex &Index) {
  if (U.Crashed)
    return false;
  if (!U.Fresh || !Index.answersAsBefore(U.Record->Consulted))
    return true;
  if (!U.Requested || U.Findings)
    return false;
  // Checked before with these options: its findings, if they still read.
  if (Store && U.Record->FindingsFor == U.FindingsKey)
    if (std::optional<std::string> Text =
            Store->readSidecar(U.File, ".findings.json"))
      U.Findings = parseFindings(*Text, *U.AsErrors);
  return !U.Findings;
}

void WholeProgramRun::runRound(const std::vector<Unit *> &Due,
                               std::shared_ptr<const FactIndex> Index) {
  std::vector<UnitJob> Jobs;
  for (const Unit *U : Due)
    Jobs.push_back({U->File, U->Requested, Index});
  // A unit that starts after another of the round finished sees that one's
  // new facts: fewer units consult a fact that is missing only because its
  // unit had not run yet, and so fewer run again in the next round. The
  // results do not depend on it: a unit runs until what it consulted is
  // what the last round's facts say.
  std::mutex Lock;
  std::map<std::string, const UnitFacts *> Finished;
  size_t Indexed = 0;
  std::shared_ptr<const FactIndex> Current = Index;
  RoundHooks Hooks;
  Hooks.Finished = [&](size_t Job, const UnitOutcome &Outcome) {
    std::lock_guard<std::mutex> Guard(Lock);
    if (!Outcome.Crashed)
      Finished[Due[Job]->File] = &Outcome.Facts;
  };
  Hooks.FactsNow = [&] {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Finished.size() != Indexed) {
      auto Fresh = std::make_shared<FactIndex>();
      for (const Unit &U : Units) {
        auto It = Finished.find(U.File);
        if (It != Finished.end())
          Fresh->add(U.File, *It->second);
        else if (U.Record)
          Fresh->add(U.File, U.Record->Facts);
      }
      Current = std::move(Fresh);
      Indexed = Finished.size();
    }
    return Current;
  };
  std::vector<UnitOutcome> Outcomes =
      runUnits(Compilations, Jobs, Options, Hooks);
  for (size_t I = 0; I < Due.size(); ++I)
    record(*Due[I], std::move(Outcomes[I]));
}

void WholeProgramRun::record(Unit &U, UnitOutcome &&Outcome) {
  if (!U.Ran)
    ++Stats.Summarised;
  U.Ran = true;
  if (Outcome.Crashed) {
    U.Crashed = true;
    U.Findings.reset();
    if (Store)
      Store->removeRecord(U.File); // Tried again next time.
    return;
  }
  UnitRecord Record;
  Record.File = U.File;
  Record.Key = U.FactsKey;
  Record.Inputs = std::move(Outcome.Inputs);
  Record.Facts = std::move(Outcome.Facts);
  Record.Consulted = std::move(Outcome.Consulted);
  for (InputFile &Input : Outcome.SystemInputs)
    SystemInputs.try_emplace(Input.Path, std::move(Input));
  if (U.Requested) {
    Record.FindingsFor = U.FindingsKey;
    Record.SuppressedByNolint = Outcome.SuppressedByNolint;
    U.Findings = std::move(Outcome.Errors);
  }
  U.Record = std::move(Record);
  U.Fresh = true;
  if (!Store)
    return;
  if (U.Findings)
    if (Error E = Store->writeSidecar(U.File, ".findings.json",
                                      findingsText(*U.Findings)))
      return storeFailed(std::move(E));
  if (Error E = Store->writeRecord(*U.Record))
    storeFailed(std::move(E));
}

/// A store that cannot be written costs the next run its reuse, not this
/// run its results: one warning, and the facts stay in memory.
void WholeProgramRun::storeFailed(Error E) {
  errs() << "pincheck: warning: cannot write the fact store '"
         << Store->directory() << "': " << toString(std::move(E))
         << "; its facts are kept for this run only\n";
  Store.reset();
}

void WholeProgramRun::saveSystemInputs() {
  if (!Store)
    return;
  std::vector<InputFile> Files;
  for (auto &[Path, Input] : SystemInputs)
    Files.push_back(Input);
  if (Error E = Store->writeSystemInputs(Files))
    storeFailed(std::move(E));
}

AnalysisResults WholeProgramRun::results() {
  AnalysisResults Results;
  for (Unit &U : Units) {
    if (U.Crashed)
      Results.InternalErrors.push_back(U.File);
    if (!U.Requested || !U.Findings)
      continue;
    if (!U.Ran)
      ++Stats.FindingsReused;
    Results.SuppressedByNolint += U.Record->SuppressedByNolint;
    std::move(U.Findings->begin(), U.Findings->end(),
              std::back_inserter(Results.Errors));
  }
  Stats.Enabled = Store.has_value();
  Stats.FactsReused = Units.size() - Stats.Summarised;
  Results.Errors = mergeFindings(std::move(Results.Errors));
  Results.WholeProgram = Stats;
  return Results;
}

AnalysisResults WholeProgramRun::run(const std::vector<std::string> &Files) {
  addUnits(Files);
  for (Unit &U : Units) {
    computeKeys(U);
    if (Options.WholeProgram.FactsOnly)
      U.Requested = false;
  }
  loadStore();
  while (Stats.Rounds < MaxRounds) {
    std::shared_ptr<const FactIndex> Index = index();
    std::vector<Unit *> Due;
    for (Unit &U : Units)
      if (needsRun(U, *Index))
        Due.push_back(&U);
    if (Due.empty())
      break;
    ++Stats.Rounds;
    runRound(Due, std::move(Index));
  }
  saveSystemInputs();
  return results();
}

AnalysisResults
analyseWholeProgram(const tooling::CompilationDatabase &Compilations,
                    const std::vector<std::string> &Files,
                    const AnalysisSettings &Options) {
  return WholeProgramRun(Compilations, Options).run(Files);
}

//===----------------------------------------------------------------------===//
// Merging stores.
//===----------------------------------------------------------------------===//

Error mergeFactStores(StringRef Into, ArrayRef<std::string> From) {
  FactStore Target(Into.str());
  std::map<std::string, UnitRecord> Records = Target.loadRecords();
  std::map<std::string, InputFile> System;
  for (InputFile &Input : Target.loadSystemInputs())
    System.emplace(Input.Path, std::move(Input));
  // Of two records of one unit, the one whose text sorts first: the same
  // whichever store comes first.
  auto Text = [](const UnitRecord &Record) {
    std::string Out;
    raw_string_ostream(Out) << toJSON(Record);
    return Out;
  };
  std::set<std::string> Changed;
  for (const std::string &Directory : From) {
    if (!sys::fs::is_directory(Directory))
      return createStringError(inconvertibleErrorCode(),
                               "cannot read --merge-facts '" + Directory +
                                   "': not a directory");
    FactStore Source(Directory);
    std::vector<std::string> Unreadable;
    std::map<std::string, UnitRecord> Loaded = Source.loadRecords(&Unreadable);
    // A store built by another version of pincheck, or damaged: merging
    // what reads would silently lose the rest.
    if (!Unreadable.empty())
      return createStringError(inconvertibleErrorCode(),
                               "cannot merge '" + Unreadable.front() +
                                   "': not a fact record of this pincheck");
    for (auto &[File, Record] : Loaded) {
      auto [It, New] = Records.try_emplace(File, Record);
      if (!New && Text(Record) < Text(It->second))
        It->second = Record;
      if (New || It->second.Key == Record.Key)
        Changed.insert(File);
    }
    for (InputFile &Input : Source.loadSystemInputs())
      System.emplace(Input.Path, std::move(Input));
  }
  for (const std::string &File : Changed) {
    UnitRecord Record = Records[File];
    // Findings stay with the store that computed them.
    Record.FindingsFor.reset();
    if (Error E = Target.writeRecord(Record))
      return E;
  }
  std::vector<InputFile> Files;
  for (auto &[Path, Input] : System)
    Files.push_back(Input);
  return Target.writeSystemInputs(Files);
}

} // namespace pincheck
