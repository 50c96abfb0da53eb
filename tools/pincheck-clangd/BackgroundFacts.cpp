//===--- BackgroundFacts.cpp - The fact store, kept current ---------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "BackgroundFacts.h"
#include "Logger.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Threading.h"
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

using namespace llvm;

namespace pincheck {

BackgroundFacts::BackgroundFacts(
    std::string Pincheck, std::function<void(const std::string &)> Updated)
    : Pincheck(std::move(Pincheck)), Updated(std::move(Updated)),
      Thread([this] { loop(); }) {}

BackgroundFacts::~BackgroundFacts() {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Stopping = true;
  }
  Wake.notify_all();
  Thread.join();
}

std::string BackgroundFacts::storeOf(StringRef DatabaseDirectory) {
  SmallString<256> Store(DatabaseDirectory);
  sys::path::append(Store, ".pincheck");
  return std::string(Store);
}

void BackgroundFacts::refresh(StringRef DatabaseDirectory) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    Pending.insert(DatabaseDirectory.str());
  }
  Wake.notify_all();
}

void BackgroundFacts::loop() {
  while (true) {
    std::string Directory;
    {
      std::unique_lock<std::mutex> Lock(Mutex);
      Wake.wait(Lock, [this] { return Stopping || !Pending.empty(); });
      if (Stopping)
        return;
      Directory = *Pending.begin();
      Pending.erase(Pending.begin());
    }
    runFor(Directory);
  }
}

/// The newest record of the store: a run that leaves it as it was changed
/// nothing the open documents see.
static sys::TimePoint<> newestRecord(StringRef Store) {
  sys::TimePoint<> Newest;
  SmallString<256> Units(Store);
  sys::path::append(Units, "units");
  std::error_code EC;
  for (sys::fs::directory_iterator It(Units, EC), End; !EC && It != End;
       It.increment(EC)) {
    sys::fs::file_status Status;
    if (!sys::fs::status(It->path(), Status))
      Newest = std::max(Newest, Status.getLastModificationTime());
  }
  return Newest;
}

/// Runs `Args` with no input and no output and its standard error in
/// `Log`, and waits for it. The child ends with pincheck-clangd however
/// that ends (Linux's parent-death signal): an editor's exit must not leave
/// a run writing into a store nobody reads, or into a build directory
/// deleted meanwhile. `llvm::sys::ExecuteAndWait` cannot ask for that.
static int runTied(const std::vector<std::string> &Args, StringRef Log,
                   std::string &Error) {
  std::vector<std::string> Copies(Args);
  std::vector<char *> Argv;
  for (std::string &Arg : Copies)
    Argv.push_back(Arg.data());
  Argv.push_back(nullptr);
  std::string LogPath = Log.str();
  const pid_t Parent = getpid();
  const pid_t Pid = fork();
  if (Pid < 0) {
    Error = "cannot start '" + Args[0] + "': " + std::strerror(errno);
    return -1;
  }
  if (Pid == 0) {
    // The child: only async-signal-safe calls until exec.
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != Parent)
      _exit(127);
#endif
    int Null = open("/dev/null", O_RDWR);
    int Err = open(LogPath.c_str(), O_WRONLY | O_TRUNC);
    if (Null >= 0) {
      dup2(Null, STDIN_FILENO);
      dup2(Null, STDOUT_FILENO);
    }
    if (Err >= 0)
      dup2(Err, STDERR_FILENO);
    execv(Argv[0], Argv.data());
    _exit(127);
  }
  int Status = 0;
  while (waitpid(Pid, &Status, 0) < 0)
    if (errno != EINTR) {
      Error = std::string("cannot wait for the background facts: ") +
              std::strerror(errno);
      return -1;
    }
  if (WIFSIGNALED(Status)) {
    Error = "ended by signal " + std::to_string(WTERMSIG(Status));
    return -1;
  }
  return WIFEXITED(Status) ? WEXITSTATUS(Status) : -1;
}

/// One `pincheck --facts-only` over the database, niced when `nice` is
/// there, on half the cores: the editor's own analyses come first.
void BackgroundFacts::runFor(const std::string &Directory) {
  const unsigned Jobs =
      std::max(1u, llvm::hardware_concurrency().compute_thread_count() / 2);
  std::vector<std::string> Command = {
      Pincheck, "--facts-only", "-p", Directory, "-j", std::to_string(Jobs)};
  if (ErrorOr<std::string> Nice = sys::findProgramByName("nice"))
    Command.insert(Command.begin(), {*Nice, "-n", "19"});
  SmallString<128> Log;
  if (sys::fs::createTemporaryFile("pincheck-facts", "log", Log)) {
    elog("cannot create a log file for the background facts of {0}", Directory);
    return;
  }
  const sys::TimePoint<> Before = newestRecord(storeOf(Directory));
  std::string Error;
  const int Status = runTied(Command, Log, Error);
  std::string Summary;
  if (auto Text = MemoryBuffer::getFile(Log)) {
    StringRef Output = (*Text)->getBuffer().rtrim();
    Summary = Output.substr(Output.rfind('\n') + 1).str();
  }
  sys::fs::remove(Log);
  if (Status != 0) {
    elog("the background facts of {0} failed ({1}): {2}", Directory,
         Error.empty() ? "exit status " + std::to_string(Status) : Error,
         Summary);
    return;
  }
  log("background facts of {0}: {1}", Directory, Summary);
  if (newestRecord(storeOf(Directory)) != Before)
    Updated(Directory);
}

} // namespace pincheck
