//===--- PinEvents.cpp - Where objects become pinned ----------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/PinEvents.h"
#include "AST/ASTCompat.h"
#include "AST/ASTUtils.h"
#include "Model/Annotations.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace pincheck {

//===----------------------------------------------------------------------===//
// Objects and their addresses.
//===----------------------------------------------------------------------===//

/// Objects worth tracking: class objects and arrays, not pointers or ints.
static bool isTrackedType(QualType T) {
  T = T.getNonReferenceType();
  return T->isRecordType() || T->isArrayType() || T->isDependentType();
}

/// The container an element access reads from: `v` for `v[0]`,
/// `v.front()`, `v.at(i)`; null for anything else.
static const Expr *containerOfElement(const Expr *E) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript)
    return Op->getArg(0);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        llvm::is_contained(
            {StringRef("front"), StringRef("back"), StringRef("at")},
            MD->getName()) &&
        MD->getReturnType()->isReferenceType())
      return MCE->getImplicitObjectArgument();
  }
  return nullptr;
}

/// For a local pointer initialised with an object's address (`T *p = &o;`,
/// `auto *p = std::addressof(o);`), the object `o`.
static const Expr *localPointee(const Expr *Pointer) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Pointer);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->isLocalVarDecl() || !VD->getType()->isPointerType() ||
      !VD->getInit())
    return nullptr;
  return addressedObject(ignoreTemporaries(VD->getInit()));
}

const Decl *PinEventFinder::objectOf(const Expr *E) {
  // Iterative: member and subscript chains can be long.
  while (E) {
    E = ignoreToObject(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      // A local reference names the object it was bound to.
      if (VD && VD->isLocalVarDecl() && VD->getType()->isReferenceType() &&
          VD->getInit()) {
        E = VD->getInit();
        continue;
      }
      return VD && isTrackedType(VD->getType()) ? VD : nullptr;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base)) {
        const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
        return Field && isTrackedType(Field->getType()) ? Field : nullptr;
      }
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (!Base->getType()->isArrayType())
        return nullptr;
      E = Base;
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref) {
      const Expr *Pointer = UO->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *This = dyn_cast<CXXThisExpr>(Pointer))
        return This->getType()->getPointeeCXXRecordDecl();
      // `*p` with a local `T *p = &o`: `o`.
      if (const Expr *Pointee = localPointee(Pointer)) {
        E = Pointee;
        continue;
      }
      return nullptr;
    }
    // An element of a container: `v[0]`, `v.front()`.
    if (const Expr *Container = containerOfElement(E)) {
      E = Container;
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

QualType PinEventFinder::typeOf(const Decl *Object) {
  if (const auto *VD = dyn_cast<ValueDecl>(Object))
    return VD->getType().getNonReferenceType().getUnqualifiedType();
  if (const auto *Record = dyn_cast<CXXRecordDecl>(Object))
    return compat::declaredType(Record);
  return {};
}

bool PinEventFinder::namesWholeObject(const Expr *E) {
  E = ignoreToObject(E);
  if (isa<DeclRefExpr>(E))
    return true;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref;
  return false;
}

const ValueDecl *PinEventFinder::memberOf(const Expr *E) {
  const ValueDecl *Member = nullptr;
  E = ignoreToObject(E);
  // An element lies in the container's member: `b` for `o.b[0]`.
  while (const Expr *Container = containerOfElement(E))
    E = ignoreToObject(Container);
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (ME->isArrow() || isa<CXXThisExpr>(Base))
      break; // `this->m` is an object of its own.
    Member = ME->getMemberDecl();
    E = ignoreToObject(Base);
  }
  return isa<DeclRefExpr>(E) ? Member : nullptr;
}

bool PinEventFinder::movesPinned(bool MovedWhole, const ValueDecl *Moved,
                                 const PinEvent &Pin) {
  if (MovedWhole)
    return true;
  // Copying a member out of an object whose own address is held, or a
  // member other than the one whose address is held, leaves it in place.
  if (Pin.Whole)
    return false;
  return !Moved || !Pin.Member || Moved == Pin.Member;
}

/// The class whose `this` a lambda captures: that of the member function
/// enclosing it, through any nested lambdas.
static const CXXRecordDecl *enclosingClass(const CXXRecordDecl *Closure) {
  for (const DeclContext *DC = Closure->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *MD = dyn_cast<CXXMethodDecl>(DC);
        MD && !MD->getParent()->isLambda())
      return MD->getParent();
  return nullptr;
}

/// The object the glvalue `E` designates, as an address.
static AddressedObject addressOfObject(const Expr *E) {
  AddressedObject Result;
  Result.Object = PinEventFinder::objectOf(E);
  Result.Whole = Result.Object && PinEventFinder::namesWholeObject(E);
  Result.Member = PinEventFinder::memberOf(E);
  return Result;
}

static AddressedObject addressCapturedBy(const LambdaExpr *Lambda) {
  AddressedObject Result;
  for (const LambdaCapture &Capture : Lambda->captures()) {
    if (Capture.capturesThis()) {
      Result.Object = enclosingClass(Lambda->getLambdaClass());
    } else if (Capture.capturesVariable() &&
               Capture.getCaptureKind() == LCK_ByRef) {
      const auto *VD = dyn_cast<VarDecl>(Capture.getCapturedVar());
      if (VD && isTrackedType(VD->getType()))
        Result.Object = VD;
    }
    if (Result.Object) {
      Result.Whole = Result.ViaCallable = true;
      return Result;
    }
  }
  for (const Expr *Init : Lambda->capture_inits())
    if (AddressedObject Inner = PinEventFinder::addressOf(Init)) {
      Inner.ViaCallable = true;
      return Inner;
    }
  return Result;
}

