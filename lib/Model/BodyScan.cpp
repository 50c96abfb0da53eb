//===--- BodyScan.cpp - What a function body does with addresses ----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/BodyScan.h"
#include "AST/ASTUtils.h"
#include "Model/AddressOrigin.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace pincheck {

//===----------------------------------------------------------------------===//
// Member writes.
//===----------------------------------------------------------------------===//

void MemberWriteCollector::collectFunction(const FunctionDecl *FD) {
  const FunctionDecl *Definition = nullptr;
  if (!FD || !FD->hasBody(Definition) || !Visited.insert(Definition).second)
    return;
  DepthGuard Guard(CallDepth);
  if (Guard.exceeded())
    return;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    collectInitializers(Ctor);
  walk(Definition->getBody());
}

void MemberWriteCollector::collectInitializers(const CXXConstructorDecl *Ctor) {
  // In a template pattern Sema has not added the implicit initializers yet:
  // a member not initialized otherwise gets its default member initializer.
  if (!Ctor->isDelegatingConstructor()) {
    llvm::SmallPtrSet<const FieldDecl *, 8> Initialized;
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const FieldDecl *Field = Init->getAnyMember())
        Initialized.insert(Field);
    for (const FieldDecl *Field : Ctor->getParent()->fields())
      if (Field->hasInClassInitializer() && !Initialized.contains(Field) &&
          Field->getInClassInitializer())
        Writes.push_back({Field, Field->getInClassInitializer(), false});
  }
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    if (const FieldDecl *Field = Init->getAnyMember())
      add(Field, Init->getInit());
    else if (Init->isDelegatingInitializer() && FollowCalls)
      if (const auto *Construct =
              dyn_cast<CXXConstructExpr>(Init->getInit()->IgnoreImplicit()))
        collectFunction(Construct->getConstructor());
    walk(Init->getInit());
  }
}

/// The pattern of a base written as a template specialization.
static const CXXRecordDecl *patternOfBase(QualType Base) {
  if (const CXXRecordDecl *RD = Base->getAsCXXRecordDecl())
    return RD->getDefinition();
  if (const auto *TST = Base->getAs<TemplateSpecializationType>())
    if (const auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
            TST->getTemplateName().getAsTemplateDecl()))
      return CTD->getTemplatedDecl()->getDefinition();
  return nullptr;
}

static bool isSameOrBase(const CXXRecordDecl *Record,
                         const CXXRecordDecl *Owner, unsigned &Depth) {
  DepthGuard Guard(Depth);
  if (!Record || Guard.exceeded())
    return false;
  if (Record->getCanonicalDecl() == Owner->getCanonicalDecl())
    return true;
  if (!Record->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : Record->getDefinition()->bases())
    if (isSameOrBase(patternOfBase(Base.getType()), Owner, Depth))
      return true;
  return false;
}

bool isSameOrBase(const CXXRecordDecl *Record, const CXXRecordDecl *Owner) {
  unsigned Depth = 0;
  return isSameOrBase(Record, Owner, Depth);
}

/// The one non-static member function among `Candidates` that takes
/// `NumArgs` arguments; null when none does or the arguments would decide
/// between several.
static const CXXMethodDecl *
soleMethodWithArity(ArrayRef<const NamedDecl *> Candidates, unsigned NumArgs) {
  const CXXMethodDecl *Found = nullptr;
  for (const NamedDecl *ND : Candidates) {
    const auto *MD = dyn_cast<CXXMethodDecl>(ND->getUnderlyingDecl());
    if (!MD || MD->isStatic() || MD->getNumParams() != NumArgs)
      continue;
    if (Found)
      return nullptr; // Overloaded.
    Found = MD;
  }
  return Found;
}

