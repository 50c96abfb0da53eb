//===--- Report.cpp - Machine-readable output: JSON and SARIF -------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "TidyOptions.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

namespace {
struct RuleText {
  StringRef Id;
  StringRef Short;
};
} // namespace

// One line per check, from docs/checks/<check>.md.
static const RuleText Rules[] = {
    {"pin-self-referential-type",
     "A class whose own copy or move leaves an interior pointer or an escaped "
     "address aimed at the source object."},
    {"pin-move-after-pin",
     "A copy, move, swap or byte copy of an object after it was pinned."},
    {"pin-raw-copy",
     "memcpy, memmove, realloc or bit_cast of objects that must not move."},
    {"pin-relocating-container",
     "A container operation or algorithm that relocates elements which must "
     "not move."},
    {"pin-relocatable-claim",
     "Relocatability declared for a type whose objects must not move."},
};

static StringRef shortDescription(StringRef Check) {
  for (const RuleText &Rule : Rules)
    if (Rule.Id == Check)
      return Rule.Short;
  return "A compiler diagnostic.";
}

static StringRef level(const ClangTidyError &Finding) {
  return Finding.DiagLevel == ClangTidyError::Error || Finding.IsWarningAsError
             ? "error"
             : "warning";
}

void writeJson(raw_ostream &OS, ArrayRef<ClangTidyError> Findings,
               const ReportOptions &Options, PositionResolver &Positions) {
  json::Array Items;
  for (const ClangTidyError &Finding : Findings) {
    SourcePosition At =
        Positions.resolve(Finding.Message.FilePath, Finding.Message.FileOffset);
    json::Array Notes;
    for (const auto &Note : Finding.Notes) {
      SourcePosition NoteAt = Positions.resolve(Note.FilePath, Note.FileOffset);
      Notes.push_back(json::Object{
          {"message", Note.Message},
          {"file", relativePath(Note.FilePath, Options.SourceRoot)},
          {"line", NoteAt.Line},
          {"column", NoteAt.Column}});
    }
    json::Array Fixes;
    for (const auto &[File, Replacements] : Finding.Message.Fix)
      for (const auto &Replacement : Replacements)
        Fixes.push_back(json::Object{
            {"file", relativePath(Replacement.getFilePath(), Options.SourceRoot)},
            {"offset", Replacement.getOffset()},
            {"length", Replacement.getLength()},
            {"replacement", Replacement.getReplacementText().str()}});
    Items.push_back(json::Object{
        {"check", Finding.DiagnosticName},
        {"level", level(Finding)},
        {"message", Finding.Message.Message},
        {"file", relativePath(At.File, Options.SourceRoot)},
        {"line", At.Line},
        {"column", At.Column},
        {"fingerprint", fingerprint(Finding, Options.SourceRoot, Positions)},
        {"notes", std::move(Notes)},
        {"fixes", std::move(Fixes)}});
  }
  OS << formatv("{0:2}", json::Value(json::Object{
                             {"version", 1},
                             {"tool", "pincheck"},
                             {"findings", std::move(Items)}}))
     << "\n";
}

static json::Object physicalLocation(const SourcePosition &At,
                                     const ReportOptions &Options) {
  return json::Object{
      {"artifactLocation",
       json::Object{{"uri", relativePath(At.File, Options.SourceRoot)},
                    {"uriBaseId", "%SRCROOT%"}}},
      {"region", json::Object{{"startLine", At.Line},
                              {"startColumn", At.Column}}}};
}

void writeSarif(raw_ostream &OS, ArrayRef<ClangTidyError> Findings,
                const ReportOptions &Options, PositionResolver &Positions) {
  // Rules: every pincheck check, plus the compiler diagnostics that occur.
  json::Array RuleArray;
  StringMap<unsigned> RuleIndex;
  auto AddRule = [&](StringRef Id) {
    if (RuleIndex.count(Id))
      return;
    RuleIndex[Id] = RuleArray.size();
    json::Object Rule{{"id", Id.str()},
                      {"shortDescription",
                       json::Object{{"text", shortDescription(Id)}}},
                      {"defaultConfiguration",
                       json::Object{{"level", "warning"}}}};
    if (Id.starts_with("pin-")) {
      std::string Uri = checkDocumentationUrl(Options.DocsBaseUrl, Id);
      Rule["helpUri"] = Uri;
      Rule["help"] = json::Object{
          {"text", shortDescription(Id).str() + " See " + Uri + "."}};
    }
    RuleArray.push_back(std::move(Rule));
  };
  for (const RuleText &Rule : Rules)
    AddRule(Rule.Id);

  json::Array Results;
  for (const ClangTidyError &Finding : Findings) {
    AddRule(Finding.DiagnosticName);
    SourcePosition At =
        Positions.resolve(Finding.Message.FilePath, Finding.Message.FileOffset);
    json::Array Related;
    for (const auto &Note : Finding.Notes) {
      if (Note.FilePath.empty())
        continue;
      json::Object Location{
          {"id", static_cast<int64_t>(Related.size())},
          {"message", json::Object{{"text", Note.Message}}},
          {"physicalLocation",
           physicalLocation(Positions.resolve(Note.FilePath, Note.FileOffset),
                            Options)}};
      Related.push_back(std::move(Location));
    }
    json::Array Changes;
    for (const auto &[File, Replacements] : Finding.Message.Fix) {
      json::Array Edits;
      for (const auto &Replacement : Replacements)
        Edits.push_back(json::Object{
            {"deletedRegion",
             json::Object{{"byteOffset", Replacement.getOffset()},
                          {"byteLength", Replacement.getLength()}}},
            {"insertedContent",
             json::Object{{"text", Replacement.getReplacementText().str()}}}});
      if (Edits.empty())
        continue;
      Changes.push_back(json::Object{
          {"artifactLocation",
           json::Object{{"uri", relativePath(File, Options.SourceRoot)},
                        {"uriBaseId", "%SRCROOT%"}}},
          {"replacements", std::move(Edits)}});
    }
    json::Object Result{
        {"ruleId", Finding.DiagnosticName},
        {"ruleIndex", RuleIndex[Finding.DiagnosticName]},
        {"level", level(Finding)},
        {"message", json::Object{{"text", Finding.Message.Message}}},
        {"locations",
         json::Array{json::Object{{"physicalLocation",
                                   physicalLocation(At, Options)}}}},
        {"partialFingerprints",
         json::Object{{"pincheckLineHash/v1",
                       fingerprint(Finding, Options.SourceRoot, Positions)}}}};
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!Changes.empty())
      Result["fixes"] = json::Array{json::Object{
          {"description", json::Object{{"text", "Apply pincheck's fix-it"}}},
          {"artifactChanges", std::move(Changes)}}};
    Results.push_back(std::move(Result));
  }

  std::string Root = Options.SourceRoot;
  if (!StringRef(Root).ends_with("/"))
    Root += "/";
  json::Object Run{
      {"tool",
       json::Object{{"driver",
                     json::Object{{"name", "pincheck"},
                                  {"version", Options.Version},
                                  {"informationUri", Options.DocsBaseUrl},
                                  {"rules", std::move(RuleArray)}}}}},
      {"originalUriBaseIds",
       json::Object{{"%SRCROOT%", json::Object{{"uri", "file://" + Root}}}}},
      {"results", std::move(Results)}};
  OS << formatv("{0:2}",
                json::Value(json::Object{
                    {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::Array{std::move(Run)}}}))
     << "\n";
}

} // namespace pincheck
