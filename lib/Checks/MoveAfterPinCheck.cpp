//===--- MoveAfterPinCheck.cpp - pin-move-after-pin -----------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "MoveAfterPinCheck.h"
#include "AST/ASTCompat.h"
#include "Checks/CheckOptions.h"
#include "Model/PinFlow.h"
#include "clang/AST/ASTContext.h"
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
    : ClangTidyCheck(Name, Context),
      PinnedTypes(Options.getLocalOrGlobal("PinnedTypes", "")),
      PinningFunctions(Options.getLocalOrGlobal("PinningFunctions", "")),
      EscapingFunctions(Options.getLocalOrGlobal("EscapingFunctions", "")),
      Models(PinnedTypes), Api(PinningFunctions, EscapingFunctions) {}

void MoveAfterPinCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PinnedTypes", PinnedTypes);
  Options.store(Opts, "PinningFunctions", PinningFunctions);
  Options.store(Opts, "EscapingFunctions", EscapingFunctions);
}

//===----------------------------------------------------------------------===//
// Matchers: function bodies in user code. Templates are analysed once, on
// their pattern.
//===----------------------------------------------------------------------===//

void MoveAfterPinCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(compoundStmt()),
                                  unless(isTemplateInstantiation()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("function"),
                     this);
}

//===----------------------------------------------------------------------===//
// Move events (model section 5).
//===----------------------------------------------------------------------===//

static bool isStdFunction(const FunctionDecl *FD,
                          std::initializer_list<StringRef> Names) {
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         llvm::is_contained(Names, FD->getName());
}

static const Expr *stripFull(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Next);
             ICE && ICE->getCastKind() == CK_ConstructorConversion)
      Next = ICE->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
}

/// `*p` or `p->...` where `p` is a `pin::Pin`: returns `p`.
static const VarDecl *pinOwner(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 &&
      isStdFunction(Call->getDirectCallee(), {"move", "forward"}))
    E = Call->getArg(0)->IgnoreParenImpCasts();
  const Expr *Pointer = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Star)
    Pointer = Op->getArg(0);
  if (!Pointer)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(Pointer->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || qualifiedTemplateName(VD->getType()) != "pin::Pin")
    return nullptr;
  return VD;
}

static QualType typeOfObject(const Decl *Object) {
  if (const auto *VD = dyn_cast<ValueDecl>(Object))
    return VD->getType().getNonReferenceType().getUnqualifiedType();
  if (const auto *Record = dyn_cast<CXXRecordDecl>(Object))
    return compat::declaredType(Record);
  return {};
}

/// The subobject a move event copies: `o.m` in `T x = o.m;` and in
/// `memcpy(&o.m, ...)`.
static const Expr *movedSubobject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 &&
      isStdFunction(Call->getDirectCallee(), {"move", "forward"}))
    return movedSubobject(Call->getArg(0));
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return UO->getSubExpr()->IgnoreParenImpCasts();
  return E;
}

static QualType subobjectType(const Expr *Subobject) {
  return Subobject->getType().getNonReferenceType().getUnqualifiedType();
}

/// `'o.m'` for the diagnostic.
static std::string describeSubobject(const Expr *Subobject) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  Subobject->printPretty(OS, nullptr, PrintingPolicy(LangOptions()));
  return "'" + OS.str() + "'";
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
/// Collects the move events of one function body.
class MoveCollector {
public:
  MoveCollector(SelfReferenceModel &Model, SmallVectorImpl<MoveEvent> &Moves)
      : Model(Model), Moves(Moves) {}

  void collect(const Stmt *S) {
    if (!S)
      return;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      visitCaptures(Lambda);
      return; // The body runs later, on the lambda's own copies.
    }
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
    for (const Stmt *Child : S->children())
      collect(Child);
  }

