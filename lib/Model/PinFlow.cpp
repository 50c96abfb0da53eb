//===--- PinFlow.cpp - Does a pin reach a move ----------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/PinFlow.h"
#include "AST/ASTCompat.h"
#include "AST/ASTUtils.h"
#include "AST/BodyWalker.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace pincheck {

PinFlow::PinFlow(const FunctionDecl *Function, ASTContext &Context) {
  Stmt *Body = userBody(Function);
  this->Body = Body;
  if (!Body)
    return;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.setAllAlwaysAdd();
  TheCFG = CFG::buildCFG(Function, Body, &Context, Options);
  if (!TheCFG)
    return;
  Parents = std::make_unique<ParentMap>(Body);
  Blocks = compat::buildStmtMap(*TheCFG, *Parents);
  for (const CFGBlock *Block : *TheCFG) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (std::optional<CFGStmt> S = Element.getAs<CFGStmt>())
        ElementIndex.try_emplace(S->getStmt(), Index);
      ++Index;
    }
  }
}

PinFlow::~PinFlow() = default;

std::pair<const CFGBlock *, unsigned> PinFlow::position(const Stmt *S) const {
  const CFGBlock *Block = Blocks->getBlock(S);
  if (!Block)
    return {nullptr, 0};
  // A statement that is not an element of its own (a sub-expression the CFG
  // does not list) is evaluated with the closest enclosing one that is.
  for (const Stmt *At = S; At; At = Parents->getParent(At)) {
    auto It = ElementIndex.find(At);
    if (It != ElementIndex.end() && Blocks->getBlock(At) == Block)
      return {Block, It->second};
  }
  return {Block, 0};
}

bool PinFlow::isAfterInBlock(const Stmt *Earlier, const Stmt *Later) const {
  return position(Earlier).second < position(Later).second;
}

bool PinFlow::reaches(const Stmt *Pin, const Stmt *Use,
                      const Stmt *Declaration) const {
  if (!isValid())
    return false;
  const CFGBlock *PinBlock = position(Pin).first;
  const CFGBlock *UseBlock = position(Use).first;
  if (!PinBlock || !UseBlock)
    return false;
  if (PinBlock == UseBlock && Pin != Use && isAfterInBlock(Pin, Use))
    return true;
  const CFGBlock *DeclBlock =
      Declaration ? position(Declaration).first : nullptr;
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
  const CFGBlock *UseBlock = position(Use).first;
  llvm::SmallPtrSet<const CFGBlock *, 8> PinBlocks;
  for (const Stmt *Pin : Pins)
    if (const CFGBlock *Block = position(Pin).first)
      PinBlocks.insert(Block);
  llvm::SmallPtrSet<const CFGBlock *, 16> Visited;
  llvm::SmallVector<const CFGBlock *, 16> Worklist{&TheCFG->getEntry()};
  while (!Worklist.empty()) {
    const CFGBlock *Block = Worklist.pop_back_val();
    if (!Block || !Visited.insert(Block).second)
      continue;
    if (Block == UseBlock) {
      const bool PinnedFirst = llvm::any_of(Pins, [&](const Stmt *Pin) {
        return position(Pin).first == Block && isAfterInBlock(Pin, Use);
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

namespace {
class DeclarationCollector : public BodyWalker<DeclarationCollector> {
public:
  explicit DeclarationCollector(
      llvm::DenseMap<const VarDecl *, const DeclStmt *> &Declarations)
      : Declarations(Declarations) {}
  bool enter(const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          Declarations[VD] = DS;
    return true;
  }

private:
  llvm::DenseMap<const VarDecl *, const DeclStmt *> &Declarations;
};
} // namespace

bool PinFlow::inScopeOf(const VarDecl *Local, const Stmt *Use) {
  if (!isValid())
    return true;
  if (Declarations.empty())
    DeclarationCollector(Declarations).walk(Body);
  const DeclStmt *Declaration = Declarations.lookup(Local);
  const Stmt *Scope = Declaration ? Parents->getParent(Declaration) : nullptr;
  if (!Scope)
    return true; // Not known: the pin lasts.
  for (const Stmt *At = Use; At; At = Parents->getParent(At))
    if (At == Scope)
      return true;
  return false;
}

} // namespace pincheck
