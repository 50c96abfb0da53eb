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

void crashIfRequestedForTesting(const clang::ASTContext &Context) {
  static const std::optional<std::string> Marker =
      sys::Process::GetEnv("PINCHECK_TEST_CRASH");
  if (!Marker || Marker->empty())
    return;
  const clang::SourceManager &SM = Context.getSourceManager();
  if (!SM.getBufferData(SM.getMainFileID()).contains(*Marker))
    return;
  // A real fault rather than raise(SIGSEGV): LLVM's own signal handler
  // (InitLLVM's) prints its stack dump and returns, which ends the process
  // only when the faulting store runs again; after raise() it would go on.
  int *volatile Null = nullptr;
  *Null = 0;
}

} // namespace pincheck
