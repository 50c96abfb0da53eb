//===--- Analyzer.cpp - One document through the clang-tidy engine --------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Analyzer.h"
#include "TidyEngine.h"
#include "Logger.h"
#include "Paths.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

namespace {
/// The command of the one document being analysed.
class SingleCommandDatabase : public tooling::CompilationDatabase {
public:
  explicit SingleCommandDatabase(tooling::CompileCommand Command)
      : Command(std::move(Command)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  tooling::CompileCommand Command;
};

/// The text of the files findings point into: the document's snapshot, and
/// other files (headers of notes and fix-its) as they are on disk.
class FileTexts {
public:
  FileTexts(const AnalysisInput &Input) : Input(Input) {}
  std::optional<StringRef> text(StringRef File) {
    if (File == Input.Path)
      return StringRef(Input.Text);
    auto [It, Inserted] = Others.try_emplace(File);
    if (Inserted)
      if (auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true))
        It->second = std::move(*Buffer);
    if (!It->second)
      return std::nullopt;
    return It->second->getBuffer();
  }
  std::string uri(StringRef File) const {
    return File == Input.Path ? Input.Uri : uriFromPath(File);
  }

private:
  const AnalysisInput &Input;
  StringMap<std::unique_ptr<MemoryBuffer>> Others;
};
} // namespace

