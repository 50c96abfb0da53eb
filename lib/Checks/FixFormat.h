//===--- FixFormat.h - Fix-its in the style of the file they edit ---------===//
//
// Part of pincheck. The code a fix-it inserts (declarations, members) is
// formatted with the `.clang-format` found for the file it edits, so that it
// reads as the project's own code in every frontend and in exported fixes
// (docs/decisions.md, "Fix-its in the project's style").
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_FIXFORMAT_H
#define PINCHECK_CHECKS_FIXFORMAT_H

#include "clang/Basic/Diagnostic.h"
#include <vector>

namespace clang {
class LangOptions;
class SourceManager;
} // namespace clang

namespace pincheck {

/// `Fixes`, all in one file, with the lines they touch formatted in the
/// style of the `.clang-format` found for that file. Unchanged when none is
/// found (or it disables formatting), or when the fixes cannot be formatted
/// (macros, several files, overlapping edits).
std::vector<clang::FixItHint> formatFixes(std::vector<clang::FixItHint> Fixes,
                                          const clang::SourceManager &SM,
                                          const clang::LangOptions &LangOpts);

} // namespace pincheck

#endif // PINCHECK_CHECKS_FIXFORMAT_H
