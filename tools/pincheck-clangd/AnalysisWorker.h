//===--- AnalysisWorker.h - The analysis in a process of its own ----------===//
//
// Part of pincheck. A crash in the analysis (a bug in a check or in Clang,
// on code being typed) must not take the editor's session down. So
// pincheck-clangd analyses in a worker process: itself, run again with the
// hidden option --pincheck-worker, which answers one request at a time on
// its standard input and output (WorkerProtocol.h). When the worker dies,
// that analysis fails with the reason; the next one starts a new worker.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_ANALYSISWORKER_H
#define PINCHECK_CLANGD_ANALYSISWORKER_H

#include "Analyzer.h"
#include "ClangdProcess.h"
#include "Transport.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace pincheck {

/// The worker, as pincheck-clangd sees it. Used by one thread at a time.
class AnalysisWorker {
public:
  /// The worker runs `Program` with `Arguments` (without argv[0]).
  AnalysisWorker(std::string Program, std::vector<std::string> Arguments);
  AnalysisWorker(const AnalysisWorker &) = delete;
  AnalysisWorker &operator=(const AnalysisWorker &) = delete;
  ~AnalysisWorker();

  /// Analyses in the worker, started if none runs. Fails, saying why, when
  /// the worker cannot start or ends before it answers.
  llvm::Expected<AnalysisResult> analyse(const AnalysisInput &Input);

private:
  llvm::Error start();
  /// The worker is gone (or must go): reaps it; says how it ended.
  std::string stop();

  std::string Program;
  std::vector<std::string> Arguments;
  /// The running worker; Pid -1 when there is none.
  ChildProcess Process;
  std::unique_ptr<FrameReader> Replies;
  std::unique_ptr<FrameWriter> Requests;
};

/// The worker's side: answers the requests on `In` with `Analysis`, on
/// `Out`, until `In` ends. Returns the exit status.
int runAnalysisWorker(const Analyzer &Analysis, int In, int Out);

} // namespace pincheck

#endif // PINCHECK_CLANGD_ANALYSISWORKER_H
