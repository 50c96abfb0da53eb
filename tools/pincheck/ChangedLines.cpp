//===--- ChangedLines.cpp - The lines a change touches --------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "ChangedLines.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <algorithm>
#include <optional>

using namespace llvm;

namespace pincheck {

static Error patchError(const Twine &Why) {
  return createStringError(inconvertibleErrorCode(), Why);
}

/// `+++ b/src/a.cpp\t2024-...` names `src/a.cpp`; `+++ /dev/null` a file
/// the change deletes.
static std::optional<std::string> newSidePath(StringRef Header) {
  StringRef Path = Header.drop_front(4);
  Path = Path.split('\t').first.rtrim();
  if (Path == "/dev/null")
    return std::nullopt;
  if (Path.size() > 1 && Path.starts_with("\"") && Path.ends_with("\""))
    Path = Path.drop_front().drop_back();
  Path.consume_front("b/");
  return Path.str();
}

Expected<ChangedLines> ChangedLines::fromPatch(StringRef Text, StringRef Root) {
  ChangedLines Result;
  std::optional<std::string> File;
  bool SawHunk = false;
  SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    StringRef Line = Lines[I].rtrim('\r');
    if (Line.starts_with("+++ ")) {
      File = newSidePath(Line);
      if (File) {
        SmallString<256> Absolute(*File);
        if (!sys::path::is_absolute(Absolute)) {
          Absolute = Root;
          sys::path::append(Absolute, *File);
        }
        sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
        File = std::string(Absolute);
        Result.Ranges.try_emplace(*File);
      }
      continue;
    }
    if (!Line.starts_with("@@ "))
      continue;
    // @@ -a[,b] +c[,d] @@
    SawHunk = true;
    StringRef New = Line.drop_front(3).split(' ').second.split(' ').first;
    unsigned Start = 0, Count = 1;
    StringRef StartText = New.drop_front().split(',').first;
    StringRef CountText = New.contains(',') ? New.split(',').second : "";
    if (!New.starts_with("+") || StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      return patchError("malformed hunk header '" + Line + "'");
    if (!File)
      continue; // A deleted file, or a hunk before any file header.
    if (Count > 0)
      Result.Ranges[*File].emplace_back(Start, Start + Count - 1);
  }
  if (!SawHunk && !Text.trim().empty())
    return patchError("not a unified diff: no '@@' hunk header");
  for (auto &Entry : Result.Ranges)
    llvm::sort(Entry.second);
  return Result;
}

/// Runs `Args` and returns its standard output, or an error with its
/// standard error's last line.
static Expected<std::string> capture(ArrayRef<StringRef> Args) {
  SmallString<128> Out, Err;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("pincheck-git", "out", Out))
    return errorCodeToError(EC);
  if (std::error_code EC =
          sys::fs::createTemporaryFile("pincheck-git", "err", Err)) {
    sys::fs::remove(Out);
    return errorCodeToError(EC);
  }
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(Out),
                                          StringRef(Err)};
  std::string Message;
  const int Status = sys::ExecuteAndWait(Args[0], Args, std::nullopt, Redirects,
                                         0, 0, &Message);
  auto Read = [](StringRef Path) {
    auto Buffer = MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  std::string Output = Read(Out), Errors = Read(Err);
  sys::fs::remove(Out);
  sys::fs::remove(Err);
  if (Status != 0) {
    StringRef Why = StringRef(Errors).trim();
    Why = Why.substr(Why.rfind('\n') + 1);
    return patchError(Why.empty() ? StringRef(Message) : Why);
  }
  return Output;
}

Expected<ChangedLines> ChangedLines::fromGit(StringRef Ref, StringRef Dir) {
  ErrorOr<std::string> Git = sys::findProgramByName("git");
  if (!Git)
    return patchError("--diff needs git, which is not on PATH");
  Expected<std::string> Top =
      capture({*Git, "-C", Dir, "rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  Expected<std::string> Diff =
      capture({*Git, "-C", Dir, "diff", "-U0", "--no-color", "--no-ext-diff",
               "--no-renames", Ref, "--"});
  if (!Diff)
    return Diff.takeError();
  return fromPatch(*Diff, StringRef(*Top).trim());
}

bool ChangedLines::contains(StringRef File, unsigned Line) const {
  SmallString<256> Path(File);
  sys::fs::make_absolute(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  auto It = Ranges.find(Path);
  if (It == Ranges.end())
    return false;
  const auto &List = It->second;
  auto After = llvm::upper_bound(
      List, Line, [](unsigned L, const std::pair<unsigned, unsigned> &Range) {
        return L < Range.first;
      });
  return After != List.begin() && std::prev(After)->second >= Line;
}

bool ChangedLines::touches(const clang::tidy::ClangTidyError &Finding,
                           PositionResolver &Positions) const {
  auto At = [&](StringRef File, unsigned Offset) {
    if (File.empty())
      return false;
    return contains(File, Positions.resolve(File, Offset).Line);
  };
  if (At(Finding.Message.FilePath, Finding.Message.FileOffset))
    return true;
  return llvm::any_of(Finding.Notes, [&](const auto &Note) {
    return isPathStep(Note.Message) && At(Note.FilePath, Note.FileOffset);
  });
}

} // namespace pincheck