private:
  void add(const Expr *Object, const Stmt *At, MoveKind Kind,
           const VarDecl *CopyInto = nullptr) {
    MoveEvent Move;
    Move.At = At;
    Move.Kind = Kind;
    Move.PinOwner = pinOwner(Object);
    Move.Object =
        Move.PinOwner ? Move.PinOwner : PinEventFinder::objectOf(Object);
    Move.CopyInto = CopyInto;
    if (!Move.Object)
      return;
    if (!Move.PinOwner && !PinEventFinder::namesWholeObject(Object))
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
    const auto *Construct =
        dyn_cast_or_null<CXXConstructExpr>(E ? stripFull(E) : nullptr);
    if (Construct && Construct->getNumArgs() >= 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor())
      return Construct;
    return nullptr;
  }

  void visitCaptures(const LambdaExpr *Lambda) {
    auto Init = Lambda->capture_init_begin();
    for (const LambdaCapture &Capture : Lambda->captures()) {
      if (Capture.isExplicit() && Capture.getCaptureKind() == LCK_ByCopy &&
          Capture.capturesVariable() &&
          !Capture.getCapturedVar()->isInitCapture())
        if (const CXXConstructExpr *Construct = asCopyOrMove(*Init))
          Captures[Construct] = Capture.getLocation();
      ++Init;
    }
    for (const Expr *CaptureInit : Lambda->capture_inits())
      collect(CaptureInit);
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

    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      if (Op->getOperator() == OO_Equal && Method &&
          (Method->isCopyAssignmentOperator() ||
           Method->isMoveAssignmentOperator())) {
        const bool Move = Method->isMoveAssignmentOperator();
        add(Op->getArg(1), Op, Move ? MoveKind::Move : MoveKind::Copy);
        // Assigning to an object whose assignment leaves its pointers aimed
        // at the source.
        const TypeSummary *Summary = Model.summarize(Op->getArg(0)->getType());
        if (Summary && Summary->hasFault(Move ? SpecialMember::MoveAssignment
                                              : SpecialMember::CopyAssignment))
          add(Op->getArg(0), Op, MoveKind::AssignTo);
        return;
      }
      // `std::ranges::swap(a, b)` calls a function object.
      if (Op->getOperator() == OO_Call && Method &&
          StringRef(Method->getParent()->getQualifiedNameAsString())
              .contains("ranges") &&
          StringRef(Method->getParent()->getQualifiedNameAsString())
              .contains("swap")) {
        for (unsigned I = 1; I < Op->getNumArgs(); ++I)
          add(Op->getArg(I), Op, MoveKind::Swap);
        return;
      }
    }
    if (!Callee || !Callee->getIdentifier())
      return;
    StringRef Name = Callee->getName();
    // `v.push_back(std::move(o))`: the container copies or moves `o` into
    // its own storage.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
        Member && isContainerInsertion(Name)) {
      for (const Expr *Arg : Call->arguments()) {
        const CXXRecordDecl *Inserted = Arg->getType()->getAsCXXRecordDecl();
        const Decl *Object = PinEventFinder::objectOf(Arg);
        if (!Inserted || !Object ||
            typeOfObject(Object)->getAsCXXRecordDecl() != Inserted)
          continue;
        add(Arg, Call, Arg->isXValue() ? MoveKind::Move : MoveKind::Copy);
      }
      return;
    }
    if (isStdFunction(Callee, {"swap", "exchange", "iter_swap"}) ||
        (isa<CXXMemberCallExpr>(Call) && Name == "swap")) {
      const size_t First = Moves.size();
      for (const Expr *Arg : Call->arguments())
        add(Arg, Call, MoveKind::Swap);
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
        add(Member->getImplicitObjectArgument(), Call, MoveKind::Swap);
        for (size_t I = First; I < Moves.size(); ++I)
          Moves[I].MemberSwap = Member->getMethodDecl();
      }
      return;
    }
    if (llvm::is_contained({StringRef("memcpy"), StringRef("memmove"),
                            StringRef("realloc"), StringRef("__builtin_memcpy"),
                            StringRef("__builtin_memmove")},
                           Name) ||
        isStdFunction(Callee, {"bit_cast"})) {
      for (const Expr *Arg : Call->arguments()) {
        if (AddressedObject Address = PinEventFinder::addressOf(Arg)) {
          MoveEvent Move;
          Move.Object = Address.Object;
          if (!Address.Whole) {
            Move.Subobject = movedSubobject(Arg);
            Move.SubobjectMember = Address.Member;
          }
          Move.At = Call;
          Move.Kind = MoveKind::ByteCopy;
          Moves.push_back(Move);
        } else {
          add(Arg, Call, MoveKind::ByteCopy);
        }
      }
      return;
    }
    if (isStdFunction(Callee, {"async", "bind", "bind_front", "bind_back",
                               "make_tuple", "make_pair", "make_optional"}))
      for (const Expr *Arg : Call->arguments())
        add(Arg, Call, MoveKind::HandOff);
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

