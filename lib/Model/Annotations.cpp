//===--- Annotations.cpp - The pincheck/pin.h annotations -----------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/Annotations.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace pincheck {

static bool hasOwnAnnotation(const Decl *D, StringRef Name) {
  for (const Decl *Redecl : D->redecls())
    for (const auto *Attr : Redecl->specific_attrs<AnnotateAttr>())
      if (Attr->getAnnotation() == Name)
        return true;
  return false;
}

bool hasPinAnnotation(const Decl *D, StringRef Name) {
  if (!D)
    return false;
  if (hasOwnAnnotation(D, Name))
    return true;
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    if (const CXXRecordDecl *Pattern = RD->getTemplateInstantiationPattern())
      return Pattern != RD && hasOwnAnnotation(Pattern, Name);
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      return Pattern != FD && hasOwnAnnotation(Pattern, Name);
  // A member of an instantiated class: the same member of the pattern.
  if (const auto *Field = dyn_cast<FieldDecl>(D))
    if (const auto *Parent = dyn_cast<CXXRecordDecl>(Field->getParent()))
      if (const CXXRecordDecl *Pattern =
              Parent->getTemplateInstantiationPattern();
          Pattern && Pattern != Parent && Field->getDeclName())
        for (const NamedDecl *Found : Pattern->lookup(Field->getDeclName()))
          if (isa<FieldDecl>(Found))
            return hasOwnAnnotation(Found, Name);
  return false;
}

} // namespace pincheck
