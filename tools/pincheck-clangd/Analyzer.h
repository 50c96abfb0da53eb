//===--- Analyzer.h - One document through the clang-tidy engine ----------===//
//
// Part of pincheck. Runs pincheck's checks on a snapshot of an open document
// (its unsaved text laid over the file system) and turns the findings into
// LSP diagnostics and quick fixes.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_ANALYZER_H
#define PINCHECK_CLANGD_ANALYZER_H

#include "SourceText.h"
#include "TidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <string>
#include <vector>

namespace pincheck {

/// A fix-it as an LSP quick fix.
struct QuickFix {
  std::string Title;
  /// The warning's own fix-it; fix-its of notes may change the program's
  /// meaning and are never preferred.
  bool Preferred = false;
  /// Text edits by document URI.
  std::map<std::string, llvm::json::Array> Edits;
};

/// One finding in LSP terms.
struct Finding {
  Range Where;
  /// The LSP Diagnostic as published.
  llvm::json::Object Diagnostic;
  std::vector<QuickFix> Fixes;
};

/// What the client can take.
struct ClientCapabilities {
  PositionEncoding Encoding = PositionEncoding::UTF16;
  bool RelatedInformation = false;
  bool CodeActionLiterals = false;
  bool DocumentChanges = false;
};

struct AnalysisInput {
  std::string Path; ///< Absolute, without `.` or `..`.
  std::string Uri;  ///< As the client names the document.
  std::string Text;
  clang::tooling::CompileCommand Command;
  ClientCapabilities Client;
};

struct AnalysisResult {
  std::vector<Finding> Findings;
  unsigned CompileErrors = 0;
  /// The analysis crashed; nothing was found.
  bool Crashed = false;
};

class Analyzer {
public:
  Analyzer(TidySettings Settings, std::string DocsBaseUrl);
  AnalysisResult analyse(const AnalysisInput &Input) const;

private:
  TidySettings Settings;
  std::string DocsBaseUrl;
};

} // namespace pincheck

#endif // PINCHECK_CLANGD_ANALYZER_H
