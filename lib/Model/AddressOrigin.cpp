//===--- AddressOrigin.cpp - Values derived from an object's own address --===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/AddressOrigin.h"
#include "AST/ASTUtils.h"
#include "AST/BodyWalker.h"
#include "Model/Facts.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace pincheck {

BufferClassifier::~BufferClassifier() = default;

/// Members that return a pointer, iterator or reference into the buffer of the
/// object they are called on.
static bool isBufferAccessor(StringRef Name) {
  static const llvm::StringSet<> Accessors = {
      "data",      "c_str",      "begin",     "end",       "cbegin",
      "cend",      "rbegin",     "rend",      "crbegin",   "crend",
      "front",     "back",       "at",        "get",       "operator[]",
      "operator*", "operator->", "constData", "constBegin"};
  return Accessors.contains(Name);
}

/// A local variable initialised once, read as its initializer.
static const VarDecl *localWithInitializer(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->isLocalVarDecl() && VD->getInit() ? VD : nullptr;
}

std::optional<AddressOrigin>
AddressOriginFinder::ofReturnedValue(const CXXMethodDecl *Method) {
  const FunctionDecl *Definition = nullptr;
  if (!Method->hasBody(Definition))
    return std::nullopt;
  const auto *Body = dyn_cast<CompoundStmt>(Definition->getBody());
  if (!Body)
    return std::nullopt;
  for (const Stmt *S : Body->body())
    if (const auto *Return = dyn_cast<ReturnStmt>(S);
        Return && Return->getRetValue())
      return Method->getReturnType()->isReferenceType()
                 ? ofLvalue(Return->getRetValue())
                 : ofValue(Return->getRetValue());
  return std::nullopt;
}

/// Whether `Base` of a member access (`->` if `Arrow`) is the root object:
/// `this`, or the variable `Root` (by `->` for a pointer).
static bool isRootBase(const Expr *Base, bool Arrow, const ValueDecl *Root) {
  if (!Root)
    return isa<CXXThisExpr>(Base);
  const auto *DRE = dyn_cast<DeclRefExpr>(Base);
  return DRE && DRE->getDecl() == Root &&
         Arrow == Root->getType()->isPointerType();
}

const FieldDecl *AddressOriginFinder::ownMember(const Expr *E) {
  return memberOf(E, nullptr);
}

const FieldDecl *AddressOriginFinder::memberOf(const Expr *E,
                                               const ValueDecl *Root) {
  // Iterative: `m.a.b.c` and `m[1][2]` chains can be long.
  while (true) {
    E = ignoreTemporaries(E)->IgnoreImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
      // A reference member names another object: `ref_ = v` assigns to it.
      if (!Field || Field->getType()->isReferenceType())
        return nullptr;
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      if (isRootBase(Base, ME->isArrow(), Root))
        return Field;
      if (ME->isArrow())
        return nullptr; // `p_->x` lives wherever `p_` points.
      E = Base;
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = ASE->getBase()->IgnoreParenImpCasts();
      if (Base->getType()->isArrayType()) {
        E = Base;
        continue;
      }
    }
    return nullptr;
  }
}

std::optional<AddressOrigin> AddressOriginFinder::bufferOf(const Expr *Object) {
  const FieldDecl *Field = memberOf(Object, Root);
  if (!Field)
    return std::nullopt;
  std::optional<StorageKind> Storage = Buffers.bufferStorage(Field->getType());
  if (!Storage)
    return std::nullopt;
  return AddressOrigin{*Storage, OriginKind::MemberBuffer, Field};
}

