//===--- Projection.cpp - Members pinned with their object ----------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/Projection.h"
#include "AST/ASTUtils.h"
#include "Model/Annotations.h"
#include "Model/SelfReferenceModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace pincheck {

const FieldDecl *projectedMember(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Call->getNumArgs() != 2 || !Callee->getIdentifier() ||
      !llvm::is_contained({StringRef("project"), StringRef("project_pinned")},
                          Callee->getName()) ||
      Callee->getQualifiedNameAsString().rfind("pin::", 0) != 0)
    return nullptr;
  const auto *AddrOf =
      dyn_cast<UnaryOperator>(Call->getArg(1)->IgnoreParenImpCasts());
  if (!AddrOf || AddrOf->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *Member =
      dyn_cast<DeclRefExpr>(AddrOf->getSubExpr()->IgnoreParens());
  return Member ? dyn_cast<FieldDecl>(Member->getDecl()) : nullptr;
}

MemberPath memberPath(const Expr *Subobject) {
  MemberPath Path;
  const Expr *E = ignoreToBoundObject(Subobject);
  while (true) {
    Path.Base = E;
    // `pin::project(p, &C::m)` is `p->m`.
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (const FieldDecl *Member = projectedMember(Call)) {
        Path.Members.push_back(Member);
        Path.Base = Call->getArg(0);
        Path.Projected = true;
      }
      break;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = ignoreToBoundObject(ASE->getBase());
      continue;
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    if (!ME)
      break;
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    // `this->m` is an object of its own (docs/model.md, "Pin events").
    if (!Field || isa<CXXThisExpr>(Base))
      break;
    Path.Members.push_back(Field);
    if (ME->isArrow()) {
      Path.Base = Base;
      break;
    }
    E = ignoreToBoundObject(Base);
  }
  std::reverse(Path.Members.begin(), Path.Members.end());
  return Path;
}

static bool namesMember(const PinCause &Cause, const FieldDecl *Member) {
  if (Cause.Subject)
    return Cause.Subject->getCanonicalDecl() == Member->getCanonicalDecl();
  return !Cause.SubjectName.empty() && Cause.SubjectName == Member->getName();
}

/// The part of `Cause` that hands out `Member`'s address or pins it, through
/// the calls that lead there.
static const PinCause *pinsMember(const PinCause *Cause,
                                  const FieldDecl *Member) {
  for (; Cause; Cause = Cause->Inner.get()) {
    if ((Cause->TheKind == PinCause::Kind::HandsOutMember ||
         Cause->TheKind == PinCause::Kind::PinsMember) &&
        namesMember(*Cause, Member))
      return Cause;
    if (Cause->TheKind != PinCause::Kind::CallsPinning)
      return nullptr;
  }
  return nullptr;
}

/// Whether objects of `T` must stay where their pinned enclosing object put
/// them: a pinned marker, or a type whose own copy or move is wrong. A type
/// that moves itself correctly (`std::string`, `std::unique_ptr`) may leave.
static std::optional<MustNotMove> typePinnedWithObject(QualType T,
                                                       SelfReferenceModel &M) {
  if (T->isReferenceType() || T->isPointerType())
    return std::nullopt;
  std::optional<MustNotMove> Why = M.mustNotMove(T);
  if (!Why)
    return std::nullopt;
  const TypeSummary *Summary = M.summarize(T);
  if (M.isPinnedMarker(T) || Why->MoveWrong ||
      (Summary && Summary->copyIsWrong()))
    return Why;
  return std::nullopt;
}

std::optional<StructuralPin> pinnedWithObject(const FieldDecl *Member,
                                              const PinCause *ObjectPin,
                                              SelfReferenceModel &Model) {
  StructuralPin Pin;
  Pin.Member = Member;
  if (hasPinAnnotation(Member, annotation::Structural)) {
    Pin.Why = StructuralPin::Reason::Annotated;
    return Pin;
  }
  if (const PinCause *HandsOut = pinsMember(ObjectPin, Member)) {
    Pin.Why = StructuralPin::Reason::AddressHandedOut;
    Pin.Cause = HandsOut;
    return Pin;
  }
  // The members of a class that vouches for its moves (`PIN_UNPIN`) are
  // not pinned with it unless they are declared so, as the fields without
  // `#[pin]` of a `pin-project` struct.
  if (hasPinAnnotation(Member->getParent(), annotation::Unpin))
    return std::nullopt;
  if (auto Type = typePinnedWithObject(Member->getType(), Model)) {
    Pin.Why = StructuralPin::Reason::TypeMustNotMove;
    Pin.Type = std::move(Type);
    return Pin;
  }
  return std::nullopt;
}

std::optional<StructuralPin> pinnedWithObject(const Expr *Subobject,
                                              const PinCause *ObjectPin,
                                              SelfReferenceModel &Model) {
  MemberPath Path = memberPath(Subobject);
  if (Path.Members.empty())
    return std::nullopt;
  std::optional<StructuralPin> Pin;
  // Only the outermost member's address can be what the object's pin
  // handed out; the members inside it are pinned with it by their own
  // declarations and types.
  for (const FieldDecl *Member : Path.Members) {
    Pin = pinnedWithObject(Member, ObjectPin, Model);
    if (!Pin)
      return std::nullopt;
    ObjectPin = nullptr;
  }
  return Pin;
}

const FieldDecl *structuralMemberThatMustNotMove(const CXXRecordDecl *Record,
                                                 SelfReferenceModel &Model) {
  for (const FieldDecl *Field : Record->fields())
    if (hasPinAnnotation(Field, annotation::Structural) &&
        !Field->getType()->isReferenceType() &&
        !Field->getType()->isPointerType() &&
        (Model.isPinnedMarker(Field->getType()) ||
         Model.isSelfReferential(Field->getType())))
      return Field;
  return nullptr;
}

} // namespace pincheck