AddressedObject PinEventFinder::addressOf(const Expr *E) {
  if (!E)
    return {};
  E = ignoreTemporaries(E);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    if (ICE->getCastKind() == CK_ArrayToPointerDecay)
      return addressOfObject(ICE->getSubExpr());
    if (ICE->getCastKind() == CK_LValueToRValue) {
      // A local pointer initialised from an address: `T *p = &o; keep(p);`.
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(ICE->getSubExpr()->IgnoreParens()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
            VD && VD->isLocalVarDecl() && VD->getType()->isPointerType() &&
            VD->getInit())
          return addressOf(VD->getInit());
      return {};
    }
    return addressOf(ICE->getSubExpr());
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return addressOf(Cast->getSubExpr());
  if (const auto *This = dyn_cast<CXXThisExpr>(E)) {
    AddressedObject Result;
    Result.Object = This->getType()->getPointeeCXXRecordDecl();
    Result.Whole = true;
    return Result;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return addressOfObject(UO->getSubExpr());
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return addressCapturedBy(Lambda);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (Call->getNumArgs() >= 1 &&
        isStdCall(Call, {"addressof", "ref", "cref"}))
      return addressOfObject(Call->getArg(0));
    if (isStdCall(Call, {"bind", "bind_front", "bind_back"}))
      for (const Expr *Arg : Call->arguments())
        if (AddressedObject Inner = addressOf(Arg)) {
          Inner.ViaCallable = true;
          return Inner;
        }
    if (const Expr *Moved = movedArgument(Call))
      return addressOf(Moved);
    return {};
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A callable wrapping a lambda or bind result, or a copy of a pointer.
    if (Construct->getNumArgs() >= 1 &&
        (Construct->getConstructor()->isCopyOrMoveConstructor() ||
         isTypeErasedCallable(Construct->getType())))
      return addressOf(Construct->getArg(0));
  }
  return {};
}

//===----------------------------------------------------------------------===//
// Event 1: construction.
//===----------------------------------------------------------------------===//

std::optional<ConstructionPin> PinEventFinder::constructionPin(QualType T) {
  unsigned Depth = 0;
  return constructionPin(T, Depth);
}

std::optional<ConstructionPin>
PinEventFinder::constructionPin(QualType T, unsigned &Depth) {
  DepthGuard Guard(Depth);
  const TypeSummary *Summary = Model.summarize(T);
  if (!Summary || Summary->Unpin || Guard.exceeded())
    return std::nullopt;
  const CXXRecordDecl *Record = Summary->Record;
  ConstructionPin Pin;
  Pin.Why.Type = T;
  Pin.Why.Record = Record;
  Pin.CopyWrong = Summary->copyIsWrong();
  // A move that is not declared uses the copy.
  Pin.MoveWrong = Summary->moveOrFallbackIsWrong();
  for (const SpecialMemberFault &Fault : Summary->Faults) {
    if (!Fault.Pointer) {
      // Pinned from construction only by what a constructor hands out; a
      // member function's escape pins at its call.
      for (const AddressEscape &Escape : Summary->Escapes)
        if (isa<CXXConstructorDecl>(Escape.SetIn)) {
          Pin.Why.TheKind = TypeCause::Kind::HandsOutAddress;
          Pin.Why.Sink = Escape.Sink;
          Pin.Why.Function = Escape.SetIn;
          Pin.Why.Elsewhere = Escape.Elsewhere;
          return Pin;
        }
      continue;
    }
    const InteriorPointer &Pointer = Summary->Pointers[*Fault.Pointer];
    if ((!Pointer.SetIn || isa<CXXConstructorDecl>(Pointer.SetIn)) &&
        Pointer.Origin.Kind == OriginKind::InPointee) {
      // The constructor stored its address through the member.
      Pin.Why.TheKind = TypeCause::Kind::HandsOutAddress;
      Pin.Why.Sink = pointeeSink(Pointer);
      Pin.Why.Function = Pointer.SetIn;
      Pin.Why.Elsewhere = Pointer.Elsewhere;
      return Pin;
    }
    if (!Pointer.SetIn || isa<CXXConstructorDecl>(Pointer.SetIn)) {
      Pin.Why.TheKind = TypeCause::Kind::InteriorPointer;
      Pin.Why.Pointer = Pointer.Field;
      Pin.Why.Function = Pointer.SetIn;
      Pin.Why.Elsewhere = Pointer.Elsewhere;
      return Pin;
    }
  }
  const NamedDecl *Subobject = Summary->SelfReferentialSubobject;
  QualType Inner = Subobject ? Summary->subobjectType() : QualType();
  if (Inner.isNull())
    return std::nullopt;
  std::optional<ConstructionPin> InnerPin = constructionPin(Inner, Depth);
  if (!InnerPin)
    return std::nullopt;
  // The subobject's faults carry over only through memberwise copies and
  // moves; the class's own ones (simple_ilist's splicing move) answer for it.
  InnerPin->CopyWrong &= SelfReferenceModel::copiesMemberwise(Record);
  InnerPin->MoveWrong &= SelfReferenceModel::movesMemberwise(Record);
  if (!InnerPin->CopyWrong && !InnerPin->MoveWrong)
    return std::nullopt;
  InnerPin->Why.Path.insert(InnerPin->Why.Path.begin(),
                            Containment{T, Record, Subobject});
  return InnerPin;
}

