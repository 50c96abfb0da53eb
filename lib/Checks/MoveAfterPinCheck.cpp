//===--- MoveAfterPinCheck.cpp - pin-move-after-pin -----------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/MoveAfterPinCheck.h"
#include "AST/ASTCompat.h"
#include "AST/ASTUtils.h"
#include "AST/BodyWalker.h"
#include "Checks/Relocation.h"
#include "Checks/TidyCompat.h"
#include "Checks/Wording.h"
#include "Model/Annotations.h"
#include "Model/PinningApi.h"
#include "Model/Projection.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

using MoveEvent = MoveAfterPinCheck::MoveEvent;
using MoveKind = MoveAfterPinCheck::MoveKind;

MoveAfterPinCheck::MoveAfterPinCheck(StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : PinCheck(Name, Context),
      RelocatingContainerNames(isCheckEnabled("pin-relocating-container")
                                   ? optionOf("pin-relocating-container",
                                              "RelocatingContainers",
                                              DefaultRelocatingContainers)
                                   : ""),
      RelocatingContainers(
          tidy::utils::options::parseStringList(RelocatingContainerNames)),
      RawCopyEnabled(isCheckEnabled("pin-raw-copy")) {}

//===----------------------------------------------------------------------===//
// Matchers: function bodies in user code. Templates are analysed once, on
// their pattern.
//===----------------------------------------------------------------------===//

void MoveAfterPinCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      functionDecl(isDefinition(),
                   hasBody(stmt(anyOf(compoundStmt(), coroutineBodyStmt()))),
                   unless(isTemplateInstantiation()),
                   unless(isExpansionInSystemHeader()))
          .bind("function"),
      this);
}

//===----------------------------------------------------------------------===//
// Move events (docs/model.md, "What a pinned object must not undergo").
//===----------------------------------------------------------------------===//

/// The construction an initializer performs, through temporaries and
/// converting constructors.
static const Expr *ignoreToConstruction(const Expr *E) {
  while (true) {
    E = ignoreTemporaries(E);
    const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
    if (!ICE || ICE->getCastKind() != CK_ConstructorConversion)
      return E;
    E = ICE->getSubExpr();
  }
}

/// `*p`, or a member of it (`p->m`, `(*p).m.n`, `pin::project(p, &C::m)`,
/// through local references), where `p` is a `pin::Pin` variable or member:
/// returns `p`.
/// `OfMember` says whether a member is named.
static const ValueDecl *pinOwner(const Expr *E, bool &OfMember) {
  MemberPath Path = memberPath(E);
  OfMember = !Path.Members.empty();
  const Expr *Pointer = Path.Projected ? Path.Base : nullptr;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Path.Base);
      !Pointer && Op &&
      (Op->getOperator() == OO_Star ||
       (OfMember && Op->getOperator() == OO_Arrow)))
    Pointer = Op->getArg(0);
  if (!Pointer)
    return nullptr;
  // A variable, or a member of `*this` (`op_->active` in a member function).
  Pointer = Pointer->IgnoreParenImpCasts();
  const ValueDecl *Owner = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Pointer))
    Owner = dyn_cast<VarDecl>(DRE->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(Pointer);
           ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    Owner = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Owner || qualifiedTemplateName(Owner->getType()) != "pin::Pin")
    return nullptr;
  return Owner;
}

/// The subobject a move event copies: `o.m` in `T x = o.m;` and in
/// `memcpy(&o.m, ...)`.
static const Expr *movedSubobject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (const Expr *Moved = movedArgument(E))
    E = Moved->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return UO->getSubExpr()->IgnoreParenImpCasts();
  return E;
}

static QualType subobjectType(const Expr *Subobject) {
  return Subobject->getType().getNonReferenceType().getUnqualifiedType();
}

/// Whether `Method` is a member of `Type` or of one of its bases.
static bool declaresMember(QualType Type, const CXXMethodDecl *Method) {
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  const CXXRecordDecl *Owner = Method->getParent();
  if (!Record || !Owner)
    return false;
  Record = Record->getCanonicalDecl();
  Owner = Owner->getCanonicalDecl();
  return Record == Owner ||
         (Record->hasDefinition() && Record->isDerivedFrom(Owner));
}

