//===--- LspFindings.cpp - pincheck's findings in LSP terms ---------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "LspFindings.h"
#include "TidyOptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <optional>

using namespace llvm;

namespace pincheck {

namespace {
/// The text of the files findings point into: the document's snapshot, and
/// other files (headers of notes and fix-its) as they are on disk; and the
/// positions in each.
class FileTexts {
public:
  FileTexts(const DocumentText &Document, PositionEncoding Encoding)
      : Document(Document), Encoding(Encoding) {}
  /// The positions in `File`, whose text is `text(File)`.
  const PositionMapper &positions(StringRef File, StringRef Text) {
    auto [It, Inserted] = Mappers.try_emplace(File);
    if (Inserted)
      It->second = std::make_unique<PositionMapper>(Text, Encoding);
    return *It->second;
  }
  std::optional<StringRef> text(StringRef File) {
    if (File == Document.Path)
      return StringRef(Document.Text);
    auto [It, Inserted] = Others.try_emplace(File);
    if (Inserted)
      if (auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true))
        It->second = std::move(*Buffer);
    if (!It->second)
      return std::nullopt;
    return It->second->getBuffer();
  }
  std::string uri(StringRef File) const {
    return File == Document.Path ? Document.Uri : uriFromPath(File);
  }

private:
  const DocumentText &Document;
  PositionEncoding Encoding;
  StringMap<std::unique_ptr<MemoryBuffer>> Others;
  StringMap<std::unique_ptr<PositionMapper>> Mappers;
};

/// Converts the findings of one document, reading each file once.
class Converter {
public:
  Converter(const DocumentText &Document, const ClientCapabilities &Client,
            StringRef DocsBaseUrl)
      : Texts(Document, Client.Encoding), Document(Document), Client(Client),
        DocsBaseUrl(DocsBaseUrl) {}

  Finding convert(const DocumentFinding &Found);

private:
  Range rangeOf(const FileSpan &At, StringRef Text);
  json::Array relatedInformation(const DocumentFinding &Found,
                                 std::string &Message);
  std::string describe(const std::vector<TextEdit> &Fix, StringRef Fallback);
  std::optional<QuickFix> quickFix(const std::vector<TextEdit> &Fix,
                                   std::string Title, bool Preferred);

  FileTexts Texts;
  const DocumentText &Document;
  const ClientCapabilities &Client;
  StringRef DocsBaseUrl;
};
} // namespace