PinEventFinder &MoveAfterPinCheck::pinsFor(SelfReferenceModel &Model) {
  if (!Pins || &Pins->model() != &Model)
    Pins = std::make_unique<PinEventFinder>(Model, Api);
  return *Pins;
}

//===----------------------------------------------------------------------===//
// Decision: a move event reached by a pin event of the same object.
//===----------------------------------------------------------------------===//

void MoveAfterPinCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  SmallVector<MoveEvent, 8> Moves;
  SelfReferenceModel &Model = Models.get(*Result.Context);
  MoveCollector(Model, Moves).collect(Function->getBody());
  PinEventFinder &Pins = pinsFor(Model);
  if (Moves.empty())
    return;

  // Pin events and the CFG are computed only for functions that move
  // something.
  std::optional<SmallVector<PinEvent, 8>> Events;
  std::optional<PinFlow> Flow;
  for (const MoveEvent &Move : Moves) {
    QualType Type = typeOfObject(Move.Object);
    // A range-for copies elements: the element type decides.
    QualType Moved = Type;
    if (Move.Element && Move.CopyInto)
      Moved = Move.CopyInto->getType();
    else if (Move.Subobject)
      Moved = subobjectType(Move.Subobject);
    if (Move.PinOwner) {
      diagnose(Move, Type, /*Definite=*/true, {}, nullptr);
      continue;
    }
    if (auto Construction = Pins.constructionPin(Moved)) {
      // The type's own `swap` answers for its interior pointers, as its
      // move constructor would.
      if (Move.MemberSwap && declaresMember(Moved, Move.MemberSwap))
        continue;
      if (isWrongFor(*Construction, Move.Kind))
        diagnose(Move, Type, /*Definite=*/true, {}, &*Construction);
      continue;
    }
    if (!Events) {
      Events.emplace();
      Pins.find(Function, *Events);
    }
    SmallVector<const PinEvent *, 2> Reaching;
    SmallVector<const Stmt *, 4> PinStmts;
    for (const PinEvent &Event : *Events) {
      // Copying a member out of an object whose own address is held leaves
      // the object in place.
      if (Event.Object != Move.Object ||
          !PinEventFinder::movesPinned(!Move.Subobject, Move.SubobjectMember,
                                       Event))
        continue;
      PinStmts.push_back(Event.At);
      if (!Flow)
        Flow.emplace(Function, *Result.Context);
      if (Flow->reaches(Event.At, Move.At, declarationOf(Move.Object)))
        Reaching.push_back(&Event);
    }
    if (Reaching.empty())
      continue;
    const bool Definite = !Flow->reachableAvoiding(Move.At, PinStmts);
    diagnose(Move, Type, Definite, Reaching, nullptr);
  }
}

//===----------------------------------------------------------------------===//
// Diagnostic.
//===----------------------------------------------------------------------===//

