//===--- MergeReports.h - One report from the shards' reports -------------===//
//
// Part of pincheck. --merge-reports: the JSON reports, SARIF logs or
// baselines of shards of one analysis (--shard=K/N) combined into the one
// the whole run would have written (docs/ci.md, "Sharded CI").
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_MERGEREPORTS_H
#define PINCHECK_TOOLS_MERGEREPORTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace pincheck {

/// What a merge produced.
struct MergedReport {
  /// "JSON report", "SARIF log" or "baseline".
  std::string Kind;
  /// The findings (results, entries) in it.
  size_t Findings = 0;
};

/// Merges `Inputs`, all of one kind, into `Output` (standard output when
/// empty). A finding several shards report (in a header they share) is
/// kept once; identical findings of one shard all stay.
llvm::Expected<MergedReport> mergeReports(llvm::ArrayRef<std::string> Inputs,
                                          llvm::StringRef Output);

} // namespace pincheck

#endif // PINCHECK_TOOLS_MERGEREPORTS_H
