//===--- WorkerProtocol.h - Analyses as JSON, between processes -----------===//
//
// Part of pincheck. pincheck-clangd analyses in a worker process (itself,
// run with --pincheck-worker), so that a crash in the analysis loses that
// analysis only. A request is an AnalysisInput and a reply an
// AnalysisResult, each one LSP-style frame of JSON (Transport.h) on the
// worker's standard input and output.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_WORKERPROTOCOL_H
#define PINCHECK_CLANGD_WORKERPROTOCOL_H

#include "Analyzer.h"
#include "llvm/Support/JSON.h"

namespace pincheck {

llvm::json::Value toJSON(const AnalysisInput &Input);
bool fromJSON(const llvm::json::Value &Value, AnalysisInput &Input,
              llvm::json::Path Path);

llvm::json::Value toJSON(const AnalysisResult &Result);
bool fromJSON(const llvm::json::Value &Value, AnalysisResult &Result,
              llvm::json::Path Path);

} // namespace pincheck

#endif // PINCHECK_CLANGD_WORKERPROTOCOL_H
