//===--- Logger.h - Log lines on standard error, as clangd writes them ----===//
//
// Part of pincheck. pincheck-clangd shares standard error with clangd (the
// editor shows both in one log), so its lines follow clangd's format,
// `I[12:34:56.789] message`, with the same levels as clangd's --log.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_LOGGER_H
#define PINCHECK_CLANGD_LOGGER_H

#include "llvm/Support/FormatVariadic.h"

namespace pincheck {

enum class LogLevel { Error, Info, Verbose };

void setLogLevel(LogLevel Level);
bool logEnabled(LogLevel Level);
void logLine(LogLevel Level, const llvm::Twine &Message);

template <typename... Ts> void elog(const char *Format, Ts &&...Values) {
  logLine(LogLevel::Error, llvm::formatv(Format, std::forward<Ts>(Values)...));
}
template <typename... Ts> void log(const char *Format, Ts &&...Values) {
  if (logEnabled(LogLevel::Info))
    logLine(LogLevel::Info, llvm::formatv(Format, std::forward<Ts>(Values)...));
}
template <typename... Ts> void vlog(const char *Format, Ts &&...Values) {
  if (logEnabled(LogLevel::Verbose))
    logLine(LogLevel::Verbose,
            llvm::formatv(Format, std::forward<Ts>(Values)...));
}

} // namespace pincheck

#endif // PINCHECK_CLANGD_LOGGER_H
