//===--- LspFindings.h - pincheck's findings in LSP terms -----------------===//
//
// Part of pincheck. The one place where findings become LSP JSON: the
// diagnostics merged into clangd's publishDiagnostics, the quick fixes
// added to its codeAction replies, and the workspace edits they carry.
// Positions are converted from byte offsets in the negotiated encoding.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_LSPFINDINGS_H
#define PINCHECK_CLANGD_LSPFINDINGS_H

#include "Analyzer.h"
#include "SourceText.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <string>
#include <vector>

namespace pincheck {

/// What the client can take.
struct ClientCapabilities {
  PositionEncoding Encoding = PositionEncoding::UTF16;
  bool RelatedInformation = false;
  bool CodeActionLiterals = false;
  bool DocumentChanges = false;
};

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

/// The analysed text of a document.
struct DocumentText {
  std::string Path; ///< Absolute, without `.` or `..`.
  std::string Uri;  ///< As the client names the document.
  std::string Text;
};

/// The findings of `Document` as LSP diagnostics and quick fixes; notes and
/// fix-its in other files are located in those files as they are on disk.
/// Check names link to `<DocsBaseUrl><check>.md`.
std::vector<Finding> toLspFindings(llvm::ArrayRef<DocumentFinding> Findings,
                                   const DocumentText &Document,
                                   const ClientCapabilities &Client,
                                   llvm::StringRef DocsBaseUrl);

/// The diagnostics of `Findings`, in order.
llvm::json::Array diagnosticsOf(llvm::ArrayRef<Finding> Findings);

/// The `quickfix` code actions of `Findings`, whose edits name the document
/// `Uri` at `Version`.
llvm::json::Array codeActions(llvm::ArrayRef<Finding> Findings,
                              const ClientCapabilities &Client,
                              llvm::StringRef Uri, int64_t Version);

/// A `textDocument/publishDiagnostics` notification.
llvm::json::Object publishDiagnostics(llvm::StringRef Uri, int64_t Version,
                                      llvm::json::Array Diagnostics);

} // namespace pincheck

#endif // PINCHECK_CLANGD_LSPFINDINGS_H
