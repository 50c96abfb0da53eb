//===--- TidyOptions.cpp - pincheck's clang-tidy options ------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "TidyOptions.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace clang::tidy;
using namespace llvm;

namespace pincheck {

Expected<std::unique_ptr<ClangTidyOptionsProvider>>
createOptionsProvider(const TidySettings &Settings,
                      IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions = ClangTidyOptions::getDefaults();
  DefaultOptions.Checks = "-*,pin-*";
  ClangTidyOptions OverrideOptions;
  OverrideOptions.Checks = onlyPincheckChecks(Settings.Checks);
  if (Settings.HeaderFilter)
    OverrideOptions.HeaderFilterRegex = *Settings.HeaderFilter;
  if (Settings.ExcludeHeaderFilter)
    OverrideOptions.ExcludeHeaderFilterRegex = *Settings.ExcludeHeaderFilter;
  if (!Settings.WarningsAsErrors.empty())
    OverrideOptions.WarningsAsErrors = Settings.WarningsAsErrors;
  if (Settings.ConfigFile.empty())
    return std::make_unique<FileOptionsProvider>(GlobalOptions, DefaultOptions,
                                                 OverrideOptions, FS);
  auto Text = MemoryBuffer::getFile(Settings.ConfigFile);
  if (!Text)
    return createStringError(
        Text.getError(), "cannot read --config-file '%s': %s",
        Settings.ConfigFile.c_str(), Text.getError().message().c_str());
  // The first of the parser's messages, on one line.
  std::string Why;
  auto Parsed = parseConfigurationWithDiags(
      (*Text)->getMemBufferRef(), [&](const SMDiagnostic &Diagnostic) {
        if (Why.empty())
          Why = formatv("line {0}, column {1}: {2}", Diagnostic.getLineNo(),
                        Diagnostic.getColumnNo() + 1, Diagnostic.getMessage());
      });
  if (!Parsed)
    return createStringError(
        Parsed.getError(), "invalid --config-file '%s': %s",
        Settings.ConfigFile.c_str(),
        Why.empty() ? Parsed.getError().message().c_str() : Why.c_str());
  return std::make_unique<ConfigOptionsProvider>(
      GlobalOptions, DefaultOptions, std::move(*Parsed), OverrideOptions, FS);
}

std::string checkDocumentationUrl(StringRef BaseUrl, StringRef Check) {
  return (BaseUrl + Check + ".md").str();
}

} // namespace pincheck
