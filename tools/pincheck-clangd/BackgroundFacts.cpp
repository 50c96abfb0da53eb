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
#include <optional>

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
  std::vector<StringRef> Args(Command.begin(), Command.end());
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(""),
                                          StringRef(Log)};
  const sys::TimePoint<> Before = newestRecord(storeOf(Directory));
  std::string Error;
  const int Status =
      sys::ExecuteAndWait(Args[0], Args, std::nullopt, Redirects, 0, 0, &Error);
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