/// Container members that copy or move their argument into the container.
static bool isContainerInsertion(StringRef Name) {
  return llvm::is_contained({StringRef("push_back"), StringRef("push_front"),
                             StringRef("insert"), StringRef("push"),
                             StringRef("emplace_back"),
                             StringRef("emplace_front"), StringRef("emplace")},
                            Name);
}

namespace {
/// Collects the move events of one function body. A lambda's body runs
/// later, on the lambda's own copies: its captures are the moves.
class MoveCollector : public BodyWalker<MoveCollector> {
public:
  MoveCollector(SelfReferenceModel &Model, SmallVectorImpl<MoveEvent> &Moves)
      : Model(Model), Moves(Moves) {}

  bool enter(const Stmt *S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(S))
      visitReturn(Return);
    else if (const auto *DS = dyn_cast<DeclStmt>(S))
      visitDecl(DS);
    else if (const auto *For = dyn_cast<CXXForRangeStmt>(S))
      visitRangeFor(For);
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      visitConstruct(Construct);
    else if (const auto *Call = dyn_cast<CallExpr>(S))
      visitCall(Call);
    return true;
  }

  void visitLambda(const LambdaExpr *Lambda) {
    auto Init = Lambda->capture_init_begin();
    for (const LambdaCapture &Capture : Lambda->captures()) {
      if (Capture.isExplicit() && Capture.getCaptureKind() == LCK_ByCopy &&
          Capture.capturesVariable() &&
          !Capture.getCapturedVar()->isInitCapture())
        if (const CXXConstructExpr *Construct = asCopyOrMove(*Init))
          Captures[Construct] = Capture.getLocation();
      ++Init;
    }
  }

private:
  void add(const Expr *Object, const Stmt *At, MoveKind Kind,
           const VarDecl *CopyInto = nullptr) {
    MoveEvent Move;
    Move.At = At;
    Move.Kind = Kind;
    bool OfMember = false;
    Move.PinOwner = pinOwner(Object, OfMember);
    Move.Object =
        Move.PinOwner ? Move.PinOwner : PinEventFinder::objectOf(Object);
    Move.CopyInto = CopyInto;
    if (!Move.Object)
      return;
    if (Move.PinOwner ? OfMember : !PinEventFinder::namesWholeObject(Object))
      Move.Subobject = movedSubobject(Object);
    if (Move.Subobject)
      Move.SubobjectMember = PinEventFinder::memberOf(Move.Subobject);
    if (auto It = ByValue.find(At); It != ByValue.end())
      Move.ByValueParameter = It->second;
    if (auto It = Captures.find(At); It != Captures.end())
      Move.ByCopyCapture = It->second;
    if (!Move.CopyInto)
      if (auto It = Initialized.find(At); It != Initialized.end())
        Move.CopyInto = It->second;
    Moves.push_back(Move);
  }

