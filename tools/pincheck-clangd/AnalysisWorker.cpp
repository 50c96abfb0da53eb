//===--- AnalysisWorker.cpp - The analysis in a process of its own --------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "AnalysisWorker.h"
#include "JsonText.h"
#include "Logger.h"
#include "WorkerProtocol.h"
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

using namespace llvm;

namespace pincheck {

AnalysisWorker::AnalysisWorker(std::string Program,
                               std::vector<std::string> Arguments)
    : Program(std::move(Program)), Arguments(std::move(Arguments)) {}

AnalysisWorker::~AnalysisWorker() {
  if (Process.Pid > 0)
    stop();
}

Error AnalysisWorker::start() {
  Expected<ChildProcess> Started = startProcess(Program, Arguments);
  if (!Started)
    return Started.takeError();
  Process = *Started;
  Replies = std::make_unique<FrameReader>(Process.Stdout);
  Requests = std::make_unique<FrameWriter>(Process.Stdin);
  vlog("started the analysis worker (pid {0})", Process.Pid);
  return Error::success();
}

std::string AnalysisWorker::stop() {
  // Closing its input ends a live worker; a dead one is only reaped.
  close(Process.Stdin);
  close(Process.Stdout);
  int Status = 0;
  pid_t Pid = Process.Pid;
  Process = ChildProcess();
  Replies.reset();
  Requests.reset();
  while (waitpid(Pid, &Status, 0) < 0)
    if (errno != EINTR)
      return "the worker process is gone";
  if (WIFSIGNALED(Status))
    return formatv("the worker process was killed by signal {0} ({1})",
                   WTERMSIG(Status), strsignal(WTERMSIG(Status)))
        .str();
  return formatv("the worker process exited with status {0}",
                 WEXITSTATUS(Status))
      .str();
}

Expected<AnalysisResult> AnalysisWorker::analyse(const AnalysisInput &Input) {
  if (Process.Pid <= 0)
    if (Error E = start())
      return createStringError(inconvertibleErrorCode(),
                               "cannot start the worker process: " +
                                   toString(std::move(E)));
  std::optional<Frame> Reply;
  if (Requests->writeMessage(toJsonText(toJSON(Input))))
    Reply = Replies->read();
  if (!Reply)
    return createStringError(inconvertibleErrorCode(), stop());
  AnalysisResult Result;
  Expected<json::Value> Parsed = json::parse(Reply->body());
  json::Path::Root Root;
  if (!Parsed || !fromJSON(*Parsed, Result, Root)) {
    if (!Parsed)
      consumeError(Parsed.takeError());
    kill(Process.Pid, SIGKILL); // It does not speak our protocol.
    return createStringError(inconvertibleErrorCode(),
                             "unreadable reply from the worker; " + stop());
  }
  return Result;
}

int runAnalysisWorker(const Analyzer &Analysis, int In, int Out) {
#ifdef __linux__
  // Not an orphan analysing for nobody if pincheck-clangd ends first.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  // Background work: clangd's completion goes first.
  setpriority(PRIO_PROCESS, 0, 10);
  FrameReader Requests(In);
  FrameWriter Replies(Out);
  while (std::optional<Frame> Request = Requests.read()) {
    AnalysisInput Input;
    Expected<json::Value> Parsed = json::parse(Request->body());
    json::Path::Root Root;
    if (!Parsed || !fromJSON(*Parsed, Input, Root)) {
      if (!Parsed)
        consumeError(Parsed.takeError());
      elog("the analysis worker received an unreadable request");
      return 1;
    }
    if (!Replies.writeMessage(toJsonText(toJSON(Analysis.analyse(Input)))))
      return 1;
  }
  return 0;
}

} // namespace pincheck
