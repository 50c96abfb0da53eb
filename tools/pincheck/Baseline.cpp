//===--- Baseline.cpp - Findings accepted when pincheck was adopted -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "InputChecks.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace llvm;

namespace pincheck {

/// One entry of a baseline, whose fields must all be strings.
static Expected<BaselineEntry> readEntry(const json::Value &Item, size_t Number,
                                         StringRef Path) {
  auto Fail = [&](const Twine &Why) {
    return usageError("invalid --baseline", Path,
                      "entry " + Twine(Number) + ": " + Why);
  };
  const json::Object *Entry = Item.getAsObject();
  if (!Entry)
    return Fail("it is not an object");
  BaselineEntry Result;
  for (auto [Key, Field] :
       {std::pair{"check", &Result.Check}, std::pair{"file", &Result.File},
        std::pair{"fingerprint", &Result.Fingerprint}}) {
    std::optional<StringRef> Value = Entry->getString(Key);
    if (!Value)
      return Fail("\"" + Twine(Key) + "\" is missing or not a string");
    *Field = Value->str();
  }
  return Result;
}

Expected<Baseline> Baseline::read(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return usageError("cannot read --baseline", Path,
                      Buffer.getError().message());
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return usageError("invalid --baseline", Path,
                      "not JSON: " + toString(Parsed.takeError()));
  const json::Object *Root = Parsed->getAsObject();
  if (!Root)
    return usageError("invalid --baseline", Path, "it is not a JSON object");
  std::optional<int64_t> Version = Root->getInteger("version");
  if (!Version)
    return usageError("invalid --baseline", Path,
                      "it has no \"version\" number");
  if (*Version != FormatVersion)
    return usageError("invalid --baseline", Path,
                      "version " + Twine(*Version) +
                          " is not one this pincheck reads (" +
                          Twine(FormatVersion) + ")");
  const json::Array *Findings = Root->getArray("findings");
  if (!Findings)
    return usageError("invalid --baseline", Path,
                      "it has no \"findings\" array");
  Baseline Result;
  for (size_t I = 0; I < Findings->size(); ++I) {
    Expected<BaselineEntry> Entry = readEntry((*Findings)[I], I + 1, Path);
    if (!Entry)
      return Entry.takeError();
    ++Result.Remaining[*Entry];
  }
  return Result;
}

Error Baseline::write(StringRef Path, std::vector<BaselineEntry> Entries) {
  std::sort(Entries.begin(), Entries.end());
  json::Array Findings;
  for (const BaselineEntry &Entry : Entries)
    Findings.push_back(json::Object{{"check", Entry.Check},
                                    {"file", Entry.File},
                                    {"fingerprint", Entry.Fingerprint}});
  json::Value Document(json::Object{{"version", FormatVersion},
                                    {"tool", "pincheck"},
                                    {"findings", std::move(Findings)}});
  // Written whole or not at all.
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        OS << formatv("{0:2}", Document) << "\n";
        return Error::success();
      }))
    return usageError("cannot write --write-baseline", Path,
                      toString(std::move(E)));
  return Error::success();
}

bool Baseline::suppress(const BaselineEntry &Finding) {
  auto It = Remaining.find(Finding);
  if (It == Remaining.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

unsigned Baseline::stale() const {
  unsigned Count = 0;
  for (const auto &[Entry, Left] : Remaining)
    Count += Left;
  return Count;
}

BaselineOutcome applyBaseline(std::vector<clang::tidy::ClangTidyError> Errors,
                              Baseline *Accepted, StringRef Root,
                              PositionResolver &Positions) {
  BaselineOutcome Outcome;
  for (clang::tidy::ClangTidyError &Error : Errors) {
    if (isCompileError(Error)) {
      Outcome.CompileError = true;
      Outcome.Reported.push_back(std::move(Error));
      continue;
    }
    BaselineEntry Entry{Error.DiagnosticName,
                        relativePath(Error.Message.FilePath, Root),
                        fingerprint(Error, Root, Positions)};
    Outcome.Current.push_back(Entry);
    // A baseline written before the pin event was part of the fingerprint
    // names the finding by its line alone.
    BaselineEntry Legacy = Entry;
    if (Accepted)
      Legacy.Fingerprint = lineFingerprint(Error, Root, Positions);
    if (Accepted && (Accepted->suppress(Entry) || Accepted->suppress(Legacy))) {
      ++Outcome.SuppressedByBaseline;
      continue;
    }
    Outcome.Reported.push_back(std::move(Error));
  }
  return Outcome;
}

} // namespace pincheck
