//===--- DocumentStore.h - The open documents and their findings ----------===//
//
// Part of pincheck. pincheck-clangd's copy of every open document: its text
// (kept in step with the client's edits), its version, a generation that
// counts every change to the text, pincheck's findings for one generation,
// and clangd's latest diagnostics, with which pincheck's are published.
// Thread-safe: the client's reader, clangd's reader and the analysis
// scheduler all use it.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_DOCUMENTSTORE_H
#define PINCHECK_CLANGD_DOCUMENTSTORE_H

#include "LspFindings.h"
#include "SourceText.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace pincheck {

/// A document's text as one analysis sees it.
struct DocumentSnapshot {
  DocumentText Text;
  int64_t Version = 0;
  uint64_t Generation = 0;
};

/// The current findings that a code action request's range touches.
struct TouchedFindings {
  std::string Uri;
  int64_t Version = 0;
  std::vector<Finding> Findings;
};

/// What to publish for a document: clangd's latest diagnostics plus
/// pincheck's.
struct Publication {
  std::string Uri;
  int64_t Version = 0;
  llvm::json::Array Diagnostics;
};

class DocumentStore {
public:
  /// didOpen: the document, afresh.
  void open(llvm::StringRef Path, std::string Uri, std::string Text,
            int64_t Version);
  /// didChange: applies `Changes` (TextDocumentContentChangeEvents) in
  /// `Encoding`. False if the document is not open. An edit that cannot be
  /// applied pauses the document's analyses until its whole text comes.
  bool change(llvm::StringRef Path, const llvm::json::Array &Changes,
              std::optional<int64_t> Version, PositionEncoding Encoding);
  /// didSave, with the text when the client includes it. False if the
  /// document is not open.
  bool save(llvm::StringRef Path, std::optional<llvm::StringRef> Text);
  void close(llvm::StringRef Path);
  std::vector<std::string> paths() const;

  /// The text to analyse; nothing when the document is closed or its text
  /// out of step with the client's.
  std::optional<DocumentSnapshot> snapshot(llvm::StringRef Path) const;
  /// Keeps `Findings`, computed for `Generation`; false (and dropped) when
  /// the document changed or closed since.
  bool setFindings(llvm::StringRef Path, uint64_t Generation,
                   std::vector<Finding> Findings);

  /// clangd published `ClangdDiagnostics` for the document: they are kept,
  /// and pincheck's current diagnostics, which go out with them, returned
  /// (none for a document that is not open).
  llvm::json::Array mergeWithClangd(llvm::StringRef Path,
                                    const llvm::json::Array &ClangdDiagnostics);
  /// What to publish when pincheck's diagnostics for the document differ
  /// from those the client last received; nothing otherwise.
  std::optional<Publication> publicationIfChanged(llvm::StringRef Path);
  /// The current findings whose range touches `Requested`.
  std::optional<TouchedFindings> findingsTouching(llvm::StringRef Path,
                                                  const Range &Requested) const;

private:
  struct Document {
    std::string Uri; ///< As the client names it.
    std::string Text;
    int64_t Version = 0;
    /// Counts every change to the text, so that results of an older text
    /// are recognised even when the client reuses version numbers.
    uint64_t Generation = 0;
    /// False once an edit could not be applied; a full-text change repairs.
    bool TextValid = true;
    /// The generation `Findings` were computed for; 0 for none.
    uint64_t FindingsGeneration = 0;
    std::vector<Finding> Findings;
    /// clangd's diagnostics as last published.
    std::optional<llvm::json::Array> ClangdDiagnostics;
    /// pincheck's diagnostics as the client last received them, serialised.
    std::string PublishedPincheck;

    /// The findings, if they are for the current text.
    llvm::ArrayRef<Finding> currentFindings() const;
  };

  mutable std::mutex Mutex;
  llvm::StringMap<Document> Documents;
  uint64_t LastGeneration = 0;
};

} // namespace pincheck

#endif // PINCHECK_CLANGD_DOCUMENTSTORE_H