//===----------------------------------------------------------------------===//
// Events 2 and 3: function summaries.
//===----------------------------------------------------------------------===//

/// A cause from another translation unit's facts, placed at the function's
/// definition there.
static std::shared_ptr<const PinCause>
located(const std::shared_ptr<const PinCause> &Cause,
        const FunctionFacts &Known) {
  if (!Cause || Cause->Elsewhere)
    return Cause;
  auto Located = std::make_shared<PinCause>(*Cause);
  Located->Elsewhere = Known.Definition;
  return Located;
}

static std::shared_ptr<const PinCause>
makeCause(PinCause::Kind Kind, const NamedDecl *Function,
          const NamedDecl *Subject = nullptr) {
  auto Cause = std::make_shared<PinCause>();
  Cause->TheKind = Kind;
  Cause->Function = Function;
  Cause->Subject = Subject;
  return Cause;
}

static std::shared_ptr<const PinCause> makeCause(PinCause::Kind Kind,
                                                 const NamedDecl *Function,
                                                 const NamedDecl *Subject,
                                                 const EscapeSink &Sink) {
  auto Cause = std::make_shared<PinCause>();
  Cause->TheKind = Kind;
  Cause->Function = Function;
  Cause->Subject = Subject;
  Cause->Sink = Sink;
  return Cause;
}

/// The summary of `Key` in `Memo`, computed on first request. An entry
/// being computed reads as "does not pin", which cuts recursion, and
/// summaries nest at most MaxModelDepth deep.
template <typename KeyT, typename ComputeFn>
static std::shared_ptr<const PinCause>
memoised(llvm::DenseMap<KeyT, std::shared_ptr<const PinCause>> &Memo,
         const KeyT &Key, unsigned &Depth, ComputeFn Compute) {
  auto It = Memo.find(Key);
  if (It != Memo.end())
    return It->second;
  DepthGuard Guard(Depth);
  if (Guard.exceeded())
    return nullptr;
  Memo[Key] = nullptr; // Being computed.
  std::shared_ptr<const PinCause> Cause = Compute();
  Memo[Key] = Cause;
  return Cause;
}

std::shared_ptr<const PinCause>
PinEventFinder::pinsThis(const CXXMethodDecl *Method) {
  if (!Method)
    return nullptr;
  Method = Method->getCanonicalDecl();
  return memoised(MethodPins, Method, SummaryDepth,
                  [&] { return computePinsThis(Method); });
}

/// The member function sets an interior pointer that the class's copies or
/// moves get wrong.
std::shared_ptr<const PinCause>
PinEventFinder::setsFaultyPointer(const CXXMethodDecl *MD) {
  const TypeSummary *Summary = Model.summarize(MD->getParent());
  if (!Summary)
    return nullptr;
  SmallVector<MemberWrite, 8> Writes;
  MemberWriteCollector(Writes, /*FollowCalls=*/false).collectFunction(MD);
  for (const MemberWrite &Write : Writes) {
    std::optional<AddressOrigin> Origin = Model.originOfWrite(Write);
    if (!Origin)
      continue;
    // By name: the summary may be the pattern's.
    for (const SpecialMemberFault &Fault :
         llvm::concat<const SpecialMemberFault>(Summary->Faults,
                                                Summary->LatentFaults))
      if (Fault.Pointer && Summary->Pointers[*Fault.Pointer].Field->getName() ==
                               Write.Field->getName())
        return makeCause(Origin->Kind == OriginKind::InPointee
                             ? (Origin->Member
                                    ? PinCause::Kind::StoresMemberAddressThrough
                                    : PinCause::Kind::StoresOwnAddressThrough)
                         : Origin->Member ? PinCause::Kind::SetsInteriorPointer
                                          : PinCause::Kind::StoresOwnAddress,
                         MD, Write.Field);
  }
  return nullptr;
}

