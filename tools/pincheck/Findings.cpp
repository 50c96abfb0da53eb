//===--- Findings.cpp - The CLI's view of clang-tidy's results ------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Findings.h"
#include "Checks/RejectedUses.h"
#include "Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <tuple>

using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

PositionResolver::FileLines *PositionResolver::load(StringRef File) {
  auto [It, Inserted] = Files.try_emplace(File);
  if (Inserted) {
    if (auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/true)) {
      It->second.Buffer = std::move(*Buffer);
      StringRef Text = It->second.Buffer->getBuffer();
      It->second.LineStarts.push_back(0);
      for (size_t I = 0; I < Text.size(); ++I)
        if (Text[I] == '\n')
          It->second.LineStarts.push_back(I + 1);
    }
  }
  return It->second.Buffer ? &It->second : nullptr;
}

SourcePosition PositionResolver::resolve(StringRef File, unsigned Offset) {
  SourcePosition Position{File.str(), Offset, 1, Offset + 1};
  if (FileLines *Lines = load(File)) {
    auto Next = std::upper_bound(Lines->LineStarts.begin(),
                                 Lines->LineStarts.end(), Offset);
    Position.Line = Next - Lines->LineStarts.begin();
    Position.Column = Offset - *(Next - 1) + 1;
  }
  return Position;
}

StringRef PositionResolver::lineText(StringRef File, unsigned Line) {
  FileLines *Lines = load(File);
  if (!Lines || Line == 0 || Line > Lines->LineStarts.size())
    return {};
  StringRef Text = Lines->Buffer->getBuffer();
  unsigned Begin = Lines->LineStarts[Line - 1];
  unsigned End = Line < Lines->LineStarts.size() ? Lines->LineStarts[Line] - 1
                                                 : Text.size();
  return Text.slice(Begin, End).rtrim("\r");
}

bool isCompileError(const ClangTidyError &Error) {
  return Error.DiagLevel == ClangTidyError::Error &&
         StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-");
}

static void normalize(std::string &Path, StringRef BuildDirectory) {
  Path = normalizedPath(Path, BuildDirectory);
}

std::vector<ClangTidyError> mergeFindings(std::vector<ClangTidyError> Errors) {
  for (ClangTidyError &Error : Errors) {
    normalize(Error.Message.FilePath, Error.BuildDirectory);
    for (auto &Note : Error.Notes)
      normalize(Note.FilePath, Error.BuildDirectory);
  }
  auto Key = [](const ClangTidyError &E) {
    return std::make_tuple(StringRef(E.Message.FilePath), E.Message.FileOffset,
                           StringRef(E.DiagnosticName),
                           StringRef(E.Message.Message));
  };
  // A header's finding comes from every unit that includes it, and the
  // units may word its notes differently: one that sees a body in the unit
  // and one that reads it from the facts, which adds the note at its site.
  // The one kept must not depend on the order of the units: the one with
  // the most notes, then the first by their text.
  auto NotesKey = [](const ClangTidyError &E) {
    std::vector<std::tuple<StringRef, unsigned, StringRef>> Notes;
    for (const auto &Note : E.Notes)
      Notes.emplace_back(Note.FilePath, Note.FileOffset, Note.Message);
    return Notes;
  };
  std::stable_sort(Errors.begin(), Errors.end(),
                   [&](const ClangTidyError &A, const ClangTidyError &B) {
                     if (Key(A) != Key(B))
                       return Key(A) < Key(B);
                     if (A.Notes.size() != B.Notes.size())
                       return A.Notes.size() > B.Notes.size();
                     return NotesKey(A) < NotesKey(B);
                   });
  // Each unit lists the copies the type fix-it rejects in its own code:
  // the one kept lists them all.
  for (auto First = Errors.begin(); First != Errors.end();) {
    auto Last = std::find_if(First, Errors.end(), [&](const ClangTidyError &E) {
      return Key(E) != Key(*First);
    });
    for (auto Other = std::next(First); Other != Last; ++Other)
      mergeRejectedUseNotes(First->Notes, Other->Notes);
    First = Last;
  }
  Errors.erase(
      std::unique(Errors.begin(), Errors.end(),
                  [&](const ClangTidyError &A, const ClangTidyError &B) {
                    return Key(A) == Key(B);
                  }),
      Errors.end());
  return Errors;
}

std::string relativePath(StringRef File, StringRef Root) {
  SmallString<256> Path(File);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  if (!Root.empty()) {
    SmallString<256> Prefix(Root);
    sys::path::remove_dots(Prefix, true);
    if (!Prefix.ends_with("/"))
      Prefix += "/";
    if (StringRef(Path).starts_with(Prefix))
      return StringRef(Path).drop_front(Prefix.size()).str();
  }
  return std::string(Path);
}

StringRef PositionResolver::fingerprint(StringRef Key,
                                        function_ref<std::string()> Compute) {
  auto [It, Inserted] = Fingerprints.try_emplace(Key);
  if (Inserted)
    It->second = Compute();
  return It->second;
}

bool isPathStep(StringRef Note) {
  return Note.contains(" is pinned here: ") ||
         Note.contains(" is pinned from its construction: ") ||
         Note.contains(" is set here ") || Note.contains(" escapes here") ||
         Note.contains(" hands out ") || Note.contains(" hands the object's") ||
         Note.contains(" owns the object through 'pin::Pin'") ||
         (Note.contains(" points '") && Note.contains(" into "));
}

static std::string hash(StringRef Text) {
  return utohexstr(xxh3_64bits(Text), /*LowerCase=*/true, /*Width=*/16);
}

std::string lineFingerprint(const ClangTidyError &Error, StringRef Root,
                            PositionResolver &Positions) {
  SourcePosition Position =
      Positions.resolve(Error.Message.FilePath, Error.Message.FileOffset);
  std::string Path = relativePath(Error.Message.FilePath, Root);
  std::string Key = "line\n" + Error.DiagnosticName + "\n" + Path + "\n" +
                    std::to_string(Position.Line);
  return Positions
      .fingerprint(
          Key,
          [&] {
            return hash(
                Error.DiagnosticName + "\n" + Path + "\n" +
                Positions.lineText(Position.File, Position.Line).trim().str());
          })
      .str();
}

std::string fingerprint(const ClangTidyError &Error, StringRef Root,
                        PositionResolver &Positions) {
  SourcePosition Position =
      Positions.resolve(Error.Message.FilePath, Error.Message.FileOffset);
  std::string Path = relativePath(Error.Message.FilePath, Root);
  std::string Text =
      Error.DiagnosticName + "\n" + Path + "\n" + Error.Message.Message + "\n" +
      Positions.lineText(Position.File, Position.Line).trim().str();
  for (const auto &Note : Error.Notes) {
    if (Note.FilePath.empty() || !isPathStep(Note.Message))
      continue;
    SourcePosition Step = Positions.resolve(Note.FilePath, Note.FileOffset);
    Text += "\n" + relativePath(Note.FilePath, Root) + "\n" +
            Positions.lineText(Step.File, Step.Line).trim().str();
  }
  // The text is the key: thousands of findings on one long line hash it
  // once, not once each.
  return Positions.fingerprint(Text, [&] { return hash(Text); }).str();
}

} // namespace pincheck