std::optional<AddressOrigin> AddressOriginFinder::ofLvalue(const Expr *E) {
  DepthGuard Guard(Depth);
  if (!E || Guard.exceeded())
    return std::nullopt;
  E = ignoreTemporaries(E);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    switch (ICE->getCastKind()) {
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
      return ofLvalue(ICE->getSubExpr());
    default:
      return std::nullopt;
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref)
      return ofValue(UO->getSubExpr());
    return std::nullopt;
  }
  if (isa<MemberExpr>(E) || isa<ArraySubscriptExpr>(E)) {
    if (const FieldDecl *Field = memberOf(E, Root))
      return AddressOrigin{StorageKind::Inline, OriginKind::MemberAddress,
                           Field};
    // `p[i]` or `p->m` where `p` itself derives from the object's address.
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      return ofValue(ASE->getBase());
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && ME->isArrow())
      return ofValue(ME->getBase());
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // `m[i]`, `*m`, `m->x` on a container or smart pointer member.
    if (Op->getOperator() == OO_Subscript || Op->getOperator() == OO_Star ||
        Op->getOperator() == OO_Arrow)
      return bufferOf(Op->getArg(0));
    return std::nullopt;
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    // `m.front()`, `m.at(i)` return references into `m`'s buffer.
    if (const CXXMethodDecl *MD = MCE->getMethodDecl();
        MD && MD->getIdentifier() && isBufferAccessor(MD->getName()))
      return bufferOf(MCE->getImplicitObjectArgument());
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (Call->getNumArgs() == 1 &&
        (isStdCall(Call, {"move", "forward"}) || calleeName(Call) == "move"))
      return ofLvalue(Call->getArg(0));
    return std::nullopt;
  }
  // The root object itself (a reference or an object, not `this`).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E);
      DRE && Root && DRE->getDecl() == Root &&
      !Root->getType()->isPointerType())
    return AddressOrigin{StorageKind::Inline, OriginKind::ThisPointer, nullptr};
  // A local reference bound once: `auto &b = buf_; p_ = &b[0];`.
  if (const VarDecl *Local = localWithInitializer(E);
      Local && Local->getType()->isReferenceType())
    return ofLvalue(Local->getInit());
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Whether a callee keeps an address it is given.
//===----------------------------------------------------------------------===//

namespace {
/// Whether a body may keep the address of the reference or pointer parameter
/// `Param`: any use but reading its members, calling its member functions or
/// copying it.
class KeepFinder : public BodyWalker<KeepFinder> {
public:
  explicit KeepFinder(const ParmVarDecl *Param) : Param(Param) {}

  bool enter(const Stmt *S) {
    if (Kept)
      return false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      Kept = DRE->getDecl() == Param;
      return false;
    }
    // `p.x`, and the callee of `p.f(...)` (its arguments are walked).
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      return !refersToParam(ME->getBase());
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S);
        Construct && Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor() &&
        refersToParam(Construct->getArg(0)))
      return false;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S);
        ICE && ICE->getCastKind() == CK_LValueToRValue &&
        !Param->getType()->isPointerType() && refersToParam(ICE->getSubExpr()))
      return false;
    return true;
  }

  bool Kept = false;

private:
  bool refersToParam(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == Param;
  }

  const ParmVarDecl *Param;
};
} // namespace

/// Constructors defined out of sight that are known not to keep the address
/// they are given.
static bool isKnownNotToKeep(const FunctionDecl *Callee) {
  // libstdc++'s `basic_filebuf` hands its lock to `__basic_file`, which
  // ignores it.
  const auto *Record = dyn_cast<CXXRecordDecl>(Callee->getParent());
  return Record && Record->isInStdNamespace() && Record->getIdentifier() &&
         Record->getName() == "__basic_file";
}

bool mayKeepArgument(const FunctionDecl *Callee, unsigned Index,
                     FactSource *Facts) {
  if (!Callee)
    return true;
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition)) {
    if (const FunctionFacts *Known = Facts ? Facts->factsOf(Callee) : nullptr;
        Known && Known->ArgumentNotKept.count(Index))
      return false;
    return !isKnownNotToKeep(Callee);
  }
  if (Index >= Definition->getNumParams())
    return true; // Variadic.
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  if (!Param->getType()->isReferenceType() &&
      !Param->getType()->isPointerType())
    return true; // By value: a copy of the address or a wrapper of it.
  KeepFinder Finder(Param);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Finder.walk(Init->getInit());
  Finder.walk(Definition->getBody());
  return Finder.Kept;
}

//===----------------------------------------------------------------------===//
// Values.
//===----------------------------------------------------------------------===//

