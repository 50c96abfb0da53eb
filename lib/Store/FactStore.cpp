//===--- FactStore.cpp - The facts of a whole program, on disk ------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Store/FactStore.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <mutex>

using namespace clang;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace pincheck {

//===----------------------------------------------------------------------===//
// The merged facts.
//===----------------------------------------------------------------------===//

void FactIndex::add(StringRef Unit, const UnitFacts &Facts) {
  for (const auto &[Key, Function] : Facts.Functions) {
    auto [It, Inserted] = Functions.try_emplace(Key);
    if (!Inserted && It->second.Unit <= Unit)
      continue;
    It->second = {Unit.str(), Function, digestOf(&Function)};
  }
  for (const auto &[ClassKey, List] : Facts.ForeignWrites) {
    std::vector<WriteFact> &Into = Writes[ClassKey][Unit.str()];
    Into.insert(Into.end(), List.begin(), List.end());
  }
}

const FunctionFacts *FactIndex::function(StringRef Key) const {
  auto It = Functions.find(Key);
  return It == Functions.end() ? nullptr : &It->second.Facts;
}

uint64_t FactIndex::functionDigest(StringRef Key) const {
  auto It = Functions.find(Key);
  return It == Functions.end() ? 0 : It->second.Digest;
}

std::vector<WriteFact> FactIndex::writesInto(StringRef ClassKey) const {
  std::vector<WriteFact> All;
  auto It = Writes.find(ClassKey);
  if (It != Writes.end())
    for (const auto &[Unit, List] : It->second)
      All.insert(All.end(), List.begin(), List.end());
  return All;
}

uint64_t FactIndex::writesDigest(StringRef ClassKey) const {
  return digestOf(writesInto(ClassKey));
}

bool FactIndex::answersAsBefore(const ConsultedFacts &Consulted) const {
  for (const auto &[Key, Digest] : Consulted.Functions)
    if (functionDigest(Key) != Digest)
      return false;
  for (const auto &[Key, Digest] : Consulted.Classes)
    if (writesDigest(Key) != Digest)
      return false;
  return true;
}

//===----------------------------------------------------------------------===//
// One unit's view.
//===----------------------------------------------------------------------===//

/// Declared by the project, not by a library's system header.
static bool declaredByProject(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return !SM.isInSystemHeader(D->getCanonicalDecl()->getLocation());
}

const FunctionFacts *UnitFactView::factsOf(const FunctionDecl *Function) {
  if (!Function)
    return nullptr;
  const Decl *Canonical = Function->getCanonicalDecl();
  auto [It, Inserted] = Known.try_emplace(Canonical, nullptr);
  if (!Inserted)
    return It->second;
  if (!declaredByProject(Canonical) || Function->isTemplateInstantiation())
    return nullptr;
  std::string Key = factKeyOf(Canonical);
  if (Key.empty())
    return nullptr;
  Consulted.Functions[Key] = Index->functionDigest(Key);
  return It->second = Index->function(Key);
}

std::vector<WriteFact>
UnitFactView::foreignWritesInto(const CXXRecordDecl *Record) {
  if (!Record || !declaredByProject(Record))
    return {};
  std::string Key = factKeyOf(Record->getCanonicalDecl());
  if (Key.empty())
    return {};
  Consulted.Classes[Key] = Index->writesDigest(Key);
  return Index->writesInto(Key);
}

//===----------------------------------------------------------------------===//
// Inputs.
//===----------------------------------------------------------------------===//

void collectInputs(const SourceManager &SM, int64_t ReadSince,
                   std::vector<InputFile> &UserFiles,
                   std::vector<InputFile> &SystemFiles) {
  llvm::StringSet<> Seen;
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  for (unsigned I = 0, E = SM.local_sloc_entry_size(); I != E; ++I) {
    const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
    if (!Entry.isFile())
      continue;
    const SrcMgr::FileInfo &Info = Entry.getFile();
    const SrcMgr::ContentCache &Content = Info.getContentCache();
    // Not included: another unit's file, read for a note at a fact's site
    // (whose position the facts' digest covers).
    if (!Content.OrigEntry ||
        (Info.getIncludeLoc().isInvalid() && Content.OrigEntry != Main))
      continue;
    std::optional<llvm::MemoryBufferRef> Buffer = Content.getBufferIfLoaded();
    StringRef Path = Content.OrigEntry->getFileEntry().tryGetRealPathName();
    if (Path.empty())
      Path = Content.OrigEntry->getName();
    if (!Buffer || !Seen.insert(Path).second)
      continue;
    // Modification times have a resolution of a second: a file modified in
    // the second the unit started reading it may change again within that
    // second without its time or size changing. Its time is not recorded,
    // so its contents decide next time (git's "racily clean" entries).
    const auto Modified =
        static_cast<int64_t>(Content.OrigEntry->getModificationTime());
    InputFile Input{Path.str(),
                    static_cast<uint64_t>(Content.OrigEntry->getSize()),
                    Modified >= ReadSince ? UnknownModificationTime : Modified,
                    llvm::xxh3_64bits(Buffer->getBuffer())};
    (SrcMgr::isSystem(Info.getFileCharacteristic()) ? SystemFiles : UserFiles)
        .push_back(std::move(Input));
  }
}

bool unchanged(const InputFile &Input) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Input.Path, Status))
    return false;
  if (Status.getSize() == Input.Size &&
      llvm::sys::toTimeT(Status.getLastModificationTime()) ==
          Input.ModificationTime)
    return true;
  // Touched, or rewritten with the same size: the contents decide.
  auto Buffer = llvm::MemoryBuffer::getFile(Input.Path);
  return Buffer &&
         llvm::xxh3_64bits((*Buffer)->getBuffer()) == Input.ContentHash;
}

