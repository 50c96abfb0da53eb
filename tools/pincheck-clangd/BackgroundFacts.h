//===--- BackgroundFacts.h - The fact store, kept current -----------------===//
//
// Part of pincheck. Whole-program analysis in the editor: as clangd keeps
// its background index, pincheck-clangd keeps the fact store of each
// compilation database it meets current (docs/design.md, "Whole-program
// analysis"). It runs `pincheck --facts-only -p DIR` at the lowest
// priority, once when a database is first used and again after each save;
// a run reuses every unit whose inputs did not change, so the one after a
// save re-summarises the saved file and what depends on it. When a run
// changes the store, the open documents are analysed again with it.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_BACKGROUNDFACTS_H
#define PINCHECK_CLANGD_BACKGROUNDFACTS_H

#include "llvm/ADT/StringRef.h"
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace pincheck {

class BackgroundFacts {
public:
  /// `Pincheck` is the CLI to run; `Updated` is called (on the background
  /// thread) after a run that wrote the store of a database.
  BackgroundFacts(std::string Pincheck,
                  std::function<void(const std::string &)> Updated);
  ~BackgroundFacts();
  BackgroundFacts(const BackgroundFacts &) = delete;
  BackgroundFacts &operator=(const BackgroundFacts &) = delete;

  /// The store of the database in `Directory` is stale: bring it up to
  /// date once the runs before it are done (requests meanwhile merge).
  void refresh(llvm::StringRef DatabaseDirectory);

  /// The store beside the database in `Directory`.
  static std::string storeOf(llvm::StringRef DatabaseDirectory);

private:
  void loop();
  void runFor(const std::string &Directory);

  const std::string Pincheck;
  const std::function<void(const std::string &)> Updated;
  std::mutex Mutex;
  std::condition_variable Wake;
  std::set<std::string> Pending;
  bool Stopping = false;
  std::thread Thread;
};

} // namespace pincheck

#endif // PINCHECK_CLANGD_BACKGROUNDFACTS_H
