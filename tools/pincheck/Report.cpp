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
#include <optional>

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
static const RuleText RuleTexts[] = {
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
  for (const RuleText &Rule : RuleTexts)
    if (Rule.Id == Check)
      return Rule.Short;
  return "A compiler diagnostic.";
}

static StringRef level(const ClangTidyError &Finding) {
  return Finding.DiagLevel == ClangTidyError::Error || Finding.IsWarningAsError
             ? "error"
             : "warning";
}

static json::Array jsonNotes(const ClangTidyError &Finding,
                             const ReportOptions &Options,
                             PositionResolver &Positions) {
  json::Array Notes;
  for (const auto &Note : Finding.Notes) {
    SourcePosition At = Positions.resolve(Note.FilePath, Note.FileOffset);
    Notes.push_back(
        json::Object{{"message", Note.Message},
                     {"file", relativePath(Note.FilePath, Options.SourceRoot)},
                     {"line", At.Line},
                     {"column", At.Column}});
  }
  return Notes;
}

static json::Array jsonFixes(const ClangTidyError &Finding,
                             const ReportOptions &Options) {
  json::Array Fixes;
  for (const auto &[File, Replacements] : Finding.Message.Fix)
    for (const auto &Replacement : Replacements)
      Fixes.push_back(json::Object{
          {"file", relativePath(Replacement.getFilePath(), Options.SourceRoot)},
          {"offset", Replacement.getOffset()},
          {"length", Replacement.getLength()},
          {"replacement", Replacement.getReplacementText().str()}});
  return Fixes;
}

static json::Object jsonFinding(const ClangTidyError &Finding,
                                const ReportOptions &Options,
                                PositionResolver &Positions) {
  SourcePosition At =
      Positions.resolve(Finding.Message.FilePath, Finding.Message.FileOffset);
  return json::Object{
      {"check", Finding.DiagnosticName},
      {"level", level(Finding)},
      {"message", Finding.Message.Message},
      {"file", relativePath(At.File, Options.SourceRoot)},
      {"line", At.Line},
      {"column", At.Column},
      {"fingerprint", fingerprint(Finding, Options.SourceRoot, Positions)},
      {"notes", jsonNotes(Finding, Options, Positions)},
      {"fixes", jsonFixes(Finding, Options)}};
}

// The reports are streamed, one finding at a time: a json::Value of a whole
// report takes memory in proportion to every finding (some 100 KB each in
// SARIF). Keys are written in the sorted order in which json::Value prints
// objects, so each finding and the whole report read the same either way.

void writeJson(raw_ostream &OS, ArrayRef<ClangTidyError> Findings,
               const ReportOptions &Options, PositionResolver &Positions) {
  json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attributeArray("findings", [&] {
      for (const ClangTidyError &Finding : Findings)
        J.value(jsonFinding(Finding, Options, Positions));
    });
    J.attribute("tool", "pincheck");
    J.attribute("version", 1);
  });
  OS << "\n";
}

static json::Object artifactLocation(StringRef File,
                                     const ReportOptions &Options) {
  return json::Object{{"uri", relativePath(File, Options.SourceRoot)},
                      {"uriBaseId", "%SRCROOT%"}};
}

static json::Object physicalLocation(const SourcePosition &At,
                                     const ReportOptions &Options) {
  return json::Object{{"artifactLocation", artifactLocation(At.File, Options)},
                      {"region", json::Object{{"startLine", At.Line},
                                              {"startColumn", At.Column}}}};
}

namespace {
/// SARIF's rules: every pincheck check, then the compiler diagnostics that
/// occur, each with its index for the results' `ruleIndex`.
class SarifRules {
public:
  explicit SarifRules(const ReportOptions &Options) : Options(Options) {
    for (const RuleText &Rule : RuleTexts)
      add(Rule.Id);
  }

  /// The index of the rule `Id`, added if new.
  unsigned add(StringRef Id) {
    auto [It, Inserted] = Index.try_emplace(Id, Array.size());
    if (!Inserted)
      return It->second;
    json::Object Rule{
        {"id", Id.str()},
        {"shortDescription", json::Object{{"text", shortDescription(Id)}}},
        {"defaultConfiguration", json::Object{{"level", "warning"}}}};
    if (Id.starts_with("pin-")) {
      std::string Uri = checkDocumentationUrl(Options.DocsBaseUrl, Id);
      Rule["helpUri"] = Uri;
      Rule["help"] = json::Object{
          {"text", shortDescription(Id).str() + " See " + Uri + "."}};
    }
    Array.push_back(std::move(Rule));
    return It->second;
  }

  json::Array take() { return std::move(Array); }

private:
  const ReportOptions &Options;
  json::Array Array;
  StringMap<unsigned> Index;
};
} // namespace