std::shared_ptr<const PinCause>
PinEventFinder::computePinsThis(const CXXMethodDecl *MD) {
  if (hasPinAnnotation(MD, annotation::PinsThis))
    return makeCause(PinCause::Kind::DeclaredPinsThis, MD);
  const FunctionDecl *Definition = nullptr;
  if (MD->isStatic() || isa<CXXConstructorDecl>(MD) ||
      isa<CXXDestructorDecl>(MD))
    return nullptr;
  if (!MD->hasBody(Definition)) {
    const FunctionFacts *Known = factsOf(MD);
    return Known ? located(Known->PinsThis, *Known) : nullptr;
  }
  if (auto Cause = setsFaultyPointer(MD))
    return Cause;

  // It hands out the object's address, or a member's.
  const CXXRecordDecl *Record = MD->getParent();
  auto OwnsObject = [Record](const Decl *Object) {
    if (Object == Record)
      return true;
    const auto *Field = dyn_cast_or_null<FieldDecl>(Object);
    return Field && Field->getParent() == Record;
  };
  SmallVector<Escape, 2> Escapes;
  EscapeCollector(addressOf, Record, Escapes, this).walk(Definition->getBody());
  for (const Escape &E : Escapes) {
    if (!OwnsObject(E.Object) || E.LocalHolder)
      continue;
    auto Cause = std::make_shared<PinCause>();
    Cause->Function = MD;
    Cause->Sink = E.Sink;
    Cause->Inner = E.Kept;
    if (E.Object == Record) {
      Cause->TheKind = PinCause::Kind::HandsOutAddress;
    } else {
      Cause->TheKind = PinCause::Kind::HandsOutMember;
      Cause->Subject = cast<NamedDecl>(E.Object);
    }
    return Cause;
  }

  // It pins a member, or calls another pinning member function.
  SmallVector<PinEvent, 4> Inner;
  findCalls(Definition->getBody(), Record, Inner);
  for (const PinEvent &Event : Inner) {
    if (!OwnsObject(Event.Object))
      continue;
    auto Cause = std::make_shared<PinCause>();
    Cause->Function = MD;
    Cause->Inner = Event.Cause;
    if (Event.Object == Record) {
      Cause->TheKind = PinCause::Kind::CallsPinning;
    } else {
      Cause->TheKind = PinCause::Kind::PinsMember;
      Cause->Subject = cast<NamedDecl>(Event.Object);
    }
    return Cause;
  }
  return nullptr;
}

/// The parameter a member call is made on: `p.f()`, `p->f()`, `(*p).f()`.
static const ParmVarDecl *calledOnParameter(const CXXMemberCallExpr *Call) {
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object)
    return nullptr;
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(Object);
      Deref && Deref->getOpcode() == UO_Deref)
    Object = Deref->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(Object);
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

std::shared_ptr<const PinCause>
PinEventFinder::pinningCallOn(const ParmVarDecl *Param, const Stmt *Body) {
  if (!Body)
    return nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Body);
      Call && calledOnParameter(Call) == Param)
    if (auto Cause = pinsThis(Call->getMethodDecl()))
      return Cause;
  // A reference parameter handed on by reference to a pinning parameter
  // (`tag_invoke(start, op)` in a customisation point object).
  if (const auto *Call = dyn_cast<CallExpr>(Body);
      Call && Param->getType()->isReferenceType())
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      const unsigned First =
          isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      for (unsigned I = First, E = Call->getNumArgs(); I < E; ++I) {
        const auto *Ref =
            dyn_cast<DeclRefExpr>(Call->getArg(I)->IgnoreParenImpCasts());
        const unsigned Index = I - First;
        if (Ref && Ref->getDecl() == Param && Index < Callee->getNumParams() &&
            Callee->getParamDecl(Index)->getType()->isReferenceType())
          if (auto Cause = pinsArgument(Callee, Index))
            return Cause;
      }
    }
  for (const Stmt *Child : Body->children())
    if (auto Cause = pinningCallOn(Param, Child))
      return Cause;
  return nullptr;
}

std::shared_ptr<const PinCause>
PinEventFinder::pinsArgument(const FunctionDecl *Callee, unsigned Index) {
  if (!Callee)
    return nullptr;
  Callee = Callee->getCanonicalDecl();
  auto Key = std::make_pair(Callee, Index);
  return memoised(ArgumentPins, Key, SummaryDepth, [&] {
    bool IntoNewObject = false;
    std::shared_ptr<const PinCause> Cause =
        computePinsArgument(Callee, Index, IntoNewObject);
    if (Cause && IntoNewObject)
      KeptByNewObject.insert(Key);
    return Cause;
  });
}

static const ParmVarDecl *annotatedPinsParam(const FunctionDecl *FD,
                                             unsigned Index);

std::shared_ptr<const PinCause>
PinEventFinder::keepsCallable(const FunctionDecl *Callee, unsigned Index) {
  if (!Callee)
    return nullptr;
  Callee = Callee->getCanonicalDecl();
  return memoised(CallablePins, std::make_pair(Callee, Index), SummaryDepth,
                  [&] { return computeKeepsCallable(Callee, Index); });
}

/// Whether `E`'s value is the parameter's (or a copy, a conversion or a
/// lambda capturing it): `f`, `std::move(f)`, `std::function<void()>(f)`,
/// `[f = std::move(f)] { f(); }`.
static bool isValueOf(const Expr *E, const ParmVarDecl *Param) {
  while (E) {
    E = ignoreTemporaries(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl() == Param;
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return false;
      E = Construct->getArg(0);
    } else if (const Expr *Moved = movedArgument(E)) {
      E = Moved;
    } else if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
      for (const LambdaCapture &Capture : Lambda->captures())
        if (Capture.capturesVariable() && Capture.getCapturedVar() == Param)
          return true;
      return llvm::any_of(Lambda->capture_inits(), [Param](const Expr *Init) {
        return isValueOf(Init, Param);
      });
    } else {
      return false;
    }
  }
  return false;
}

/// Whether a visible body keeps the callable it is given as `Param`: it
/// stores it outside its locals, or hands it to a callee that keeps it.
class CallableKeepFinder : public BodyWalker<CallableKeepFinder> {
public:
  CallableKeepFinder(PinEventFinder &Finder, const FunctionDecl *Function,
                     const ParmVarDecl *Param)
      : Finder(Finder), Function(Function), Param(Param) {}