/// `this->set(p, n)` in a template whose base is dependent: the member
/// function of that base's pattern with this name and arity.
static const CXXMethodDecl *
memberOfDependentBase(const CXXDependentScopeMemberExpr *Callee,
                      unsigned NumArgs) {
  if (!Callee->getMember().isIdentifier() ||
      !(Callee->isImplicitAccess() ||
        isa<CXXThisExpr>(Callee->getBase()->IgnoreParenImpCasts())))
    return nullptr;
  // For `this->f`, the base type is the class itself, not a pointer.
  QualType Base = Callee->getBaseType();
  if (Base->isPointerType())
    Base = Base->getPointeeType();
  const CXXRecordDecl *Record = Base->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return nullptr;
  SmallVector<const NamedDecl *, 4> Candidates;
  for (const CXXBaseSpecifier &Base : Record->getDefinition()->bases())
    if (const CXXRecordDecl *Pattern = patternOfBase(Base.getType()))
      for (const NamedDecl *ND : Pattern->lookup(Callee->getMember()))
        Candidates.push_back(ND);
  return soleMethodWithArity(Candidates, NumArgs);
}

/// The member function a call on `*this` that Sema left unresolved in a
/// class template's pattern calls, when the pattern tells.
static const CXXMethodDecl *calleeInPattern(const CallExpr *Call) {
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  // `freeHeap()`: a plain call of a member expression, as the object's type
  // is dependent.
  if (const auto *ME = dyn_cast<MemberExpr>(Callee)) {
    const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    return MD && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())
               ? MD
               : nullptr;
  }
  // `assign(other)` with a dependent argument.
  if (const auto *UME = dyn_cast<UnresolvedMemberExpr>(Callee)) {
    if (!UME->isImplicitAccess() &&
        !isa<CXXThisExpr>(UME->getBase()->IgnoreParenImpCasts()))
      return nullptr;
    SmallVector<const NamedDecl *, 4> Candidates(UME->decls().begin(),
                                                 UME->decls().end());
    return soleMethodWithArity(Candidates, Call->getNumArgs());
  }
  // `this->set(p)` on a dependent base.
  if (const auto *DSME = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return memberOfDependentBase(DSME, Call->getNumArgs());
  return nullptr;
}

namespace {
class ThisCallCollector : public BodyWalker<ThisCallCollector> {
public:
  explicit ThisCallCollector(SmallVectorImpl<const CXXMethodDecl *> &Methods)
      : Methods(Methods) {}
  bool enter(const Stmt *S) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const Expr *Object = Call->getImplicitObjectArgument();
      if (Object && isa<CXXThisExpr>(Object->IgnoreParenImpCasts()) &&
          Call->getMethodDecl())
        Methods.push_back(Call->getMethodDecl());
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (const CXXMethodDecl *MD = calleeInPattern(Call))
        Methods.push_back(MD);
    }
    return true;
  }

private:
  SmallVectorImpl<const CXXMethodDecl *> &Methods;
};
} // namespace

void membersCalledOnThis(const Stmt *Body,
                         SmallVectorImpl<const CXXMethodDecl *> &Methods) {
  ThisCallCollector(Methods).walk(Body);
}

void MemberWriteCollector::followCall(const CXXMethodDecl *MD,
                                      ArrayRef<const Expr *> Args) {
  const size_t First = Writes.size();
  collectFunction(MD);
  // `set(store_, n)` writing `ptr_ = data`: the value is the argument.
  for (size_t I = First; I < Writes.size(); ++I) {
    const auto *DRE =
        dyn_cast<DeclRefExpr>(Writes[I].Value->IgnoreParenImpCasts());
    const auto *Param = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    const auto *Owner =
        Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
    if (Owner && Owner->getCanonicalDecl() == MD->getCanonicalDecl() &&
        Param->getFunctionScopeIndex() < Args.size())
      Writes[I].Value = Args[Param->getFunctionScopeIndex()];
  }
}