/// Identifier characters, UTF-8 sequences included (C++ allows them).
static bool isIdentifierByte(char C) {
  return isAlnum(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}

/// The range of `At` in `Text`: its own bytes when it has a length, else
/// the identifier (or character) that starts there, as clangd marks its
/// own diagnostics.
Range Converter::rangeOf(const FileSpan &At, StringRef Text) {
  size_t Begin = std::min<size_t>(At.Offset, Text.size());
  size_t End = std::min<size_t>(Begin + At.Length, Text.size());
  if (At.Length == 0) {
    while (End < Text.size() && isIdentifierByte(Text[End]))
      ++End;
    if (End == Begin && End < Text.size() && Text[End] != '\n')
      ++End;
  }
  const PositionMapper &Positions = Texts.positions(At.File, Text);
  return {Positions.positionOf(Begin), Positions.positionOf(End)};
}

/// The notes as related information; for clients without it, appended to
/// `Message` in clangd's form.
json::Array Converter::relatedInformation(const DocumentFinding &Found,
                                          std::string &Message) {
  json::Array Related;
  for (const FindingNote &Note : Found.Notes) {
    std::optional<StringRef> NoteText = Texts.text(Note.At.File);
    if (!NoteText)
      continue;
    Range NoteRange = rangeOf(Note.At, *NoteText);
    if (Client.RelatedInformation) {
      Related.push_back(json::Object{
          {"location", json::Object{{"uri", Texts.uri(Note.At.File)},
                                    {"range", NoteRange}}},
          {"message", Note.Message}});
      continue;
    }
    Message +=
        formatv("\n\n{0}:{1}:{2}: note: {3}", sys::path::filename(Note.At.File),
                NoteRange.Start.Line + 1, NoteRange.Start.Character + 1,
                Note.Message)
            .str();
  }
  return Related;
}

/// Text for a title: white space collapsed, at most about 50 characters.
static std::string shortened(StringRef Text) {
  std::string Result;
  for (StringRef Word : llvm::split(Text, ' '))
    for (StringRef Part : llvm::split(Word, '\n')) {
      Part = Part.trim();
      if (Part.empty())
        continue;
      if (!Result.empty())
        Result += ' ';
      Result += Part;
    }
  if (Result.size() > 50)
    Result = Result.substr(0, 47) + "...";
  return Result;
}

/// A title that says what a one-edit fix does, as clangd titles fix-its;
/// `Fallback` for fixes of several edits.
std::string Converter::describe(const std::vector<TextEdit> &Fix,
                                StringRef Fallback) {
  if (Fix.size() != 1)
    return Fallback.str();
  const TextEdit &Only = Fix.front();
  StringRef Old;
  if (std::optional<StringRef> Text = Texts.text(Only.Replaced.File))
    Old = Text->substr(Only.Replaced.Offset, Only.Replaced.Length);
  StringRef New = Only.NewText;
  if (Old.trim().empty() && !New.trim().empty())
    return "insert '" + shortened(New) + "'";
  if (New.trim().empty() && !Old.trim().empty())
    return "remove '" + shortened(Old) + "'";
  return "change '" + shortened(Old) + "' to '" + shortened(New) + "'";
}

std::optional<QuickFix> Converter::quickFix(const std::vector<TextEdit> &Fix,
                                            std::string Title, bool Preferred) {
  QuickFix Result{std::move(Title), Preferred, {}};
  for (const TextEdit &Edit : Fix) {
    std::optional<StringRef> Text = Texts.text(Edit.Replaced.File);
    if (!Text)
      return std::nullopt; // A fix-it into an unreadable file: not offered.
    const PositionMapper &Positions =
        Texts.positions(Edit.Replaced.File, *Text);
    Range Where{
        Positions.positionOf(Edit.Replaced.Offset),
        Positions.positionOf(Edit.Replaced.Offset + Edit.Replaced.Length)};
    Result.Edits[Texts.uri(Edit.Replaced.File)].push_back(
        json::Object{{"range", Where}, {"newText", Edit.NewText}});
  }
  if (Result.Edits.empty())
    return std::nullopt;
  return Result;
}

Finding Converter::convert(const DocumentFinding &Found) {
  Finding Result;
  Result.Where = rangeOf(Found.At, Document.Text);
  std::string Message = Found.Message;
  json::Array Related = relatedInformation(Found, Message);
  Result.Diagnostic = json::Object{
      {"range", Result.Where},
      {"severity", Found.AsError ? 1 : 2},
      {"code", Found.Check},
      {"codeDescription",
       json::Object{{"href", checkDocumentationUrl(DocsBaseUrl, Found.Check)}}},
      {"source", "pincheck"},
      {"message", Message}};
  if (!Related.empty())
    Result.Diagnostic["relatedInformation"] = std::move(Related);

  if (!Found.Fix.empty())
    if (auto Fix =
            quickFix(Found.Fix,
                     describe(Found.Fix, "apply the fix-it of " + Found.Check),
                     /*Preferred=*/true))
      Result.Fixes.push_back(std::move(*Fix));
  for (const FindingNote &Note : Found.Notes)
    if (!Note.Fix.empty())
      if (auto Fix = quickFix(Note.Fix, Note.Message, /*Preferred=*/false))
        Result.Fixes.push_back(std::move(*Fix));
  return Result;
}

std::vector<Finding> toLspFindings(ArrayRef<DocumentFinding> Findings,
                                   const DocumentText &Document,
                                   const ClientCapabilities &Client,
                                   StringRef DocsBaseUrl) {
  Converter Convert(Document, Client, DocsBaseUrl);
  std::vector<Finding> Result;
  for (const DocumentFinding &Found : Findings)
    Result.push_back(Convert.convert(Found));
  return Result;
}

json::Array diagnosticsOf(ArrayRef<Finding> Findings) {
  json::Array Result;
  for (const Finding &Found : Findings)
    Result.push_back(json::Object(Found.Diagnostic));
  return Result;
}

/// The edit of a quick fix, as `documentChanges` when the client takes them
/// (with the document's version), else as `changes`.
static json::Value workspaceEdit(const QuickFix &Fix,
                                 const ClientCapabilities &Client,
                                 StringRef Uri, int64_t Version) {
  if (!Client.DocumentChanges) {
    json::Object Changes;
    for (const auto &[EditedUri, Edits] : Fix.Edits)
      Changes[EditedUri] = json::Array(Edits);
    return json::Object{{"changes", std::move(Changes)}};
  }
  json::Array DocumentChanges;
  for (const auto &[EditedUri, Edits] : Fix.Edits)
    DocumentChanges.push_back(json::Object{
        {"textDocument",
         json::Object{{"uri", EditedUri},
                      {"version", EditedUri == Uri ? json::Value(Version)
                                                   : json::Value(nullptr)}}},
        {"edits", json::Array(Edits)}});
  return json::Object{{"documentChanges", std::move(DocumentChanges)}};
}

json::Array codeActions(ArrayRef<Finding> Findings,
                        const ClientCapabilities &Client, StringRef Uri,
                        int64_t Version) {
  json::Array Actions;
  for (const Finding &Found : Findings)
    for (const QuickFix &Fix : Found.Fixes)
      Actions.push_back(json::Object{
          {"title", Fix.Title},
          {"kind", "quickfix"},
          {"diagnostics", json::Array{json::Object(Found.Diagnostic)}},
          {"isPreferred", Fix.Preferred},
          {"edit", workspaceEdit(Fix, Client, Uri, Version)}});
  return Actions;
}

json::Object publishDiagnostics(StringRef Uri, int64_t Version,
                                json::Array Diagnostics) {
  return json::Object{
      {"jsonrpc", "2.0"},
      {"method", "textDocument/publishDiagnostics"},
      {"params", json::Object{{"uri", Uri},
                              {"version", Version},
                              {"diagnostics", std::move(Diagnostics)}}}};
}

} // namespace pincheck
