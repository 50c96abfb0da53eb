//===--- DocumentStore.cpp - The open documents and their findings --------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "DocumentStore.h"
#include "JsonText.h"
#include "Logger.h"

using namespace llvm;

namespace pincheck {

ArrayRef<Finding> DocumentStore::Document::currentFindings() const {
  if (FindingsGeneration != Generation)
    return {};
  return Findings;
}

void DocumentStore::open(StringRef Path, std::string Uri, std::string Text,
                         int64_t Version) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Document &Doc = Documents[Path];
  Doc = Document();
  Doc.Uri = std::move(Uri);
  Doc.Text = std::move(Text);
  Doc.Version = Version;
  Doc.Generation = ++LastGeneration;
}

bool DocumentStore::change(StringRef Path, const json::Array &Changes,
                           std::optional<int64_t> Version,
                           PositionEncoding Encoding) {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end())
    return false;
  Document &Doc = It->second;
  for (const json::Value &Change : Changes) {
    const json::Object *Event = Change.getAsObject();
    if (Event && !Event->get("range"))
      Doc.TextValid = true; // The whole text: in sync again.
    if (!Event || !applyChange(Doc.Text, *Event, Encoding)) {
      elog("cannot apply an edit to {0}; analysis paused until the "
           "document is sent whole",
           Path);
      Doc.TextValid = false;
    }
  }
  Doc.Version = Version.value_or(Doc.Version);
  Doc.Generation = ++LastGeneration;
  return true;
}

bool DocumentStore::save(StringRef Path, std::optional<StringRef> Text) {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end())
    return false;
  Document &Doc = It->second;
  if (Text && *Text != Doc.Text) {
    Doc.Text = Text->str();
    Doc.TextValid = true;
    Doc.Generation = ++LastGeneration;
  }
  return true;
}

void DocumentStore::close(StringRef Path) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Documents.erase(Path);
}

std::vector<std::string> DocumentStore::paths() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  std::vector<std::string> Result;
  for (const auto &Entry : Documents)
    Result.push_back(Entry.first().str());
  return Result;
}

std::optional<DocumentSnapshot> DocumentStore::snapshot(StringRef Path) const {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end() || !It->second.TextValid)
    return std::nullopt;
  const Document &Doc = It->second;
  return DocumentSnapshot{
      {Path.str(), Doc.Uri, Doc.Text}, Doc.Version, Doc.Generation};
}

bool DocumentStore::setFindings(StringRef Path, uint64_t Generation,
                                std::vector<Finding> Findings) {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end() || It->second.Generation != Generation)
    return false;
  It->second.Findings = std::move(Findings);
  It->second.FindingsGeneration = Generation;
  return true;
}

json::Array
DocumentStore::mergeWithClangd(StringRef Path,
                               const json::Array &ClangdDiagnostics) {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end())
    return {};
  Document &Doc = It->second;
  Doc.ClangdDiagnostics = ClangdDiagnostics;
  json::Array Ours = diagnosticsOf(Doc.currentFindings());
  Doc.PublishedPincheck = Ours.empty() ? "" : toJsonText(json::Array(Ours));
  return Ours;
}

std::optional<Publication> DocumentStore::publicationIfChanged(StringRef Path) {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end())
    return std::nullopt;
  Document &Doc = It->second;
  json::Array Ours = diagnosticsOf(Doc.currentFindings());
  std::string Serialized = Ours.empty() ? "" : toJsonText(json::Array(Ours));
  if (Serialized == Doc.PublishedPincheck)
    return std::nullopt; // The client already shows exactly these.
  Doc.PublishedPincheck = Serialized;
  // clangd's latest diagnostics stay; ours replace what we sent before.
  Publication Result{Doc.Uri, Doc.Version,
                     Doc.ClangdDiagnostics.value_or(json::Array())};
  for (json::Value &Diagnostic : Ours)
    Result.Diagnostics.push_back(std::move(Diagnostic));
  return Result;
}

std::optional<TouchedFindings>
DocumentStore::findingsTouching(StringRef Path, const Range &Requested) const {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Documents.find(Path);
  if (It == Documents.end())
    return std::nullopt;
  const Document &Doc = It->second;
  TouchedFindings Result{Doc.Uri, Doc.Version, {}};
  for (const Finding &Found : Doc.currentFindings())
    if (Found.Where.touches(Requested))
      Result.Findings.push_back(Found);
  return Result;
}

} // namespace pincheck
