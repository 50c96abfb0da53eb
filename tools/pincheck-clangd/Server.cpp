//===--- Server.cpp - The relay between the editor and clangd -------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Server.h"
#include "JsonText.h"
#include "Logger.h"
#include "Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <thread>
#include <unistd.h>

using namespace clang;
using namespace llvm;

namespace pincheck {

/// A request id as a map key: `1` and `"1"` are different ids.
static std::string idKey(const json::Value &Id) { return toJsonText(Id); }

static const json::Object *objectAt(const json::Object *Object,
                                    std::initializer_list<StringRef> Keys) {
  for (StringRef Key : Keys) {
    if (!Object)
      return nullptr;
    Object = Object->getObject(Key);
  }
  return Object;
}

/// The document path of a `file:` URI, normalised; nothing for other URIs.
static std::optional<std::string> documentPath(StringRef Uri) {
  std::optional<std::string> Path = pathFromUri(Uri);
  if (!Path)
    return std::nullopt;
  return normalizedPath(*Path, "");
}

Server::Server(ServerOptions Options, AnalysisWorker &Analysis,
               CompileCommands &Commands, int ClientIn, int ClientOut,
               int ClangdIn, int ClangdOut)
    : Options(std::move(Options)), Analysis(Analysis), Commands(Commands),
      ClientIn(ClientIn), ClangdIn(ClangdIn), ClangdOut(ClangdOut),
      ToClient(ClientOut), ToClangd(ClangdIn),
      Scheduler([this](const std::string &Path) { analyseDocument(Path); }) {
  if (!this->Options.Pincheck.empty())
    Facts = std::make_unique<BackgroundFacts>(
        this->Options.Pincheck, [this](const std::string &) {
          scheduleAll(std::chrono::milliseconds(0));
        });
}

void Server::run() {
  std::thread([this] { relayClientToClangd(); }).detach();
  Scheduler.start();
  relayClangdToClient();
}

//===----------------------------------------------------------------------===//
// Client to clangd
//===----------------------------------------------------------------------===//

void Server::relayClientToClangd() {
  FrameReader Reader(ClientIn);
  while (std::optional<Frame> Received = Reader.read()) {
    // Bookkeeping first, so that a codeAction request is recorded before
    // clangd can answer it; it does not wait for anything.
    Expected<json::Value> Parsed = json::parse(Received->body());
    if (!Parsed) {
      vlog("a client message is not JSON ({0}); forwarded as is",
           toString(Parsed.takeError()));
    } else if (json::Object *Message = Parsed->getAsObject()) {
      noteClientMessage(*Message);
    }
    if (!ToClangd.writeRaw(Received->Bytes))
      break;
  }
  if (!Reader.error().empty())
    elog("reading from the client: {0}", Reader.error());
  // clangd sees the end of its input and exits; so do we, after it.
  close(ClangdIn);
}

const StringMap<Server::ClientHandler> &Server::clientHandlers() {
  static const StringMap<ClientHandler> Handlers = {
      {"initialize", &Server::onInitialize},
      {"textDocument/didOpen", &Server::onDidOpen},
      {"textDocument/didChange", &Server::onDidChange},
      {"textDocument/didSave", &Server::onDidSave},
      {"textDocument/didClose", &Server::onDidClose},
      {"textDocument/codeAction", &Server::onCodeAction},
      {"workspace/didChangeConfiguration", &Server::onDidChangeConfiguration},
      {"workspace/didChangeWatchedFiles", &Server::onDidChangeWatchedFiles}};
  return Handlers;
}

void Server::noteClientMessage(const json::Object &Message) {
  std::optional<StringRef> Method = Message.getString("method");
  if (!Method)
    return; // A response to one of clangd's requests.
  auto Handler = clientHandlers().find(*Method);
  if (Handler == clientHandlers().end())
    return;
  static const json::Object NoParams;
  const json::Object *Params = Message.getObject("params");
  if (!Params)
    Params = &NoParams;
  std::optional<std::string> Path;
  if (const json::Object *TextDocument = Params->getObject("textDocument"))
    if (std::optional<StringRef> Uri = TextDocument->getString("uri"))
      Path = documentPath(*Uri);
  (this->*Handler->second)(ClientMessage{Message, *Params, Path});
}

void Server::onInitialize(const ClientMessage &Received) {
  if (const json::Value *Id = Received.Message.get("id"))
    expectReply(*Id, [this](const Frame &, json::Object &Reply) {
      return onInitializeReply(Reply);
    });
  const json::Object *Capabilities = Received.Params.getObject("capabilities");
  {
    std::lock_guard<std::mutex> Lock(SessionMutex);
    if (const json::Object *Diagnostics =
            objectAt(Capabilities, {"textDocument", "publishDiagnostics"}))
      Client.RelatedInformation =
          Diagnostics->getBoolean("relatedInformation").value_or(false);
    Client.CodeActionLiterals =
        objectAt(Capabilities, {"textDocument", "codeAction",
                                "codeActionLiteralSupport"}) != nullptr;
    if (const json::Object *Edit =
            objectAt(Capabilities, {"workspace", "workspaceEdit"}))
      Client.DocumentChanges =
          Edit->getBoolean("documentChanges").value_or(false);
  }

  // clangd's initializationOptions that decide compile commands.
  const json::Object *Init = Received.Params.getObject("initializationOptions");
  if (!Init)
    return;
  if (std::optional<StringRef> Dir = Init->getString("compilationDatabasePath"))
    Commands.setCompileCommandsDir(*Dir);
  if (const json::Array *Flags = Init->getArray("fallbackFlags")) {
    std::vector<std::string> Strings;
    for (const json::Value &Flag : *Flags)
      if (std::optional<StringRef> S = Flag.getAsString())
        Strings.push_back(S->str());
    Commands.setFallbackFlags(std::move(Strings));
  }
  noteCompilationDatabaseChanges(Init->getObject("compilationDatabaseChanges"));
}

void Server::onDidOpen(const ClientMessage &Received) {
  const json::Object *TextDocument = Received.Params.getObject("textDocument");
  std::optional<StringRef> Uri =
      TextDocument ? TextDocument->getString("uri") : std::nullopt;
  if (!Received.Path || !Uri)
    return;
  Documents.open(*Received.Path, Uri->str(),
                 TextDocument->getString("text").value_or("").str(),
                 TextDocument->getInteger("version").value_or(0));
  Scheduler.schedule(*Received.Path, std::chrono::milliseconds(0));
}

void Server::onDidChange(const ClientMessage &Received) {
  if (!Received.Path)
    return;
  static const json::Array NoChanges;
  const json::Array *Changes = Received.Params.getArray("contentChanges");
  std::optional<int64_t> Version;
  if (const json::Object *TextDocument =
          Received.Params.getObject("textDocument"))
    Version = TextDocument->getInteger("version");
  if (Documents.change(*Received.Path, Changes ? *Changes : NoChanges, Version,
                       clientCapabilities().Encoding))
    Scheduler.schedule(*Received.Path, Options.Debounce);
}

void Server::onDidSave(const ClientMessage &Received) {
  if (!Received.Path)
    return;
  if (Documents.save(*Received.Path, Received.Params.getString("text")))
    Scheduler.schedule(*Received.Path, std::chrono::milliseconds(0));
  // Saved, the file is what the other units see: the facts follow.
  if (Facts) {
    std::string Store =
        factStoreFor(Commands.commandFor(*Received.Path).Source);
    if (!Store.empty())
      Facts->refresh(sys::path::parent_path(Store));
  }
}

void Server::onDidClose(const ClientMessage &Received) {
  if (!Received.Path)
    return;
  Documents.close(*Received.Path);
  Scheduler.cancel(*Received.Path);
}

void Server::onCodeAction(const ClientMessage &Received) {
  const json::Value *Id = Received.Message.get("id");
  const json::Value *RangeValue = Received.Params.get("range");
  Range Requested;
  json::Path::Root Root;
  if (!Received.Path || !Id || !RangeValue ||
      !fromJSON(*RangeValue, Requested, Root))
    return;
  bool WantsQuickFixes = true;
  if (const json::Object *Context = Received.Params.getObject("context"))
    if (const json::Array *Only = Context->getArray("only")) {
      // A kind selects its sub-kinds: "" and "quickfix" select ours.
      WantsQuickFixes = llvm::any_of(*Only, [](const json::Value &K) {
        std::optional<StringRef> Kind = K.getAsString();
        return Kind && (Kind->empty() || *Kind == "quickfix");
      });
    }
  // The reply is awaited either way, so that it is not taken for another.
  expectReply(*Id, [this, WantsQuickFixes, Path = *Received.Path,
                    Requested](const Frame &, json::Object &Message) {
    return WantsQuickFixes && onCodeActionReply(Message, Path, Requested);
  });
}

void Server::onDidChangeConfiguration(const ClientMessage &Received) {
  noteCompilationDatabaseChanges(
      objectAt(&Received.Params, {"settings", "compilationDatabaseChanges"}));
}

void Server::onDidChangeWatchedFiles(const ClientMessage &) {
  // A header or a compilation database may have changed.
  scheduleAll(Options.Debounce);
}

void Server::noteCompilationDatabaseChanges(const json::Object *Changes) {
  if (!Changes)
    return;
  for (const auto &[File, Change] : *Changes) {
    const json::Object *Entry = Change.getAsObject();
    if (!Entry)
      continue;
    std::vector<std::string> CommandLine;
    if (const json::Array *Args = Entry->getArray("compilationCommand"))
      for (const json::Value &Arg : *Args)
        if (std::optional<StringRef> S = Arg.getAsString())
          CommandLine.push_back(S->str());
    std::string Path = normalizedPath(File.str(), "");
    Commands.setCommand(
        Path, tooling::CompileCommand(
                  Entry->getString("workingDirectory").value_or("").str(), Path,
                  std::move(CommandLine), ""));
  }
  scheduleAll(Options.Debounce);
}

void Server::expectReply(const json::Value &Id, ClangdHandler Handler) {
  std::lock_guard<std::mutex> Lock(SessionMutex);
  PendingReplies[idKey(Id)] = std::move(Handler);
}

void Server::scheduleAll(std::chrono::milliseconds Delay) {
  for (const std::string &Path : Documents.paths())
    Scheduler.schedule(Path, Delay);
}

//===----------------------------------------------------------------------===//
// clangd to client
//===----------------------------------------------------------------------===//

void Server::relayClangdToClient() {
  FrameReader Reader(ClangdOut);
  while (std::optional<Frame> Received = Reader.read())
    if (!handleClangdMessage(*Received) && !ToClient.writeRaw(Received->Bytes))
      break;
  if (!Reader.error().empty())
    elog("reading from clangd: {0}", Reader.error());
}

/// Handles the messages of clangd that pincheck rewrites; true if it
/// forwarded the message itself. Only those that may be one are parsed.
bool Server::handleClangdMessage(const Frame &Received) {
  static constexpr StringRef PublishDiagnostics =
      "textDocument/publishDiagnostics";
  StringRef Body = Received.body();
  bool WaitingForReply;
  {
    std::lock_guard<std::mutex> Lock(SessionMutex);
    WaitingForReply = !PendingReplies.empty();
  }
  if (!WaitingForReply && !Body.contains(PublishDiagnostics))
    return false;
  Expected<json::Value> Parsed = json::parse(Body);
  if (!Parsed) {
    consumeError(Parsed.takeError());
    return false;
  }
  json::Object *Message = Parsed->getAsObject();
  if (!Message)
    return false;
  if (std::optional<StringRef> Method = Message->getString("method"))
    return *Method == PublishDiagnostics &&
           onPublishDiagnostics(Received, *Message);
  const json::Value *Id = Message->get("id");
  if (!Id)
    return false;
  std::optional<ClangdHandler> Handler = takeReplyHandler(*Id);
  return Handler && (*Handler)(Received, *Message);
}

std::optional<Server::ClangdHandler>
Server::takeReplyHandler(const json::Value &Id) {
  std::lock_guard<std::mutex> Lock(SessionMutex);
  auto It = PendingReplies.find(idKey(Id));
  if (It == PendingReplies.end())
    return std::nullopt;
  ClangdHandler Handler = std::move(It->second);
  PendingReplies.erase(It);
  return Handler;
}

bool Server::onInitializeReply(json::Object &Message) {
  // The position encoding clangd chose (LSP 3.17, or clangd's own
  // offsetEncoding extension).
  const json::Object *Result = Message.getObject("result");
  std::optional<StringRef> Name;
  if (const json::Object *Capabilities = objectAt(Result, {"capabilities"}))
    Name = Capabilities->getString("positionEncoding");
  if (!Name && Result)
    Name = Result->getString("offsetEncoding");
  if (Name)
    if (std::optional<PositionEncoding> Encoding = parseEncoding(*Name)) {
      std::lock_guard<std::mutex> Lock(SessionMutex);
      Client.Encoding = *Encoding;
    }
  return false; // Forwarded as received.
}

bool Server::onPublishDiagnostics(const Frame &Received,
                                  json::Object &Message) {
  std::lock_guard<std::mutex> Publishing(PublishMutex);
  json::Object *Params = Message.getObject("params");
  json::Array *Diagnostics = Params ? Params->getArray("diagnostics") : nullptr;
  std::optional<std::string> Path;
  if (Params)
    if (std::optional<StringRef> Uri = Params->getString("uri"))
      Path = documentPath(*Uri);
  json::Array Ours;
  if (Path && Diagnostics)
    Ours = Documents.mergeWithClangd(*Path, *Diagnostics);
  if (!Path || !Diagnostics || Ours.empty()) {
    ToClient.writeRaw(Received.Bytes);
    return true;
  }
  vlog("merging {0} pincheck diagnostics into clangd's for {1}", Ours.size(),
       *Path);
  for (json::Value &Diagnostic : Ours)
    Diagnostics->push_back(std::move(Diagnostic));
  ToClient.writeMessage(toJsonText(json::Value(std::move(Message))));
  return true;
}

bool Server::onCodeActionReply(json::Object &Message, const std::string &Path,
                               const Range &Requested) {
  const ClientCapabilities Capabilities = clientCapabilities();
  json::Value *Result = Message.get("result");
  if (!Capabilities.CodeActionLiterals || !Result ||
      !(Result->kind() == json::Value::Null || Result->getAsArray()))
    return false;
  std::optional<TouchedFindings> Touched =
      Documents.findingsTouching(Path, Requested);
  if (!Touched)
    return false;
  json::Array Actions = codeActions(Touched->Findings, Capabilities,
                                    Touched->Uri, Touched->Version);
  if (Actions.empty())
    return false;
  if (Result->kind() == json::Value::Null)
    *Result = json::Array();
  json::Array *All = Result->getAsArray();
  for (json::Value &Action : Actions)
    All->push_back(std::move(Action));
  vlog("added {0} pincheck quick fixes to a codeAction reply", Actions.size());
  ToClient.writeMessage(toJsonText(json::Value(std::move(Message))));
  return true;
}

void Server::publishFindings(const std::string &Path) {
  std::lock_guard<std::mutex> Publishing(PublishMutex);
  std::optional<Publication> Changed = Documents.publicationIfChanged(Path);
  if (!Changed)
    return;
  vlog("publishing pincheck's diagnostics for {0}", Path);
  ToClient.writeMessage(toJsonText(publishDiagnostics(
      Changed->Uri, Changed->Version, std::move(Changed->Diagnostics))));
}

//===----------------------------------------------------------------------===//
// Analysis
//===----------------------------------------------------------------------===//

std::string Server::factStoreFor(StringRef Source) {
  if (!Facts || sys::path::filename(Source) != "compile_commands.json")
    return {};
  std::string Database = sys::path::parent_path(Source).str();
  std::lock_guard<std::mutex> Lock(FactsMutex);
  if (FactDatabases.insert(Database).second)
    Facts->refresh(Database);
  return BackgroundFacts::storeOf(Database);
}

ClientCapabilities Server::clientCapabilities() {
  std::lock_guard<std::mutex> Lock(SessionMutex);
  return Client;
}

void Server::analyseDocument(const std::string &Path) {
  std::optional<DocumentSnapshot> Snapshot = Documents.snapshot(Path);
  if (!Snapshot)
    return; // Closed, or its text out of step until it is sent whole.
  ResolvedCommand Command = Commands.commandFor(Path);
  vlog("analysing {0} version {1} with the command from {2}: {3}", Path,
       Snapshot->Version, Command.Source,
       llvm::join(Command.Command.CommandLine, " "));
  auto Start = std::chrono::steady_clock::now();
  Expected<AnalysisResult> Result = Analysis.analyse(
      AnalysisInput{Path, Snapshot->Text.Text, std::move(Command.Command),
                    factStoreFor(Command.Source)});
  auto Milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - Start)
                          .count();
  if (!Result) {
    // Only this document's diagnostics are lost; its next change (or save)
    // tries again, in a new worker.
    elog("the analysis of {0} version {1} crashed: {2}; no pincheck "
         "diagnostics for it until it changes",
         Path, Snapshot->Version, toString(Result.takeError()));
    if (Documents.setFindings(Path, Snapshot->Generation, {}))
      publishFindings(Path);
    return;
  }
  if (Options.HoldResults.count())
    std::this_thread::sleep_for(Options.HoldResults);

