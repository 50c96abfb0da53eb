//===--- TidyCompat.h - clang-tidy APIs that differ between LLVM majors ---===//
//
// Part of pincheck. The clang-tidy and driver APIs whose spelling differs
// between LLVM 19 and LLVM 22, for the checks and the frontends; the AST ones
// the model needs are in lib/AST/ASTCompat.h. These two are the only files
// that test LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_TIDYCOMPAT_H
#define PINCHECK_CHECKS_TIDYCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/utils/FixItHintUtils.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

// LLVM 22 declares the module registry in ClangTidyModule.h and deprecates
// this header (with a #warning).
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace pincheck {
namespace compat {

/// The checks that \p Options enable, among the registered ones, without
/// the static analyzer's alpha checkers (and, in LLVM 22, without custom
/// checks from the configuration).
inline std::vector<std::string>
enabledCheckNames(const clang::tidy::ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(
      Options,
      /*AllowEnablingAnalyzerAlphaCheckers=*/false,
      /*ExperimentalCustomChecks=*/false);
#else
  return clang::tidy::getCheckNames(
      Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

/// Makes the relative path \p Path absolute against \p Directory.
inline void makeAbsolute(llvm::StringRef Directory,
                         llvm::SmallVectorImpl<char> &Path) {
#if LLVM_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Directory, Path);
#else
  llvm::sys::fs::make_absolute(Directory, Path);
#endif
}

/// A diagnostics engine that sends what \p Context reports to \p Consumer,
/// installed as \p Context's engine. The engine must not outlive
/// \p Context (which owns its options in LLVM 22).
inline std::unique_ptr<clang::DiagnosticsEngine>
createTidyDiagnosticsEngine(clang::tidy::ClangTidyContext &Context,
                            clang::DiagnosticConsumer &Consumer) {
#if LLVM_VERSION_MAJOR >= 22
  auto Options = std::make_unique<clang::DiagnosticOptions>();
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      clang::DiagnosticIDs::create(), *Options, &Consumer,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      new clang::DiagnosticIDs, new clang::DiagnosticOptions, &Consumer,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(Engine.get());
#endif
  return Engine;
}

/// The fix-it that adds `const` to the type of \p Var (on the left), if it
/// can be written (`Qualifiers::TQ` in LLVM 22, `DeclSpec::TQ` before).
inline std::optional<clang::FixItHint>
addConstToVarDecl(const clang::VarDecl &Var, const clang::ASTContext &Context) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::utils::fixit::addQualifierToVarDecl(
      Var, Context, clang::Qualifiers::Const);
#else
  return clang::tidy::utils::fixit::addQualifierToVarDecl(
      Var, Context, clang::DeclSpec::TQ_const);
#endif
}

} // namespace compat
} // namespace pincheck

#endif // PINCHECK_CHECKS_TIDYCOMPAT_H
