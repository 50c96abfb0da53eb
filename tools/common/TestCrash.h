//===--- TestCrash.h - A crash on request, for testing crash handling -----===//
//
// Part of pincheck. The frontends must survive an analysis that crashes (a
// bug in a check, or in Clang): the compiler plugin and the CLI recover
// with llvm::CrashRecoveryContext, pincheck-clangd loses only its worker
// process. To test that without a real bug, the analysis crashes on request:
// with PINCHECK_TEST_CRASH=TEXT in the environment, the analysis of a
// translation unit whose main file contains TEXT ends with a segmentation
// fault before any check runs; with PINCHECK_TEST_STACK_OVERFLOW=TEXT, with
// a stack overflow (recursion without end). Without the variables nothing
// changes.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_COMMON_TESTCRASH_H
#define PINCHECK_TOOLS_COMMON_TESTCRASH_H

namespace clang {
class ASTContext;
} // namespace clang

namespace pincheck {

/// Writes through a null pointer (SIGSEGV), or overflows the stack, if
/// PINCHECK_TEST_CRASH or PINCHECK_TEST_STACK_OVERFLOW asks for it (see
/// above).
void crashIfRequestedForTesting(const clang::ASTContext &Context);

} // namespace pincheck

#endif // PINCHECK_TOOLS_COMMON_TESTCRASH_H