  static const CXXConstructExpr *asCopyOrMove(const Expr *E) {
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
        E ? ignoreToConstruction(E) : nullptr);
    if (Construct && Construct->getNumArgs() >= 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor())
      return Construct;
    return nullptr;
  }

  void visitReturn(const ReturnStmt *Return) {
    // `return o;` where Clang applies NRVO constructs nothing.
    const CXXConstructExpr *Construct = asCopyOrMove(Return->getRetValue());
    if (!Construct)
      return;
    const auto *DRE =
        dyn_cast<DeclRefExpr>(Construct->getArg(0)->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (VD && VD->isNRVOVariable())
      Skipped.insert(Construct);
  }

  void visitDecl(const DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && !VD->getType()->isReferenceType())
        if (const CXXConstructExpr *Construct = asCopyOrMove(VD->getInit()))
          Initialized[Construct] = VD;
  }

  void visitRangeFor(const CXXForRangeStmt *For) {
    const VarDecl *Loop = For->getLoopVariable();
    if (!Loop || Loop->getType()->isReferenceType())
      return;
    // Each element is copied into the loop variable.
    if (const CXXConstructExpr *Construct = asCopyOrMove(Loop->getInit())) {
      Skipped.insert(Construct);
      add(For->getRangeInit(), Construct, MoveKind::Copy, Loop);
      if (!Moves.empty() && Moves.back().At == Construct)
        Moves.back().Element = true;
    }
  }

  void visitConstruct(const CXXConstructExpr *Construct) {
    if (Skipped.contains(Construct))
      return;
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor->isCopyOrMoveConstructor() && Construct->getNumArgs() >= 1) {
      add(Construct->getArg(0), Construct,
          Ctor->isMoveConstructor() ? MoveKind::Move : MoveKind::Copy);
      return;
    }
    // `std::thread t(f, o)` keeps a copy of `o`.
    std::string Type = qualifiedTemplateName(Construct->getType());
    if (Type == "std::thread" || Type == "std::jthread" ||
        Type == "std::function")
      for (const Expr *Arg : Construct->arguments())
        add(Arg, Construct, MoveKind::HandOff);
  }

  void visitCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    // Arguments passed by value to a function whose parameter could be a
    // reference instead (a note fix-it).
    if (Callee && !isa<CXXOperatorCallExpr>(Call))
      for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
           ++I)
        if (const CXXConstructExpr *Construct = asCopyOrMove(Call->getArg(I)))
          ByValue[Construct] = Callee->getParamDecl(I);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && visitOperator(Op))
      return;
    if (!Callee || !Callee->getIdentifier())
      return;
    StringRef Name = Callee->getName();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
        Member && isContainerInsertion(Name))
      return visitInsertion(Call);
    if (isStdFunction(Callee, {"swap", "exchange", "iter_swap"}) ||
        (isa<CXXMemberCallExpr>(Call) && Name == "swap"))
      return visitSwap(Call);
    if (llvm::is_contained({StringRef("memcpy"), StringRef("memmove"),
                            StringRef("realloc"), StringRef("__builtin_memcpy"),
                            StringRef("__builtin_memmove")},
                           Name) ||
        isStdFunction(Callee, {"bit_cast"}))
      return visitByteCopy(Call);
    if (isStdFunction(Callee, {"async", "bind", "bind_front", "bind_back",
                               "make_tuple", "make_pair", "make_optional"}))
      for (const Expr *Arg : Call->arguments())
        add(Arg, Call, MoveKind::HandOff);
  }

  /// Copy and move assignment, and `std::ranges::swap` (a function object);
  /// true when `Op` was one of them.
  bool visitOperator(const CXXOperatorCallExpr *Op) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    if (!Method)
      return false;
    if (Op->getOperator() == OO_Equal && (Method->isCopyAssignmentOperator() ||
                                          Method->isMoveAssignmentOperator())) {
      const bool Move = Method->isMoveAssignmentOperator();
      add(Op->getArg(1), Op, Move ? MoveKind::Move : MoveKind::Copy);
      // Assigning to an object whose assignment leaves its pointers aimed at
      // the source, or to a pinned marker, which only `pin::Pin::set` may
      // replace once pinned (as Rust assigns through `Pin` only to `Unpin`).
      QualType Target = Op->getArg(0)->getType();
      const TypeSummary *Summary = Model.summarize(Target);
      if (Summary && (Summary->hasFault(Move ? SpecialMember::MoveAssignment
                                             : SpecialMember::CopyAssignment) ||
                      Model.isPinnedMarker(Target)))
        add(Op->getArg(0), Op, MoveKind::AssignTo);
      return true;
    }
    std::string Class = Method->getParent()->getQualifiedNameAsString();
    if (Op->getOperator() == OO_Call && StringRef(Class).contains("ranges") &&
        StringRef(Class).contains("swap")) {
      for (unsigned I = 1; I < Op->getNumArgs(); ++I)
        add(Op->getArg(I), Op, MoveKind::Swap);
      return true;
    }
    return false;
  }

  /// `v.push_back(std::move(o))`: the container copies or moves `o` into its
  /// own storage.
  void visitInsertion(const CallExpr *Call) {
    for (const Expr *Arg : Call->arguments()) {
      const CXXRecordDecl *Inserted = Arg->getType()->getAsCXXRecordDecl();
      const Decl *Object = PinEventFinder::objectOf(Arg);
      if (!Inserted || !Object ||
          PinEventFinder::typeOf(Object)->getAsCXXRecordDecl() != Inserted)
        continue;
      // `std::move(o)` of a class whose move is not declared (or deleted)
      // copies it: say so.
      const bool Moves =
          Arg->isXValue() && Inserted->hasDefinition() &&
          SelfReferenceModel::formOf(Inserted->getDefinition(),
                                     SpecialMember::MoveConstructor,
                                     nullptr) != MemberForm::NotDeclared;
      add(Arg, Call, Moves ? MoveKind::Move : MoveKind::Copy);
    }
  }

  void visitSwap(const CallExpr *Call) {
    const size_t First = Moves.size();
    for (const Expr *Arg : Call->arguments())
      add(Arg, Call, MoveKind::Swap);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      add(Member->getImplicitObjectArgument(), Call, MoveKind::Swap);
      for (size_t I = First; I < Moves.size(); ++I)
        Moves[I].MemberSwap = Member->getMethodDecl();
    }
  }

  void visitByteCopy(const CallExpr *Call) {
    for (const Expr *Arg : Call->arguments()) {
      AddressedObject Address = PinEventFinder::addressOf(Arg);
      if (!Address) {
        add(Arg, Call, MoveKind::ByteCopy);
        continue;
      }
      MoveEvent Move;
      Move.Object = Address.Object;
      if (!Address.Whole) {
        Move.Subobject = movedSubobject(Arg);
        Move.SubobjectMember = Address.Member;
      }
      Move.At = Call;
      Move.Kind = MoveKind::ByteCopy;
      Moves.push_back(Move);
    }
  }

  SelfReferenceModel &Model;
  SmallVectorImpl<MoveEvent> &Moves;
  llvm::SmallPtrSet<const Stmt *, 4> Skipped;
  llvm::DenseMap<const Stmt *, const VarDecl *> Initialized;
  llvm::DenseMap<const Stmt *, const ParmVarDecl *> ByValue;
  llvm::DenseMap<const Stmt *, SourceLocation> Captures;
};
} // namespace

