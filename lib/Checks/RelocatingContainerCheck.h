//===--- RelocatingContainerCheck.h - pin-relocating-container ------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RELOCATINGCONTAINERCHECK_H
#define PINCHECK_CHECKS_RELOCATINGCONTAINERCHECK_H

#include "Checks/BodyShape.h"
#include "Checks/PinCheck.h"
#include "Checks/Relocation.h"

namespace pincheck {

/// Reports container members and algorithms that relocate elements which
/// must not move: elements whose type's own move is wrong (always), or an
/// element pinned earlier in the same function, flow-sensitive
/// (docs/model.md, "Containers").
///
/// For the user-facing documentation see
/// docs/checks/pin-relocating-container.md.
class RelocatingContainerCheck : public PinCheck {
public:
  RelocatingContainerCheck(llvm::StringRef Name,
                           clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void noteInsertedPins(const Relocation &R,
                        const clang::FunctionDecl *Function,
                        PinAnalysis &Analysis, clang::ASTContext &Context);

  /// `RelocatingContainers`: the qualified names of the containers whose
  /// growth relocates their elements.
  const std::string RelocatingContainers;
  BodyShapes Shapes;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_RELOCATINGCONTAINERCHECK_H