  bool enter(const Stmt *S) {
    if (Kept)
      return false;
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->getOpcode() == BO_Assign)
      visitStore(BO->getLHS(), BO->getRHS());
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      visitStore(Op->getArg(0), Op->getArg(1));
    else if (const auto *Call = dyn_cast<CallExpr>(S))
      visitCall(Call);
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      visitArguments(
          Construct->getConstructor(),
          llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs()));
    return !Kept;
  }

  void visitInitializer(const CXXCtorInitializer *Init) {
    if (Init->getAnyMember() && isValueOf(Init->getInit(), Param))
      keep(nullptr);
    else
      walk(Init->getInit());
  }

  std::shared_ptr<const PinCause> Kept;

private:
  void keep(std::shared_ptr<const PinCause> Inner) {
    auto Cause = std::make_shared<PinCause>();
    Cause->TheKind = PinCause::Kind::StoresCallable;
    Cause->Function = Function;
    Cause->Subject = Param;
    Cause->Inner = std::move(Inner);
    Kept = std::move(Cause);
  }

  /// `target = f`, unless the target is one of the function's locals.
  void visitStore(const Expr *Target, const Expr *Value) {
    if (!isValueOf(Value, Param))
      return;
    const auto *DRE = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
    const auto *Local = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Local || !Local->hasLocalStorage() ||
        Local->getType()->isReferenceType())
      keep(nullptr);
  }

  void visitCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    // `callbacks_.push_back(std::move(f))`: a container keeps it.
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(Call);
        MCE && MCE->getMethodDecl() && MCE->getMethodDecl()->getIdentifier() &&
        isStoringMember(MCE->getMethodDecl()->getName())) {
      const auto *Object = dyn_cast<DeclRefExpr>(
          MCE->getImplicitObjectArgument()->IgnoreParenImpCasts());
      const auto *Local =
          Object ? dyn_cast<VarDecl>(Object->getDecl()) : nullptr;
      const bool IntoLocal = Local && Local->hasLocalStorage() &&
                             !Local->getType()->isReferenceType() &&
                             !isa<ParmVarDecl>(Local);
      if (!IntoLocal && llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
            return isValueOf(Arg, Param);
          }))
        return keep(nullptr);
    }
    const unsigned First =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    visitArguments(
        Callee,
        llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()).drop_front(First));
  }

  /// `sink(std::forward<F>(f))` where `sink` keeps it.
  void visitArguments(const FunctionDecl *Callee, ArrayRef<const Expr *> Args) {
    for (unsigned I = 0; I < Args.size() && !Kept; ++I)
      if (isValueOf(Args[I], Param))
        if (auto Inner = Finder.keepsCallable(Callee, I))
          keep(std::move(Inner));
  }

  PinEventFinder &Finder;
  const FunctionDecl *Function;
  const ParmVarDecl *Param;
};

std::shared_ptr<const PinCause>
PinEventFinder::computeKeepsCallable(const FunctionDecl *FD, unsigned Index) {
  if (Index < FD->getNumParams())
    if (const ParmVarDecl *Param = annotatedPinsParam(FD, Index))
      return makeCause(PinCause::Kind::DeclaredPins, FD, Param);
  if (auto Cause = keptByLibraryOrType(FD, Index))
    return Cause;
  const FunctionDecl *Definition = nullptr;
  if (!FD->hasBody(Definition)) {
    // Defined in another translation unit: its facts.
    if (const FunctionFacts *Known = factsOf(FD)) {
      if (auto It = Known->KeepsCallable.find(Index);
          It != Known->KeepsCallable.end())
        return located(It->second, *Known);
      if (Known->CallableNotKept.count(Index))
        return nullptr;
    }
    // Out of sight: a `const` reference to a type-erased callable is what a
    // setter that stores it takes.
    if (Index >= FD->getNumParams())
      return nullptr;
    QualType Type = FD->getParamDecl(Index)->getType();
    if (Type->isLValueReferenceType() &&
        Type.getNonReferenceType().isConstQualified() &&
        isTypeErasedCallable(Type))
      return makeCause(PinCause::Kind::AssumedKept, FD,
                       FD->getParamDecl(Index));
    return nullptr;
  }
  if (Index >= Definition->getNumParams())
    return nullptr;
  CallableKeepFinder Finder(*this, Definition, Definition->getParamDecl(Index));
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && !Finder.Kept)
        Finder.visitInitializer(Init);
  if (!Finder.Kept)
    Finder.walk(Definition->getBody());
  return Finder.Kept;
}

bool PinEventFinder::keptOnlyByNewObject(const FunctionDecl *Callee,
                                         unsigned Index) {
  if (!Callee || !pinsArgument(Callee, Index))
    return false;
  return KeptByNewObject.contains({Callee->getCanonicalDecl(), Index});
}