/// The member of `*this` whose pointee `E` designates a part of: `d_` for
/// `d_->q`, `(*d_).q` and `d_.get()->q`, with `d_` a pointer or a smart
/// pointer member.
static const FieldDecl *pointeeOfOwnMember(const Expr *E) {
  E = ignoreTemporaries(E)->IgnoreImpCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ignoreTemporaries(ME->getBase())->IgnoreImpCasts();
    if (!ME->isArrow()) {
      if (const auto *Deref = dyn_cast<UnaryOperator>(Base);
          Deref && Deref->getOpcode() == UO_Deref)
        return AddressOriginFinder::ownMember(Deref->getSubExpr());
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base);
          Op && Op->getOperator() == OO_Star)
        return AddressOriginFinder::ownMember(Op->getArg(0));
      E = Base;
      continue;
    }
    if (isa<CXXThisExpr>(Base))
      return nullptr;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base);
        Op && Op->getOperator() == OO_Arrow)
      return AddressOriginFinder::ownMember(Op->getArg(0));
    if (const auto *Get = dyn_cast<CXXMemberCallExpr>(Base);
        Get && Get->getMethodDecl() && Get->getMethodDecl()->getIdentifier() &&
        Get->getMethodDecl()->getName() == "get")
      return AddressOriginFinder::ownMember(Get->getImplicitObjectArgument());
    return AddressOriginFinder::ownMember(Base);
  }
  return nullptr;
}

void MemberWriteCollector::visitAssignment(const Expr *Target,
                                           const Expr *Value) {
  if (const FieldDecl *Field = AddressOriginFinder::ownMember(Target))
    add(Field, Value);
  else if (const FieldDecl *Owner = pointeeOfOwnMember(Target))
    add(Owner, Value, /*ThroughPointee=*/true);
}

bool MemberWriteCollector::enter(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign) {
    visitAssignment(BO->getLHS(), BO->getRHS());
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    visitAssignment(Op->getArg(0), Op->getArg(1));
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (MD && Object) {
      const bool Storing = MD->getIdentifier() &&
                           isStoringMember(MD->getName()) && !takesRange(Call);
      if (const FieldDecl *Field = AddressOriginFinder::ownMember(Object)) {
        // `q_->push(x)` stores in what `q_` points to, not in `q_`.
        const bool Through = Object->getType()->isPointerType();
        if (Storing)
          for (const Expr *Arg : Call->arguments())
            add(Field, Arg, Through);
      } else if (const FieldDecl *Owner = pointeeOfOwnMember(Object);
                 Owner && Storing) {
        // `owner_->waiters.push_back(this)`.
        for (const Expr *Arg : Call->arguments())
          add(Owner, Arg, /*ThroughPointee=*/true);
      } else if (FollowCalls &&
                 isa<CXXThisExpr>(Object->IgnoreParenImpCasts())) {
        SmallVector<const Expr *, 4> Args(Call->arguments());
        followCall(MD, Args);
      }
    }
  } else if (const auto *Call = dyn_cast<CallExpr>(S); Call && FollowCalls) {
    if (const CXXMethodDecl *MD = calleeInPattern(Call)) {
      SmallVector<const Expr *, 4> Args(Call->arguments());
      followCall(MD, Args);
    }
  }
  BranchDepth += isBranch(S);
  return true;
}

void MemberWriteCollector::leave(const Stmt *S) { BranchDepth -= isBranch(S); }

void MemberWriteCollector::visitLambda(const LambdaExpr *Lambda) {
  // The body may run later, on a captured `this`.
  if (Lambda->capture_begin() == Lambda->capture_end())
    return;
  ++BranchDepth;
  walk(Lambda->getBody());
  --BranchDepth;
}

//===----------------------------------------------------------------------===//
// Escapes.
//===----------------------------------------------------------------------===//

bool EscapeCollector::enter(const Stmt *S) {
  if (const auto *Call = dyn_cast<CallExpr>(S))
    visitCall(Call);
  else if (const auto *BO = dyn_cast<BinaryOperator>(S);
           BO && BO->getOpcode() == BO_Assign)
    visitStore(BO->getLHS(), BO->getRHS(), BO);
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    visitConstruct(Construct);
  return true;
}

bool EscapeCollector::isSelf(const Decl *Object) const {
  if (!Self || !Object)
    return false;
  if (Object == Self)
    return true;
  const auto *Field = dyn_cast<FieldDecl>(Object);
  return Field && Field->getParent() == Self;
}

