//===--- UserCodeScope.h - Traverse only the user's declarations ----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//
//
// Every pincheck matcher skips system headers, and the model reads library
// types lazily, on demand. So the frontends that own the AST consumer (the
// CLI and the compiler plugin) let the match finder traverse only the
// top-level declarations outside system headers: the finder honours the
// ASTContext's traversal scope, as clangd relies on.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_USERCODESCOPE_H
#define PINCHECK_TOOLS_USERCODESCOPE_H

#include "clang/Frontend/MultiplexConsumer.h"
#include <memory>
#include <vector>

namespace pincheck {

/// The top-level declarations of the translation unit outside system
/// headers.
std::vector<clang::Decl *> userDeclarations(clang::ASTContext &Context);

/// Forwards everything to the consumers it wraps, with the traversal scope
/// restricted to the user's declarations while they handle the translation
/// unit.
class UserCodeConsumer : public clang::MultiplexConsumer {
public:
  explicit UserCodeConsumer(std::unique_ptr<clang::ASTConsumer> Inner);
  /// Several consumers, run in this order.
  explicit UserCodeConsumer(
      std::vector<std::unique_ptr<clang::ASTConsumer>> Inner);

  void HandleTranslationUnit(clang::ASTContext &Context) override;
};

} // namespace pincheck

#endif // PINCHECK_TOOLS_USERCODESCOPE_H
