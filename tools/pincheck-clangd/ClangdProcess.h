//===--- ClangdProcess.h - Finding and starting the real clangd -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_CLANGDPROCESS_H
#define PINCHECK_CLANGD_CLANGDPROCESS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <sys/types.h>

namespace pincheck {

/// The clangd to run: `Requested` (a path, or a name looked up on PATH)
/// when given; else `clangd` on PATH; else the `clangd-NN` on PATH with the
/// highest NN. A candidate that is this program itself (installed under the
/// name `clangd`) is skipped. `SelfPath` is this program's path.
llvm::Expected<std::string> findClangd(llvm::StringRef Requested,
                                       llvm::StringRef SelfPath);

/// A child process whose standard input and output are pipes to us.
struct ChildProcess {
  pid_t Pid = -1;
  int Stdin = -1;  ///< Write end of the child's standard input.
  int Stdout = -1; ///< Read end of the child's standard output.
};

/// Starts `Program` with `Args` (without argv[0]); standard error is
/// inherited. Fails with the reason when the program cannot be executed.
llvm::Expected<ChildProcess> startProcess(llvm::StringRef Program,
                                          llvm::ArrayRef<std::string> Args);

/// Waits for the child and returns its exit status, or 128 + the signal
/// number that ended it, as a shell reports it.
int waitForExit(pid_t Pid);

} // namespace pincheck

#endif // PINCHECK_CLANGD_CLANGDPROCESS_H
