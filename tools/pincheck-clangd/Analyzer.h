//===--- Analyzer.h - One document through the clang-tidy engine ----------===//
//
// Part of pincheck. Runs pincheck's checks on a snapshot of an open document
// (its unsaved text laid over the file system) and returns the findings in
// the document's own terms: files and byte offsets. LspFindings.h turns them
// into LSP diagnostics and quick fixes. It runs in the worker process
// (AnalysisWorker.h), which a crash ends.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_ANALYZER_H
#define PINCHECK_CLANGD_ANALYZER_H

#include "TidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace pincheck {

/// Bytes of a file; `File` is absolute, without `.` or `..`.
struct FileSpan {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
};

/// One replacement of a fix-it.
struct TextEdit {
  FileSpan Replaced;
  std::string NewText;
};

/// A note of a finding, with its fix-it if it has one.
struct FindingNote {
  std::string Message;
  /// Where it points; a Length of 0 marks only the location.
  FileSpan At;
  std::vector<TextEdit> Fix;
};

/// A finding of pincheck in the analysed document.
struct DocumentFinding {
  std::string Check;
  std::string Message;
  /// WarningsAsErrors names the check.
  bool AsError = false;
  /// In the document; the range the check attached, or only the location
  /// (Length 0).
  FileSpan At;
  std::vector<FindingNote> Notes;
  std::vector<TextEdit> Fix;
};

struct AnalysisInput {
  std::string Path; ///< Absolute, without `.` or `..`.
  std::string Text;
  clang::tooling::CompileCommand Command;
  /// The fact store of whole-program analysis; empty for none.
  std::string FactStore;
};

struct AnalysisResult {
  /// The findings located in the document itself.
  std::vector<DocumentFinding> Findings;
  unsigned CompileErrors = 0;
};

class Analyzer {
public:
  explicit Analyzer(TidySettings Settings);
  AnalysisResult analyse(const AnalysisInput &Input) const;

private:
  TidySettings Settings;
};

} // namespace pincheck

#endif // PINCHECK_CLANGD_ANALYZER_H