//===----------------------------------------------------------------------===//
// Serialisation.
//===----------------------------------------------------------------------===//

static std::string hex(uint64_t Value) {
  return llvm::utohexstr(Value, /*LowerCase=*/true);
}

static bool unhex(const Value &V, uint64_t &Result) {
  std::optional<StringRef> Text = V.getAsString();
  return Text && !Text->getAsInteger(16, Result);
}

static Value toJSON(const InputFile &Input) {
  return Array{Input.Path, static_cast<int64_t>(Input.Size),
               Input.ModificationTime, hex(Input.ContentHash)};
}

static bool fromJSON(const Value &V, InputFile &Input, llvm::json::Path Path) {
  const Array *A = V.getAsArray();
  if (!A || A->size() != 4 || !(*A)[0].getAsString() ||
      !(*A)[1].getAsInteger() || !(*A)[2].getAsInteger() ||
      !unhex((*A)[3], Input.ContentHash)) {
    Path.report("expected [path, size, time, hash]");
    return false;
  }
  Input.Path = (*A)[0].getAsString()->str();
  Input.Size = *(*A)[1].getAsInteger();
  Input.ModificationTime = *(*A)[2].getAsInteger();
  return true;
}

static Value toJSON(const std::map<std::string, uint64_t> &Digests) {
  Object O;
  for (const auto &[Key, Digest] : Digests)
    O[Key] = hex(Digest);
  return O;
}

static bool fromJSON(const Value *V, std::map<std::string, uint64_t> &Digests,
                     llvm::json::Path Path) {
  const Object *O = V ? V->getAsObject() : nullptr;
  if (!O) {
    Path.report("expected an object");
    return false;
  }
  for (const auto &[Key, Digest] : *O)
    if (!unhex(Digest, Digests[Key.str()])) {
      Path.field(Key).report("expected a hexadecimal digest");
      return false;
    }
  return true;
}

