//===--- BodyShape.h - How a function body is laid out --------------------===//
//
// Part of pincheck. What the checks that match calls from their function
// down need to know about the body they are in, computed in one walk:
// which calls stand as statements of their own (their value unused), and
// which statements lie in a branch whose condition is a constant for this
// instantiation (`if (std::is_trivially_copyable<T>::value) memcpy(...);`,
// `sizeof(T) > 8 ? ... : ...`): code that cannot run for this `T`
// (docs/model.md, "The checks"). `if constexpr` needs nothing: Sema does not
// instantiate the discarded branch.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_BODYSHAPE_H
#define PINCHECK_CHECKS_BODYSHAPE_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang {
class ASTContext;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace pincheck {

class BodyShape {
public:
  BodyShape(const clang::Stmt *Body, clang::ASTContext &Context);

  /// `S` lies in a branch that cannot run.
  bool isDead(const clang::Stmt *S) const { return Dead.contains(S); }
  /// `S` is a statement of its own in a block.
  bool isStatement(const clang::Stmt *S) const {
    return Statements.contains(S);
  }

private:
  llvm::DenseSet<const clang::Stmt *> Dead;
  llvm::DenseSet<const clang::Stmt *> Statements;
};

/// The shapes of the functions a check has seen, each computed once.
class BodyShapes {
public:
  const BodyShape &of(const clang::FunctionDecl *Function,
                      clang::ASTContext &Context);

private:
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<BodyShape>>
      Shapes;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_BODYSHAPE_H
