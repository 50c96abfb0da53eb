//===--- PinEvents.h - Where objects become pinned ------------------------===//
//
// Part of pincheck. The pin events of docs/model.md ("Pin events"): the
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
#include "Model/Causes.h"
#include "Model/Facts.h"
#include "Model/PinningApi.h"
#include "Model/SelfReferenceModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <optional>

namespace pincheck {

/// The kinds of pin event (docs/model.md, "Pin events", events 1 to 5).
enum class PinKind {
  Construction,    ///< Event 1: the constructor sets an interior pointer.
  MemberCall,      ///< Event 2: a pinning member function.
  PinningArgument, ///< Event 3: passed to a pinning parameter.
  PinFunction,     ///< Event 4: `pin::pin(o)`.
  Escape,          ///< Event 5: the address stored outside the function.
};

/// What the pinning statement does to the object, when it is one of the
/// things Rust pins a future for (docs/model.md, "Pin events").
enum class PinActivity {
  Other,
  Start, ///< `start(op)` in any spelling: the operation began.
  Await, ///< `co_await w`: the coroutine suspended on the awaiter.
};

/// An object becoming pinned at a statement.
struct PinEvent {
  /// The object (see `PinEventFinder::objectOf`).
  const clang::Decl *Object = nullptr;
  const clang::Stmt *At = nullptr;
  PinKind Kind = PinKind::Escape;
  std::shared_ptr<const PinCause> Cause;
  /// The whole object's address was taken (`&o`, `this`), not a member's
  /// (`&o.m`): copying one of its members leaves it in place.
  bool Whole = true;
  /// For a member's address, the member of the object it lies in, when
  /// known: a copy of another member leaves it in place.
  const clang::ValueDecl *Member = nullptr;
  /// The local object or container that holds the address: the pin ends
  /// with its scope (docs/model.md, "How long a pin lasts"); null when the
  /// holder outlives the function.
  const clang::VarDecl *Holder = nullptr;
  PinActivity Activity = PinActivity::Other;
};

class PinEventFinder : public CalleeSummaries {
public:
  PinEventFinder(SelfReferenceModel &Model, const PinningApi &Api)
      : Model(Model), Api(Api) {}

  /// The pin events in the body of `FD` (events 2 to 5).
  void find(const clang::FunctionDecl *FD,
            llvm::SmallVectorImpl<PinEvent> &Events);

  /// Event 1: why an object of type `T` is pinned from its construction,
  /// if it is (its copy or move is wrong and its constructor or default
  /// member initializers set the interior pointer or hand out its address).
  std::optional<ConstructionPin> constructionPin(clang::QualType T);

  /// Event 2: why calling `Method` pins `*this`; null if it does not.
  std::shared_ptr<const PinCause> pinsThis(const clang::CXXMethodDecl *Method);

  /// Event 3: why `Callee` keeps the address of its argument `Index`; null
  /// if it does not.
  std::shared_ptr<const PinCause>
  pinsArgument(const clang::FunctionDecl *Callee, unsigned Index) override;
  /// Why `Callee` keeps the callable given as its argument `Index` beyond
  /// the call (event 5): a library that keeps callables, a type-erased
  /// parameter by value, a visible body that stores it or hands it to one
  /// that keeps it, or a `const` reference to a type-erased callable in a
  /// function out of sight (assumed). Null if it does not.
  std::shared_ptr<const PinCause>
  keepsCallable(const clang::FunctionDecl *Callee, unsigned Index) override;
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
  /// The type of an object `objectOf` yields: a variable's or member's, or
  /// the class's for `*this`.
  static clang::QualType typeOf(const clang::Decl *Object);
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

  /// The facts of other translation units, for functions whose bodies this
  /// one does not see (whole-program analysis).
  void setFacts(FactSource *Source) { Facts = Source; }

private:
  std::optional<ConstructionPin> constructionPin(clang::QualType T,
                                                 unsigned &Depth);
  /// Why a call in `Body` pins `Param`, if one does: a pinning member
  /// function called on it, or a pinning reference parameter given it.
  std::shared_ptr<const PinCause> pinningCallOn(const clang::ParmVarDecl *Param,
                                                const clang::Stmt *Body);
  std::shared_ptr<const PinCause>
  computePinsThis(const clang::CXXMethodDecl *MD);
  std::shared_ptr<const PinCause>
  setsFaultyPointer(const clang::CXXMethodDecl *MD);
  std::shared_ptr<const PinCause>
  computePinsArgument(const clang::FunctionDecl *FD, unsigned Index,
                      bool &IntoNewObject);
  std::shared_ptr<const PinCause>
  bodyKeepsArgument(const clang::FunctionDecl *Definition, unsigned Index,
                    bool &IntoNewObject);
  std::shared_ptr<const PinCause>
  computeKeepsCallable(const clang::FunctionDecl *FD, unsigned Index);
  /// The argument at `Index` addresses an object (by pointer, or bound to a
  /// reference parameter).
  static AddressedObject argumentObject(const clang::FunctionDecl *Callee,
                                        const clang::Expr *Arg, unsigned Index);
  void findCalls(const clang::Stmt *Body, const clang::CXXRecordDecl *Self,
                 llvm::SmallVectorImpl<PinEvent> &Events);
  friend class CallPinCollector;
  friend class CallableKeepFinder;

  const FunctionFacts *factsOf(const clang::FunctionDecl *FD) {
    return Facts ? Facts->factsOf(FD) : nullptr;
  }

  SelfReferenceModel &Model;
  const PinningApi &Api;
  FactSource *Facts = nullptr;
  // Memoised summaries; an entry being computed reads as "does not pin",
  // which cuts recursion.
  llvm::DenseMap<const clang::CXXMethodDecl *, std::shared_ptr<const PinCause>>
      MethodPins;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 std::shared_ptr<const PinCause>>
      ArgumentPins;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 std::shared_ptr<const PinCause>>
      CallablePins;
  llvm::DenseSet<std::pair<const clang::FunctionDecl *, unsigned>>
      KeptByNewObject;
  /// How deep summaries are nested (see MaxModelDepth).
  unsigned SummaryDepth = 0;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_PINEVENTS_H
