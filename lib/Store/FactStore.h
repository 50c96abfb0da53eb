//===--- FactStore.h - The facts of a whole program, on disk --------------===//
//
// Part of pincheck. Whole-program analysis (docs/model.md, "Whole-program
// analysis"; docs/design.md, "The fact store"): the facts every translation
// unit contributes (Model/Facts.h) live beside the compilation database, one
// record per unit, with what the unit read and what it consulted, so that a
// unit is summarised and checked again only when its result can change.
//
// `FactIndex` merges the records' facts and answers lookups; a
// `UnitFactView` is one unit's window on it, which remembers what the unit
// asked. `FactStore` reads and writes the records.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_STORE_FACTSTORE_H
#define PINCHECK_STORE_FACTSTORE_H

#include "Model/Facts.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class SourceManager;
} // namespace clang

namespace pincheck {

/// What a unit asked of the other units' facts, by key, with the digest of
/// the answer it got (zero: there was none).
struct ConsultedFacts {
  std::map<std::string, uint64_t> Functions;
  /// Writes into a class, by the class's key.
  std::map<std::string, uint64_t> Classes;
};

/// The facts of many translation units, merged. Merging does not depend on
/// the order units are added in: of two units that define the same
/// function (one source compiled twice, or an ODR violation), the one whose
/// file name sorts first answers; writes into a class are the union.
class FactIndex {
public:
  void add(llvm::StringRef Unit, const UnitFacts &Facts);

  const FunctionFacts *function(llvm::StringRef Key) const;
  std::vector<WriteFact> writesInto(llvm::StringRef ClassKey) const;
  uint64_t functionDigest(llvm::StringRef Key) const;
  uint64_t writesDigest(llvm::StringRef ClassKey) const;
  /// Whether every answer `Consulted` remembers is still the answer.
  bool answersAsBefore(const ConsultedFacts &Consulted) const;
  size_t functionCount() const { return Functions.size(); }

private:
  struct FunctionEntry {
    std::string Unit;
    FunctionFacts Facts;
    uint64_t Digest = 0;
  };
  llvm::StringMap<FunctionEntry> Functions;
  /// By class key, then by unit (ordered, so the union is too).
  llvm::StringMap<std::map<std::string, std::vector<WriteFact>>> Writes;
};

/// One translation unit's view of a `FactIndex`: the facts of functions
/// declared outside system headers (library code is the API tables'
/// business), remembered per declaration, and every question asked.
class UnitFactView : public FactSource {
public:
  explicit UnitFactView(std::shared_ptr<const FactIndex> Index)
      : Index(std::move(Index)) {}

  const FunctionFacts *factsOf(const clang::FunctionDecl *Function) override;
  std::vector<WriteFact>
  foreignWritesInto(const clang::CXXRecordDecl *Record) override;

  const ConsultedFacts &consulted() const { return Consulted; }

private:
  std::shared_ptr<const FactIndex> Index;
  llvm::DenseMap<const clang::Decl *, const FunctionFacts *> Known;
  ConsultedFacts Consulted;
};

/// A modification time not recorded: the contents decide whether the file
/// changed.
inline constexpr int64_t UnknownModificationTime = -1;

/// A file a unit read, as it was.
struct InputFile {
  std::string Path;
  uint64_t Size = 0;
  int64_t ModificationTime = 0;
  uint64_t ContentHash = 0;
};

/// The files a unit read: its own (the main file and the project's
/// headers) and the system headers, from the source manager that read
/// them. `ReadSince` is when the unit started reading them (seconds since
/// the epoch): a file modified since has no time recorded.
void collectInputs(const clang::SourceManager &SM, int64_t ReadSince,
                   std::vector<InputFile> &UserFiles,
                   std::vector<InputFile> &SystemFiles);

/// Whether `Input` still has the contents it had (its size and time first;
/// its contents when they differ).
bool unchanged(const InputFile &Input);

/// What the store keeps of one translation unit.
struct UnitRecord {
  /// The source file, absolute.
  std::string File;
  /// A digest of what else decides its facts and findings: the tool, the
  /// compile commands, the analysis options.
  std::string Key;
  std::vector<InputFile> Inputs;
  UnitFacts Facts;
  /// What its last analysis asked of the others' facts.
  ConsultedFacts Consulted;
  /// Its findings are cached (a sidecar file), for these check options.
  std::optional<std::string> FindingsFor;
  unsigned SuppressedByNolint = 0;
};

llvm::json::Value toJSON(const UnitRecord &Record);
bool fromJSON(const llvm::json::Value &Value, UnitRecord &Record,
              llvm::json::Path Path);

/// The records of one store directory (`build/.pincheck`): `units/` holds a
/// record per translation unit and, beside it, the unit's cached findings;
/// `system-inputs.json` the system headers every unit read. Files are
/// replaced atomically, so concurrent runs see whole files.
class FactStore {
public:
  explicit FactStore(std::string Directory) : Directory(std::move(Directory)) {}

  const std::string &directory() const { return Directory; }

  /// Every readable record of this version, by file. A record that does not
  /// read is left out (its unit is summarised again) and, given
  /// `Unreadable`, named there.
  std::map<std::string, UnitRecord>
  loadRecords(std::vector<std::string> *Unreadable = nullptr) const;
  llvm::Error writeRecord(const UnitRecord &Record) const;
  void removeRecord(llvm::StringRef File) const;

  /// A file kept beside a unit's record (`.findings.json`).
  std::optional<std::string> readSidecar(llvm::StringRef File,
                                         llvm::StringRef Suffix) const;
  llvm::Error writeSidecar(llvm::StringRef File, llvm::StringRef Suffix,
                           llvm::StringRef Text) const;

  /// The system headers the units read; a change to any of them (a
  /// library upgraded) makes every record stale.
  std::vector<InputFile> loadSystemInputs() const;
  llvm::Error writeSystemInputs(const std::vector<InputFile> &Files) const;

private:
  std::string recordPath(llvm::StringRef File, llvm::StringRef Suffix) const;

  std::string Directory;
};

/// The merged facts of the store in `Directory`, read once per process and
/// again when a record changes; null when there is no readable store.
std::shared_ptr<const FactIndex> loadFactIndex(llvm::StringRef Directory);

/// The store of the compilation database that compiles a unit: a
/// `.pincheck` directory beside the first `compile_commands.json` found
/// from the unit's working directory up; empty when there is none.
std::string findFactStore(llvm::StringRef WorkingDirectory);

} // namespace pincheck

#endif // PINCHECK_STORE_FACTSTORE_H
