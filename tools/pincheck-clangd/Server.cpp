//===--- Server.cpp - The relay between the editor and clangd -------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Server.h"
#include "Logger.h"
#include "Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Threading.h"
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace clang;
using namespace llvm;

namespace pincheck {

static std::string serialize(const json::Value &Value) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << Value;
  return Text;
}

/// A request id as a map key: `1` and `"1"` are different ids.
static std::string idKey(const json::Value &Id) { return serialize(Id); }

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

Server::Server(ServerOptions Options, const Analyzer &Analysis,
               CompileCommands &Commands, int ClientIn, int ClientOut,
               int ClangdIn, int ClangdOut)
    : Options(Options), Analysis(Analysis), Commands(Commands),
      ClientIn(ClientIn), ClangdIn(ClangdIn), ClangdOut(ClangdOut),
      ToClient(ClientOut), ToClangd(ClangdIn) {}

void Server::run() {
  std::thread([this] { relayClientToClangd(); }).detach();
  std::thread([this] { analyseDocuments(); }).detach();
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

void Server::noteClientMessage(const json::Object &Message) {
  std::optional<StringRef> Method = Message.getString("method");
  if (!Method)
    return; // A response to one of clangd's requests.
  const json::Object *Params = Message.getObject("params");
  static const json::Object NoParams;
  if (!Params)
    Params = &NoParams;
  const json::Object *TextDocument = Params->getObject("textDocument");
  std::optional<std::string> Path;
  if (TextDocument)
    if (std::optional<StringRef> Uri = TextDocument->getString("uri"))
      Path = documentPath(*Uri);

  std::lock_guard<std::mutex> Lock(StateMutex);
  if (*Method == "initialize") {
    if (const json::Value *Id = Message.get("id"))
      InitializeId = idKey(*Id);
    noteInitialize(*Params);
  } else if (*Method == "textDocument/didOpen" && Path) {
    Document &Doc = Documents[*Path];
    Doc = Document();
    Doc.Uri = TextDocument->getString("uri")->str();
    Doc.Text = TextDocument->getString("text").value_or("").str();
    Doc.Version = TextDocument->getInteger("version").value_or(0);
    Doc.Generation = ++LastGeneration;
    schedule(Doc, std::chrono::milliseconds(0));
  } else if (*Method == "textDocument/didChange" && Path) {
    auto It = Documents.find(*Path);
    if (It == Documents.end())
      return;
    Document &Doc = It->second;
    if (const json::Array *Changes = Params->getArray("contentChanges"))
      for (const json::Value &Change : *Changes) {
        const json::Object *Event = Change.getAsObject();
        if (Event && !Event->get("range"))
          Doc.TextValid = true; // The whole text: in sync again.
        if (!Event || !applyChange(Doc.Text, *Event, Client.Encoding)) {
          elog("cannot apply an edit to {0}; analysis paused until the "
               "document is sent whole",
               *Path);
          Doc.TextValid = false;
        }
      }
    Doc.Version = TextDocument->getInteger("version").value_or(Doc.Version);
    Doc.Generation = ++LastGeneration;
    schedule(Doc, Options.Debounce);
  } else if (*Method == "textDocument/didSave" && Path) {
    auto It = Documents.find(*Path);
    if (It == Documents.end())
      return;
    if (std::optional<StringRef> Text = Params->getString("text");
        Text && *Text != It->second.Text) {
      It->second.Text = Text->str();
      It->second.TextValid = true;
      It->second.Generation = ++LastGeneration;
    }
    schedule(It->second, std::chrono::milliseconds(0));
  } else if (*Method == "textDocument/didClose" && Path) {
    Documents.erase(*Path);
  } else if (*Method == "textDocument/codeAction" && Path) {
    const json::Value *Id = Message.get("id");
    Range Requested;
    json::Path::Root Root;
    if (!Id || !Params->get("range") ||
        !fromJSON(*Params->get("range"), Requested, Root))
      return;
    PendingCodeAction Request{*Path, Requested, true};
    if (const json::Object *Context = Params->getObject("context"))
      if (const json::Array *Only = Context->getArray("only")) {
        // A kind selects its sub-kinds: "" and "quickfix" select ours.
        Request.WantsQuickFixes = llvm::any_of(*Only, [](const json::Value &K) {
          std::optional<StringRef> Kind = K.getAsString();
          return Kind && (Kind->empty() || *Kind == "quickfix");
        });
      }
    PendingCodeActions[idKey(*Id)] = std::move(Request);
  } else if (*Method == "workspace/didChangeConfiguration") {
    noteCompilationDatabaseChanges(
        objectAt(Params, {"settings", "compilationDatabaseChanges"}));
  } else if (*Method == "workspace/didChangeWatchedFiles") {
    // A header or a compilation database may have changed.
    scheduleAll(Options.Debounce);
  }
}

void Server::noteInitialize(const json::Object &Params) {
  const json::Object *Capabilities = Params.getObject("capabilities");
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

  // clangd's initializationOptions that decide compile commands.
  const json::Object *Init = Params.getObject("initializationOptions");
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

void Server::schedule(Document &Doc, std::chrono::milliseconds Delay) {
  auto Due = std::chrono::steady_clock::now() + Delay;
  // A save or an open does not wait for an earlier-scheduled debounce, and
  // an edit postpones a pending one.
  Doc.AnalysisDue = Due;
  WorkReady.notify_one();
}

void Server::scheduleAll(std::chrono::milliseconds Delay) {
  for (auto &Entry : Documents)
    schedule(Entry.second, Delay);
}

//===----------------------------------------------------------------------===//
// clangd to client
//===----------------------------------------------------------------------===//

void Server::relayClangdToClient() {
  FrameReader Reader(ClangdOut);
  while (std::optional<Frame> Received = Reader.read()) {
    StringRef Body = Received->body();
    // Only two kinds of message are rewritten; the others are not parsed
    // unless a reply we wait for may be among them.
    bool WaitingForReply;
    {
      std::lock_guard<std::mutex> Lock(StateMutex);
      WaitingForReply = InitializeId || !PendingCodeActions.empty();
    }
    if (Body.contains("textDocument/publishDiagnostics") || WaitingForReply) {
      Expected<json::Value> Parsed = json::parse(Body);
      json::Object *Message = Parsed ? Parsed->getAsObject() : nullptr;
      if (!Parsed)
        consumeError(Parsed.takeError());
      if (Message) {
        std::optional<StringRef> Method = Message->getString("method");
        const json::Value *Id = Message->get("id");
        if (Method && *Method == "textDocument/publishDiagnostics") {
          forwardDiagnostics(*Received, *Message);
          continue;
        }
        if (!Method && Id) {
          std::optional<PendingCodeAction> Request;
          {
            std::lock_guard<std::mutex> Lock(StateMutex);
            std::string Key = idKey(*Id);
            if (InitializeId && *InitializeId == Key) {
              InitializeId.reset();
              // The position encoding clangd chose (LSP 3.17, or clangd's
              // own offsetEncoding extension).
              const json::Object *Result = Message->getObject("result");
              std::optional<StringRef> Name;
              if (const json::Object *Caps = objectAt(Result, {"capabilities"}))
                Name = Caps->getString("positionEncoding");
              if (!Name && Result)
                Name = Result->getString("offsetEncoding");
              if (Name)
                if (std::optional<PositionEncoding> E = parseEncoding(*Name))
                  Client.Encoding = *E;
            } else if (auto It = PendingCodeActions.find(Key);
                       It != PendingCodeActions.end()) {
              Request = std::move(It->second);
              PendingCodeActions.erase(It);
            }
          }
          if (Request) {
            forwardCodeActions(*Received, *Message, *Request);
            continue;
          }
        }
      }
    }
    if (!ToClient.writeRaw(Received->Bytes))
      break;
  }
  if (!Reader.error().empty())
    elog("reading from clangd: {0}", Reader.error());
}

json::Array Server::pincheckDiagnostics(const Document &Doc) {
  json::Array Result;
  if (Doc.FindingsGeneration != Doc.Generation)
    return Result;
  for (const Finding &Found : Doc.Findings)
    Result.push_back(json::Object(Found.Diagnostic));
  return Result;
}

void Server::forwardDiagnostics(const Frame &Received, json::Object &Message) {
  std::lock_guard<std::mutex> Publishing(PublishMutex);
  json::Object *Params = Message.getObject("params");
  std::optional<std::string> Path;
  if (Params)
    if (std::optional<StringRef> Uri = Params->getString("uri"))
      Path = documentPath(*Uri);
  json::Array *Diagnostics = Params ? Params->getArray("diagnostics") : nullptr;
  json::Array Ours;
  {
    std::lock_guard<std::mutex> Lock(StateMutex);
    auto It = Path ? Documents.find(*Path) : Documents.end();
    if (It != Documents.end() && Diagnostics) {
      Document &Doc = It->second;
      Doc.ClangdDiagnostics = *Diagnostics;
      Ours = pincheckDiagnostics(Doc);
      Doc.PublishedPincheck = Ours.empty() ? "" : serialize(json::Array(Ours));
    }
  }
  if (Ours.empty()) {
    ToClient.writeRaw(Received.Bytes);
    return;
  }
  vlog("merging {0} pincheck diagnostics into clangd's for {1}", Ours.size(),
       *Path);
  for (json::Value &Diagnostic : Ours)
    Diagnostics->push_back(std::move(Diagnostic));
  ToClient.writeMessage(serialize(json::Value(std::move(Message))));
}

void Server::publishFindings(const std::string &Path) {
  std::lock_guard<std::mutex> Publishing(PublishMutex);
  json::Object Params;
  {
    std::lock_guard<std::mutex> Lock(StateMutex);
    auto It = Documents.find(Path);
    if (It == Documents.end())
      return;
    Document &Doc = It->second;
    json::Array Ours = pincheckDiagnostics(Doc);
    std::string Serialized = Ours.empty() ? "" : serialize(json::Array(Ours));
    if (Serialized == Doc.PublishedPincheck)
      return; // The client already shows exactly these.
    Doc.PublishedPincheck = Serialized;
    // clangd's latest diagnostics stay; ours replace what we sent before.
    json::Array All = Doc.ClangdDiagnostics.value_or(json::Array());
    for (json::Value &Diagnostic : Ours)
      All.push_back(std::move(Diagnostic));
    Params = json::Object{{"uri", Doc.Uri},
                          {"version", Doc.Version},
                          {"diagnostics", std::move(All)}};
  }
  vlog("publishing pincheck's diagnostics for {0}", Path);
  ToClient.writeMessage(
      serialize(json::Object{{"jsonrpc", "2.0"},
                             {"method", "textDocument/publishDiagnostics"},
                             {"params", std::move(Params)}}));
}

json::Value Server::workspaceEdit(const QuickFix &Fix,
                                  const Document &Doc) const {
  if (!Client.DocumentChanges) {
    json::Object Changes;
    for (const auto &[Uri, Edits] : Fix.Edits)
      Changes[Uri] = json::Array(Edits);
    return json::Object{{"changes", std::move(Changes)}};
  }
  json::Array DocumentChanges;
  for (const auto &[Uri, Edits] : Fix.Edits)
    DocumentChanges.push_back(json::Object{
        {"textDocument",
         json::Object{{"uri", Uri},
                      {"version", Uri == Doc.Uri ? json::Value(Doc.Version)
                                                 : json::Value(nullptr)}}},
        {"edits", json::Array(Edits)}});
  return json::Object{{"documentChanges", std::move(DocumentChanges)}};
}

void Server::forwardCodeActions(const Frame &Received, json::Object &Message,
                                const PendingCodeAction &Request) {
  json::Array Actions;
  {
    std::lock_guard<std::mutex> Lock(StateMutex);
    auto It = Documents.find(Request.Path);
    if (It != Documents.end() && Request.WantsQuickFixes &&
        Client.CodeActionLiterals &&
        It->second.FindingsGeneration == It->second.Generation) {
      const Document &Doc = It->second;
      for (const Finding &Found : Doc.Findings) {
        if (!Found.Where.touches(Request.Requested))
          continue;
        for (const QuickFix &Fix : Found.Fixes)
          Actions.push_back(json::Object{
              {"title", Fix.Title},
              {"kind", "quickfix"},
              {"diagnostics", json::Array{json::Object(Found.Diagnostic)}},
              {"isPreferred", Fix.Preferred},
              {"edit", workspaceEdit(Fix, Doc)}});
      }
    }
  }
  json::Value *Result = Message.get("result");
  if (Actions.empty() || !Result ||
      !(Result->kind() == json::Value::Null || Result->getAsArray())) {
    ToClient.writeRaw(Received.Bytes);
    return;
  }
  if (Result->kind() == json::Value::Null)
    *Result = json::Array();
  json::Array *All = Result->getAsArray();
  for (json::Value &Action : Actions)
    All->push_back(std::move(Action));
  vlog("added {0} pincheck quick fixes to a codeAction reply", Actions.size());
  ToClient.writeMessage(serialize(json::Value(std::move(Message))));
}

//===----------------------------------------------------------------------===//
// Analysis
//===----------------------------------------------------------------------===//

/// Gives clangd's threads the processor first: the analysis is background
/// work, completion is not.
static void lowerThisThreadsPriority() {
#ifdef __linux__
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#else
  set_thread_priority(ThreadPriority::Low);
#endif
}

void Server::analyseDocuments() {
  lowerThisThreadsPriority();
  std::unique_lock<std::mutex> Lock(StateMutex);
  while (true) {
    auto Next = Documents.end();
    for (auto It = Documents.begin(); It != Documents.end(); ++It)
      if (It->second.AnalysisDue && It->second.TextValid &&
          (Next == Documents.end() ||
           *It->second.AnalysisDue < *Next->second.AnalysisDue))
        Next = It;
    if (Next == Documents.end()) {
      WorkReady.wait(Lock);
      continue;
    }
    if (*Next->second.AnalysisDue > std::chrono::steady_clock::now()) {
      WorkReady.wait_until(Lock, *Next->second.AnalysisDue);
      continue;
    }
    Document &Doc = Next->second;
    Doc.AnalysisDue.reset();
    std::string Path = Next->first().str();
    AnalysisInput Input{Path, Doc.Uri, Doc.Text, {}, Client};
    const uint64_t Generation = Doc.Generation;
    const int64_t Version = Doc.Version;
    Lock.unlock();

    ResolvedCommand Command = Commands.commandFor(Path);
    vlog("analysing {0} version {1} with the command from {2}: {3}", Path,
         Version, Command.Source, llvm::join(Command.Command.CommandLine, " "));
    Input.Command = std::move(Command.Command);
    auto Start = std::chrono::steady_clock::now();
    AnalysisResult Result = Analysis.analyse(Input);
    auto Milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - Start)
                            .count();
    if (Result.Crashed)
      elog("the analysis of {0} crashed", Path);
    if (Options.HoldResults.count())
      std::this_thread::sleep_for(Options.HoldResults);

    Lock.lock();
    auto It = Documents.find(Path);
    if (It == Documents.end() || It->second.Generation != Generation) {
      log("dropped the results for version {0} of {1}: the document changed "
          "during the analysis",
          Version, Path);
      continue;
    }
    log("analysed {0} version {1} in {2} ms: {3} finding(s){4}", Path, Version,
        Milliseconds, Result.Findings.size(),
        Result.CompileErrors ? " (with compile errors)" : "");
    It->second.Findings = std::move(Result.Findings);
    It->second.FindingsGeneration = Generation;
    Lock.unlock();
    publishFindings(Path);
    Lock.lock();
  }
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
    Writer.writeMessage(serialize(json::Value(std::move(Reply))));
  }
  return 1;
}

} // namespace pincheck