/// Identifier characters, UTF-8 sequences included (C++ allows them).
static bool isIdentifierByte(char C) {
  return isAlnum(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}

/// The range of a diagnostic at `Offset`: the source range the check
/// attached if one covers the offset, else the identifier (or character)
/// that starts there, as clangd marks its own diagnostics.
static Range diagnosticRange(const tooling::DiagnosticMessage &Message,
                             StringRef Path, StringRef Text,
                             PositionEncoding Encoding) {
  size_t Begin = std::min<size_t>(Message.FileOffset, Text.size());
  size_t End = Begin;
  for (const tooling::FileByteRange &Extra : Message.Ranges)
    if (normalizedPath(Extra.FilePath, "") == Path &&
        Extra.FileOffset <= Begin && Begin < Extra.FileOffset + Extra.Length) {
      Begin = Extra.FileOffset;
      End = std::min<size_t>(Extra.FileOffset + Extra.Length, Text.size());
      break;
    }
  if (End == Begin) {
    while (End < Text.size() && isIdentifierByte(Text[End]))
      ++End;
    if (End == Begin && End < Text.size() && Text[End] != '\n')
      ++End;
  }
  return {positionOf(Text, Begin, Encoding), positionOf(Text, End, Encoding)};
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

/// A title that says what the edit does, as clangd titles fix-its.
static std::string describeFix(const StringMap<tooling::Replacements> &Fix,
                               StringRef BuildDirectory, FileTexts &Texts,
                               StringRef Fallback) {
  const tooling::Replacement *Only = nullptr;
  unsigned Count = 0;
  for (const auto &Entry : Fix)
    for (const tooling::Replacement &Replacement : Entry.second) {
      Only = &Replacement;
      ++Count;
    }
  if (Count != 1)
    return Fallback.str();
  StringRef Old;
  if (std::optional<StringRef> Text =
          Texts.text(normalizedPath(Only->getFilePath(), BuildDirectory)))
    Old = Text->substr(Only->getOffset(), Only->getLength());
  StringRef New = Only->getReplacementText();
  if (Old.trim().empty() && !New.trim().empty())
    return "insert '" + shortened(New) + "'";
  if (New.trim().empty() && !Old.trim().empty())
    return "remove '" + shortened(Old) + "'";
  return "change '" + shortened(Old) + "' to '" + shortened(New) + "'";
}

static std::optional<QuickFix>
toQuickFix(const StringMap<tooling::Replacements> &Fix, StringRef Title,
           bool Preferred, StringRef BuildDirectory, FileTexts &Texts,
           PositionEncoding Encoding) {
  QuickFix Result{Title.str(), Preferred, {}};
  for (const auto &Entry : Fix)
    for (const tooling::Replacement &Replacement : Entry.second) {
      std::string File =
          normalizedPath(Replacement.getFilePath(), BuildDirectory);
      std::optional<StringRef> Text = Texts.text(File);
      if (!Text)
        return std::nullopt; // A fix-it into an unreadable file: not offered.
      Range Where{positionOf(*Text, Replacement.getOffset(), Encoding),
                  positionOf(*Text,
                             Replacement.getOffset() + Replacement.getLength(),
                             Encoding)};
      Result.Edits[Texts.uri(File)].push_back(
          json::Object{{"range", Where},
                       {"newText", Replacement.getReplacementText().str()}});
    }
  if (Result.Edits.empty())
    return std::nullopt;
  return Result;
}

Analyzer::Analyzer(TidySettings Settings, std::string DocsBaseUrl)
    : Settings(std::move(Settings)), DocsBaseUrl(std::move(DocsBaseUrl)) {}

AnalysisResult Analyzer::analyse(const AnalysisInput &Input) const {
  AnalysisResult Result;
  auto Unsaved = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
  Unsaved->addFile(Input.Path, /*ModificationTime=*/0,
                   MemoryBuffer::getMemBufferCopy(Input.Text, Input.Path));
  // A physical file system of its own: the engine changes its working
  // directory to the command's.
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(
      vfs::createPhysicalFileSystem());
  FS->pushOverlay(Unsaved);

  auto Provider = createOptionsProvider(Settings, FS);
  if (!Provider) {
    elog("{0}", toString(Provider.takeError()));
    return Result;
  }
  ClangTidyContext Context(std::move(*Provider));
  tooling::CompileCommand Command = Input.Command;
  // No "N warnings generated." on the standard error shared with clangd.
  Command.CommandLine.insert(Command.CommandLine.begin() + 1,
                             "-fno-caret-diagnostics");
  SingleCommandDatabase Database(std::move(Command));
  std::vector<ClangTidyError> Errors;
  CrashRecoveryContext Recovery;
  if (!Recovery.RunSafely([&] {
        Errors = runTidyOnUserCode(Context, Database, Input.Path, FS,
                                   /*ApplyAnyFix=*/false);
      })) {
    Result.Crashed = true;
    return Result;
  }

  FileTexts Texts(Input);
  const PositionEncoding Encoding = Input.Client.Encoding;
  for (const ClangTidyError &Error : Errors) {
    if (StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-")) {
      // The compiler's own diagnostics: clangd publishes those.
      Result.CompileErrors += Error.DiagLevel == ClangTidyError::Error;
      continue;
    }
    std::string File =
        normalizedPath(Error.Message.FilePath, Error.BuildDirectory);
    if (File != Input.Path)
      continue; // Findings in headers belong to the header's document.
    Finding Found;
    Found.Where =
        diagnosticRange(Error.Message, Input.Path, Input.Text, Encoding);
    std::string Message = Error.Message.Message;
    json::Array Related;
    for (const tooling::DiagnosticMessage &Note : Error.Notes) {
      std::string NoteFile =
          normalizedPath(Note.FilePath, Error.BuildDirectory);
      std::optional<StringRef> NoteText = Texts.text(NoteFile);
      if (!NoteText)
        continue;
      Range NoteRange = diagnosticRange(Note, NoteFile, *NoteText, Encoding);
      if (Input.Client.RelatedInformation) {
        Related.push_back(
            json::Object{{"location", json::Object{{"uri", Texts.uri(NoteFile)},
                                                   {"range", NoteRange}}},
                         {"message", Note.Message}});
      } else {
        // clangd's form for clients without relatedInformation.
        Message +=
            formatv("\n\n{0}:{1}:{2}: note: {3}", sys::path::filename(NoteFile),
                    NoteRange.Start.Line + 1, NoteRange.Start.Character + 1,
                    Note.Message)
                .str();
      }
    }
    Found.Diagnostic = json::Object{
        {"range", Found.Where},
        {"severity", Error.IsWarningAsError ? 1 : 2},
        {"code", Error.DiagnosticName},
        {"codeDescription",
         json::Object{{"href", checkDocumentationUrl(DocsBaseUrl,
                                                     Error.DiagnosticName)}}},
        {"source", "pincheck"},
        {"message", Message}};
    if (!Related.empty())
      Found.Diagnostic["relatedInformation"] = std::move(Related);

    if (!Error.Message.Fix.empty())
      if (auto Fix = toQuickFix(
              Error.Message.Fix,
              describeFix(Error.Message.Fix, Error.BuildDirectory, Texts,
                          "apply the fix-it of " + Error.DiagnosticName),
              /*Preferred=*/true, Error.BuildDirectory, Texts, Encoding))
        Found.Fixes.push_back(std::move(*Fix));
    for (const tooling::DiagnosticMessage &Note : Error.Notes)
      if (!Note.Fix.empty())
        if (auto Fix = toQuickFix(Note.Fix, Note.Message, /*Preferred=*/false,
                                  Error.BuildDirectory, Texts, Encoding))
          Found.Fixes.push_back(std::move(*Fix));
    Result.Findings.push_back(std::move(Found));
  }
  return Result;
}

} // namespace pincheck