Value toJSON(const UnitRecord &Record) {
  Array Inputs;
  for (const InputFile &Input : Record.Inputs)
    Inputs.push_back(toJSON(Input));
  Object O{
      {"version", FactsVersion},
      {"file", Record.File},
      {"key", Record.Key},
      {"inputs", std::move(Inputs)},
      {"facts", toJSON(Record.Facts)},
      {"consulted", Object{{"functions", toJSON(Record.Consulted.Functions)},
                           {"classes", toJSON(Record.Consulted.Classes)}}}};
  if (Record.FindingsFor) {
    O["findingsFor"] = *Record.FindingsFor;
    O["suppressedByNolint"] = Record.SuppressedByNolint;
  }
  return O;
}

bool fromJSON(const Value &V, UnitRecord &Record, llvm::json::Path Path) {
  llvm::json::ObjectMapper Map(V, Path);
  const Object *O = V.getAsObject();
  int64_t Version = 0;
  if (!Map || !Map.map("version", Version) || Version != FactsVersion ||
      !Map.map("file", Record.File) || !Map.map("key", Record.Key) ||
      !O->get("facts") ||
      !fromJSON(*O->get("facts"), Record.Facts, Path.field("facts")))
    return false;
  const Array *Inputs = O->getArray("inputs");
  const Object *Consulted = O->getObject("consulted");
  if (!Inputs || !Consulted)
    return false;
  for (size_t I = 0; I < Inputs->size(); ++I)
    if (!fromJSON((*Inputs)[I], Record.Inputs.emplace_back(),
                  Path.field("inputs").index(I)))
      return false;
  if (!fromJSON(Consulted->get("functions"), Record.Consulted.Functions,
                Path.field("consulted").field("functions")) ||
      !fromJSON(Consulted->get("classes"), Record.Consulted.Classes,
                Path.field("consulted").field("classes")))
    return false;
  if (std::optional<StringRef> For = O->getString("findingsFor")) {
    Record.FindingsFor = For->str();
    int64_t Suppressed = 0;
    if (!Map.map("suppressedByNolint", Suppressed))
      return false;
    Record.SuppressedByNolint = static_cast<unsigned>(Suppressed);
  }
  return true;
}

//===----------------------------------------------------------------------===//
// The directory.
//===----------------------------------------------------------------------===//

static std::optional<Value> readJSON(const llvm::Twine &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt;
  auto Parsed = llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  return std::move(*Parsed);
}

static llvm::Error writeAtomically(StringRef Path, StringRef Text) {
  // As `mkdir -p` would: the umask decides, not LLVM's owner-and-group
  // default (the store may create the build directory's own parents).
  if (std::error_code EC = llvm::sys::fs::create_directories(
          llvm::sys::path::parent_path(Path), /*IgnoreExisting=*/true,
          llvm::sys::fs::perms::all_all))
    return llvm::createFileError(Path, EC);
  return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << Text;
    return llvm::Error::success();
  });
}

std::string FactStore::recordPath(StringRef File, StringRef Suffix) const {
  // Readable, and unique: two units may share a name in different folders.
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "units",
                          llvm::sys::path::filename(File) + "-" +
                              hex(llvm::xxh3_64bits(File)) + Suffix);
  return std::string(Path);
}

std::map<std::string, UnitRecord>
FactStore::loadRecords(std::vector<std::string> *Unreadable) const {
  std::map<std::string, UnitRecord> Records;
  llvm::SmallString<256> Units(Directory);
  llvm::sys::path::append(Units, "units");
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Units, EC), End; !EC && It != End;
       It.increment(EC)) {
    if (!StringRef(It->path()).ends_with(".json") ||
        StringRef(It->path()).ends_with(".findings.json"))
      continue;
    std::optional<Value> Parsed = readJSON(It->path());
    UnitRecord Record;
    llvm::json::Path::Root Root;
    if (Parsed && fromJSON(*Parsed, Record, Root) &&
        recordPath(Record.File, ".json") == It->path())
      Records[Record.File] = std::move(Record);
    else if (Unreadable)
      Unreadable->push_back(It->path());
  }
  return Records;
}

llvm::Error FactStore::writeRecord(const UnitRecord &Record) const {
  std::string Text;
  llvm::raw_string_ostream(Text) << toJSON(Record);
  return writeAtomically(recordPath(Record.File, ".json"), Text);
}

