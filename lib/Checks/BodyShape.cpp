//===--- BodyShape.cpp - How a function body is laid out ------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/BodyShape.h"
#include "AST/BodyWalker.h"
#include "clang/AST/ASTContext.h"

using namespace clang;

namespace pincheck {

/// The value of a condition that does not depend on the run: a constant
/// expression for this instantiation.
static std::optional<bool> constantCondition(const Expr *Condition,
                                             ASTContext &Context) {
  if (!Condition || Condition->isValueDependent() ||
      Condition->isInstantiationDependent())
    return std::nullopt;
  bool Value = false;
  if (!Condition->isCXX11ConstantExpr(Context) ||
      !Condition->EvaluateAsBooleanCondition(Value, Context))
    return std::nullopt;
  return Value;
}

/// The branch of `S` that cannot run, if `S` branches on a constant.
static const Stmt *deadBranch(const Stmt *S, ASTContext &Context) {
  const Expr *Condition = nullptr;
  const Stmt *Then = nullptr, *Else = nullptr;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (If->isConstexpr() || If->getConditionVariable())
      return nullptr;
    Condition = If->getCond();
    Then = If->getThen();
    Else = If->getElse();
  } else if (const auto *Conditional = dyn_cast<ConditionalOperator>(S)) {
    Condition = Conditional->getCond();
    Then = Conditional->getTrueExpr();
    Else = Conditional->getFalseExpr();
  } else {
    return nullptr;
  }
  std::optional<bool> Value = constantCondition(Condition, Context);
  if (!Value)
    return nullptr;
  return *Value ? Else : Then;
}

namespace {
class ShapeWalker : public BodyWalker<ShapeWalker> {
public:
  ShapeWalker(ASTContext &Context, llvm::DenseSet<const Stmt *> &Dead,
              llvm::DenseSet<const Stmt *> &Statements)
      : Context(Context), Dead(Dead), Statements(Statements) {}

  bool enter(const Stmt *S) {
    if (DeadDepth > 0)
      Dead.insert(S);
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      for (const Stmt *Child : Block->body())
        Statements.insert(Child);
    if (const Stmt *Branch = deadBranch(S, Context))
      DeadRoots.insert(Branch);
    if (DeadRoots.contains(S)) {
      Dead.insert(S);
      ++DeadDepth;
    }
    return true;
  }
  void leave(const Stmt *S) {
    if (DeadRoots.contains(S))
      --DeadDepth;
  }

private:
  ASTContext &Context;
  llvm::DenseSet<const Stmt *> &Dead;
  llvm::DenseSet<const Stmt *> &Statements;
  llvm::DenseSet<const Stmt *> DeadRoots;
  unsigned DeadDepth = 0;
};
} // namespace

BodyShape::BodyShape(const Stmt *Body, ASTContext &Context) {
  ShapeWalker(Context, Dead, Statements).walk(Body);
}

const BodyShape &BodyShapes::of(const FunctionDecl *Function,
                                ASTContext &Context) {
  std::unique_ptr<BodyShape> &Shape = Shapes[Function];
  if (!Shape)
    Shape = std::make_unique<BodyShape>(Function->getBody(), Context);
  return *Shape;
}

} // namespace pincheck
