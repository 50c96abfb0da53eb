//===--- PinFlow.h - Does a pin reach a move ------------------------------===//
//
// Part of pincheck. Control flow questions of `pinning-model.md` section 4,
// answered on Clang's CFG with clang-tidy's ExprSequence (the order of
// statements within a block) and StmtToBlockMap.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_PINFLOW_H
#define PINCHECK_PINFLOW_H

#include "clang/Analysis/CFG.h"
#include "clang-tidy/utils/ExprSequence.h"
#include <memory>

namespace pincheck {

class PinFlow {
public:
  PinFlow(const clang::FunctionDecl *Function, clang::ASTContext &Context);

  /// False when Clang could not build a CFG for the function.
  bool isValid() const { return TheCFG != nullptr; }

  /// Some path leads from `Pin` to `Use`, loops included. A path through
  /// `Declaration` (the object's declaration in a loop) reaches a new object
  /// and does not count.
  bool reaches(const clang::Stmt *Pin, const clang::Stmt *Use,
               const clang::Stmt *Declaration) const;

  /// Some path from the function's entry reaches `Use` without passing any
  /// of `Pins`: the object is pinned on some paths only.
  bool reachableAvoiding(const clang::Stmt *Use,
                         llvm::ArrayRef<const clang::Stmt *> Pins) const;

private:
  std::unique_ptr<clang::CFG> TheCFG;
  std::unique_ptr<clang::tidy::utils::ExprSequence> Sequence;
  std::unique_ptr<clang::tidy::utils::StmtToBlockMap> Blocks;
};

} // namespace pincheck

#endif // PINCHECK_PINFLOW_H
