//===--- ClangdProcess.cpp - Finding and starting the real clangd ---------===//
//
// Part of pincheck. POSIX fork and exec: llvm::sys::ExecuteNoWait cannot
// connect the child's standard input and output to pipes.
//
//===----------------------------------------------------------------------===//

#include "ClangdProcess.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;

namespace pincheck {

static bool isSelf(StringRef Candidate, StringRef SelfPath) {
  SmallString<256> A, B;
  return !sys::fs::real_path(Candidate, A) &&
         !sys::fs::real_path(SelfPath, B) && A == B;
}

/// The `clangd-NN` with the highest NN in the directories of PATH.
static std::optional<std::string> newestVersionedClangd(StringRef SelfPath) {
  std::optional<std::string> Best;
  unsigned BestVersion = 0;
  std::optional<std::string> Path = sys::Process::GetEnv("PATH");
  if (!Path)
    return std::nullopt;
  SmallVector<StringRef, 16> Dirs;
  StringRef(*Path).split(Dirs, sys::EnvPathSeparator, -1, false);
  for (StringRef Dir : Dirs) {
    std::error_code EC;
    for (sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC)) {
      StringRef Name = sys::path::filename(It->path());
      unsigned Version;
      if (!Name.consume_front("clangd-") || Name.getAsInteger(10, Version) ||
          Version <= BestVersion || !sys::fs::can_execute(It->path()) ||
          isSelf(It->path(), SelfPath))
        continue;
      Best = It->path();
      BestVersion = Version;
    }
  }
  return Best;
}

Expected<std::string> findClangd(StringRef Requested, StringRef SelfPath) {
  if (!Requested.empty()) {
    if (Requested.contains('/'))
      return Requested.str();
    if (ErrorOr<std::string> Found = sys::findProgramByName(Requested))
      return *Found;
    return createStringError(std::errc::no_such_file_or_directory,
                             "'%s' is not on PATH", Requested.str().c_str());
  }
  if (ErrorOr<std::string> Found = sys::findProgramByName("clangd"))
    if (!isSelf(*Found, SelfPath))
      return *Found;
  if (std::optional<std::string> Versioned = newestVersionedClangd(SelfPath))
    return *Versioned;
  return createStringError(std::errc::no_such_file_or_directory,
                           "no clangd on PATH; name one with --clangd=PATH");
}

Expected<ChildProcess> startProcess(StringRef Program,
                                    ArrayRef<std::string> Args) {
  int ToChild[2], FromChild[2], ExecStatus[2];
  if (pipe2(ToChild, O_CLOEXEC) || pipe2(FromChild, O_CLOEXEC) ||
      pipe2(ExecStatus, O_CLOEXEC))
    return errorCodeToError(std::error_code(errno, std::generic_category()));
  std::string ProgramPath = Program.str();
  std::vector<char *> Argv;
  Argv.push_back(ProgramPath.data());
  std::vector<std::string> Copies(Args.begin(), Args.end());
  for (std::string &Arg : Copies)
    Argv.push_back(Arg.data());
  Argv.push_back(nullptr);

  pid_t Pid = fork();
  if (Pid < 0)
    return errorCodeToError(std::error_code(errno, std::generic_category()));
  if (Pid == 0) {
    // The child: only async-signal-safe calls until exec.
    dup2(ToChild[0], STDIN_FILENO);
    dup2(FromChild[1], STDOUT_FILENO);
    execv(ProgramPath.c_str(), Argv.data());
    int Error = errno;
    (void)!write(ExecStatus[1], &Error, sizeof(Error));
    _exit(127);
  }
  close(ToChild[0]);
  close(FromChild[1]);
  close(ExecStatus[1]);
  // The status pipe closes on a successful exec (O_CLOEXEC) without data.
  int Error = 0;
  ssize_t Read;
  do
    Read = read(ExecStatus[0], &Error, sizeof(Error));
  while (Read < 0 && errno == EINTR);
  close(ExecStatus[0]);
  if (Read == sizeof(Error)) {
    close(ToChild[1]);
    close(FromChild[0]);
    waitpid(Pid, nullptr, 0);
    return createStringError(std::error_code(Error, std::generic_category()),
                             "cannot run '%s': %s", ProgramPath.c_str(),
                             strerror(Error));
  }
  return ChildProcess{Pid, ToChild[1], FromChild[0]};
}

int waitForExit(pid_t Pid) {
  int Status = 0;
  while (waitpid(Pid, &Status, 0) < 0)
    if (errno != EINTR)
      return 1;
  if (WIFEXITED(Status))
    return WEXITSTATUS(Status);
  if (WIFSIGNALED(Status))
    return 128 + WTERMSIG(Status);
  return 1;
}

} // namespace pincheck
