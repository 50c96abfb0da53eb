//===--- UserCodeScope.cpp - Traverse only the user's declarations --------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "UserCodeScope.h"
#include "TestCrash.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pincheck {

std::vector<Decl *> userDeclarations(ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  std::vector<Decl *> Result;
  for (Decl *D : Context.getTranslationUnitDecl()->decls()) {
    SourceLocation Loc = D->getLocation();
    if (Loc.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      Result.push_back(D);
  }
  return Result;
}

static std::vector<std::unique_ptr<ASTConsumer>>
single(std::unique_ptr<ASTConsumer> Inner) {
  std::vector<std::unique_ptr<ASTConsumer>> Result;
  Result.push_back(std::move(Inner));
  return Result;
}

UserCodeConsumer::UserCodeConsumer(std::unique_ptr<ASTConsumer> Inner)
    : MultiplexConsumer(single(std::move(Inner))) {}

UserCodeConsumer::UserCodeConsumer(
    std::vector<std::unique_ptr<ASTConsumer>> Inner)
    : MultiplexConsumer(std::move(Inner)) {}

void UserCodeConsumer::HandleTranslationUnit(ASTContext &Context) {
  crashIfRequestedForTesting(Context);
  std::vector<Decl *> Saved = Context.getTraversalScope();
  Context.setTraversalScope(userDeclarations(Context));
  MultiplexConsumer::HandleTranslationUnit(Context);
  Context.setTraversalScope(Saved); // For whoever runs next.
}

} // namespace pincheck
