//===--- PinEvents.cpp - Where objects become pinned ----------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/PinEvents.h"
#include "Model/Annotations.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace pincheck {

//===----------------------------------------------------------------------===//
// Objects and their addresses.
//===----------------------------------------------------------------------===//

static bool isStdCall(const CallExpr *Call,
                      std::initializer_list<StringRef> Names) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         llvm::is_contained(Names, FD->getName());
}

/// Strips what neither copies nor changes the object designated.
static const Expr *stripToObject(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
      E = ICE->getSubExpr();
    } else if (const auto *EWC = dyn_cast<ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
    } else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MTE->getSubExpr();
    } else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
               Cast && Cast->getTypeAsWritten()->isReferenceType()) {
      E = Cast->getSubExpr(); // static_cast<T &&>(o)
    } else if (const auto *Call = dyn_cast<CallExpr>(E);
               Call && Call->getNumArgs() == 1 &&
               isStdCall(Call, {"move", "forward", "as_const"})) {
      E = Call->getArg(0);
    } else {
      return E;
    }
  }
}

/// Objects worth tracking: class objects and arrays, not pointers or ints.
static bool isTrackedType(QualType T) {
  T = T.getNonReferenceType();
  return T->isRecordType() || T->isArrayType() || T->isDependentType();
}

const Decl *PinEventFinder::objectOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripToObject(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && isTrackedType(VD->getType()) ? VD : nullptr;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base)) {
      const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      return Field && isTrackedType(Field->getType()) ? Field : nullptr;
    }
    return ME->isArrow() ? nullptr : objectOf(ME->getBase());
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
    return Base->getType()->isArrayType() ? objectOf(Base) : nullptr;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref) {
    if (const auto *This =
            dyn_cast<CXXThisExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
      return This->getType()->getPointeeCXXRecordDecl();
    return nullptr;
  }
  // An element of a container: `v[0]`, `v.front()`.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript)
    return objectOf(Op->getArg(0));
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        llvm::is_contained(
            {StringRef("front"), StringRef("back"), StringRef("at")},
            MD->getName()) &&
        MD->getReturnType()->isReferenceType())
      return objectOf(MCE->getImplicitObjectArgument());
  }
  return nullptr;
}