void EscapeCollector::add(const AddressedObject &Address, const Expr *At,
                          EscapeSink Sink,
                          std::shared_ptr<const PinCause> Kept) {
  Escape E{Address.Object, At, Sink, Address.Whole, Address.Member};
  E.Kept = std::move(Kept);
  Escapes.push_back(std::move(E));
}

CalleeSummaries::~CalleeSummaries() = default;

bool isCallableKeepingLibraryFunction(const FunctionDecl *Callee) {
  static const llvm::StringSet<> Names = {
      "QObject::connect", "QTimer::singleShot", "QTimer::callOnTimeout",
      "QMetaObject::invokeMethod", "QtConcurrent::run"};
  if (!Callee->getIdentifier())
    return false;
  std::string Qualified = Callee->getQualifiedNameAsString();
  if (Names.contains(Qualified))
    return true;
  // Asio keeps a completion handler until the operation completes, and a
  // posted function until it runs.
  StringRef Namespace(Qualified);
  StringRef Name = Callee->getName();
  return (Namespace.starts_with("boost::asio::") ||
          Namespace.starts_with("asio::")) &&
         (Name.starts_with("async_") ||
          llvm::is_contained({"post", "dispatch", "defer", "co_spawn"}, Name));
}

const ParmVarDecl *parameterFor(const CallExpr *Call, unsigned Index) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return nullptr;
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
    if (Index == 0)
      return nullptr; // The object.
    --Index;
  }
  return Index < Callee->getNumParams() ? Callee->getParamDecl(Index) : nullptr;
}

std::shared_ptr<const PinCause> keptByLibraryOrType(const FunctionDecl *Callee,
                                                    unsigned Index) {
  auto Cause = std::make_shared<PinCause>();
  Cause->Function = Callee;
  if (isCallableKeepingLibraryFunction(Callee)) {
    Cause->TheKind = PinCause::Kind::KeepsCallable;
    return Cause;
  }
  const ParmVarDecl *Param =
      Index < Callee->getNumParams() ? Callee->getParamDecl(Index) : nullptr;
  if (Param && isTypeErasedCallable(Param->getType()) &&
      !Param->getType()->isLValueReferenceType()) {
    Cause->TheKind = PinCause::Kind::TakesCallable;
    Cause->Subject = Param;
    return Cause;
  }
  return nullptr;
}

std::shared_ptr<const PinCause>
EscapeCollector::keptCallable(const FunctionDecl *Callee, unsigned Index) {
  return Callees ? Callees->keepsCallable(Callee, Index)
                 : keptByLibraryOrType(Callee, Index);
}

/// The local variable a container or object stored into is, when it is one
/// of the function's automatic variables (not a reference to another).
static const VarDecl *localObject(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
      !VD->getType()->isReferenceType() && !VD->getType()->isPointerType())
    return VD;
  return nullptr;
}

void EscapeCollector::visitCall(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Object = MCE->getImplicitObjectArgument();
    if (!Object || isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
      return; // Calls on `*this` are judged by their own summaries.
    // `impl_->f(...)` is a call on the object `impl_` points to.
    const auto *Member = dyn_cast<MemberExpr>(MCE->getCallee());
    const bool IntoOwnMember = !(Member && Member->isArrow()) &&
                               AddressOriginFinder::ownMember(Object);
    // A storing member keeps the argument in the object it is called on: in
    // another object, an escape; in a member of `*this`, a value of that
    // member, which the type model judges. Other calls pass it on. (The
    // callee is not always a MemberExpr, so `getMethodDecl` can be null.)
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (Method && isStoringMember(Method->getName())) {
      if (takesRange(Call))
        return; // It copies the elements.
      for (const Expr *Arg : Call->arguments())
        if (AddressedObject Address = AddressOf(Arg);
            Address && !(IntoOwnMember && isSelf(Address.Object))) {
          add(Address, Arg, {EscapeSink::Kind::Container, Method});
          Escapes.back().LocalHolder = localObject(Object);
          return;
        }
      return;
    }
  }
  const bool HasBody = Callee->hasBody();
  const unsigned First =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = First, E = Call->getNumArgs(); I != E; ++I) {
    const Expr *Arg = Call->getArg(I);
    AddressedObject Address = AddressOf(Arg);
    if (!Address)
      continue;
    const ParmVarDecl *Param = parameterFor(Call, I);
    const unsigned Index = I - First;
    // C user-data registration: the object's address as `void *` or through
    // `...` into an unseen body that may keep it.
    if (!HasBody && Address.Whole &&
        (!Param || Param->getType()->isVoidPointerType()) &&
        !Callee->getBuiltinID() && !isByteFunction(Callee->getName()) &&
        !callsBackBeforeReturning(Callee->getName()))
      return add(Address, Arg, {EscapeSink::Kind::Function, Callee});
    // A callback capturing the address, kept by the callee.
    if (Address.ViaCallable) {
      // A type-erased parameter taken by value needs no more words than
      // the callee's name.
      if (auto Kept = keptCallable(Callee, Index))
        return add(Address, Arg, {EscapeSink::Kind::Function, Callee},
                   Kept->TheKind == PinCause::Kind::TakesCallable ? nullptr
                                                                  : Kept);
      continue;
    }
    if (ArgumentsToPinningParameters && Callees)
      if (auto Kept = Callees->pinsArgument(Callee, Index))
        return add(Address, Arg, {EscapeSink::Kind::Function, Callee}, Kept);
  }
}

