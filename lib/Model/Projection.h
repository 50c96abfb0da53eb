//===--- Projection.h - Members pinned with their object ------------------===//
//
// Part of pincheck. Pin projection (docs/model.md, "Pin projection"): once an
// object is pinned, which of its members are pinned with it (structurally
// pinned, like the `#[pin]` fields of Rust's `pin-project`) and which may
// still be moved out, swapped or replaced.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_PROJECTION_H
#define PINCHECK_MODEL_PROJECTION_H

#include "Model/Causes.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class CallExpr;
class Expr;
class FieldDecl;
} // namespace clang

namespace pincheck {

class SelfReferenceModel;

/// Why a member of a pinned object is pinned with it.
struct StructuralPin {
  enum class Reason {
    Annotated,        ///< The member is declared `PIN_STRUCTURAL`.
    TypeMustNotMove,  ///< Its type must not move once pinned (`Type`).
    AddressHandedOut, ///< The event that pinned the object handed out the
                      ///< member's address (`Cause`).
  };
  Reason Why = Reason::Annotated;
  /// The member the reason is about: the one moved, for `o.a.b` the last
  /// member of the path.
  const clang::FieldDecl *Member = nullptr;
  std::optional<MustNotMove> Type;
  /// For `AddressHandedOut`: the part of the object's pin that hands it out.
  const PinCause *Cause = nullptr;
};

/// The member `m` that `pin::project(p, &C::m)` or `pin::project_pinned(p,
/// &C::m)` projects to; null for any other call.
const clang::FieldDecl *projectedMember(const clang::CallExpr *Call);

/// The members from an object down to a subobject, outermost first: `a`, `b`
/// for `o.a.b`, `p->a.b`, `(*p).a.b` and `pin::project(p, &C::a).b`; an
/// array element lies in its array member. Empty when the expression is not
/// such a path.
struct MemberPath {
  llvm::SmallVector<const clang::FieldDecl *, 2> Members;
  /// What the path hangs off: the object (`o`, `*p`), the pointer of `->`
  /// (`p.operator->()`), or the `pin::Pin` a `pin::project` call projects.
  const clang::Expr *Base = nullptr;
  /// The path starts with `pin::project(p, &C::a)` (`Base` is `p`).
  bool Projected = false;
};
MemberPath memberPath(const clang::Expr *Subobject);

/// Whether the subobject `Subobject` of an object pinned by `ObjectPin` (null
/// when a `pin::Pin` owns the object) is pinned with it: every member of its
/// path is. The reason is given for the last member of the path.
std::optional<StructuralPin> pinnedWithObject(const clang::Expr *Subobject,
                                              const PinCause *ObjectPin,
                                              SelfReferenceModel &Model);

/// Whether `Member` is pinned with its object when that object is pinned
/// by `ObjectPin` (null: by a `pin::Pin` or `pin::pin`).
std::optional<StructuralPin> pinnedWithObject(const clang::FieldDecl *Member,
                                              const PinCause *ObjectPin,
                                              SelfReferenceModel &Model);

/// The member declared `PIN_STRUCTURAL` in `Record` whose type must not move,
/// if any: what makes a `PIN_UNPIN` on `Record` a false claim.
const clang::FieldDecl *
structuralMemberThatMustNotMove(const clang::CXXRecordDecl *Record,
                                SelfReferenceModel &Model);

} // namespace pincheck

#endif // PINCHECK_MODEL_PROJECTION_H
