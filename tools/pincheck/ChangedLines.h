//===--- ChangedLines.h - The lines a change touches ----------------------===//
//
// Part of pincheck. --diff=REF and --diff-file=PATCH: the lines a unified
// diff adds or changes, by file, so that a pull request sees only the
// findings it introduces (docs/ci.md).
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_CHANGEDLINES_H
#define PINCHECK_TOOLS_CHANGEDLINES_H

#include "Findings.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <utility>
#include <vector>

namespace pincheck {

class ChangedLines {
public:
  /// The new side's lines of a unified diff (`git diff`, `diff -u`,
  /// clang-tidy-diff's input); paths lose a leading `b/` and are taken
  /// relative to `Root`.
  static llvm::Expected<ChangedLines> fromPatch(llvm::StringRef Text,
                                                llvm::StringRef Root);
  /// `git diff REF` of the working tree of the repository around `Dir`.
  static llvm::Expected<ChangedLines> fromGit(llvm::StringRef Ref,
                                              llvm::StringRef Dir);

  /// Whether line `Line` (1-based) of `File` (absolute) is added or
  /// changed.
  bool contains(llvm::StringRef File, unsigned Line) const;

  /// Whether the finding is on a changed line, or its path goes through
  /// one: a move on a changed line pinned on an unchanged one counts, and
  /// so does the reverse.
  bool touches(const clang::tidy::ClangTidyError &Finding,
               PositionResolver &Positions) const;

private:
  /// By absolute path: sorted, disjoint [first, last] ranges.
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Ranges;
};

} // namespace pincheck

#endif // PINCHECK_TOOLS_CHANGEDLINES_H
