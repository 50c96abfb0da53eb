//===--- Paths.cpp - The file names findings carry ------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Paths.h"
#include "Checks/TidyCompat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace pincheck {

std::string normalizedPath(StringRef Path, StringRef BuildDirectory) {
  if (Path.empty())
    return "";
  SmallString<256> Normal(Path);
  if (!sys::path::is_absolute(Normal) && !BuildDirectory.empty())
    compat::makeAbsolute(BuildDirectory, Normal);
  sys::path::remove_dots(Normal, /*remove_dot_dot=*/true);
  return std::string(Normal);
}

} // namespace pincheck
