//===--- Summary.cpp - The line that ends every run -----------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Summary.h"
#include "Findings.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

void RunSummary::countFindings(ArrayRef<ClangTidyError> Reported) {
  for (const ClangTidyError &Error : Reported)
    if (!isCompileError(Error)) {
      ++ByCheck[Error.DiagnosticName];
      ++Findings;
    }
}

/// "1 finding", "2 findings".
static std::string counted(size_t Count, StringRef Singular, StringRef Plural) {
  return std::to_string(Count) + " " + (Count == 1 ? Singular : Plural).str();
}

void RunSummary::print(raw_ostream &OS, double Seconds) const {
  std::string PerCheck;
  for (const auto &[Check, Count] : ByCheck)
    PerCheck +=
        (PerCheck.empty() ? " (" : ", ") + Check + ": " + std::to_string(Count);
  if (!PerCheck.empty())
    PerCheck += ")";
  OS << "pincheck: " << counted(Units, "translation unit", "translation units")
     << ", " << counted(Findings, "finding", "findings") << PerCheck << "; "
     << SuppressedByNolint << " suppressed by NOLINT";
  if (Baseline)
    OS << ", " << Baseline->Suppressed << " by the baseline ("
       << counted(Baseline->Stale, "stale baseline entry",
                  "stale baseline entries")
       << ")";
  if (Unchanged)
    OS << ", " << *Unchanged << " on unchanged lines";
  if (WholeProgram)
    OS << "; facts of " << WholeProgram->FactsReused << " reused, "
       << WholeProgram->Summarised << " summarised; findings of "
       << counted(WholeProgram->FindingsReused, "unit", "units") << " reused";
  OS << "; " << formatv("{0:f1}", Seconds) << " s\n";
}

} // namespace pincheck
