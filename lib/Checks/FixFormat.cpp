//===--- FixFormat.cpp - Fix-its in the style of the file they edit -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/FixFormat.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"

using namespace clang;

namespace pincheck {

std::vector<FixItHint> formatFixes(std::vector<FixItHint> Fixes,
                                   const SourceManager &SM,
                                   const LangOptions &LangOpts) {
  if (Fixes.empty())
    return Fixes;
  const SourceLocation First = Fixes.front().RemoveRange.getBegin();
  if (First.isInvalid() || First.isMacroID())
    return Fixes;
  const FileID File = SM.getFileID(First);
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return Fixes;
  tooling::Replacements Edits;
  for (const FixItHint &Fix : Fixes) {
    const CharSourceRange &Range = Fix.RemoveRange;
    if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID() ||
        SM.getFileID(Range.getBegin()) != File)
      return Fixes;
    if (llvm::Error E = Edits.add(
            tooling::Replacement(SM, Range, Fix.CodeToInsert, LangOpts))) {
      llvm::consumeError(std::move(E));
      return Fixes;
    }
  }
  // No `.clang-format` for the file: "none", and the fixes stay as the
  // check indented them.
  StringRef Code = SM.getBufferData(File);
  llvm::Expected<format::FormatStyle> Style =
      format::getStyle("file", Entry->getName(), "none", Code,
                       &SM.getFileManager().getVirtualFileSystem());
  if (!Style) {
    llvm::consumeError(Style.takeError());
    return Fixes;
  }
  if (Style->DisableFormat)
    return Fixes;
  llvm::Expected<tooling::Replacements> Formatted =
      format::formatReplacements(Code, Edits, *Style);
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return Fixes;
  }
  std::vector<FixItHint> Result;
  const SourceLocation Start = SM.getLocForStartOfFile(File);
  for (const tooling::Replacement &Edit : *Formatted) {
    const SourceLocation Begin = Start.getLocWithOffset(Edit.getOffset());
    // An empty range is an insertion: clang's -fixit (LLVM 19) applies no
    // replacement of nothing.
    Result.push_back(
        Edit.getLength() == 0
            ? FixItHint::CreateInsertion(Begin, Edit.getReplacementText())
            : FixItHint::CreateReplacement(
                  CharSourceRange::getCharRange(
                      Begin, Begin.getLocWithOffset(Edit.getLength())),
                  Edit.getReplacementText()));
  }
  return Result;
}

} // namespace pincheck
