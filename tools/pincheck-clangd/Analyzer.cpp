//===--- Analyzer.cpp - One document through the clang-tidy engine --------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Analyzer.h"
#include "Checks/SharedAnalysis.h"
#include "Logger.h"
#include "Paths.h"
#include "Store/FactStore.h"
#include "TidyEngine.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/MemoryBuffer.h"

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
  getCompileCommands(StringRef /*File*/) const override {
    return {Command};
  }
  std::vector<std::string> getAllFiles() const override {
    return {Command.Filename};
  }

private:
  tooling::CompileCommand Command;
};
} // namespace

/// Where a diagnostic points: the source range the check attached if one
/// covers its location, else the location alone.
static FileSpan spanOf(const tooling::DiagnosticMessage &Message,
                       StringRef BuildDirectory) {
  FileSpan At{normalizedPath(Message.FilePath, BuildDirectory),
              Message.FileOffset, 0};
  for (const tooling::FileByteRange &Extra : Message.Ranges)
    if (normalizedPath(Extra.FilePath, BuildDirectory) == At.File &&
        Extra.FileOffset <= At.Offset &&
        At.Offset < Extra.FileOffset + Extra.Length) {
      At.Offset = Extra.FileOffset;
      At.Length = Extra.Length;
      break;
    }
  return At;
}

static std::vector<TextEdit>
editsOf(const StringMap<tooling::Replacements> &Fix, StringRef BuildDirectory) {
  std::vector<TextEdit> Edits;
  for (const auto &Entry : Fix)
    for (const tooling::Replacement &Replacement : Entry.second)
      Edits.push_back(
          TextEdit{{normalizedPath(Replacement.getFilePath(), BuildDirectory),
                    Replacement.getOffset(), Replacement.getLength()},
                   Replacement.getReplacementText().str()});
  return Edits;
}

static DocumentFinding toDocumentFinding(const ClangTidyError &Error) {
  DocumentFinding Found;
  Found.Check = Error.DiagnosticName;
  Found.Message = Error.Message.Message;
  Found.AsError = Error.IsWarningAsError;
  Found.At = spanOf(Error.Message, Error.BuildDirectory);
  Found.Fix = editsOf(Error.Message.Fix, Error.BuildDirectory);
  for (const tooling::DiagnosticMessage &Note : Error.Notes)
    Found.Notes.push_back(FindingNote{Note.Message,
                                      spanOf(Note, Error.BuildDirectory),
                                      editsOf(Note.Fix, Error.BuildDirectory)});
  return Found;
}

Analyzer::Analyzer(TidySettings Settings) : Settings(std::move(Settings)) {}

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
  // The server names the store, which it keeps current (BackgroundFacts.h).
  std::shared_ptr<const FactIndex> Facts =
      Input.FactStore.empty() ? nullptr : loadFactIndex(Input.FactStore);
  ScopedFactSource Handed(Context, Facts ? std::make_shared<UnitFactView>(Facts)
                                         : nullptr);
  SingleCommandDatabase Database(Input.Command);
  std::vector<ClangTidyError> Errors = runTidyOnUserCode(
      Context, Database, Input.Path, FS, /*ApplyAnyFix=*/false);

  for (const ClangTidyError &Error : Errors) {
    if (StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-")) {
      // The compiler's own diagnostics: clangd publishes those.
      Result.CompileErrors += Error.DiagLevel == ClangTidyError::Error;
      continue;
    }
    if (normalizedPath(Error.Message.FilePath, Error.BuildDirectory) !=
        Input.Path)
      continue; // Findings in headers belong to the header's document.
    Result.Findings.push_back(toDocumentFinding(Error));
  }
  return Result;
}

} // namespace pincheck
