//===--- BodyScan.h - What a function body does with addresses ------------===//
//
// Part of pincheck. Scanners shared by the type model (what constructors and
// member functions store in the object and hand out) and the pin events
// (what any function stores outside the call). Both walk bodies with
// `BodyWalker` and its rule for lambdas.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_BODYSCAN_H
#define PINCHECK_MODEL_BODYSCAN_H

#include "AST/BodyWalker.h"
#include "Model/Causes.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang {
class CXXMethodDecl;
class CXXRecordDecl;
class FieldDecl;
class FunctionDecl;
} // namespace clang

namespace pincheck {

/// A member of `*this` given a value: `m(v)`, `m = v`, `m.push_back(v)`.
struct MemberWrite {
  const clang::FieldDecl *Field;
  const clang::Expr *Value;
  /// Under a branch or loop of its function, or in a lambda body: it
  /// happens on some paths only.
  bool Conditional = false;
  /// Written into the object the member points to (`d_->q = this`, the
  /// pimpl back-pointer): the member's pointee holds the value.
  bool ThroughPointee = false;
};

/// Collects the values a function gives to members of `*this`, in source
/// order: constructor initializers (including implicit ones), then the body.
/// Lambda bodies are read as code that may run (they can only reach `*this`
/// through a capture of it).
class MemberWriteCollector : public BodyWalker<MemberWriteCollector> {
public:
  /// With `FollowCalls`, member functions called on `*this` are followed
  /// (a copy constructor delegating to a private `copy_from(o)`).
  MemberWriteCollector(llvm::SmallVectorImpl<MemberWrite> &Writes,
                       bool FollowCalls)
      : Writes(Writes), FollowCalls(FollowCalls) {}

  void collectFunction(const clang::FunctionDecl *FD);

  // BodyWalker.
  bool enter(const clang::Stmt *S);
  void leave(const clang::Stmt *S);
  void visitLambda(const clang::LambdaExpr *Lambda);

private:
  void add(const clang::FieldDecl *Field, const clang::Expr *Value,
           bool ThroughPointee = false) {
    Writes.push_back({Field, Value, BranchDepth > 0, ThroughPointee});
  }
  /// `m = v`, or `m->x = v` through a member pointer.
  void visitAssignment(const clang::Expr *Target, const clang::Expr *Value);
  void collectInitializers(const clang::CXXConstructorDecl *Ctor);
  /// Collects the writes of a member function called on `*this` with
  /// `Args`, reading its parameters as the arguments.
  void followCall(const clang::CXXMethodDecl *MD,
                  llvm::ArrayRef<const clang::Expr *> Args);

