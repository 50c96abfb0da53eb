//===--- Paths.h - The file names findings carry --------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_COMMON_PATHS_H
#define PINCHECK_TOOLS_COMMON_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace pincheck {

/// `Path` made absolute against `BuildDirectory` (the directory of the
/// compile command that reported it) and without `.` or `..`, so that
/// `./shared.h` from one command and `shared.h` from another are one file.
/// An empty path stays empty.
std::string normalizedPath(llvm::StringRef Path,
                           llvm::StringRef BuildDirectory);

} // namespace pincheck

#endif // PINCHECK_TOOLS_COMMON_PATHS_H