static const Stmt *declarationOf(const Decl *Object) {
  const auto *VD = dyn_cast<VarDecl>(Object);
  return VD && VD->isLocalVarDecl() ? VD->getInit() : nullptr;
}

static bool isWrongFor(const ConstructionPin &Pin, MoveKind Kind) {
  switch (Kind) {
  case MoveKind::Copy:
    return Pin.CopyWrong;
  case MoveKind::Move:
  case MoveKind::Swap:
  case MoveKind::AssignTo:
    return Pin.MoveWrong;
  case MoveKind::HandOff:
    return Pin.CopyWrong || Pin.MoveWrong;
  case MoveKind::ByteCopy:
    return true;
  }
  llvm_unreachable("unknown move kind");
}

/// A member function declared `PIN_PINS_THIS`: `*this` is pinned while it
/// runs, as `self: Pin<&mut Self>` is in Rust.
static const CXXMethodDecl *pinnedReceiver(const FunctionDecl *Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Function);
  return Method && Method->isInstance() &&
                 hasPinAnnotation(Method, annotation::PinsThis)
             ? Method
             : nullptr;
}

//===----------------------------------------------------------------------===//
// Decision: a move event reached by a pin event of the same object.
//===----------------------------------------------------------------------===//

/// Linked into an intrusive container whose hooks' copies start unlinked:
/// copying the node leaves the linked one in place.
static bool linkedByResettingHooks(const PinEvent *Event) {
  const PinCause &Cause = *Event->Cause;
  return Cause.TheKind == PinCause::Kind::Api &&
         Cause.Api == ApiReason::IntrusiveContainer &&
         PinningApi::copiesStartUnlinked(
             dyn_cast_or_null<FunctionDecl>(Cause.Function));
}

void MoveAfterPinCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  PinAnalysis &Analysis = analysis(*Result.Context);
  SmallVector<MoveEvent, 8> Moves;
  MoveCollector(Analysis.model(), Moves).walk(userBody(Function));
  for (const MoveEvent &Move : Moves) {
    if (reportedElsewhere(Move, Function, Analysis, *Result.Context))
      continue;
    QualType Type = PinEventFinder::typeOf(Move.Object);
    // A range-for copies elements: the element type decides.
    QualType Moved = Type;
    if (Move.Element && Move.CopyInto)
      Moved = Move.CopyInto->getType();
    else if (Move.Subobject)
      Moved = subobjectType(Move.Subobject);
    if (Move.PinOwner) {
      // A member of the object a `pin::Pin` owns: only one pinned with it.
      std::optional<StructuralPin> Structural;
      if (Move.Subobject) {
        Structural =
            pinnedWithObject(Move.Subobject, nullptr, Analysis.model());
        if (!Structural)
          continue;
      }
      diagnose(Move, Type, /*Definite=*/true, {}, nullptr,
               Structural ? &*Structural : nullptr);
      continue;
    }
    if (const CXXMethodDecl *Receiver = pinnedReceiver(Function)) {
      std::optional<StructuralPin> Structural;
      if (movesPinnedReceiver(Move, Receiver, Analysis.model(), Structural)) {
        diagnoseReceiver(Move, Type, Receiver,
                         Structural ? &*Structural : nullptr);
        continue;
      }
    }
    if (auto Construction = Analysis.pins().constructionPin(Moved)) {
      // The type's own `swap` answers for its interior pointers, as its
      // move constructor would.
      if (Move.MemberSwap && declaresMember(Moved, Move.MemberSwap))
        continue;
      if (isWrongFor(*Construction, Move.Kind))
        diagnose(Move, Type, /*Definite=*/true, {}, &*Construction, nullptr);
      continue;
    }
    // Copying a member out of an object whose own address is held leaves
    // the object in place, unless the member is pinned with it.
    std::optional<StructuralPin> Structural;
    ReachingPins Reaching =
        Analysis.in(Function, *Result.Context)
            .reachingMove(
                Move.Object, Move.At, declarationOf(Move.Object),
                {!Move.Subobject, Move.SubobjectMember, Move.Subobject},
                Structural);
    if (!Reaching)
      continue;
    if (Move.Kind == MoveKind::Copy &&
        llvm::all_of(Reaching.Events, linkedByResettingHooks))
      continue;
    diagnose(Move, Type, Reaching.Definite, Reaching.Events, nullptr,
             Structural ? &*Structural : nullptr);
  }
}

/// Whether `Move` moves `*this` of `Receiver`, or a member pinned with it
/// (`Structural` then says why).
bool MoveAfterPinCheck::movesPinnedReceiver(
    const MoveEvent &Move, const CXXMethodDecl *Receiver,
    SelfReferenceModel &Model, std::optional<StructuralPin> &Structural) {
  const CXXRecordDecl *Class = Receiver->getParent()->getCanonicalDecl();
  if (const auto *Self = dyn_cast<CXXRecordDecl>(Move.Object))
    return Self->getCanonicalDecl() == Class && !Move.Subobject;
  // `m` (`this->m`), then the members inside it: `m.a.b`.
  const auto *Member = dyn_cast<FieldDecl>(Move.Object);
  if (!Member || Member->getParent()->getCanonicalDecl() != Class)
    return false;
  Structural = pinnedWithObject(Member, nullptr, Model);
  if (Structural && Move.Subobject)
    Structural = pinnedWithObject(Move.Subobject, nullptr, Model);
  return Structural.has_value();
}

