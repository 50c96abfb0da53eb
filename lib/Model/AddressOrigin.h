//===--- AddressOrigin.h - Values derived from an object's own address ----===//
//
// Part of pincheck. Decides whether an expression evaluated inside a member
// function yields a value derived from the address of `*this` (docs/model.md,
// "Interior pointers": `this`, `&m`, `m.data()`, a view over `m`, a lambda
// capturing `this`...) and which storage that address targets.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_ADDRESSORIGIN_H
#define PINCHECK_MODEL_ADDRESSORIGIN_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang {
class CXXMethodDecl;
class FieldDecl;
class LambdaExpr;
class ValueDecl;
} // namespace clang

namespace pincheck {

class FactSource;

/// Where an interior pointer points (docs/model.md, "Target storage"). The
/// kind decides which copies and moves leave it dangling.
enum class StorageKind {
  /// Bytes of the object itself: `this`, a scalar, array or aggregate member.
  Inline,
  /// A buffer a member owns and hands over on move (`std::vector`).
  OwnedHeap,
  /// Inline or heap depending on size (`std::string`, small vectors).
  SmallBuffer,
};

/// How a value came to hold the object's own address.
enum class OriginKind {
  ThisPointer,   ///< `this` or `*this`.
  MemberAddress, ///< `&m`, `m` (array decay), `&m.sub`, `std::addressof(m)`.
  MemberBuffer,  ///< `m.data()`, `m.begin()`, `&m[i]`, a view over `m`.
  CapturedThis,  ///< A lambda or `std::bind` capturing `this`.
  HeldThis,      ///< An object constructed with one of the above.
  InPointee,     ///< Stored in the object a member points to
                 ///< (`owner_->head = this`): the member is the way there.
};

/// The answer for one expression: it derives from the object's address.
struct AddressOrigin {
  StorageKind Storage = StorageKind::Inline;
  OriginKind Kind = OriginKind::ThisPointer;
  /// The member of `*this` whose storage is targeted; null for the whole
  /// object.
  const clang::FieldDecl *Member = nullptr;
};

/// Classifies the buffer a member of the given type hands out through
/// `data()`, `begin()`, `operator[]` or a view. Implemented by the model so
/// that user-defined containers can be judged from their own code.
class BufferClassifier {
public:
  virtual ~BufferClassifier();
  /// None when the member only refers to memory it does not own (a view, a
  /// trivially copyable handle): its copy refers to the same memory, so a
  /// pointer into it is not a pointer into the object.
  virtual std::optional<StorageKind>
  bufferStorage(clang::QualType MemberType) = 0;
};

/// Finds own-address origins of expressions. The analysis is syntactic and
/// local: it follows casts, pointer arithmetic, conditionals, local variables
/// initialised once, constructors and the standard helpers listed in the
/// model, and stops at anything it cannot see through.
class AddressOriginFinder {
public:
  explicit AddressOriginFinder(BufferClassifier &Buffers) : Buffers(Buffers) {}

  /// The facts of other translation units, for constructors whose bodies
  /// this one does not see.
  void setFacts(FactSource *Source) { Facts = Source; }

  /// Origin of the value of `E` (a pointer, view, callable or object that may
  /// hold an address).
  std::optional<AddressOrigin> ofValue(const clang::Expr *E);

  /// Origin of the address of the object that the glvalue `E` designates.
  std::optional<AddressOrigin> ofLvalue(const clang::Expr *E);

  /// If `E` names a subobject of `*this` (`m`, `this->m`, `m.sub`, `m[2]` for
  /// an array member), returns the member of `*this` that contains it.
  static const clang::FieldDecl *ownMember(const clang::Expr *E);
  /// The same for a subobject of the object `Root` names (a variable, a
  /// reference or a pointer to it); of `*this` when `Root` is null.
  static const clang::FieldDecl *memberOf(const clang::Expr *E,
                                          const clang::ValueDecl *Root);

  /// While it lives, origins are relative to the object `Root` names
  /// instead of `*this`: a function of another class writing into that
  /// object (`void parse(Template &t)`).
  class RootScope {
  public:
    RootScope(AddressOriginFinder &Finder, const clang::ValueDecl *Root)
        : Finder(Finder), Saved(Finder.Root) {
      Finder.Root = Root;
    }
    ~RootScope() { Finder.Root = Saved; }
    RootScope(const RootScope &) = delete;
    RootScope &operator=(const RootScope &) = delete;

  private:
    AddressOriginFinder &Finder;
    const clang::ValueDecl *Saved;
  };

  /// Origin of what a member function of `*this` returns (its first
  /// top-level return statement), relative to the same `*this`.
  std::optional<AddressOrigin>
  ofReturnedValue(const clang::CXXMethodDecl *Method);

private:
  std::optional<AddressOrigin> bufferOf(const clang::Expr *Container);
  std::optional<AddressOrigin> ofCast(const clang::CastExpr *Cast);
  std::optional<AddressOrigin> ofOperator(const clang::Expr *E);
  std::optional<AddressOrigin> ofLambda(const clang::LambdaExpr *Lambda);
  std::optional<AddressOrigin>
  ofMemberCall(const clang::CXXMemberCallExpr *Call);
  std::optional<AddressOrigin> ofCall(const clang::CallExpr *Call);
  std::optional<AddressOrigin> ofInitialization(const clang::Expr *E);
  std::optional<AddressOrigin>
  ofConstruction(clang::QualType Constructed,
                 llvm::ArrayRef<const clang::Expr *> Args,
                 const clang::FunctionDecl *Constructor);

  /// `this` (null), or the object `E` addresses when it is the root.
  bool isRootAddress(const clang::Expr *E) const;

  BufferClassifier &Buffers;
  unsigned Depth = 0;
  /// The object origins are relative to; null for `*this`.
  const clang::ValueDecl *Root = nullptr;
  FactSource *Facts = nullptr;
};

/// Whether the constructor (or function) may keep the address of its
/// argument `Index`: unknown bodies may, unless another translation unit's
/// facts say they do not; visible ones are read.
bool mayKeepArgument(const clang::FunctionDecl *Callee, unsigned Index,
                     FactSource *Facts = nullptr);

} // namespace pincheck

#endif // PINCHECK_MODEL_ADDRESSORIGIN_H