/// `*this`, possibly in parentheses and conversions.
static const UnaryOperator *derefOfThis(const Expr *E) {
  const auto *Deref =
      dyn_cast<UnaryOperator>(ignoreTemporaries(E)->IgnoreImpCasts());
  if (Deref && Deref->getOpcode() == UO_Deref &&
      isa<CXXThisExpr>(Deref->getSubExpr()->IgnoreParenImpCasts()))
    return Deref;
  return nullptr;
}

std::optional<AddressOrigin>
AddressOriginFinder::ofConstruction(QualType Constructed,
                                    ArrayRef<const Expr *> Args,
                                    const FunctionDecl *Constructor) {
  const bool View = isViewType(Constructed);
  for (unsigned I = 0; I < Args.size(); ++I) {
    const Expr *Arg = Args[I];
    if (!Arg)
      continue;
    // `Child child_{parent_}` with `Child(Parent &)`: a constructor taking a
    // member by non-const reference keeps it, as a back-pointer is kept.
    if (!View && Constructor && I < Constructor->getNumParams()) {
      QualType Param = Constructor->getParamDecl(I)->getType();
      if (Param->isLValueReferenceType() &&
          !Param.getNonReferenceType().isConstQualified() &&
          mayKeepArgument(Constructor, I, Facts))
        if (const FieldDecl *Field = memberOf(Arg, Root))
          return AddressOrigin{StorageKind::Inline, OriginKind::HeldThis,
                               Field};
    }
    // A view or reference wrapper built over a member refers to its buffer
    // (or, for `std::reference_wrapper`, to the member itself).
    if (View && Arg->isGLValue()) {
      if (qualifiedTemplateName(Constructed) == "std::reference_wrapper") {
        if (auto Origin = ofLvalue(Arg))
          return Origin;
      } else if (const FieldDecl *Field = memberOf(Arg, Root)) {
        std::optional<StorageKind> Storage =
            Buffers.bufferStorage(Field->getType());
        if (!Storage)
          return std::nullopt;
        return AddressOrigin{*Storage, OriginKind::MemberBuffer, Field};
      }
    }
    // `Child child_{*this}`: a reference to the whole object handed to a
    // constructor is kept by it, as a back-pointer is.
    if (const UnaryOperator *Deref = derefOfThis(Arg);
        Deref && !Constructed.isNull() &&
        Constructed.getNonReferenceType()->getAsCXXRecordDecl() !=
            Deref->getType()->getAsCXXRecordDecl() &&
        mayKeepArgument(Constructor, I, Facts))
      return AddressOrigin{StorageKind::Inline, OriginKind::HeldThis, nullptr};
    if (auto Origin = ofValue(Arg)) {
      // Copying or wrapping an own-address value keeps it (a lambda in a
      // `std::function`). Constructing another object with the object's or
      // a member's address makes that object hold it (a child with a
      // back-pointer); a view into a member's buffer passed to a constructor
      // (`Api(name_)` taking a `StringRef`) is usually copied from, not kept.
      if (View || Constructed.isNull() || Constructed->isPointerType())
        return Origin;
      if (Origin->Kind == OriginKind::MemberBuffer ||
          !mayKeepArgument(Constructor, I, Facts))
        continue;
      if (Origin->Kind != OriginKind::CapturedThis)
        Origin->Kind = OriginKind::HeldThis;
      return Origin;
    }
  }
  return std::nullopt;
}

std::optional<AddressOrigin> AddressOriginFinder::ofCast(const CastExpr *Cast) {
  switch (Cast->getCastKind()) {
  case CK_ArrayToPointerDecay:
    return ofLvalue(Cast->getSubExpr());
  case CK_LValueToRValue:
    // Reading a local pointer initialised from an own address.
    if (const VarDecl *Local = localWithInitializer(Cast->getSubExpr());
        Local && !Local->getType()->isReferenceType())
      return ofValue(Local->getInit());
    return std::nullopt;
  case CK_PointerToIntegral:
  case CK_PointerToBoolean:
  case CK_IntegralToPointer:
    return std::nullopt;
  default:
    return ofValue(Cast->getSubExpr());
  }
}