void FactStore::removeRecord(StringRef File) const {
  llvm::sys::fs::remove(recordPath(File, ".json"));
  llvm::sys::fs::remove(recordPath(File, ".findings.json"));
}

std::optional<std::string> FactStore::readSidecar(StringRef File,
                                                  StringRef Suffix) const {
  auto Buffer = llvm::MemoryBuffer::getFile(recordPath(File, Suffix));
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

llvm::Error FactStore::writeSidecar(StringRef File, StringRef Suffix,
                                    StringRef Text) const {
  return writeAtomically(recordPath(File, Suffix), Text);
}

std::vector<InputFile> FactStore::loadSystemInputs() const {
  std::vector<InputFile> Files;
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "system-inputs.json");
  std::optional<Value> Parsed = readJSON(Path);
  const Array *List = Parsed ? Parsed->getAsArray() : nullptr;
  if (!List)
    return Files;
  llvm::json::Path::Root Root;
  for (const Value &Entry : *List)
    if (!fromJSON(Entry, Files.emplace_back(), Root))
      Files.pop_back();
  return Files;
}

llvm::Error
FactStore::writeSystemInputs(const std::vector<InputFile> &Files) const {
  Array List;
  for (const InputFile &File : Files)
    List.push_back(toJSON(File));
  std::string Text;
  llvm::raw_string_ostream(Text) << Value(std::move(List));
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, "system-inputs.json");
  return writeAtomically(Path, Text);
}

//===----------------------------------------------------------------------===//
// For the plugins: the store found, read once.
//===----------------------------------------------------------------------===//

/// The names, sizes and times of the records: when they are as before, so
/// is the index.
static std::string storeSignature(StringRef Directory) {
  std::string Signature;
  llvm::SmallString<256> Units(Directory);
  llvm::sys::path::append(Units, "units");
  std::error_code EC;
  std::vector<std::string> Entries;
  for (llvm::sys::fs::directory_iterator It(Units, EC), End; !EC && It != End;
       It.increment(EC)) {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::path::extension(It->path()) != ".json" ||
        llvm::sys::fs::status(It->path(), Status))
      continue;
    Entries.push_back(
        It->path() + ":" + std::to_string(Status.getSize()) + ":" +
        std::to_string(
            Status.getLastModificationTime().time_since_epoch().count()));
  }
  llvm::sort(Entries);
  for (const std::string &Entry : Entries)
    Signature += Entry + "\n";
  return Signature;
}

std::shared_ptr<const FactIndex> loadFactIndex(StringRef Directory) {
  static std::mutex Mutex;
  static llvm::StringMap<
      std::pair<std::string, std::shared_ptr<const FactIndex>>>
      Loaded;
  if (!llvm::sys::fs::is_directory(Directory))
    return nullptr;
  std::string Signature = storeSignature(Directory);
  std::lock_guard<std::mutex> Lock(Mutex);
  auto &[Known, Index] = Loaded[Directory];
  if (Index && Known == Signature)
    return Index;
  auto Merged = std::make_shared<FactIndex>();
  for (const auto &[File, Record] : FactStore(Directory.str()).loadRecords())
    Merged->add(File, Record.Facts);
  Known = std::move(Signature);
  Index = std::move(Merged);
  return Index;
}

std::string findFactStore(StringRef WorkingDirectory) {
  llvm::SmallString<256> Dir(WorkingDirectory);
  llvm::sys::fs::make_absolute(Dir);
  for (StringRef Current = Dir; !Current.empty();
       Current = llvm::sys::path::parent_path(Current)) {
    llvm::SmallString<256> Database(Current), Store(Current);
    llvm::sys::path::append(Database, "compile_commands.json");
    if (!llvm::sys::fs::exists(Database))
      continue;
    llvm::sys::path::append(Store, ".pincheck");
    return llvm::sys::fs::is_directory(Store) ? std::string(Store)
                                              : std::string();
  }
  return {};
}

} // namespace pincheck
