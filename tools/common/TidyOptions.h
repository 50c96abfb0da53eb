//===--- TidyOptions.h - pincheck's clang-tidy options --------------------===//
//
// Part of pincheck. The options every frontend that embeds the clang-tidy
// engine starts from: the checks default to `-*,pin-*`, `.clang-tidy` files
// beside the sources (or one configuration file) apply on top, and the
// command line's settings on top of those.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_COMMON_TIDYOPTIONS_H
#define PINCHECK_TOOLS_COMMON_TIDYOPTIONS_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <optional>
#include <string>

namespace pincheck {

/// The checks pincheck's frontends run are its own: a project's
/// `.clang-tidy` may enable the static analyzer's checks, which the engine
/// carries, but those are clang-tidy's business (docs/decisions.md).
inline std::string onlyPincheckChecks(llvm::StringRef Checks) {
  return Checks.empty() ? std::string("-clang-analyzer-*")
                        : (Checks + ",-clang-analyzer-*").str();
}

/// Settings given on a frontend's command line; empty means "not given".
struct TidySettings {
  /// Globs of checks, applied after the configuration files.
  std::string Checks;
  /// A `.clang-tidy` style file read instead of the ones beside the sources.
  std::string ConfigFile;
  /// Given, even empty, the filters override the configuration, as in
  /// clang-tidy: `--header-filter=` hides headers where the default (LLVM
  /// 22's '.*') shows them.
  std::optional<std::string> HeaderFilter;
  std::optional<std::string> ExcludeHeaderFilter;
  std::string WarningsAsErrors;
};

/// The options provider for `Settings`; `.clang-tidy` files are read through
/// `FS`. Fails when the configuration file cannot be read or parsed, with a
/// one-line message: `cannot read --config-file 'FILE': WHY` or `invalid
/// --config-file 'FILE': WHY`.
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
createOptionsProvider(const TidySettings &Settings,
                      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

/// The page of `Check` below `BaseUrl`: `<BaseUrl><Check>.md`.
std::string checkDocumentationUrl(llvm::StringRef BaseUrl,
                                  llvm::StringRef Check);

} // namespace pincheck

#endif // PINCHECK_TOOLS_COMMON_TIDYOPTIONS_H