  llvm::SmallVectorImpl<MemberWrite> &Writes;
  bool FollowCalls;
  /// How many branches, loops and lambda bodies enclose the statement being
  /// visited.
  unsigned BranchDepth = 0;
  unsigned CallDepth = 0;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 4> Visited;
};

/// Whether `Owner` is `Record` or one of its bases, including bases that
/// are still dependent in a template pattern (`buffer<T>` of
/// `basic_memory_buffer<T>`), which count through their own pattern.
bool isSameOrBase(const clang::CXXRecordDecl *Record,
                  const clang::CXXRecordDecl *Owner);

/// What an expression gives the address of, as the scanners need it.
struct AddressedObject {
  /// The object: a variable, a member of `*this`, or the class itself for
  /// `*this`. Null when the expression addresses nothing tracked.
  const clang::Decl *Object = nullptr;
  /// The object's own address (`this`, `&o`), not a member's (`&o.m`).
  bool Whole = false;
  /// For a member's address (`&o.m.x`), the member of the object it lies in
  /// (`m`), when known.
  const clang::ValueDecl *Member = nullptr;
  /// A lambda or `std::bind` result that captured the address.
  bool ViaCallable = false;
  explicit operator bool() const { return Object != nullptr; }
};
using AddressOfFn = llvm::function_ref<AddressedObject(const clang::Expr *)>;

/// An address stored where it outlives the statement that stored it.
struct Escape {
  const clang::Decl *Object;
  const clang::Expr *At;
  EscapeSink Sink;
  /// The whole object's address, not a member's.
  bool Whole = false;
  /// See `AddressedObject::Member`.
  const clang::ValueDecl *Member = nullptr;
  /// Stored in a member of the object whose function this is.
  bool IntoOwnMember = false;
  /// Why the callee keeps it, when it was given to a function.
  std::shared_ptr<const PinCause> Kept;
  /// Stored in a local object or container of the function: the address is
  /// held only while that variable lives (docs/model.md, "How long a pin
  /// lasts").
  const clang::VarDecl *LocalHolder = nullptr;
};

/// What the functions a body calls do with what they are given: the
/// function summaries (`PinEventFinder`), asked by the scanners.
class CalleeSummaries {
public:
  virtual ~CalleeSummaries();
  /// Why `Callee` keeps the address given as its argument `Index` (a
  /// pinning parameter); null if it does not.
  virtual std::shared_ptr<const PinCause>
  pinsArgument(const clang::FunctionDecl *Callee, unsigned Index) = 0;
  /// Why `Callee` keeps the callable given as its argument `Index` beyond
  /// the call; null if it does not.
  virtual std::shared_ptr<const PinCause>
  keepsCallable(const clang::FunctionDecl *Callee, unsigned Index) = 0;
};

/// Finds addresses that a body stores outside itself (docs/model.md, "Pin
/// events", event 5): in a global, another object or a container, in a
/// thread, in a type-erased callable passed by value or `&&`, or passed as
/// `void *` or through `...` to a function with no visible body.
class EscapeCollector : public BodyWalker<EscapeCollector> {
public:
  /// `Self` is the key of `*this` when the body belongs to the object's own
  /// class: its address stored in its own members is an interior pointer,
  /// judged by the type model, not an escape. With `Callees`, callables are
  /// kept where the callee keeps them, and with `ArgumentsToPinningParameters`
  /// an address given to a pinning parameter is an escape too.
  EscapeCollector(AddressOfFn AddressOf, const clang::Decl *Self,
                  llvm::SmallVectorImpl<Escape> &Escapes,
                  CalleeSummaries *Callees = nullptr,
                  bool ArgumentsToPinningParameters = false)
      : AddressOf(AddressOf), Self(Self), Escapes(Escapes), Callees(Callees),
        ArgumentsToPinningParameters(ArgumentsToPinningParameters) {}

  // BodyWalker.
  bool enter(const clang::Stmt *S);

private:
  void visitCall(const clang::CallExpr *Call);
  void visitStore(const clang::Expr *Target, const clang::Expr *Value,
                  const clang::Expr *At);
  void visitConstruct(const clang::CXXConstructExpr *Construct);
  /// Why `Callee` keeps a callable given as its argument `Index`.
  std::shared_ptr<const PinCause>
  keptCallable(const clang::FunctionDecl *Callee, unsigned Index);
  void add(const AddressedObject &Address, const clang::Expr *At,
           EscapeSink Sink, std::shared_ptr<const PinCause> Kept = nullptr);
  /// `*this` or one of its members.
  bool isSelf(const clang::Decl *Object) const;

  AddressOfFn AddressOf;
  const clang::Decl *Self;
  llvm::SmallVectorImpl<Escape> &Escapes;
  CalleeSummaries *Callees;
  bool ArgumentsToPinningParameters;
};

/// Library functions that keep the callables they are given (Qt's slots and
/// deferred calls, Asio's completion handlers), by qualified name.
bool isCallableKeepingLibraryFunction(const clang::FunctionDecl *Callee);

/// Why `Callee` keeps a callable given as its argument `Index`, judged from
/// its declaration alone: a library that keeps callables, or a type-erased
/// callable parameter taken by value or `&&`.
std::shared_ptr<const PinCause>
keptByLibraryOrType(const clang::FunctionDecl *Callee, unsigned Index);

/// The parameter of `Callee` that its argument `Index` initialises (a member
/// operator's object is argument 0 of the call); null for `...`.
const clang::ParmVarDecl *parameterFor(const clang::CallExpr *Call,
                                       unsigned Index);

/// The member functions `Body` calls on `*this`, also where Sema left the
/// call unresolved in a class template's pattern.
void membersCalledOnThis(
    const clang::Stmt *Body,
    llvm::SmallVectorImpl<const clang::CXXMethodDecl *> &Methods);

/// If `Value` reads member `F` of another object (`o.p_`, `std::move(o.p_)`),
/// returns `F`.
const clang::FieldDecl *copiedMember(const clang::Expr *Value);

} // namespace pincheck

#endif // PINCHECK_MODEL_BODYSCAN_H
