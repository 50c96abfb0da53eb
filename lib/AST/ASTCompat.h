//===--- ASTCompat.h - Clang AST APIs that differ between LLVM majors -----===//
//
// Part of pincheck. pincheck builds against LLVM 19 and LLVM 22
// (-DPINCHECK_LLVM_VERSION, docs/install.md). The AST APIs whose spelling
// differs between them are wrapped here, for the model; the clang-tidy ones
// are in lib/Checks/TidyCompat.h. These two are the only files that test
// LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_AST_ASTCOMPAT_H
#define PINCHECK_AST_ASTCOMPAT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "llvm/Config/llvm-config.h"
#include <memory>

namespace pincheck {
namespace compat {

/// The type that a class, struct, union or enum declaration declares, as
/// LLVM 19's TagDecl::getTypeForDecl gave it: the record type, printed with
/// its scope ('llvm::SmallVectorImpl<int>'), and for a class template's
/// pattern the type as written inside it ('list<_Tp, _Alloc>').
inline clang::QualType declaredType(const clang::TagDecl *Decl) {
#if LLVM_VERSION_MAJOR >= 22
  const clang::ASTContext &Context = Decl->getASTContext();
  const auto *Record = llvm::dyn_cast<clang::CXXRecordDecl>(Decl);
  if (Record && Record->getDescribedClassTemplate())
    return Context.getTagType(clang::ElaboratedTypeKeyword::None,
                              /*Qualifier=*/std::nullopt, Decl,
                              /*OwnsTag=*/false);
  return Context.getCanonicalTagType(Decl);
#else
  return clang::QualType(Decl->getTypeForDecl(), 0);
#endif
}

/// The type that qualifies \p Ref (`std::is_copy_constructible<T>` in
/// `std::is_copy_constructible<T>::value`), or null (a value type in LLVM
/// 22, a pointer before).
inline const clang::Type *qualifierType(const clang::DeclRefExpr *Ref) {
#if LLVM_VERSION_MAJOR >= 22
  clang::NestedNameSpecifier Qualifier = Ref->getQualifier();
  return Qualifier.getKind() == clang::NestedNameSpecifier::Kind::Type
             ? Qualifier.getAsType()
             : nullptr;
#else
  const clang::NestedNameSpecifier *Qualifier = Ref->getQualifier();
  return Qualifier ? Qualifier->getAsType() : nullptr;
#endif
}

/// The map from the statements of \p Graph to their blocks (a constructor
/// in LLVM 22, a factory before).
inline std::unique_ptr<clang::CFGStmtMap>
buildStmtMap(clang::CFG &Graph, clang::ParentMap &Parents) {
#if LLVM_VERSION_MAJOR >= 22
  return std::make_unique<clang::CFGStmtMap>(Graph, Parents);
#else
  return std::unique_ptr<clang::CFGStmtMap>(
      clang::CFGStmtMap::Build(&Graph, &Parents));
#endif
}

/// Whether \p Param is declared `[[clang::lifetime_capture_by(...)]]`: the
/// callee keeps what it is given (Clang 20 and later; earlier Clangs drop
/// the attribute as unknown).
inline bool capturesLifetime(const clang::ParmVarDecl *Param) {
#if LLVM_VERSION_MAJOR >= 20
  return Param->hasAttr<clang::LifetimeCaptureByAttr>();
#else
  (void)Param;
  return false;
#endif
}

} // namespace compat
} // namespace pincheck

#endif // PINCHECK_AST_ASTCOMPAT_H
