//===--- BodyWalker.h - One walk over a function body ---------------------===//
//
// Part of pincheck. The traversal that the model's scanners share: every
// statement and expression of a body in source order, iteratively (a deep
// expression cannot exhaust the stack), with one rule for lambdas.
//
// The lambda rule (docs/model.md, "Lambdas"): a lambda's captures are
// evaluated where the lambda is written, so they are walked there; its body
// runs later, if at all, on what it captured, so it is not part of the
// enclosing body's evaluation. The walker never enters a lambda body; a
// scanner that asks what a class's code can ever do to its own members reads
// it as code that may run (from `visitLambda`), and every other scanner
// leaves it alone.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_AST_BODYWALKER_H
#define PINCHECK_AST_BODYWALKER_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace pincheck {

/// CRTP base of the scanners. The derived class may define:
///   bool enter(const clang::Stmt *S);  visit `S`; false skips its children
///   void leave(const clang::Stmt *S);  after `S`'s children (if entered)
///   void visitLambda(const clang::LambdaExpr *Lambda);  at a lambda, before
///                                         its captures (see the rule above)
template <typename Derived> class BodyWalker {
public:
  /// Walks `Root` and everything in it, in source order.
  void walk(const clang::Stmt *Root) {
    // Each entry is a statement to visit, or (Leave) one to leave.
    struct Item {
      const clang::Stmt *S;
      bool Leave;
    };
    llvm::SmallVector<Item, 32> Stack{{Root, false}};
    llvm::SmallVector<const clang::Stmt *, 8> Children;
    while (!Stack.empty()) {
      Item Next = Stack.pop_back_val();
      if (!Next.S)
        continue;
      if (Next.Leave) {
        derived().leave(Next.S);
        continue;
      }
      Children.clear();
      if (const auto *Lambda = llvm::dyn_cast<clang::LambdaExpr>(Next.S)) {
        derived().visitLambda(Lambda);
        for (const clang::Expr *Init : Lambda->capture_inits())
          Children.push_back(Init);
      } else {
        if (!derived().enter(Next.S))
          continue;
        Stack.push_back({Next.S, true});
        for (const clang::Stmt *Child : Next.S->children())
          Children.push_back(Child);
      }
      // Pushed in reverse, so that they are visited in source order.
      for (const clang::Stmt *Child : llvm::reverse(Children))
        Stack.push_back({Child, false});
    }
  }

  // The defaults: visit everything, leave lambda bodies alone.
  bool enter(const clang::Stmt *) { return true; }
  void leave(const clang::Stmt *) {}
  void visitLambda(const clang::LambdaExpr *) {}

private:
  Derived &derived() { return *static_cast<Derived *>(this); }
};

/// Statements whose children run on some paths only: branches, loops and
/// the operands of `?:`, `&&` and `||`.
inline bool isBranch(const clang::Stmt *S) {
  if (const auto *BO = llvm::dyn_cast<clang::BinaryOperator>(S))
    return BO->isLogicalOp();
  return llvm::isa<clang::IfStmt, clang::SwitchStmt, clang::ForStmt,
                   clang::WhileStmt, clang::DoStmt, clang::CXXForRangeStmt,
                   clang::AbstractConditionalOperator>(S);
}

} // namespace pincheck

#endif // PINCHECK_AST_BODYWALKER_H
