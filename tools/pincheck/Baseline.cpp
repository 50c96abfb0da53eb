//===--- Baseline.cpp - Findings accepted when pincheck was adopted -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace llvm;

namespace pincheck {

Expected<Baseline> Baseline::read(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(), "cannot read baseline '%s'",
                             Path.str().c_str());
  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *Root = Parsed->getAsObject();
  const json::Array *Findings = Root ? Root->getArray("findings") : nullptr;
  if (!Findings)
    return createStringError(inconvertibleErrorCode(),
                             "baseline '%s' has no \"findings\" array",
                             Path.str().c_str());
  Baseline Result;
  for (const json::Value &Item : *Findings) {
    const json::Object *Entry = Item.getAsObject();
    if (!Entry)
      continue;
    BaselineEntry Parsed{Entry->getString("check").value_or("").str(),
                         Entry->getString("file").value_or("").str(),
                         Entry->getString("fingerprint").value_or("").str()};
    ++Result.Remaining[Parsed];
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
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    return createStringError(EC, "cannot write baseline '%s'",
                             Path.str().c_str());
  OS << formatv("{0:2}",
                json::Value(json::Object{{"version", 1},
                                         {"tool", "pincheck"},
                                         {"findings", std::move(Findings)}}))
     << "\n";
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
    if (Accepted && Accepted->suppress(Entry)) {
      ++Outcome.SuppressedByBaseline;
      continue;
    }
    Outcome.Reported.push_back(std::move(Error));
  }
  return Outcome;
}

} // namespace pincheck