/// One mistake, one finding (docs/model.md, "The checks"): a byte copy is
/// pin-raw-copy's and a relocating container call pin-relocating-container's
/// when they are enabled; they show the pin in their notes.
bool MoveAfterPinCheck::reportedElsewhere(const MoveEvent &Move,
                                          const FunctionDecl *Function,
                                          PinAnalysis &Analysis,
                                          ASTContext &Context) {
  if (Move.Kind == MoveKind::ByteCopy && RawCopyEnabled)
    return true;
  const auto *Call = dyn_cast<CallExpr>(Move.At);
  return Call && !RelocatingContainers.empty() &&
         reportedRelocation(Call, RelocatingContainers, Function, Analysis,
                            Context);
}

//===----------------------------------------------------------------------===//
// Diagnostic.
//===----------------------------------------------------------------------===//

/// `T x` becomes `const T &x` (clang-tidy's fix-it utilities).
static std::vector<FixItHint> byReferenceFixes(const VarDecl &Var) {
  std::vector<FixItHint> Fixes;
  if (Var.getLocation().isMacroID())
    return Fixes;
  ASTContext &Context = Var.getASTContext();
  if (!Var.getType().isConstQualified())
    if (std::optional<FixItHint> Const =
            compat::addConstToVarDecl(Var, Context))
      Fixes.push_back(*Const);
  Fixes.push_back(tidy::utils::fixit::changeVarDeclToReference(Var, Context));
  return Fixes;
}

/// Changing a parameter's type is offered only where the function is
/// declared once: another declaration would then declare an overload.
static bool hasSingleDeclaration(const ParmVarDecl *Param) {
  const auto *Function = dyn_cast<FunctionDecl>(Param->getDeclContext());
  return Function && Function->getPreviousDecl() == nullptr &&
         Function->getMostRecentDecl() == Function;
}

void MoveAfterPinCheck::diagnose(const MoveEvent &Move, QualType Type,
                                 bool Definite,
                                 ArrayRef<const PinEvent *> Events,
                                 const ConstructionPin *Construction,
                                 const StructuralPin *Structural) {
  const std::string Object =
      (Move.Element ? "an element of " : "") +
      (Move.Subobject
           ? describeExpression(Move.Subobject, Move.Object->getASTContext())
           : describeObject(Move.Object));
  if (Move.Element && Move.CopyInto)
    Type = Move.CopyInto->getType();
  else if (Move.Subobject)
    Type = subobjectType(Move.Subobject);
  const unsigned Kind = static_cast<unsigned>(Move.Kind);
  SourceLocation Loc = Move.At->getBeginLoc();
  newFinding();
  if (Move.PinOwner) {
    const std::string Owner = describeObject(Move.PinOwner);
    if (Structural)
      diag(Loc, "%select{copying|moving|swapping|copying the bytes of|"
                "assigning to|copying}0 %1 of type %2, which is pinned with "
                "the object owned by %3")
          << Kind << Object << Type << Owner;
    else
      diag(Loc, "%select{copying|moving|swapping|copying the bytes of|"
                "assigning to|copying}0 the object owned by %1, which is "
                "pinned")
          << Kind << Object;
    diag(Move.PinOwner->getLocation(),
         "%0 owns the object through 'pin::Pin', which pins it for its "
         "lifetime",
         DiagnosticIDs::Note)
        << Owner;
    if (Structural)
      noteStructural(*Structural);
    if (Move.Kind == MoveKind::AssignTo)
      diag(Loc, "replace a pinned object in place with 'pin::Pin::set'",
           DiagnosticIDs::Note);
    return;
  }
  diag(Loc, "%select{copying|moving|swapping|copying the bytes of|assigning "
            "to|copying}0 %1 of type %2%select{, which may be pinned on some "
            "paths| after it was pinned}3")
      << Kind << Object << Type << Definite;

  // Why it is pinned.
  ASTContext &Context = Move.Object->getASTContext();
  if (Construction) {
    diag(Move.Object->getLocation(), "%0 is pinned from its construction: %1",
         DiagnosticIDs::Note)
        << Object << describeConstructionPin(*Construction);
    noteElsewhere(Construction->Why, Move.Object->getLocation(), Context);
  }
  // A member pinned with its object: the object's pins, then why.
  const std::string Pinned = Structural ? describeObject(Move.Object) : Object;
  for (const PinEvent *Event : Events) {
    diag(Event->At->getBeginLoc(), "%0 is pinned here: %1", DiagnosticIDs::Note)
        << Pinned << describePinEvent(*Event);
    noteElsewhere(*Event->Cause, Event->At->getBeginLoc(),
                  Context.getSourceManager());
  }
  if (Structural)
    noteStructural(*Structural);
  if (Structural && Move.Kind == MoveKind::AssignTo)
    diag(Loc, "replace a pinned object in place with 'pin::Pin::set'",
         DiagnosticIDs::Note);
  if (Move.Kind == MoveKind::Copy)
    noteRepairs(Move, Object);
}