/// The variable `o.a.b` is a member of; null through pointers.
static const ValueDecl *rootVariable(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E);
        ASE &&
        ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType()) {
      E = ASE->getBase();
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE ? DRE->getDecl() : nullptr;
  }
}

void EscapeCollector::visitStore(const Expr *Target, const Expr *Value,
                                 const Expr *At) {
  AddressedObject Address = AddressOf(Value);
  if (!Address)
    return;
  // `o.p = &o.buf`: a pointer into the object itself, which its type's
  // copies and moves answer for, not a reference from outside.
  const ValueDecl *Root = rootVariable(Target);
  if (Root && Root == Address.Object)
    return;
  // `d_->q = this`: the object a member points to holds the address, which
  // the type model reads as that member's value.
  if (isSelf(Address.Object) && pointeeOfOwnMember(Target))
    return;
  if (AddressOriginFinder::ownMember(Target)) {
    if (!isSelf(Address.Object)) {
      add(Address, At, {EscapeSink::Kind::OwnMember, nullptr});
      Escapes.back().IntoOwnMember = true;
    }
    return;
  }
  const Expr *Stripped = Target->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Stripped)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && VD->hasGlobalStorage())
      add(Address, At, {EscapeSink::Kind::Global, VD});
    return;
  }
  if (isa<MemberExpr>(Stripped) || isa<UnaryOperator>(Stripped) ||
      isa<ArraySubscriptExpr>(Stripped)) {
    add(Address, At, {EscapeSink::Kind::OtherObject, nullptr});
    // A member of a local object: held while that object lives.
    const auto *Local = dyn_cast_or_null<VarDecl>(Root);
    if (Local && Local->hasLocalStorage() && !isa<ParmVarDecl>(Local) &&
        !Local->getType()->isReferenceType()) {
      Escapes.back().LocalHolder = Local;
      Escapes.back().Sink.Decl = Local;
    }
  }
}

void EscapeCollector::visitConstruct(const CXXConstructExpr *Construct) {
  std::string Type = qualifiedTemplateName(Construct->getType());
  if (Type != "std::thread" && Type != "std::jthread")
    return;
  for (const Expr *Arg : Construct->arguments())
    if (AddressedObject Address = AddressOf(Arg))
      return add(Address, Arg, {EscapeSink::Kind::Thread, nullptr});
}

const FieldDecl *copiedMember(const Expr *Value) {
  while (true) {
    Value = Value->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value);
        Construct && Construct->getNumArgs() == 1) {
      Value = Construct->getArg(0);
      continue;
    }
    if (const Expr *Moved = movedArgument(Value)) {
      Value = Moved;
      continue;
    }
    break;
  }
  const auto *ME = dyn_cast<MemberExpr>(Value);
  if (!ME || isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

} // namespace pincheck
