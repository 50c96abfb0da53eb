//===--- TidyEngine.h - The clang-tidy engine on the user's code ----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_TIDYENGINE_H
#define PINCHECK_TOOLS_PINCHECK_TIDYENGINE_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <string>
#include <vector>

namespace pincheck {

/// What else a frontend does with each parsed unit, after the checks (the
/// CLI summarises it into facts); called once per compile command.
using AfterChecks = std::function<void(clang::ASTContext &)>;

/// Runs clang-tidy's checks on one translation unit as `runClangTidy` does
/// (the same consumer, options, extra arguments and diagnostics), but lets
/// the match finder traverse the user's declarations only
/// (`UserCodeConsumer`).
std::vector<clang::tidy::ClangTidyError>
runTidyOnUserCode(clang::tidy::ClangTidyContext &Context,
                  const clang::tooling::CompilationDatabase &Compilations,
                  const std::string &File,
                  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                  bool ApplyAnyFix, AfterChecks After = nullptr);

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_TIDYENGINE_H