/// The notes of a finding, as related locations.
static json::Array sarifRelatedLocations(const ClangTidyError &Finding,
                                         const ReportOptions &Options,
                                         PositionResolver &Positions) {
  json::Array Related;
  for (const auto &Note : Finding.Notes) {
    if (Note.FilePath.empty())
      continue;
    Related.push_back(json::Object{
        {"id", static_cast<int64_t>(Related.size())},
        {"message", json::Object{{"text", Note.Message}}},
        {"physicalLocation",
         physicalLocation(Positions.resolve(Note.FilePath, Note.FileOffset),
                          Options)}});
  }
  return Related;
}

/// The path from the pin (and the interior pointer's assignment, where it
/// is the cause) to the move, for GitHub code scanning's "show paths": one
/// thread flow, the steps in the order the notes give them, then the move.
static std::optional<json::Array> sarifCodeFlows(const ClangTidyError &Finding,
                                                 const ReportOptions &Options,
                                                 PositionResolver &Positions) {
  StringRef Check = Finding.DiagnosticName;
  if (Check != "pin-move-after-pin" && Check != "pin-relocating-container")
    return std::nullopt;
  json::Array Steps;
  auto Step = [&](StringRef File, unsigned Offset, StringRef Text) {
    Steps.push_back(json::Object{
        {"location",
         json::Object{
             {"physicalLocation",
              physicalLocation(Positions.resolve(File, Offset), Options)},
             {"message", json::Object{{"text", Text}}}}},
        {"nestingLevel", 0},
        {"executionOrder", static_cast<int64_t>(Steps.size() + 1)}});
  };
  for (const auto &Note : Finding.Notes)
    if (!Note.FilePath.empty() && isPathStep(Note.Message))
      Step(Note.FilePath, Note.FileOffset, Note.Message);
  if (Steps.empty())
    return std::nullopt;
  Step(Finding.Message.FilePath, Finding.Message.FileOffset,
       Finding.Message.Message);
  return json::Array{json::Object{
      {"message", json::Object{{"text", "from the pin to the move"}}},
      {"threadFlows",
       json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
}

/// The fix-it of a finding, as artifact changes (one per file).
static json::Array sarifArtifactChanges(const ClangTidyError &Finding,
                                        const ReportOptions &Options) {
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
    Changes.push_back(
        json::Object{{"artifactLocation", artifactLocation(File, Options)},
                     {"replacements", std::move(Edits)}});
  }
  return Changes;
}

static json::Object sarifResult(const ClangTidyError &Finding,
                                unsigned RuleIndex,
                                const ReportOptions &Options,
                                PositionResolver &Positions) {
  SourcePosition At =
      Positions.resolve(Finding.Message.FilePath, Finding.Message.FileOffset);
  json::Object Result{
      {"ruleId", Finding.DiagnosticName},
      {"ruleIndex", RuleIndex},
      {"level", level(Finding)},
      {"message", json::Object{{"text", Finding.Message.Message}}},
      {"locations", json::Array{json::Object{
                        {"physicalLocation", physicalLocation(At, Options)}}}},
      {"partialFingerprints",
       json::Object{
           {"pincheckFindingHash/v2",
            fingerprint(Finding, Options.SourceRoot, Positions)},
           {"pincheckLineHash/v1",
            lineFingerprint(Finding, Options.SourceRoot, Positions)}}}};
  json::Array Related = sarifRelatedLocations(Finding, Options, Positions);
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  if (std::optional<json::Array> Flows =
          sarifCodeFlows(Finding, Options, Positions))
    Result["codeFlows"] = std::move(*Flows);
  json::Array Changes = sarifArtifactChanges(Finding, Options);
  if (!Changes.empty())
    Result["fixes"] = json::Array{json::Object{
        {"description", json::Object{{"text", "Apply pincheck's fix-it"}}},
        {"artifactChanges", std::move(Changes)}}};
  return Result;
}

void writeSarif(raw_ostream &OS, ArrayRef<ClangTidyError> Findings,
                const ReportOptions &Options, PositionResolver &Positions) {
  std::string Root = Options.SourceRoot;
  if (!StringRef(Root).ends_with("/"))
    Root += "/";
  SarifRules Rules(Options);
  json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attribute("originalUriBaseIds",
                    json::Object{{"%SRCROOT%",
                                  json::Object{{"uri", "file://" + Root}}}});
        J.attributeArray("results", [&] {
          for (const ClangTidyError &Finding : Findings)
            J.value(sarifResult(Finding, Rules.add(Finding.DiagnosticName),
                                Options, Positions));
        });
        // After the results, which add the compiler diagnostics' rules.
        J.attribute(
            "tool",
            json::Object{
                {"driver", json::Object{{"name", "pincheck"},
                                        {"version", Options.Version},
                                        {"informationUri", Options.DocsBaseUrl},
                                        {"rules", Rules.take()}}}});
      });
    });
    J.attribute("version", "2.1.0");
  });
  OS << "\n";
}

} // namespace pincheck
