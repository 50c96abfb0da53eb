//===--- Server.h - The relay between the editor and clangd ---------------===//
//
// Part of pincheck. pincheck-clangd sits between the editor (the LSP
// client) and the real clangd. It forwards every message both ways as the
// exact bytes received, except two kinds it merges pincheck's results into:
// clangd's `textDocument/publishDiagnostics` notifications and its replies
// to `textDocument/codeAction` requests. It keeps the text of the open
// documents from `didOpen`/`didChange`/`didClose`, and analyses a document
// on a worker thread on open, on save, and once edits pause.
//
// Threads: one reader per direction and one analysis worker. Writes to the
// client are whole frames under a lock; publishing diagnostics (merged or
// our own) is serialised so the client's last message for a document is
// always the latest merge. Lock order: the publish lock, then the state
// lock.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_SERVER_H
#define PINCHECK_CLANGD_SERVER_H

#include "Analyzer.h"
#include "CompileCommands.h"
#include "Transport.h"
#include "llvm/ADT/StringMap.h"
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace pincheck {

struct ServerOptions {
  /// Wait this long after the last edit before analysing.
  std::chrono::milliseconds Debounce{500};
  /// For tests: wait this long after an analysis before using its results,
  /// so that a newer version can arrive meanwhile.
  std::chrono::milliseconds HoldResults{0};
};

class Server {
public:
  Server(ServerOptions Options, const Analyzer &Analysis,
         CompileCommands &Commands, int ClientIn, int ClientOut, int ClangdIn,
         int ClangdOut);

  /// Relays until clangd's output ends. The client's messages are relayed
  /// on a thread of its own and analyses run on a worker; neither is joined
  /// (the caller exits the process).
  void run();

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
    std::optional<std::chrono::steady_clock::time_point> AnalysisDue;
    /// The generation `Findings` were computed for; 0 for none.
    uint64_t FindingsGeneration = 0;
    std::vector<Finding> Findings;
    /// clangd's diagnostics as last published.
    std::optional<llvm::json::Array> ClangdDiagnostics;
    /// pincheck's diagnostics as the client last received them, serialised.
    std::string PublishedPincheck;
  };

  struct PendingCodeAction {
    std::string Path;
    Range Requested;
    bool WantsQuickFixes = true;
  };

  void relayClientToClangd();
  void relayClangdToClient();
  void analyseDocuments();

  void noteClientMessage(const llvm::json::Object &Message);
  void noteInitialize(const llvm::json::Object &Params);
  void noteCompilationDatabaseChanges(const llvm::json::Object *Changes);
  void schedule(Document &Doc, std::chrono::milliseconds Delay);
  void scheduleAll(std::chrono::milliseconds Delay);

  /// Forwards clangd's publishDiagnostics with pincheck's merged in.
  void forwardDiagnostics(const Frame &Received, llvm::json::Object &Message);
  /// Forwards clangd's codeAction reply with pincheck's quick fixes added.
  void forwardCodeActions(const Frame &Received, llvm::json::Object &Message,
                          const PendingCodeAction &Request);
  /// Publishes after an analysis when pincheck's part changed.
  void publishFindings(const std::string &Path);

  /// The valid findings' diagnostics: none when they are for an older text.
  static llvm::json::Array pincheckDiagnostics(const Document &Doc);
  llvm::json::Value workspaceEdit(const QuickFix &Fix,
                                  const Document &Doc) const;

  ServerOptions Options;
  const Analyzer &Analysis;
  CompileCommands &Commands;
  int ClientIn, ClangdIn, ClangdOut;
  FrameWriter ToClient, ToClangd;

  std::mutex PublishMutex;
  std::mutex StateMutex;
  std::condition_variable WorkReady;
  // Guarded by StateMutex.
  llvm::StringMap<Document> Documents;
  uint64_t LastGeneration = 0;
  ClientCapabilities Client;
  std::optional<std::string> InitializeId;
  llvm::StringMap<PendingCodeAction> PendingCodeActions;
};

/// When clangd cannot be started: answers `initialize` (and every other
/// request) with an error carrying `Reason`, so that the editor shows it,
/// until the client sends `exit` or closes the input. Returns the exit
/// status, 1.
int answerWithoutClangd(int ClientIn, int ClientOut, llvm::StringRef Reason);

} // namespace pincheck

#endif // PINCHECK_CLANGD_SERVER_H
