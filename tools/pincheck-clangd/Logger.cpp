//===--- Logger.cpp - Log lines on standard error -------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Logger.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <mutex>

using namespace llvm;

namespace pincheck {

static std::atomic<LogLevel> CurrentLevel{LogLevel::Info};
static std::mutex LogMutex;

void setLogLevel(LogLevel Level) { CurrentLevel = Level; }

bool logEnabled(LogLevel Level) { return Level <= CurrentLevel.load(); }

void logLine(LogLevel Level, const Twine &Message) {
  const char Tag = Level == LogLevel::Error  ? 'E'
                   : Level == LogLevel::Info ? 'I'
                                             : 'V';
  auto Now = std::chrono::system_clock::now();
  std::lock_guard<std::mutex> Lock(LogMutex);
  errs() << formatv("{0}[{1:%H:%M:%S.%L}] pincheck: ", Tag, Now) << Message
         << "\n";
  errs().flush();
}

} // namespace pincheck
