//===--- Summary.h - The line that ends every run -------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_SUMMARY_H
#define PINCHECK_TOOLS_PINCHECK_SUMMARY_H

#include "Analysis.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>
#include <string>

namespace pincheck {

/// What the summary line reports.
class RunSummary {
public:
  RunSummary(size_t Units, unsigned SuppressedByNolint)
      : Units(Units), SuppressedByNolint(SuppressedByNolint) {}

  /// Counts the findings (not the compile errors) among `Reported`.
  void countFindings(llvm::ArrayRef<clang::tidy::ClangTidyError> Reported);
  void setBaseline(unsigned Suppressed, unsigned Stale) {
    Baseline = BaselineCounts{Suppressed, Stale};
  }
  void setWholeProgram(const WholeProgramStats &Stats) { WholeProgram = Stats; }
  /// --diff: findings left out because no line of theirs changed.
  void setUnchanged(unsigned Count) { Unchanged = Count; }
  unsigned findings() const { return Findings; }

  /// `pincheck: 3 translation units, 2 findings (...); ...; 1.2 s`.
  void print(llvm::raw_ostream &OS, double Seconds) const;

private:
  struct BaselineCounts {
    unsigned Suppressed;
    unsigned Stale;
  };
  size_t Units;
  unsigned SuppressedByNolint;
  unsigned Findings = 0;
  std::map<std::string, unsigned> ByCheck;
  std::optional<BaselineCounts> Baseline;
  std::optional<WholeProgramStats> WholeProgram;
  std::optional<unsigned> Unchanged;
};

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_SUMMARY_H
