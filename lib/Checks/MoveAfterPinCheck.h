//===--- MoveAfterPinCheck.h - pin-move-after-pin -------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_MOVEAFTERPINCHECK_H
#define PINCHECK_CHECKS_MOVEAFTERPINCHECK_H

#include "Checks/PinCheck.h"

namespace pincheck {

/// Reports a copy, move, swap or byte copy of an object after a pin event
/// (docs/model.md, "Pin events" and "What a pinned object must not
/// undergo"), on every path ("after it was pinned") or on
/// some ("which may be pinned on some paths").
///
/// For the user-facing documentation see docs/checks/pin-move-after-pin.md.
class MoveAfterPinCheck : public PinCheck {
public:
  MoveAfterPinCheck(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context);
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

  /// What happens to the object. Feeds the warning's first `%select`
  /// (MoveAfterPinCheck::diagnose): keep the order.
  enum class MoveKind { Copy, Move, Swap, ByteCopy, AssignTo, HandOff };

  /// A copy or move of a tracked object (docs/model.md, "What a pinned object
  /// must not undergo").
  struct MoveEvent {
    const clang::Decl *Object = nullptr;
    const clang::Stmt *At = nullptr;
    MoveKind Kind = MoveKind::Copy;
    /// `*p` with `p` a `pin::Pin`: the object is pinned wherever it is. For
    /// a member of it (`p->m`), `Subobject` is the member.
    const clang::ValueDecl *PinOwner = nullptr;
    /// An element of the object (a range-for over a container), not the
    /// object itself.
    bool Element = false;
    /// The expression moved names a subobject of the object (`o.m`,
    /// `v[0]`): only a pin of a member can be moved by it, and the
    /// subobject's own type decides whether it is pinned from construction.
    const clang::Expr *Subobject = nullptr;
    /// A member `swap` called on or with the object.
    const clang::CXXMethodDecl *MemberSwap = nullptr;
    /// The member of the object the subobject lies in, when known.
    const clang::ValueDecl *SubobjectMember = nullptr;
    /// For the note fix-its: the variable copied into (`auto y = x;`,
    /// a range-for variable), the by-value parameter, the capture.
    const clang::VarDecl *CopyInto = nullptr;
    const clang::ParmVarDecl *ByValueParameter = nullptr;
    clang::SourceLocation ByCopyCapture;
  };

private:
  void diagnose(const MoveEvent &Move, clang::QualType Type, bool Definite,
                llvm::ArrayRef<const PinEvent *> Pins,
                const ConstructionPin *Construction,
                const StructuralPin *Structural);
  void noteRepairs(const MoveEvent &Move, const std::string &Object);
  static bool movesPinnedReceiver(const MoveEvent &Move,
                                  const clang::CXXMethodDecl *Receiver,
                                  SelfReferenceModel &Model,
                                  std::optional<StructuralPin> &Structural);
  void diagnoseReceiver(const MoveEvent &Move, clang::QualType Type,
                        const clang::CXXMethodDecl *Receiver,
                        const StructuralPin *Structural);
  /// The move's statement is reported by a more specific check.
  bool reportedElsewhere(const MoveEvent &Move, const clang::FunctionDecl *F,
                         PinAnalysis &Analysis, clang::ASTContext &Context);

  /// pin-relocating-container's containers, when that check is enabled.
  const std::string RelocatingContainerNames;
  const std::vector<llvm::StringRef> RelocatingContainers;
  const bool RawCopyEnabled;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_MOVEAFTERPINCHECK_H