/// The parameter `Index` of `FD` or of one of its redeclarations or its
/// pattern that is annotated PIN_PINS (or, where Clang knows it,
/// `[[clang::lifetime_capture_by]]`).
static const ParmVarDecl *annotatedPinsParam(const FunctionDecl *FD,
                                             unsigned Index) {
  for (const FunctionDecl *Redecl : FD->redecls())
    if (Index < Redecl->getNumParams() &&
        (hasPinAnnotation(Redecl->getParamDecl(Index), annotation::Pins) ||
         compat::capturesLifetime(Redecl->getParamDecl(Index))))
      return FD->getParamDecl(Index);
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    if (Index < Pattern->getNumParams() &&
        hasPinAnnotation(Pattern->getParamDecl(Index), annotation::Pins))
      return Pattern->getParamDecl(Index);
  return nullptr;
}

std::shared_ptr<const PinCause>
PinEventFinder::computePinsArgument(const FunctionDecl *FD, unsigned Index,
                                    bool &IntoNewObject) {
  if (Index < FD->getNumParams())
    if (const ParmVarDecl *Param = annotatedPinsParam(FD, Index))
      return makeCause(PinCause::Kind::DeclaredPins, FD, Param);
  if (std::optional<ApiReason> Reason = Api.pinningArgument(FD, Index)) {
    // A loan lasts as long as the object it is lent to.
    IntoNewObject = *Reason == ApiReason::Loan;
    auto Cause = std::make_shared<PinCause>();
    Cause->TheKind = PinCause::Kind::Api;
    Cause->Function = FD;
    Cause->Api = *Reason;
    return Cause;
  }
  const FunctionDecl *Definition = nullptr;
  if (!FD->hasBody(Definition)) {
    const FunctionFacts *Known = factsOf(FD);
    if (!Known)
      return nullptr;
    auto It = Known->PinsArgument.find(Index);
    if (It == Known->PinsArgument.end())
      return nullptr;
    IntoNewObject = Known->KeptInObject.count(Index);
    return located(It->second, *Known);
  }
  if (Index >= Definition->getNumParams())
    return nullptr;
  return bodyKeepsArgument(Definition, Index, IntoNewObject);
}

/// A visible body that stores the parameter's address outside the call.
std::shared_ptr<const PinCause>
PinEventFinder::bodyKeepsArgument(const FunctionDecl *Definition,
                                  unsigned Index, bool &IntoNewObject) {
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  QualType Type = Param->getType();
  if (!Type->isPointerType() && !Type->isReferenceType())
    return nullptr;
  auto AddressOfParam = [Param](const Expr *E) -> AddressedObject {
    AddressedObject Address = addressOf(E);
    if (Address.Object == Param)
      return Address;
    // The pointer parameter's value itself.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
        DRE && DRE->getDecl() == Param && Param->getType()->isPointerType()) {
      AddressedObject Value;
      Value.Object = Param;
      Value.Whole = true;
      return Value;
    }
    return {};
  };
  const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
  const Decl *Self = Method ? Method->getParent() : nullptr;
  SmallVector<Escape, 2> Escapes;
  EscapeCollector Collector(AddressOfParam, Self, Escapes, this,
                            /*ArgumentsToPinningParameters=*/true);
  const FieldDecl *KeepingMember = nullptr;
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition);
  if (Ctor)
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      if (!Init->isWritten())
        continue;
      // `Watcher(T &t) : target_(&t)`: a member keeps it.
      if (Init->getAnyMember() && AddressOfParam(Init->getInit())) {
        if (!KeepingMember)
          KeepingMember = Init->getAnyMember();
        continue;
      }
      Collector.walk(Init->getInit());
    }
  Collector.walk(Definition->getBody());
  // What the callee keeps in its own locals is gone after the call.
  llvm::erase_if(Escapes, [](const Escape &E) { return E.LocalHolder; });
  // `op.start()` on the parameter, a member function that pins `*this`
  // (a wrapper such as a `start` customisation point pins its argument).
  if (Escapes.empty() && !KeepingMember)
    if (auto Inner = pinningCallOn(Param, Definition->getBody())) {
      auto Cause = std::make_shared<PinCause>();
      Cause->TheKind = PinCause::Kind::CallsPinning;
      Cause->Function = Definition;
      Cause->Inner = std::move(Inner);
      return Cause;
    }
  // Kept elsewhere than in the object a constructor builds: a pin whatever
  // becomes of that object.
  for (const Escape &E : Escapes)
    if (!E.IntoOwnMember || !Ctor) {
      auto Cause = std::make_shared<PinCause>();
      Cause->TheKind = PinCause::Kind::StoresArgument;
      Cause->Function = Definition;
      Cause->Sink = E.Sink;
      Cause->Inner = E.Kept;
      return Cause;
    }
  IntoNewObject = Ctor != nullptr;
  if (KeepingMember)
    return makeCause(PinCause::Kind::StoresInMember, Definition, KeepingMember);
  if (!Escapes.empty())
    return makeCause(PinCause::Kind::StoresArgument, Definition, nullptr,
                     Escapes.front().Sink);
  return nullptr;
}

AddressedObject PinEventFinder::argumentObject(const FunctionDecl *Callee,
                                               const Expr *Arg,
                                               unsigned Index) {
  if (AddressedObject Address = addressOf(Arg))
    return Address;
  // An object bound to a reference parameter.
  if (Index < Callee->getNumParams() &&
      Callee->getParamDecl(Index)->getType()->isReferenceType())
    return addressOfObject(Arg);
  return {};
}

//===----------------------------------------------------------------------===//
// Events 2 to 5 in a function body.
//===----------------------------------------------------------------------===//

