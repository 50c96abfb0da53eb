//===--- AnalysisScheduler.h - When each document is analysed -------------===//
//
// Part of pincheck. Documents are due for analysis at a time (at once on
// open and save, after the debounce on edits); one low-priority thread
// analyses the document due first, one at a time.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_ANALYSISSCHEDULER_H
#define PINCHECK_CLANGD_ANALYSISSCHEDULER_H

#include "llvm/ADT/StringMap.h"
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>

namespace pincheck {

class AnalysisScheduler {
public:
  using Clock = std::chrono::steady_clock;
  /// Analyses the document at a path.
  using AnalyseFunction = std::function<void(const std::string &Path)>;

  explicit AnalysisScheduler(AnalyseFunction Analyse)
      : Analyse(std::move(Analyse)) {}

  /// Makes the document due after `Delay`: an open or a save does not wait
  /// for an earlier-scheduled debounce, and an edit postpones a pending one.
  void schedule(llvm::StringRef Path, std::chrono::milliseconds Delay);
  /// The document was closed: no analysis is due.
  void cancel(llvm::StringRef Path);

  /// Starts the analysis thread, which is never joined (the process exits
  /// with it running).
  void start();

private:
  [[noreturn]] void run();

  AnalyseFunction Analyse;
  std::mutex Mutex;
  std::condition_variable WorkReady;
  llvm::StringMap<Clock::time_point> Due; // Guarded by Mutex.
};

} // namespace pincheck

#endif // PINCHECK_CLANGD_ANALYSISSCHEDULER_H
