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
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <map>
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
// Cached findings: clang-tidy's YAML of diagnostics (--export-fixes).
//===----------------------------------------------------------------------===//

static std::string findingsText(StringRef File,
                                const std::vector<ClangTidyError> &Errors) {
  tooling::TranslationUnitDiagnostics Diagnostics;
  Diagnostics.MainSourceFile = File.str();
  for (const ClangTidyError &Error : Errors)
    Diagnostics.Diagnostics.push_back(Error);
  std::string Text;
  raw_string_ostream OS(Text);
  yaml::Output YAML(OS);
  YAML << Diagnostics;
  return Text;
}

static std::optional<std::vector<ClangTidyError>>
parseFindings(StringRef Text, CachedGlobList &AsErrors) {
  tooling::TranslationUnitDiagnostics Diagnostics;
  yaml::Input YAML(Text);
  YAML >> Diagnostics;
  if (YAML.error())
    return std::nullopt;
  std::vector<ClangTidyError> Errors;
  for (tooling::Diagnostic &Read : Diagnostics.Diagnostics) {
    ClangTidyError Error(Read.DiagnosticName, Read.DiagLevel,
                         Read.BuildDirectory,
                         Read.DiagLevel == tooling::Diagnostic::Warning &&
                             AsErrors.contains(Read.DiagnosticName));
    static_cast<tooling::Diagnostic &>(Error) = std::move(Read);
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
            Store->readSidecar(U.File, ".findings.yaml"))
      U.Findings = parseFindings(*Text, *U.AsErrors);
  return !U.Findings;
}

void WholeProgramRun::runRound(const std::vector<Unit *> &Due,
                               std::shared_ptr<const FactIndex> Index) {
  std::vector<UnitJob> Jobs;
  for (const Unit *U : Due)
    Jobs.push_back({U->File, U->Requested, Index});
  std::vector<UnitOutcome> Outcomes = runUnits(Compilations, Jobs, Options);
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
    if (Error E = Store->writeSidecar(U.File, ".findings.yaml",
                                      findingsText(U.File, *U.Findings)))
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
