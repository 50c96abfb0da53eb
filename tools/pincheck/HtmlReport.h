//===--- HtmlReport.h - A static site of the findings ---------------------===//
//
// Part of pincheck. --format=html --output=DIR: an index of the findings by
// check, file and type, and a page per finding with the source around it,
// the path from the pin to the move numbered on it, the notes in place and
// the fix-it as a diff. No server, no scripts, no network: it opens from
// file:// (docs/ci.md, "The HTML report").
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_HTMLREPORT_H
#define PINCHECK_TOOLS_HTMLREPORT_H

#include "Findings.h"
#include "Report.h"
#include "llvm/Support/Error.h"

namespace pincheck {

/// Writes the report into `Directory`, replacing an earlier pincheck
/// report there; a directory that holds anything else is left alone (an
/// error). The site is built beside it and renamed into place, so a failed
/// run leaves the earlier report whole.
llvm::Error writeHtml(llvm::StringRef Directory,
                      llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                      const ReportOptions &Options,
                      PositionResolver &Positions);

} // namespace pincheck

#endif // PINCHECK_TOOLS_HTMLREPORT_H