  std::vector<Finding> Findings =
      toLspFindings(Result->Findings, Snapshot->Text, clientCapabilities(),
                    Options.DocsBaseUrl);
  if (!Documents.setFindings(Path, Snapshot->Generation, std::move(Findings))) {
    log("dropped the results for version {0} of {1}: the document changed "
        "during the analysis",
        Snapshot->Version, Path);
    return;
  }
  log("analysed {0} version {1} in {2} ms: {3} finding(s){4}", Path,
      Snapshot->Version, Milliseconds, Result->Findings.size(),
      Result->CompileErrors ? " (with compile errors)" : "");
  publishFindings(Path);
}

//===----------------------------------------------------------------------===//
// Without clangd
//===----------------------------------------------------------------------===//

int answerWithoutClangd(int ClientIn, int ClientOut, StringRef Reason) {
  FrameReader Reader(ClientIn);
  FrameWriter Writer(ClientOut);
  while (std::optional<Frame> Received = Reader.read()) {
    Expected<json::Value> Parsed = json::parse(Received->body());
    if (!Parsed) {
      consumeError(Parsed.takeError());
      continue;
    }
    const json::Object *Message = Parsed->getAsObject();
    if (!Message)
      continue;
    std::optional<StringRef> Method = Message->getString("method");
    const json::Value *Id = Message->get("id");
    if (Method && *Method == "exit")
      break;
    if (!Method || !Id)
      continue; // Notifications and responses need no answer.
    json::Object Reply{{"jsonrpc", "2.0"}, {"id", *Id}};
    if (*Method == "shutdown")
      Reply["result"] = nullptr;
    else
      // InternalError for initialize, ServerNotInitialized after it.
      Reply["error"] =
          json::Object{{"code", *Method == "initialize" ? -32603 : -32002},
                       {"message", ("pincheck-clangd: " + Reason).str()}};
    Writer.writeMessage(toJsonText(json::Value(std::move(Reply))));
  }
  return 1;
}

} // namespace pincheck