bool PinEventFinder::namesWholeObject(const Expr *E) {
  E = stripToObject(E);
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
  E = stripToObject(E);
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (ME->isArrow() || isa<CXXThisExpr>(Base))
      break; // `this->m` is an object of its own.
    Member = ME->getMemberDecl();
    E = stripToObject(Base);
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

AddressedObject PinEventFinder::addressOf(const Expr *E) {
  AddressedObject Result;
  if (!E)
    return Result;
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    if (ICE->getCastKind() == CK_ArrayToPointerDecay) {
      Result.Object = objectOf(ICE->getSubExpr());
      Result.Whole = Result.Object && namesWholeObject(ICE->getSubExpr());
      Result.Member = memberOf(ICE->getSubExpr());
      return Result;
    }
    if (ICE->getCastKind() == CK_LValueToRValue) {
      // A local pointer initialised from an address: `T *p = &o; keep(p);`.
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(ICE->getSubExpr()->IgnoreParens()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
            VD && VD->isLocalVarDecl() && VD->getType()->isPointerType() &&
            VD->getInit())
          return addressOf(VD->getInit());
      return Result;
    }
    return addressOf(ICE->getSubExpr());
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return addressOf(Cast->getSubExpr());
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return addressOf(MTE->getSubExpr());
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return addressOf(BTE->getSubExpr());
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return addressOf(EWC->getSubExpr());
  if (const auto *This = dyn_cast<CXXThisExpr>(E)) {
    Result.Object = This->getType()->getPointeeCXXRecordDecl();
    Result.Whole = true;
    return Result;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    Result.Object = objectOf(UO->getSubExpr());
    Result.Whole = Result.Object && namesWholeObject(UO->getSubExpr());
    Result.Member = memberOf(UO->getSubExpr());
    return Result;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
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
      if (AddressedObject Inner = addressOf(Init)) {
        Inner.ViaCallable = true;
        return Inner;
      }
    return Result;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (Call->getNumArgs() >= 1 &&
        isStdCall(Call, {"addressof", "ref", "cref"})) {
      Result.Object = objectOf(Call->getArg(0));
      Result.Whole = Result.Object && namesWholeObject(Call->getArg(0));
      Result.Member = memberOf(Call->getArg(0));
      return Result;
    }
    if (isStdCall(Call, {"bind", "bind_front", "bind_back"}))
      for (const Expr *Arg : Call->arguments())
        if (AddressedObject Inner = addressOf(Arg)) {
          Inner.ViaCallable = true;
          return Inner;
        }
    if (Call->getNumArgs() == 1 && isStdCall(Call, {"move", "forward"}))
      return addressOf(Call->getArg(0));
    return Result;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A callable wrapping a lambda or bind result, or a copy of a pointer.
    if (Construct->getNumArgs() >= 1 &&
        (Construct->getConstructor()->isCopyOrMoveConstructor() ||
         isTypeErasedCallable(Construct->getType())))
      return addressOf(Construct->getArg(0));
  }
  return Result;
}

std::string PinEventFinder::describeObject(const Decl *Object) {
  if (isa<CXXRecordDecl>(Object))
    return "'*this'";
  if (const auto *ND = dyn_cast<NamedDecl>(Object))
    return "'" + ND->getNameAsString() + "'";
  return "the object";
}

//===----------------------------------------------------------------------===//
// Event 1: construction.
//===----------------------------------------------------------------------===//

std::optional<ConstructionPin> PinEventFinder::constructionPin(QualType T,
                                                               unsigned Depth) {
  const TypeSummary *Summary = Model.summarize(T);
  if (!Summary || Summary->Unpin || Depth > 8)
    return std::nullopt;
  const CXXRecordDecl *Record = Summary->Record;
  std::string Name = "'" + Record->getNameAsString() + "'";
  ConstructionPin Pin;
  Pin.CopyWrong = Summary->copyIsWrong();
  // A move that is not declared uses the copy.
  Pin.MoveWrong = Summary->moveOrFallbackIsWrong();
  for (const SpecialMemberFault &Fault : Summary->Faults) {
    if (Fault.Pointer < 0) {
      Pin.Reason = "the constructor of " + Name + " hands its address to " +
                   Summary->Escapes.front().Sink;
      return Pin;
    }
    const InteriorPointer &Pointer = Summary->Pointers[Fault.Pointer];
    if (!Pointer.SetIn || isa<CXXConstructorDecl>(Pointer.SetIn)) {
      Pin.Reason = Name + " points '" + Pointer.Field->getNameAsString() +
                   "' into itself when it is constructed";
      return Pin;
    }
  }
  if (const NamedDecl *Subobject = Summary->SelfReferentialSubobject) {
    if (QualType Inner = Summary->subobjectType(); !Inner.isNull())
      if (auto InnerPin = constructionPin(Inner, Depth + 1)) {
        // The subobject's faults carry over only through memberwise copies
        // and moves; the class's own ones (simple_ilist's splicing move)
        // answer for it.
        auto Memberwise = [Record](SpecialMember Member) {
          MemberForm Form = SelfReferenceModel::formOf(Record, Member, nullptr);
          return Form == MemberForm::Implicit || Form == MemberForm::Defaulted;
        };
        const bool MoveFallsBack =
            SelfReferenceModel::formOf(Record, SpecialMember::MoveConstructor,
                                       nullptr) == MemberForm::NotDeclared;
        InnerPin->CopyWrong &= Memberwise(SpecialMember::CopyConstructor) ||
                               Memberwise(SpecialMember::CopyAssignment);
        InnerPin->MoveWrong &=
            Memberwise(SpecialMember::MoveConstructor) ||
            Memberwise(SpecialMember::MoveAssignment) ||
            (MoveFallsBack && Memberwise(SpecialMember::CopyConstructor));
        if (!InnerPin->CopyWrong && !InnerPin->MoveWrong)
          return std::nullopt;
        InnerPin->Reason = Name + " contains '" + Subobject->getNameAsString() +
                           "': " + InnerPin->Reason;
        return InnerPin;
      }
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Events 2 and 3: function summaries.
//===----------------------------------------------------------------------===//

std::optional<std::string>
PinEventFinder::pinsThis(const CXXMethodDecl *Method) {
  if (!Method)
    return std::nullopt;
  Method = Method->getCanonicalDecl();
  auto It = MethodPins.find(Method);
  if (It != MethodPins.end())
    return It->second;
  MethodPins[Method] = std::nullopt; // Being computed.
  std::optional<std::string> Reason = computePinsThis(Method);
  MethodPins[Method] = Reason;
  return Reason;
}

std::optional<std::string>
PinEventFinder::computePinsThis(const CXXMethodDecl *MD) {
  std::string Name = "'" + MD->getNameAsString() + "'";
  if (hasPinAnnotation(MD, annotation::PinsThis))
    return Name + " is declared PIN_PINS_THIS";
  const FunctionDecl *Definition = nullptr;
  if (!MD->hasBody(Definition) || MD->isStatic() ||
      isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD))
    return std::nullopt;
  const CXXRecordDecl *Record = MD->getParent();

  // It sets an interior pointer that the class's copies or moves get wrong.
  if (const TypeSummary *Summary = Model.summarize(Record)) {
    SmallVector<MemberWrite, 8> Writes;
    MemberWriteCollector(Writes, /*FollowCalls=*/false).collectFunction(MD);
    for (const MemberWrite &Write : Writes) {
      std::optional<AddressOrigin> Origin =
          Model.originOfWrite(Write.Field, Write.Value);
      if (!Origin)
        continue;
      std::string Field = "'" + Write.Field->getNameAsString() + "'";
      for (const SpecialMemberFault &Fault : Summary->Faults)
        if (Fault.Pointer >= 0 &&
            Summary->Pointers[Fault.Pointer].Field->getName() ==
                Write.Field->getName())
          return Origin->Member
                     ? Name + " points " + Field + " into the object"
                     : Name + " stores the object's address in " + Field;
    }
  }

  // It hands out the object's address, or a member's.
  auto OwnsObject = [Record](const Decl *Object) {
    if (Object == Record)
      return true;
    const auto *Field = dyn_cast_or_null<FieldDecl>(Object);
    return Field && Field->getParent() == Record;
  };
  SmallVector<Escape, 2> Escapes;
  EscapeCollector(addressOf, Record, Escapes).collect(Definition->getBody());
  for (const Escape &E : Escapes)
    if (OwnsObject(E.Object))
      return Name + " hands " +
             (E.Object == Record
                  ? std::string("the object's address")
                  : "the address of member " + describeObject(E.Object)) +
             " to " + E.Sink;

  // It pins a member, or calls another pinning member function.
  SmallVector<PinEvent, 4> Inner;
  findCalls(Definition->getBody(), Record, Inner);
  for (const PinEvent &Event : Inner)
    if (OwnsObject(Event.Object))
      return Event.Object == Record
                 ? Name + " calls a function that pins it: " + Event.Reason
                 : Name + " pins member " + describeObject(Event.Object) +
                       ": " + Event.Reason;
  return std::nullopt;
}

std::optional<std::string>
PinEventFinder::pinsArgument(const FunctionDecl *Callee, unsigned Index) {
  if (!Callee)
    return std::nullopt;
  Callee = Callee->getCanonicalDecl();
  auto Key = std::make_pair(Callee, Index);
  auto It = ArgumentPins.find(Key);
  if (It != ArgumentPins.end())
    return It->second;
  ArgumentPins[Key] = std::nullopt; // Being computed.
  bool IntoNewObject = false;
  std::optional<std::string> Reason =
      computePinsArgument(Callee, Index, IntoNewObject);
  ArgumentPins[Key] = Reason;
  if (Reason && IntoNewObject)
    KeptByNewObject.insert(Key);
  return Reason;
}

bool PinEventFinder::keptOnlyByNewObject(const FunctionDecl *Callee,
                                         unsigned Index) {
  if (!Callee || !pinsArgument(Callee, Index))
    return false;
  return KeptByNewObject.contains({Callee->getCanonicalDecl(), Index});
}

std::optional<std::string>
PinEventFinder::computePinsArgument(const FunctionDecl *FD, unsigned Index,
                                    bool &IntoNewObject) {
  std::string Name = "'" + FD->getNameAsString() + "'";
  if (Index < FD->getNumParams()) {
    for (const FunctionDecl *Redecl : FD->redecls())
      if (Index < Redecl->getNumParams() &&
          hasPinAnnotation(Redecl->getParamDecl(Index), annotation::Pins))
        return "parameter '" + FD->getParamDecl(Index)->getNameAsString() +
               "' of " + Name + " is declared PIN_PINS";
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      if (Index < Pattern->getNumParams() &&
          hasPinAnnotation(Pattern->getParamDecl(Index), annotation::Pins))
        return "parameter '" + Pattern->getParamDecl(Index)->getNameAsString() +
               "' of " + Name + " is declared PIN_PINS";
  }
  if (auto Reason = Api.pinningArgument(FD, Index))
    return Name + " keeps the address: " + *Reason;

  // A visible body that stores the parameter's address outside the call.
  const FunctionDecl *Definition = nullptr;
  if (!FD->hasBody(Definition) || Index >= Definition->getNumParams())
    return std::nullopt;
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  QualType Type = Param->getType();
  if (!Type->isPointerType() && !Type->isReferenceType())
    return std::nullopt;
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
  EscapeCollector Collector(AddressOfParam, Self, Escapes);
  const FieldDecl *KeepingMember = nullptr;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      if (!Init->isWritten())
        continue;
      // `Watcher(T &t) : target_(&t)`: a member keeps it.
      if (Init->getAnyMember() && AddressOfParam(Init->getInit())) {
        if (!KeepingMember)
          KeepingMember = Init->getAnyMember();
        continue;
      }
      Collector.collect(Init->getInit());
    }
  Collector.collect(Definition->getBody());
  // Kept elsewhere than in the object a constructor builds: a pin whatever
  // becomes of that object.
  for (const Escape &E : Escapes)
    if (!E.IntoOwnMember || !isa<CXXConstructorDecl>(Definition))
      return Name + " stores the address in " + E.Sink;
  IntoNewObject = isa<CXXConstructorDecl>(Definition);
  if (KeepingMember)
    return Name + " stores the address in member '" +
           KeepingMember->getNameAsString() + "'";
  if (!Escapes.empty())
    return Name + " stores the address in " + Escapes.front().Sink;
  return std::nullopt;
}

AddressedObject PinEventFinder::argumentObject(const FunctionDecl *Callee,
                                               const Expr *Arg,
                                               unsigned Index) {
  if (AddressedObject Address = addressOf(Arg))
    return Address;
  // An object bound to a reference parameter.
  if (Index < Callee->getNumParams() &&
      Callee->getParamDecl(Index)->getType()->isReferenceType()) {
    AddressedObject Bound;
    Bound.Object = objectOf(Arg);
    Bound.Whole = Bound.Object && namesWholeObject(Arg);
    Bound.Member = memberOf(Arg);
    return Bound;
  }
  return {};
}

//===----------------------------------------------------------------------===//
// Events 2 to 5 in a function body.
//===----------------------------------------------------------------------===//

void PinEventFinder::findCalls(const Stmt *S, const CXXRecordDecl *Self,
                               SmallVectorImpl<PinEvent> &Events) {
  if (!S)
    return;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      findCalls(Init, Self, Events);
    return; // The body runs later, if at all.
  }
  auto Add = [&](const Decl *Object, PinKind Kind, std::string Reason,
                 bool Whole = true, const ValueDecl *Member = nullptr) {
    if (Object)
      Events.push_back({Object, S, Kind, std::move(Reason), Whole, Member});
  };
  const FunctionDecl *Callee = nullptr;
  ArrayRef<const Expr *> Args;
  SmallVector<const Expr *, 4> ArgStorage;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    Callee = Call->getDirectCallee();
    unsigned First = 0;
    // A member operator's object is argument 0 of the call, not a parameter.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && isa_and_nonnull<CXXMethodDecl>(Callee))
      First = 1;
    for (unsigned I = First; I < Call->getNumArgs(); ++I)
      ArgStorage.push_back(Call->getArg(I));
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(Call)) {
      const Expr *Object = MCE->getImplicitObjectArgument();
      const Decl *Target =
          Object && isa<CXXThisExpr>(Object->IgnoreParenImpCasts())
              ? static_cast<const Decl *>(Self)
              : objectOf(Object);
      if (Target)
        if (auto Reason = pinsThis(MCE->getMethodDecl()))
          Add(Target, PinKind::MemberCall, *Reason,
              isa<CXXThisExpr>(Object->IgnoreParenImpCasts()) ||
                  namesWholeObject(Object),
              memberOf(Object));
    }
    if (Callee && Callee->getQualifiedNameAsString() == "pin::pin" &&
        Call->getNumArgs() == 1)
      Add(objectOf(Call->getArg(0)), PinKind::PinFunction,
          "'pin::pin' pins it for the rest of its lifetime",
          namesWholeObject(Call->getArg(0)), memberOf(Call->getArg(0)));
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    Callee = Construct->getConstructor();
    for (const Expr *Arg : Construct->arguments())
      ArgStorage.push_back(Arg);
  } else if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
    if (const Expr *Value = Return->getRetValue())
      markTransient(Value);
  } else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(S)) {
    markTransient(MTE->getSubExpr());
  }
  Args = ArgStorage;
  // A temporary or returned object keeping an address in its members (an
  // iterator, a view) holds it only as long as its user does: using it
  // after the object moved is iterator invalidation, not a pin.
  const auto *Construct = dyn_cast<CXXConstructExpr>(S);
  const bool Transient = Construct && (isa<CXXTemporaryObjectExpr>(Construct) ||
                                       TransientConstructs.contains(Construct));
  if (Callee) {
    for (unsigned I = 0; I < Args.size(); ++I) {
      AddressedObject Object = argumentObject(Callee, Args[I], I);
      if (!Object || (Transient && keptOnlyByNewObject(Callee, I)))
        continue;
      if (auto Reason = pinsArgument(Callee, I))
        Add(Object.Object, PinKind::PinningArgument, *Reason, Object.Whole,
            Object.Member);
      else if (Api.isEscapingFunction(Callee))
        Add(Object.Object, PinKind::Escape,
            "'" + Callee->getNameAsString() +
                "' is listed in the EscapingFunctions option",
            Object.Whole, Object.Member);
    }
  }
  for (const Stmt *Child : S->children())
    findCalls(Child, Self, Events);
}

void PinEventFinder::markTransient(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *Cast = dyn_cast<CastExpr>(E);
             Cast && (isa<CXXFunctionalCastExpr>(Cast) ||
                      Cast->getCastKind() == CK_ConstructorConversion ||
                      Cast->getCastKind() == CK_NoOp))
      E = Cast->getSubExpr();
    else
      break;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    TransientConstructs.insert(Construct);
}

void PinEventFinder::find(const FunctionDecl *FD,
                          SmallVectorImpl<PinEvent> &Events) {
  const FunctionDecl *Definition = nullptr;
  if (!FD || !FD->hasBody(Definition))
    return;
  const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
  const CXXRecordDecl *Self = Method ? Method->getParent() : nullptr;
  findCalls(Definition->getBody(), Self, Events);
  SmallVector<Escape, 4> Escapes;
  EscapeCollector(addressOf, Self, Escapes).collect(Definition->getBody());
  for (const Escape &E : Escapes)
    Events.push_back({E.Object, E.At, PinKind::Escape,
                      "its address is stored in " + E.Sink, E.Whole, E.Member});
}

} // namespace pincheck
