//===--- CrashRecovery.h - The analysis, which may crash, run safely ------===//
//
// Part of pincheck. The compiler plugin and the CLI run each analysis under
// llvm::CrashRecoveryContext, so that a crash in it (a bug in a check or in
// Clang) ends that analysis, not the compiler or the run. LLVM's recovery
// handlers run on the stack that faulted, so a stack overflow (unbounded
// recursion in the model) would fault again in the handler and end the
// process; here they run on an alternate signal stack, which each thread
// that analyses gets.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_COMMON_CRASHRECOVERY_H
#define PINCHECK_TOOLS_COMMON_CRASHRECOVERY_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace pincheck {

/// Runs `Analysis`; false if it crashed (its effects are then partial, and
/// what it allocated is leaked).
bool runRecoveringFromCrashes(llvm::function_ref<void()> Analysis);

} // namespace pincheck

#endif // PINCHECK_TOOLS_COMMON_CRASHRECOVERY_H
