//===--- RawCopyCheck.h - pin-raw-copy ------------------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RAWCOPYCHECK_H
#define PINCHECK_CHECKS_RAWCOPYCHECK_H

#include "Checks/BodyShape.h"
#include "Checks/PinCheck.h"
#include "llvm/ADT/StringMap.h"

namespace pincheck {

/// Reports `memcpy`, `memmove`, `realloc`, `std::bit_cast` and byte-wise
/// `std::copy` of objects of a self-referential or pinned-marker type,
/// pinned or not (docs/model.md, "The checks"), with a fix-it to an assignment
/// where the type's copy assignment re-seats its pointers.
///
/// For the user-facing documentation see docs/checks/pin-raw-copy.md.
class RawCopyCheck : public PinCheck {
public:
  RawCopyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void copiedTypes(const clang::CallExpr *Call,
                   llvm::SmallVectorImpl<clang::QualType> &Types) const;
  bool diagnoseType(const clang::CallExpr *Call, bool IsStatement,
                    PinAnalysis &Analysis, clang::ASTContext &Context);
  void diagnosePinned(const clang::CallExpr *Call,
                      const clang::FunctionDecl *Function,
                      PinAnalysis &Analysis, clang::ASTContext &Context);

  /// `RawCopyFunctions`: helpers that copy bytes for their callers, as
  /// `name:argument-index` pairs.
  const std::string RawCopyFunctions;
  llvm::StringMap<llvm::SmallVector<unsigned, 1>> CopiedArguments;
  BodyShapes Shapes;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_RAWCOPYCHECK_H