/// Unary and binary operators and conditionals.
std::optional<AddressOrigin> AddressOriginFinder::ofOperator(const Expr *E) {
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      return ofLvalue(UO->getSubExpr());
    if (UO->isIncrementDecrementOp())
      return ofValue(UO->getSubExpr());
    return std::nullopt;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAdditiveOp() && BO->getType()->isPointerType()) {
      if (auto Origin = ofValue(BO->getLHS()))
        return Origin;
      return ofValue(BO->getRHS());
    }
    if (BO->isCommaOp() || BO->getOpcode() == BO_Assign)
      return ofValue(BO->getRHS()); // `next = prev = this`
    return std::nullopt;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    if (auto Origin = ofValue(CO->getTrueExpr()))
      return Origin;
    return ofValue(CO->getFalseExpr());
  }
  return std::nullopt;
}

std::optional<AddressOrigin>
AddressOriginFinder::ofLambda(const LambdaExpr *Lambda) {
  for (const LambdaCapture &Capture : Lambda->captures())
    if (Capture.capturesThis())
      return AddressOrigin{StorageKind::Inline, OriginKind::CapturedThis,
                           nullptr};
  // Init captures: `[self = this]`, `[p = &m_]`.
  for (const Expr *Init : Lambda->capture_inits())
    if (auto Origin = ofValue(Init)) {
      Origin->Kind = OriginKind::CapturedThis;
      return Origin;
    }
  return std::nullopt;
}

std::optional<AddressOrigin>
AddressOriginFinder::ofMemberCall(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  // `(char *)slabs_.front()` reads the element `front()` refers to, which
  // is not an address into `slabs_` (in a template the cast hides the
  // lvalue-to-rvalue conversion).
  if (!MD || (Call->isGLValue() && !Call->getType()->isArrayType()))
    return std::nullopt;
  const Expr *Object = Call->getImplicitObjectArgument();
  if (isa<CXXConversionDecl>(MD) ||
      (MD->getIdentifier() && isBufferAccessor(MD->getName())))
    if (auto Origin = bufferOf(Object))
      return Origin;
  // A member function of `*this` returning an own address:
  // libstdc++'s `_M_local_data()`.
  if (isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
    if (auto Origin = ofReturnedValue(MD))
      return Origin;
  // A view's members that return a view (`substr`, `subspan`, `first`)
  // refer to the same storage.
  if (isViewType(Object->getType()) && isViewType(Call->getType()))
    return ofValue(Object);
  return std::nullopt;
}

/// Calls of free functions: the standard helpers that pass an address on,
/// and calls that Sema left unresolved in a template.
std::optional<AddressOrigin> AddressOriginFinder::ofCall(const CallExpr *Call) {
  StringRef Name = calleeName(Call);
  const FunctionDecl *Callee = Call->getDirectCallee();
  // `std::pointer_traits<P>::pointer_to(r)` is `&r` for fancy pointers.
  if (Name == "pointer_to" && Callee && Call->getNumArgs() == 1)
    if (const auto *Traits = dyn_cast<CXXRecordDecl>(Callee->getParent());
        Traits && Traits->isInStdNamespace())
      return ofLvalue(Call->getArg(0));
  if ((!Callee || Callee->isInStdNamespace()) && Call->getNumArgs() >= 1) {
    if (Name == "addressof" || Name == "ref" || Name == "cref")
      return ofLvalue(Call->getArg(0));
    if (Name == "move" || Name == "forward")
      return ofValue(Call->getArg(0));
    if (llvm::is_contained({"data", "begin", "end", "cbegin", "cend"}, Name))
      return bufferOf(Call->getArg(0));
    const bool Binds =
        llvm::is_contained({"bind", "bind_front", "bind_back"}, Name);
    if (Binds || Name == "make_unique" || Name == "make_shared") {
      for (const Expr *Arg : Call->arguments())
        if (auto Origin = ofValue(Arg))
          return AddressOrigin{Origin->Storage,
                               Binds ? OriginKind::CapturedThis
                                     : OriginKind::HeldThis,
                               Origin->Member};
      return std::nullopt;
    }
  }
  const Expr *CalleeExpr = Call->getCallee()->IgnoreParenImpCasts();
  // `get_buf()` on `*this` in a template, whose type is dependent: a plain
  // call of a member expression.
  if (const auto *ME = dyn_cast<MemberExpr>(CalleeExpr))
    if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        MD && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return ofReturnedValue(MD);
  // `buf_.data()` with `buf_` of a dependent type (not `c_->begin()`, the
  // buffer of the object `c_` points to).
  if (const auto *DSME = dyn_cast<CXXDependentScopeMemberExpr>(CalleeExpr)) {
    const DeclarationName Member = DSME->getMember();
    if (!DSME->isImplicitAccess() && !DSME->isArrow() &&
        Member.isIdentifier() && isBufferAccessor(Member.getAsString()))
      return bufferOf(DSME->getBase());
  }
  return std::nullopt;
}

/// Constructions, initializer lists and `new`.
std::optional<AddressOrigin>
AddressOriginFinder::ofInitialization(const Expr *E) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    // A copy or move of an own-address value is the same value.
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor())
      return ofValue(Construct->getArg(0));
    SmallVector<const Expr *, 4> Args(Construct->arguments());
    return ofConstruction(Construct->getType(), Args,
                          Construct->getConstructor());
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    SmallVector<const Expr *, 4> Args(ILE->inits());
    return ofConstruction(ILE->getType(), Args, nullptr);
  }
  if (const auto *PLE = dyn_cast<ParenListExpr>(E)) {
    // A dependent member initializer `m(x)` initialises `m` from `x`.
    if (PLE->getNumExprs() == 1)
      return ofValue(PLE->getExpr(0));
    SmallVector<const Expr *, 4> Args(
        const_cast<ParenListExpr *>(PLE)->exprs());
    return ofConstruction(PLE->getType(), Args, nullptr);
  }
  if (const auto *UCE = dyn_cast<CXXUnresolvedConstructExpr>(E)) {
    SmallVector<const Expr *, 4> Args(UCE->arguments());
    return ofConstruction(UCE->getTypeAsWritten(), Args, nullptr);
  }
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    // `new Private{this}`: heap memory the object owns holds its address.
    if (const Expr *Init = New->getInitializer())
      if (auto Origin = ofValue(Init)) {
        Origin->Kind = OriginKind::HeldThis;
        return Origin;
      }
  }
  return std::nullopt;
}

