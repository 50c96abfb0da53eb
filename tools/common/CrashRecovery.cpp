//===--- CrashRecovery.cpp - The analysis, which may crash, run safely ----===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "CrashRecovery.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include <csignal>
#include <mutex>

using namespace llvm;

namespace pincheck {

/// The faults of a stack overflow.
static constexpr int OverflowSignals[] = {SIGSEGV, SIGBUS};

/// Makes the handlers that CrashRecoveryContext installed (without
/// SA_ONSTACK) run on the thread's alternate signal stack, if it has one.
static void runHandlersOnAlternateStacks() {
  for (int Signal : OverflowSignals) {
    struct sigaction Action;
    if (sigaction(Signal, nullptr, &Action) != 0 ||
        (Action.sa_flags & SA_ONSTACK))
      continue;
    if (!(Action.sa_flags & SA_SIGINFO) &&
        (Action.sa_handler == SIG_DFL || Action.sa_handler == SIG_IGN))
      continue;
    Action.sa_flags |= SA_ONSTACK;
    sigaction(Signal, &Action, nullptr);
  }
}

/// An alternate signal stack for this thread, unless it has one (LLVM gives
/// one to the thread that installs its own handlers).
static void ensureAlternateStack() {
  constexpr size_t Size = 64 * 1024;
  stack_t Current;
  if (sigaltstack(nullptr, &Current) == 0 && !(Current.ss_flags & SS_DISABLE) &&
      Current.ss_size >= Size)
    return;
  stack_t Alternate;
  // Never freed: the thread may analyse (and need it) until the process
  // ends, and the threads that analyse are few.
  Alternate.ss_sp = new char[Size];
  Alternate.ss_size = Size;
  Alternate.ss_flags = 0;
  sigaltstack(&Alternate, nullptr);
}

bool runRecoveringFromCrashes(function_ref<void()> Analysis) {
  // The driver enables crash recovery for an in-process cc1 but not for a
  // separate one (-fno-integrated-cc1); enabling it twice is harmless.
  static std::once_flag Enabled;
  std::call_once(Enabled, [] {
    CrashRecoveryContext::Enable();
    runHandlersOnAlternateStacks();
  });
  ensureAlternateStack();
  CrashRecoveryContext Recovery;
  return Recovery.RunSafely(Analysis);
}

} // namespace pincheck