/// Finds the calls that pin an object: pinning member functions, pinning
/// parameters, `pin::pin` and the EscapingFunctions option.
class CallPinCollector : public BodyWalker<CallPinCollector> {
public:
  CallPinCollector(PinEventFinder &Finder, const CXXRecordDecl *Self,
                   SmallVectorImpl<PinEvent> &Events)
      : Finder(Finder), Self(Self), Events(Events) {}

  bool enter(const Stmt *S) {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      visitCall(Call);
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      propagateLifetime(Construct);
      visitArguments(
          S, Construct->getConstructor(),
          llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs()),
          isTransient(Construct), LocalInitialized.lookup(Construct));
    } else if (const auto *DS = dyn_cast<DeclStmt>(S))
      visitDecl(DS);
    else if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      if (const Expr *Value = Return->getRetValue())
        markTransient(Value);
    } else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(S)) {
      markTransient(MTE->getSubExpr());
    } else if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(S)) {
      visitAwait(Await);
    }
    return true;
  }

private:
  void add(const Stmt *At, const Decl *Object, PinKind Kind,
           std::shared_ptr<const PinCause> Cause, bool Whole = true,
           const ValueDecl *Member = nullptr, const VarDecl *Holder = nullptr) {
    if (Object)
      Events.push_back({Object, At, Kind, std::move(Cause), Whole, Member,
                        Holder,
                        isa<CoroutineSuspendExpr>(At) ? PinActivity::Await
                        : startsOperation(At)         ? PinActivity::Start
                                                      : PinActivity::Other});
  }

  /// A call that starts an operation state: a member or free `start`, the
  /// `start` customisation point object (`start_t`), or
  /// `tag_invoke(start_t, op)`.
  static bool startsOperation(const Stmt *At) {
    const auto *Call = dyn_cast<CallExpr>(At);
    if (!Call)
      return false;
    auto IsStartTag = [](QualType T) {
      const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
      return Record && Record->getIdentifier() &&
             Record->getName() == "start_t";
    };
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call))
      return Operator->getOperator() == OO_Call && Call->getNumArgs() > 0 &&
             IsStartTag(Call->getArg(0)->getType());
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return false;
    // An operation state's `start` is `noexcept` and returns nothing
    // ([exec.opstate]); a thread's or a timer's need not be.
    if (Callee->getName() == "start") {
      const auto *Proto = Callee->getType()->getAs<FunctionProtoType>();
      return Proto && Proto->isNothrow() &&
             Callee->getReturnType()->isVoidType();
    }
    return Callee->getName() == "tag_invoke" && Call->getNumArgs() > 1 &&
           IsStartTag(Call->getArg(0)->getType());
  }

  /// `Watcher W(T);`: the construction of a local object.
  void visitDecl(const DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType() &&
          VD->getInit())
        if (const auto *Construct =
                dyn_cast<CXXConstructExpr>(ignoreTemporaries(VD->getInit())))
          LocalInitialized[Construct] = VD;
  }

  void visitCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(Call))
      visitMemberCall(MCE);
    if (Callee && Callee->getQualifiedNameAsString() == "pin::pin" &&
        Call->getNumArgs() == 1) {
      const Expr *Arg = Call->getArg(0);
      add(Call, PinEventFinder::objectOf(Arg), PinKind::PinFunction,
          makeCause(PinCause::Kind::PinFunction, Callee),
          PinEventFinder::namesWholeObject(Arg), PinEventFinder::memberOf(Arg));
    }
    // A member operator's object is argument 0 of the call, not a parameter.
    unsigned First = 0;
    if (isa<CXXOperatorCallExpr>(Call) &&
        isa_and_nonnull<CXXMethodDecl>(Callee))
      First = 1;
    if (Callee)
      visitArguments(
          Call, Callee,
          llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()).drop_front(First),
          /*Transient=*/false);
  }

  void visitMemberCall(const CXXMemberCallExpr *Call) {
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Object)
      return;
    const bool OnThis = isa<CXXThisExpr>(Object->IgnoreParenImpCasts());
    const Decl *Target = OnThis ? static_cast<const Decl *>(Self)
                                : PinEventFinder::objectOf(Object);
    if (!Target)
      return;
    if (auto Cause = Finder.pinsThis(Call->getMethodDecl()))
      add(Call, Target, PinKind::MemberCall, std::move(Cause),
          OnThis || PinEventFinder::namesWholeObject(Object),
          PinEventFinder::memberOf(Object));
  }

  /// `co_await W`: the awaiter's `await_suspend` is called on `W` (through
  /// an opaque value the member call does not name), and when it lets
  /// `this` escape (a wait list links the awaiter), `W` is pinned for the
  /// suspension and, an lvalue, until its scope ends. A temporary awaiter
  /// cannot be moved.
  void visitAwait(const CoroutineSuspendExpr *Await) {
    const Expr *Awaiter = Await->getCommonExpr();
    const Expr *Suspend = Await->getSuspendExpr();
    if (!Awaiter || !Suspend)
      return;
    const Decl *Target = PinEventFinder::objectOf(Awaiter);
    const CXXMethodDecl *Method = awaitSuspendOf(Suspend);
    if (!Target || !Method)
      return;
    if (auto Cause = Finder.pinsThis(Method))
      add(Await, Target, PinKind::MemberCall, std::move(Cause),
          PinEventFinder::namesWholeObject(Awaiter),
          PinEventFinder::memberOf(Awaiter));
  }

  /// The `await_suspend` member a suspend expression calls.
  static const CXXMethodDecl *awaitSuspendOf(const Stmt *S) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
      if (const CXXMethodDecl *Method = Call->getMethodDecl();
          Method && Method->getIdentifier() &&
          Method->getName() == "await_suspend")
        return Method;
    for (const Stmt *Child : S->children())
      if (Child)
        if (const CXXMethodDecl *Method = awaitSuspendOf(Child))
          return Method;
    return nullptr;
  }

  /// `Local`: the local variable the construction `At` initialises.
  void visitArguments(const Stmt *At, const FunctionDecl *Callee,
                      ArrayRef<const Expr *> Args, bool Transient,
                      const VarDecl *Local = nullptr) {
    for (unsigned I = 0; I < Args.size(); ++I) {
      AddressedObject Object =
          PinEventFinder::argumentObject(Callee, Args[I], I);
      // A temporary or returned object keeping an address in its members (an
      // iterator, a view) holds it only as long as its user does: using it
      // after the object moved is iterator invalidation, not a pin.
      if (!Object || (Transient && Finder.keptOnlyByNewObject(Callee, I)))
        continue;
      // A local object keeping it holds it for its own lifetime.
      const VarDecl *Holder =
          Local && Finder.keptOnlyByNewObject(Callee, I) ? Local : nullptr;
      if (auto Cause = Finder.pinsArgument(Callee, I))
        add(At, Object.Object, PinKind::PinningArgument, std::move(Cause),
            Object.Whole, Object.Member, Holder);
      else if (Finder.Api.isEscapingFunction(Callee))
        add(At, Object.Object, PinKind::Escape,
            makeCause(PinCause::Kind::EscapingFunctions, Callee), Object.Whole,
            Object.Member);
    }
  }

  /// An object built as a by-value argument of a constructor
  /// (`Sink S(&Out)` converting `&Out` to the `Raw` that `Sink(Raw)`
  /// takes) can keep an address no longer than the object it is given to:
  /// it shares that object's lifetime, a local's or a temporary's.
  void propagateLifetime(const CXXConstructExpr *Outer) {
    const VarDecl *Local = LocalInitialized.lookup(Outer);
    const bool Transient = isTransient(Outer);
    if (!Local && !Transient)
      return;
    for (const Expr *Arg : Outer->arguments()) {
      const auto *Inner = dyn_cast<CXXConstructExpr>(unwrapConversions(Arg));
      if (!Inner)
        continue;
      if (Local)
        LocalInitialized.try_emplace(Inner, Local);
      if (Transient)
        TransientConstructs.insert(Inner);
    }
  }

  /// `E` without the temporaries and conversions that wrap a construction.
  static const Expr *unwrapConversions(const Expr *E) {
    while (true) {
      E = ignoreTemporaries(E);
      const auto *Cast = dyn_cast<CastExpr>(E);
      if (!Cast || !(isa<CXXFunctionalCastExpr>(Cast) ||
                     Cast->getCastKind() == CK_ConstructorConversion ||
                     Cast->getCastKind() == CK_NoOp))
        return E;
      E = Cast->getSubExpr();
    }
  }

  bool isTransient(const CXXConstructExpr *Construct) const {
    return isa<CXXTemporaryObjectExpr>(Construct) ||
           TransientConstructs.contains(Construct);
  }

  /// Records the construction `E` yields as a temporary or returned object.
  void markTransient(const Expr *E) {
    if (const auto *Construct =
            dyn_cast<CXXConstructExpr>(unwrapConversions(E)))
      TransientConstructs.insert(Construct);
  }

  PinEventFinder &Finder;
  const CXXRecordDecl *Self;
  SmallVectorImpl<PinEvent> &Events;
  llvm::SmallPtrSet<const CXXConstructExpr *, 8> TransientConstructs;
  llvm::DenseMap<const CXXConstructExpr *, const VarDecl *> LocalInitialized;
};

void PinEventFinder::findCalls(const Stmt *Body, const CXXRecordDecl *Self,
                               SmallVectorImpl<PinEvent> &Events) {
  CallPinCollector(*this, Self, Events).walk(Body);
}

void PinEventFinder::find(const FunctionDecl *FD,
                          SmallVectorImpl<PinEvent> &Events) {
  const FunctionDecl *Definition = nullptr;
  if (!FD || !FD->hasBody(Definition))
    return;
  const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
  const CXXRecordDecl *Self = Method ? Method->getParent() : nullptr;
  findCalls(userBody(Definition), Self, Events);
  SmallVector<Escape, 4> Escapes;
  EscapeCollector(addressOf, Self, Escapes, this).walk(userBody(Definition));
  for (const Escape &E : Escapes) {
    auto Cause = std::make_shared<PinCause>();
    Cause->TheKind = PinCause::Kind::AddressStored;
    Cause->Sink = E.Sink;
    Cause->Inner = E.Kept;
    Events.push_back({E.Object, E.At, PinKind::Escape, std::move(Cause),
                      E.Whole, E.Member, E.LocalHolder});
  }
}

} // namespace pincheck
