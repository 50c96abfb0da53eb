//===--- TestCrash.cpp - A crash on request, for testing crash handling ---===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "TestCrash.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Process.h"

using namespace llvm;

namespace pincheck {

/// Whether the environment variable `Name` is set to a text that the main
/// file of `Context` contains.
static bool requested(const std::optional<std::string> &Marker,
                      const clang::ASTContext &Context) {
  if (!Marker || Marker->empty())
    return false;
  const clang::SourceManager &SM = Context.getSourceManager();
  return SM.getBufferData(SM.getMainFileID()).contains(*Marker);
}

/// Recursion without end, as a model without a depth bound would recurse.
/// The volatile frame keeps it from being a loop or a tail call.
[[gnu::noinline]] static void recurseForever(unsigned Depth) {
  volatile char Frame[512];
  Frame[0] = static_cast<char>(Depth);
  recurseForever(Depth + 1);
  Frame[1] = Frame[0];
}

void crashIfRequestedForTesting(const clang::ASTContext &Context) {
  static const std::optional<std::string> Crash =
      sys::Process::GetEnv("PINCHECK_TEST_CRASH");
  static const std::optional<std::string> Overflow =
      sys::Process::GetEnv("PINCHECK_TEST_STACK_OVERFLOW");
  if (requested(Overflow, Context))
    recurseForever(0);
  if (!requested(Crash, Context))
    return;
  // A real fault rather than raise(SIGSEGV): LLVM's own signal handler
  // (InitLLVM's) prints its stack dump and returns, which ends the process
  // only when the faulting store runs again; after raise() it would go on.
  int *volatile Null = nullptr;
  *Null = 0;
}

} // namespace pincheck
