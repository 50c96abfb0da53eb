//===--- Report.h - Machine-readable output: JSON and SARIF ---------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_REPORT_H
#define PINCHECK_TOOLS_REPORT_H

#include "Findings.h"
#include "llvm/Support/raw_ostream.h"

namespace pincheck {

struct ReportOptions {
  /// Paths are written relative to it (SARIF's %SRCROOT%).
  std::string SourceRoot;
  /// Where the check pages live: `<base><check>.md` is a rule's help URI.
  std::string DocsBaseUrl;
  std::string Version;
};

/// pincheck's own JSON: one object per finding, with notes and fixes.
void writeJson(llvm::raw_ostream &OS,
               llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
               const ReportOptions &Options, PositionResolver &Positions);

/// SARIF 2.1.0, one run, as GitHub code scanning accepts it: rules with
/// help, results with level, message, location relative to %SRCROOT%,
/// related locations for notes, fixes, and partial fingerprints.
void writeSarif(llvm::raw_ostream &OS,
                llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
                const ReportOptions &Options, PositionResolver &Positions);

} // namespace pincheck

#endif // PINCHECK_TOOLS_REPORT_H
