//===--- Findings.h - The CLI's view of clang-tidy's results --------------===//
//
// Part of pincheck. Findings from all translation units, merged so that a
// finding in a header is reported once, in a deterministic order, with the
// positions and fingerprints the output formats and the baseline need.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_FINDINGS_H
#define PINCHECK_TOOLS_FINDINGS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace pincheck {

/// A position in a source file, 1-based.
struct SourcePosition {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// Line and column of file offsets, reading each file once; and the
/// fingerprints of findings, computed once per check and line.
class PositionResolver {
public:
  SourcePosition resolve(llvm::StringRef File, unsigned Offset);
  /// The text of the line `Line` of `File`, without its line break.
  llvm::StringRef lineText(llvm::StringRef File, unsigned Line);
  /// The fingerprint memoised under `Key`; `Compute` computes it when it
  /// is new.
  llvm::StringRef fingerprint(llvm::StringRef Key,
                              llvm::function_ref<std::string()> Compute);

private:
  struct FileLines {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts;
  };
  FileLines *load(llvm::StringRef File);
  llvm::StringMap<FileLines> Files;
  /// By check, path and line: thousands of findings on one long line hash
  /// it once, not once each.
  llvm::StringMap<std::string> Fingerprints;
};

/// Sorts by file, offset and check; drops the copies of a finding that
/// several translation units reported (the same header).
std::vector<clang::tidy::ClangTidyError>
mergeFindings(std::vector<clang::tidy::ClangTidyError> Errors);

/// Whether the error is a compile error rather than a finding.
bool isCompileError(const clang::tidy::ClangTidyError &Error);

/// Whether a note is a step of the path to the finding: where the object
/// was pinned, where the interior pointer was set or the address handed out
/// (the notes of pin-move-after-pin and pin-relocating-container that say
/// why). The other notes are advice (fix-its, alternatives) or lists.
bool isPathStep(llvm::StringRef Note);

/// A fingerprint of a finding that survives edits elsewhere in the file and
/// moves of the code: the check, the file relative to `Root`, the message
/// (which names the object and its type), the flagged line's text and the
/// text of its path steps' lines (the pin event), without surrounding white
/// space and without line numbers.
std::string fingerprint(const clang::tidy::ClangTidyError &Error,
                        llvm::StringRef Root, PositionResolver &Positions);

/// The fingerprint of pincheck 0.x before the pin event was part of it:
/// the check, the file and the flagged line's text. Baselines written with
/// it still match.
std::string lineFingerprint(const clang::tidy::ClangTidyError &Error,
                            llvm::StringRef Root, PositionResolver &Positions);

/// `File` relative to `Root` when it is below it, else `File`.
std::string relativePath(llvm::StringRef File, llvm::StringRef Root);

} // namespace pincheck

#endif // PINCHECK_TOOLS_FINDINGS_H
