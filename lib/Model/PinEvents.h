//===--- PinEvents.h - Where objects become pinned ------------------------===//
//
// Part of pincheck. The pin events of `pinning-model.md` section 4: the
// statements after which an object must not move, and why. Summaries of
// functions (does calling this member function pin `*this`, does this
// parameter keep the address of its argument) are computed on demand from
// the bodies the translation unit can see and memoised, callees before
// callers.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_PINEVENTS_H
#define PINCHECK_MODEL_PINEVENTS_H

#include "Model/BodyScan.h"
#include "Model/PinningApi.h"
#include "Model/SelfReferenceModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>

namespace pincheck {

enum class PinKind {
  Construction,    ///< Event 1: the constructor sets an interior pointer.
  MemberCall,      ///< Event 2: a pinning member function.
  PinningArgument, ///< Event 3: passed to a pinning parameter.
  PinFunction,     ///< Event 4: `pin::pin(o)`.
  Escape,          ///< Event 5: the address stored outside the function.
};

/// An object becoming pinned at a statement.
struct PinEvent {
  /// The object (see `PinEventFinder::objectOf`).
  const clang::Decl *Object = nullptr;
  const clang::Stmt *At = nullptr;
  PinKind Kind = PinKind::Escape;
  /// Why, for the note: "'start' points 'cur_' into the object".
  std::string Reason;
  /// The whole object's address was taken (`&o`, `this`), not a member's
  /// (`&o.m`): copying one of its members leaves it in place.
  bool Whole = true;
  /// For a member's address, the member of the object it lies in, when
  /// known: a copy of another member leaves it in place.
  const clang::ValueDecl *Member = nullptr;
};

/// Why objects of a type are pinned from their construction, and which of
/// their copies and moves are wrong (a move falling back to a wrong copy is
/// wrong).
struct ConstructionPin {
  std::string Reason;
  bool CopyWrong = false;
  bool MoveWrong = false;
};

class PinEventFinder {
public:
  PinEventFinder(SelfReferenceModel &Model, const PinningApi &Api)
      : Model(Model), Api(Api) {}

  /// The pin events in the body of `FD` (events 2 to 5).
  void find(const clang::FunctionDecl *FD,
            llvm::SmallVectorImpl<PinEvent> &Events);

  /// Event 1: why an object of type `T` is pinned from its construction,
  /// if it is (its copy or move is wrong and its constructor or default
  /// member initializers set the interior pointer or hand out its address).
  std::optional<ConstructionPin> constructionPin(clang::QualType T,
                                                 unsigned Depth = 0);

  /// Event 2: why calling `Method` pins `*this`, if it does.
  std::optional<std::string> pinsThis(const clang::CXXMethodDecl *Method);

  /// Event 3: why `Callee` keeps the address of its argument `Index`.
  std::optional<std::string> pinsArgument(const clang::FunctionDecl *Callee,
                                          unsigned Index);
  /// Whether the constructor `Callee` keeps the address only in the object
  /// it builds: a pin as long as that object lives.
  bool keptOnlyByNewObject(const clang::FunctionDecl *Callee, unsigned Index);

  /// The object an expression designates: a variable, a member of `*this`
  /// (its FieldDecl), or `*this` (its class). Subobjects and elements map to
  /// the enclosing object (`a.mu` to `a`, `v[0]` to `v`). Null otherwise.
  static const clang::Decl *objectOf(const clang::Expr *E);

  /// The object whose address `E` yields: `&o`, `this`, `std::addressof(o)`,
  /// a lambda or bind capturing them.
  static AddressedObject addressOf(const clang::Expr *E);
  /// Whether `E` names an object itself (`o`, `*this`, `this->m`) rather
  /// than one of its subobjects (`o.m`, `v[0]`).
  static bool namesWholeObject(const clang::Expr *E);
  /// The member of the object (see `objectOf`) that `E` lies in: `m` for
  /// `o.m.x`; null for the whole object or an element of a container.
  static const clang::ValueDecl *memberOf(const clang::Expr *E);
  /// Whether moving `Moved` (the member of the object moved, null for the
  /// whole object) can move what a pin addressed.
  static bool movesPinned(bool MovedWhole, const clang::ValueDecl *Moved,
                          const PinEvent &Pin);

  SelfReferenceModel &model() const { return Model; }

  /// "'b'" for a variable or member, "'*this'" for the object itself.
  static std::string describeObject(const clang::Decl *Object);

private:
  std::optional<std::string> computePinsThis(const clang::CXXMethodDecl *MD);
  std::optional<std::string> computePinsArgument(const clang::FunctionDecl *FD,
                                                 unsigned Index,
                                                 bool &IntoNewObject);
  /// The argument at `Index` addresses an object (by pointer, or bound to a
  /// reference parameter).
  static AddressedObject argumentObject(const clang::FunctionDecl *Callee,
                                        const clang::Expr *Arg, unsigned Index);
  void findCalls(const clang::Stmt *S, const clang::CXXRecordDecl *Self,
                 llvm::SmallVectorImpl<PinEvent> &Events);
  /// Records the construction `E` yields as a temporary or returned object.
  void markTransient(const clang::Expr *E);

  SelfReferenceModel &Model;
  const PinningApi &Api;
  // Memoised summaries; an entry being computed reads as "does not pin",
  // which cuts recursion.
  llvm::DenseMap<const clang::CXXMethodDecl *, std::optional<std::string>>
      MethodPins;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 std::optional<std::string>>
      ArgumentPins;
  llvm::DenseSet<std::pair<const clang::FunctionDecl *, unsigned>>
      KeptByNewObject;
  llvm::SmallPtrSet<const clang::CXXConstructExpr *, 8> TransientConstructs;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_PINEVENTS_H