bool AddressOriginFinder::isRootAddress(const Expr *E) const {
  if (!Root)
    return isa<CXXThisExpr>(E);
  // The value of a pointer root: `t` in `t->parts.push_back(t)`.
  const auto *Read = dyn_cast<ImplicitCastExpr>(E);
  const auto *DRE =
      Read && Read->getCastKind() == CK_LValueToRValue
          ? dyn_cast<DeclRefExpr>(Read->getSubExpr()->IgnoreParens())
          : nullptr;
  return DRE && DRE->getDecl() == Root && Root->getType()->isPointerType();
}

std::optional<AddressOrigin> AddressOriginFinder::ofValue(const Expr *E) {
  DepthGuard Guard(Depth);
  if (!E || Guard.exceeded())
    return std::nullopt;
  E = ignoreTemporaries(E);
  if (isRootAddress(E))
    return AddressOrigin{StorageKind::Inline, OriginKind::ThisPointer, nullptr};
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return ofCast(Cast);
  // An array member in a template pattern has no decay cast yet.
  if (isa<MemberExpr>(E) && E->getType()->isArrayType())
    return ofLvalue(E);
  if (isa<UnaryOperator, BinaryOperator, AbstractConditionalOperator>(E))
    return ofOperator(E);
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return ofLambda(Lambda);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E))
    return ofMemberCall(MCE);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Amp && Op->getNumArgs() == 1)
      return ofLvalue(Op->getArg(0));
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return ofCall(Call);
  // A local variable initialised once, read as a whole (the object of a
  // member call, a copy): its initializer's value (`auto v =
  // std::string_view{uri_}; path_ = v.substr(1);`).
  if (const VarDecl *Local = localWithInitializer(E))
    return Local->getType()->isReferenceType() ? ofLvalue(Local->getInit())
                                               : ofValue(Local->getInit());
  return ofInitialization(E);
}

} // namespace pincheck
