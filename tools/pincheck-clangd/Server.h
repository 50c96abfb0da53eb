//===--- Server.h - The relay between the editor and clangd ---------------===//
//
// Part of pincheck. pincheck-clangd sits between the editor (the LSP
// client) and the real clangd. It forwards every message both ways as the
// exact bytes received, except two kinds it merges pincheck's results into:
// clangd's `textDocument/publishDiagnostics` notifications and its replies
// to `textDocument/codeAction` requests.
//
// The Server is the protocol layer: one handler per LSP method it takes
// note of, found in a table by the method's name, and one handler per reply
// it waits for, found by the request's id. The open documents are in a
// DocumentStore, the analyses are timed by an AnalysisScheduler, and
// findings become LSP JSON in LspFindings.
//
// Threads: one reader per direction and the scheduler's analysis thread.
// Writes to the client are whole frames under a lock; publishing
// diagnostics (merged or our own) is serialised so the client's last
// message for a document is always the latest merge. Lock order: the
// publish lock, then the session lock or the document store's.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_SERVER_H
#define PINCHECK_CLANGD_SERVER_H

#include "AnalysisScheduler.h"
#include "AnalysisWorker.h"
#include "BackgroundFacts.h"
#include "CompileCommands.h"
#include "DocumentStore.h"
#include "LspFindings.h"
#include "Transport.h"
#include "llvm/ADT/StringMap.h"
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <set>

namespace pincheck {

struct ServerOptions {
  /// Wait this long after the last edit before analysing.
  std::chrono::milliseconds Debounce{500};
  /// For tests: wait this long after an analysis before using its results,
  /// so that a newer version can arrive meanwhile.
  std::chrono::milliseconds HoldResults{0};
  /// Diagnostics link to `<DocsBaseUrl><check>.md`.
  std::string DocsBaseUrl;
  /// The CLI that keeps the fact stores current; empty for no
  /// whole-program analysis (clangd's --background-index=false).
  std::string Pincheck;
};

class Server {
public:
  Server(ServerOptions Options, AnalysisWorker &Analysis,
         CompileCommands &Commands, int ClientIn, int ClientOut, int ClangdIn,
         int ClangdOut);

  /// Relays until clangd's output ends. The client's messages are relayed
  /// on a thread of its own and analyses run on the scheduler's; neither is
  /// joined (the caller exits the process).
  void run();

private:
  /// A message from the client, with what its handler needs.
  struct ClientMessage {
    const llvm::json::Object &Message;
    const llvm::json::Object &Params;
    /// The document of `params.textDocument.uri`, normalised.
    std::optional<std::string> Path;
  };
  using ClientHandler = void (Server::*)(const ClientMessage &);
  /// Handles a message of clangd's; true if it forwarded it itself.
  using ClangdHandler =
      std::function<bool(const Frame &Received, llvm::json::Object &Message)>;

  // Client to clangd: notes what the relay needs, then forwards.
  void relayClientToClangd();
  void noteClientMessage(const llvm::json::Object &Message);
  static const llvm::StringMap<ClientHandler> &clientHandlers();
  void onInitialize(const ClientMessage &Received);
  void onDidOpen(const ClientMessage &Received);
  void onDidChange(const ClientMessage &Received);
  void onDidSave(const ClientMessage &Received);
  void onDidClose(const ClientMessage &Received);
  void onCodeAction(const ClientMessage &Received);
  void onDidChangeConfiguration(const ClientMessage &Received);
  void onDidChangeWatchedFiles(const ClientMessage &Received);
  void noteCompilationDatabaseChanges(const llvm::json::Object *Changes);
  void expectReply(const llvm::json::Value &Id, ClangdHandler Handler);
  void scheduleAll(std::chrono::milliseconds Delay);

  // clangd to client: merges where pincheck has something to add.
  void relayClangdToClient();
  bool handleClangdMessage(const Frame &Received);
  std::optional<ClangdHandler> takeReplyHandler(const llvm::json::Value &Id);
  bool onInitializeReply(llvm::json::Object &Message);
  bool onPublishDiagnostics(const Frame &Received, llvm::json::Object &Message);
  bool onCodeActionReply(llvm::json::Object &Message, const std::string &Path,
                         const Range &Requested);
  /// Publishes after an analysis when pincheck's part changed.
  void publishFindings(const std::string &Path);

  // The analysis of one document, on the scheduler's thread.
  void analyseDocument(const std::string &Path);
  /// The fact store for a command from `Source`, refreshed in the
  /// background when its database is new; empty for none.
  std::string factStoreFor(llvm::StringRef Source);
  ClientCapabilities clientCapabilities();

  ServerOptions Options;
  AnalysisWorker &Analysis; // Used by the scheduler's thread only.
  CompileCommands &Commands;
  int ClientIn, ClangdIn, ClangdOut;
  FrameWriter ToClient, ToClangd;
  DocumentStore Documents;
  AnalysisScheduler Scheduler;
  std::unique_ptr<BackgroundFacts> Facts;
  std::mutex FactsMutex;
  /// The databases whose stores are kept current (guarded by FactsMutex).
  std::set<std::string> FactDatabases;

  std::mutex PublishMutex;
  std::mutex SessionMutex;
  // Guarded by SessionMutex.
  ClientCapabilities Client;
  /// The replies of clangd that are handled, by request id.
  llvm::StringMap<ClangdHandler> PendingReplies;
};

/// When clangd cannot be started: answers `initialize` (and every other
/// request) with an error carrying `Reason`, so that the editor shows it,
/// until the client sends `exit` or closes the input. Returns the exit
/// status, 1.
int answerWithoutClangd(int ClientIn, int ClientOut, llvm::StringRef Reason);

} // namespace pincheck

#endif // PINCHECK_CLANGD_SERVER_H