/// Insert "const " before a by-value declaration's type (unless it is
/// const) and "&" before its name: `T x` becomes `const T &x`.
static void byReferenceFixes(const DeclaratorDecl *D,
                             std::vector<FixItHint> &Fixes) {
  TypeSourceInfo *TSI = D->getTypeSourceInfo();
  if (!TSI || D->getLocation().isMacroID())
    return;
  if (!D->getType().isConstQualified())
    Fixes.push_back(
        FixItHint::CreateInsertion(TSI->getTypeLoc().getBeginLoc(), "const "));
  Fixes.push_back(FixItHint::CreateInsertion(D->getLocation(), "&"));
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
                                 const ConstructionPin *Construction) {
  const std::string Object =
      (Move.Element ? "an element of " : "") +
      (Move.Subobject ? describeSubobject(Move.Subobject)
                      : PinEventFinder::describeObject(Move.Object));
  if (Move.Element && Move.CopyInto)
    Type = Move.CopyInto->getType();
  else if (Move.Subobject)
    Type = subobjectType(Move.Subobject);
  const unsigned Kind = static_cast<unsigned>(Move.Kind);
  SourceLocation Loc = Move.At->getBeginLoc();
  if (Move.PinOwner) {
    diag(Loc, "%select{copying|moving|swapping|copying the bytes of|assigning "
              "to|copying}0 the object owned by %1, which is pinned")
        << Kind << Object;
    diag(Move.PinOwner->getLocation(),
         "%0 owns the object through 'pin::Pin', which pins it for its "
         "lifetime",
         DiagnosticIDs::Note)
        << Object;
    return;
  }
  if (Definite)
    diag(Loc, "%select{copying|moving|swapping|copying the bytes of|assigning "
              "to|copying}0 %1 of type %2 after it was pinned")
        << Kind << Object << Type;
  else
    diag(Loc, "%select{copying|moving|swapping|copying the bytes of|assigning "
              "to|copying}0 %1 of type %2, which may be pinned on some paths")
        << Kind << Object << Type;

  // Why it is pinned.
  if (Construction)
    diag(Move.Object->getLocation(), "%0 is pinned from its construction: %1",
         DiagnosticIDs::Note)
        << Object << Construction->Reason;
  for (const PinEvent *Event : Events)
    diag(Event->At->getBeginLoc(), "%0 is pinned here: %1", DiagnosticIDs::Note)
        << Object << Event->Reason;

  // Repairs that change the program's meaning, offered on notes.
  if (Move.Kind != MoveKind::Copy)
    return;
  std::vector<FixItHint> Fixes;
  if (Move.CopyInto && Move.CopyInto->getTypeSourceInfo()) {
    const bool IsLoopVariable = Move.CopyInto->isCXXForRangeDecl();
    if (IsLoopVariable) {
      byReferenceFixes(Move.CopyInto, Fixes);
      diag(Move.CopyInto->getLocation(),
           "iterate by reference to leave the elements in place",
           DiagnosticIDs::Note)
          << Fixes;
    } else {
      Fixes.push_back(FixItHint::CreateInsertion(
          Lexer::getLocForEndOfToken(
              Move.CopyInto->getTypeSourceInfo()->getTypeLoc().getEndLoc(), 0,
              Move.CopyInto->getASTContext().getSourceManager(), getLangOpts()),
          "&"));
      diag(Move.CopyInto->getLocation(),
           "bind a reference to %0 instead of copying it", DiagnosticIDs::Note)
          << Object << Fixes;
    }
  } else if (Move.ByValueParameter &&
             hasSingleDeclaration(Move.ByValueParameter) &&
             !Move.ByValueParameter->getType()->isReferenceType() &&
             !Move.ByValueParameter->getLocation().isInvalid() &&
             !Move.ByValueParameter->getASTContext()
                  .getSourceManager()
                  .isInSystemHeader(Move.ByValueParameter->getLocation())) {
    byReferenceFixes(Move.ByValueParameter, Fixes);
    diag(Move.ByValueParameter->getLocation(),
         "take the parameter by reference to leave %0 in place",
         DiagnosticIDs::Note)
        << Object << Fixes;
  } else if (Move.ByCopyCapture.isValid()) {
    diag(Move.ByCopyCapture, "capture %0 by reference instead",
         DiagnosticIDs::Note)
        << Object << FixItHint::CreateInsertion(Move.ByCopyCapture, "&");
  }
}

} // namespace pincheck
