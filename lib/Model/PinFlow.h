//===--- PinFlow.h - Does a pin reach a move ------------------------------===//
//
// Part of pincheck. The control-flow questions of docs/model.md ("Pin
// events"), answered on Clang's CFG: which block holds a statement
// (`CFGStmtMap`) and, within a block, the order of its elements.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_PINFLOW_H
#define PINCHECK_MODEL_PINFLOW_H

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace pincheck {

class PinFlow {
public:
  PinFlow(const clang::FunctionDecl *Function, clang::ASTContext &Context);
  ~PinFlow();

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

  /// `Use` lies in the scope of the local variable `Local`: the block (or
  /// statement) its declaration belongs to.
  bool inScopeOf(const clang::VarDecl *Local, const clang::Stmt *Use);

private:
  /// The block of `S` and the index of the element that evaluates it (or
  /// the statement that contains it); null when `S` is not in the CFG.
  std::pair<const clang::CFGBlock *, unsigned>
  position(const clang::Stmt *S) const;
  /// `Later` is evaluated after `Earlier` within one block.
  bool isAfterInBlock(const clang::Stmt *Earlier,
                      const clang::Stmt *Later) const;

  std::unique_ptr<clang::CFG> TheCFG;
  std::unique_ptr<clang::ParentMap> Parents;
  std::unique_ptr<clang::CFGStmtMap> Blocks;
  /// The element index of each statement that is a CFG element.
  llvm::DenseMap<const clang::Stmt *, unsigned> ElementIndex;
  /// The declaration of each local variable, built on first use.
  llvm::DenseMap<const clang::VarDecl *, const clang::DeclStmt *> Declarations;
  const clang::Stmt *Body = nullptr;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_PINFLOW_H
