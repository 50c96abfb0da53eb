//===--- Baseline.h - Findings accepted when pincheck was adopted ---------===//
//
// Part of pincheck. A baseline lists findings by check, file and a
// fingerprint of the flagged line's text, so that edits elsewhere in a file
// keep old findings matched while new ones fail the run.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_BASELINE_H
#define PINCHECK_TOOLS_BASELINE_H

#include "Findings.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace pincheck {

struct BaselineEntry {
  std::string Check;
  std::string File; // Relative to the source root.
  std::string Fingerprint;
  bool operator<(const BaselineEntry &Other) const {
    return std::tie(Check, File, Fingerprint) <
           std::tie(Other.Check, Other.File, Other.Fingerprint);
  }
};

class Baseline {
public:
  /// The version of the format that `write` writes and `read` reads.
  static constexpr int64_t FormatVersion = 1;

  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  static llvm::Error write(llvm::StringRef Path,
                           std::vector<BaselineEntry> Entries);

  /// Consumes a matching entry: the finding is suppressed. Each entry
  /// suppresses one finding.
  bool suppress(const BaselineEntry &Finding);
  /// Entries that matched no finding.
  unsigned stale() const;

private:
  std::map<BaselineEntry, unsigned> Remaining;
};

/// The findings of a run, sorted out against the baseline.
struct BaselineOutcome {
  /// Compile errors, and the findings the baseline does not accept.
  std::vector<clang::tidy::ClangTidyError> Reported;
  /// Every finding, as a baseline entry (for --write-baseline).
  std::vector<BaselineEntry> Current;
  unsigned SuppressedByBaseline = 0;
  bool CompileError = false;
};

/// The baseline phase: matches each finding of `Errors` against `Accepted`
/// (which may be null: no baseline), with paths relative to `Root`.
BaselineOutcome applyBaseline(std::vector<clang::tidy::ClangTidyError> Errors,
                              Baseline *Accepted, llvm::StringRef Root,
                              PositionResolver &Positions);

} // namespace pincheck

#endif // PINCHECK_TOOLS_BASELINE_H
