//===--- AnalysisScheduler.cpp - When each document is analysed -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "AnalysisScheduler.h"
#include "llvm/Support/Threading.h"
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace pincheck {

void AnalysisScheduler::schedule(StringRef Path,
                                 std::chrono::milliseconds Delay) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Due[Path] = Clock::now() + Delay;
  WorkReady.notify_one();
}

void AnalysisScheduler::cancel(StringRef Path) {
  std::lock_guard<std::mutex> Lock(Mutex);
  Due.erase(Path);
}

void AnalysisScheduler::start() {
  std::thread([this] { run(); }).detach();
}

/// Gives clangd's threads the processor first: the analysis is background
/// work, completion is not.
static void lowerThisThreadsPriority() {
#ifdef __linux__
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#else
  set_thread_priority(ThreadPriority::Low);
#endif
}

void AnalysisScheduler::run() {
  lowerThisThreadsPriority();
  std::unique_lock<std::mutex> Lock(Mutex);
  while (true) {
    auto Next = std::min_element(
        Due.begin(), Due.end(),
        [](const auto &A, const auto &B) { return A.second < B.second; });
    if (Next == Due.end()) {
      WorkReady.wait(Lock);
      continue;
    }
    if (Next->second > Clock::now()) {
      WorkReady.wait_until(Lock, Next->second);
      continue;
    }
    std::string Path = Next->first().str();
    Due.erase(Next);
    Lock.unlock();
    Analyse(Path);
    Lock.lock();
  }
}

} // namespace pincheck
