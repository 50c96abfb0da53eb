//===--- PinFlow.cpp - Does a pin reach a move ----------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "PinFlow.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace clang::tidy::utils;

namespace pincheck {

PinFlow::PinFlow(const FunctionDecl *Function, ASTContext &Context) {
  Stmt *Body = Function->getBody();
  if (!Body)
    return;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  TheCFG = CFG::buildCFG(Function, Body, &Context, Options);
  if (!TheCFG)
    return;
  Sequence = std::make_unique<ExprSequence>(TheCFG.get(), Body, &Context);
  Blocks = std::make_unique<StmtToBlockMap>(TheCFG.get(), &Context);
}

bool PinFlow::reaches(const Stmt *Pin, const Stmt *Use,
                      const Stmt *Declaration) const {
  if (!isValid())
    return false;
  const CFGBlock *PinBlock = Blocks->blockContainingStmt(Pin);
  const CFGBlock *UseBlock = Blocks->blockContainingStmt(Use);
  if (!PinBlock || !UseBlock)
    return false;
  if (PinBlock == UseBlock && Pin != Use &&
      Sequence->potentiallyAfter(Use, Pin))
    return true;
  const CFGBlock *DeclBlock =
      Declaration ? Blocks->blockContainingStmt(Declaration) : nullptr;
  llvm::SmallPtrSet<const CFGBlock *, 16> Visited;
  llvm::SmallVector<const CFGBlock *, 16> Worklist(PinBlock->succ_begin(),
                                                   PinBlock->succ_end());
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.pop_back_val();
    if (!Block || !Visited.insert(Block).second || Block == DeclBlock)
      continue;
    if (Block == UseBlock)
      return true;
    Worklist.append(Block->succ_begin(), Block->succ_end());
  }
  return false;
}

bool PinFlow::reachableAvoiding(const Stmt *Use,
                                ArrayRef<const Stmt *> Pins) const {
  if (!isValid())
    return false;
  const CFGBlock *UseBlock = Blocks->blockContainingStmt(Use);
  llvm::SmallPtrSet<const CFGBlock *, 8> PinBlocks;
  for (const Stmt *Pin : Pins)
    if (const CFGBlock *Block = Blocks->blockContainingStmt(Pin))
      PinBlocks.insert(Block);
  llvm::SmallPtrSet<const CFGBlock *, 16> Visited;
  llvm::SmallVector<const CFGBlock *, 16> Worklist{&TheCFG->getEntry()};
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.pop_back_val();
    if (!Block || !Visited.insert(Block).second)
      continue;
    if (Block == UseBlock) {
      const bool PinnedFirst = llvm::any_of(Pins, [&](const Stmt *Pin) {
        return Blocks->blockContainingStmt(Pin) == Block &&
               Sequence->inSequence(Pin, Use);
      });
      if (!PinnedFirst)
        return true;
      continue;
    }
    if (PinBlocks.contains(Block))
      continue; // Every path through this block passes a pin.
    Worklist.append(Block->succ_begin(), Block->succ_end());
  }
  return false;
}

} // namespace pincheck