void MoveAfterPinCheck::diagnoseReceiver(const MoveEvent &Move, QualType Type,
                                         const CXXMethodDecl *Receiver,
                                         const StructuralPin *Structural) {
  const unsigned Kind = static_cast<unsigned>(Move.Kind);
  const Expr *Moved = Move.Subobject;
  newFinding();
  if (Structural)
    diag(Move.At->getBeginLoc(),
         "%select{copying|moving|swapping|copying the bytes of|assigning "
         "to|copying}0 %1 of type %2, which is pinned with '*this'")
        << Kind
        << (Moved ? describeExpression(Moved, Receiver->getASTContext())
                  : describeObject(Move.Object))
        << (Moved ? subobjectType(Moved) : Type);
  else
    diag(Move.At->getBeginLoc(),
         "%select{copying|moving|swapping|copying the bytes of|assigning "
         "to|copying}0 '*this' of type %1, which is pinned")
        << Kind << Type;
  // At the declaration that says so.
  const Decl *Declared = Receiver;
  for (const Decl *Redecl : Receiver->redecls())
    if (Redecl->hasAttr<AnnotateAttr>())
      Declared = Redecl;
  diag(Declared->getLocation(),
       "%0 is declared 'PIN_PINS_THIS': '*this' is pinned while it runs",
       DiagnosticIDs::Note)
      << Receiver;
  if (Structural)
    noteStructural(*Structural);
}

/// Repairs that change the program's meaning, offered on notes.
void MoveAfterPinCheck::noteRepairs(const MoveEvent &Move,
                                    const std::string &Object) {
  if (Move.CopyInto && Move.CopyInto->getTypeSourceInfo()) {
    if (Move.CopyInto->isCXXForRangeDecl()) {
      diag(Move.CopyInto->getLocation(),
           "iterate by reference to leave the elements in place",
           DiagnosticIDs::Note)
          << byReferenceFixes(*Move.CopyInto);
      return;
    }
    diag(Move.CopyInto->getLocation(),
         "bind a reference to %0 instead of copying it", DiagnosticIDs::Note)
        << Object
        << tidy::utils::fixit::changeVarDeclToReference(
               *Move.CopyInto, Move.CopyInto->getASTContext());
    return;
  }
  const ParmVarDecl *Param = Move.ByValueParameter;
  if (Param && hasSingleDeclaration(Param) &&
      !Param->getType()->isReferenceType() &&
      !Param->getLocation().isInvalid() &&
      !Param->getASTContext().getSourceManager().isInSystemHeader(
          Param->getLocation())) {
    diag(Param->getLocation(),
         "take the parameter by reference to leave %0 in place",
         DiagnosticIDs::Note)
        << Object << byReferenceFixes(*Param);
    return;
  }
  if (Move.ByCopyCapture.isValid())
    diag(Move.ByCopyCapture, "capture %0 by reference instead",
         DiagnosticIDs::Note)
        << Object << FixItHint::CreateInsertion(Move.ByCopyCapture, "&");
}

} // namespace pincheck
