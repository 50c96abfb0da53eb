//===--- RawCopyCheck.cpp - pin-raw-copy ----------------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "RawCopyCheck.h"
#include "AST/ASTUtils.h"
#include "Checks/Wording.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

//===----------------------------------------------------------------------===//
// Matchers: the byte-copying functions, in user code.
//===----------------------------------------------------------------------===//

RawCopyCheck::RawCopyCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : PinCheck(Name, Context),
      RawCopyFunctions(Options.getLocalOrGlobal("RawCopyFunctions", "")) {
  // `name:index;name:index`: the argument whose pointee is copied.
  for (StringRef Entry :
       tidy::utils::options::parseStringList(RawCopyFunctions)) {
    auto [Function, Index] = Entry.trim().rsplit(':');
    unsigned Value = 0;
    if (!Function.empty() && !Index.getAsInteger(10, Value))
      CopiedArguments[Function.trim()].push_back(Value);
  }
}

void RawCopyCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  PinCheck::storeOptions(Opts);
  Options.store(Opts, "RawCopyFunctions", RawCopyFunctions);
}

void RawCopyCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<std::string> Helpers;
  for (const auto &Entry : CopiedArguments)
    Helpers.push_back(Entry.getKey().str());
  std::vector<StringRef> HelperNames(Helpers.begin(), Helpers.end());
  auto ByteCopy = callExpr(
      callee(functionDecl(anyOf(
          hasAnyName("::memcpy", "::memmove", "::std::memcpy", "::std::memmove",
                     "__builtin_memcpy", "__builtin_memmove", "::realloc",
                     "::std::realloc", "::std::bit_cast", "::std::copy",
                     "::std::copy_n", "::std::uninitialized_copy",
                     "::std::uninitialized_copy_n"),
          hasAnyName(HelperNames)))),
      unless(isExpansionInSystemHeader()));
  // The calls, from their function down: for the pins in it and the shape
  // of its body (an upward `hasParent` would build the parent map of the
  // whole unit).
  Finder->addMatcher(
      functionDecl(isDefinition(), forEachDescendant(ByteCopy.bind("call")))
          .bind("function"),
      this);
}

//===----------------------------------------------------------------------===//
// Decision: the types of the objects behind the byte pointers.
//===----------------------------------------------------------------------===//

/// The type of the objects a pointer argument points at, looking through
/// casts (`(char *)&a`), array decay and pointer arithmetic.
static QualType pointeeObjectType(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        return Cast->getSubExpr()
            ->getType()
            ->getPointeeOrArrayElementType()
            ->getCanonicalTypeUnqualified();
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->isAdditiveOp() && BO->getLHS()->getType()->isPointerType()) {
      E = BO->getLHS();
      continue;
    }
    break;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    QualType T = UO->getSubExpr()->getType();
    if (const ArrayType *Array = T->getAsArrayTypeUnsafe())
      return Array->getElementType();
    return T;
  }
  if (E->getType()->isPointerType())
    return E->getType()->getPointeeType();
  return {};
}

/// `sizeof(T)` or `n * sizeof(T)` in a size argument: `T`.
static QualType sizeofType(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Size = dyn_cast<UnaryExprOrTypeTraitExpr>(E);
      Size && Size->getKind() == UETT_SizeOf)
    return Size->getTypeOfArgument();
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Mul) {
    QualType T = sizeofType(BO->getLHS());
    return T.isNull() ? sizeofType(BO->getRHS()) : T;
  }
  return {};
}

/// `memcpy(&a, &b, sizeof(T))` as a statement, where T's copy assignment
/// re-seats its pointers: `a = b`.
static std::optional<FixItHint> assignmentFix(const CallExpr *Call,
                                              SelfReferenceModel &Model,
                                              ASTContext &Context) {
  // Callers check that the call is a statement of its own.
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier() ||
      !Callee->getName().contains("memcpy") || Call->getNumArgs() != 3 ||
      Call->getBeginLoc().isMacroID())
    return std::nullopt;
  auto AddressOf = [](const Expr *E) -> const Expr * {
    const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
    return UO && UO->getOpcode() == UO_AddrOf ? UO->getSubExpr() : nullptr;
  };
  const Expr *Dest = AddressOf(Call->getArg(0));
  const Expr *Source = AddressOf(Call->getArg(1));
  if (!Dest || !Source)
    return std::nullopt;
  QualType Type = Dest->getType().getCanonicalType().getUnqualifiedType();
  if (Type != Source->getType().getCanonicalType().getUnqualifiedType() ||
      sizeofType(Call->getArg(2)).isNull() ||
      sizeofType(Call->getArg(2)).getCanonicalType().getUnqualifiedType() !=
          Type)
    return std::nullopt;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  const TypeSummary *Summary = Record ? Model.summarize(Record) : nullptr;
  const CXXMethodDecl *Assign = nullptr;
  if (!Summary ||
      SelfReferenceModel::formOf(Summary->Record, SpecialMember::CopyAssignment,
                                 &Assign) != MemberForm::UserProvided ||
      Summary->hasFault(SpecialMember::CopyAssignment))
    return std::nullopt;
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  auto Text = [&](const Expr *E) {
    return Lexer::getSourceText(
        CharSourceRange::getTokenRange(E->getSourceRange()), SM, LangOpts);
  };
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call->getSourceRange()),
      (Text(Dest) + " = " + Text(Source)).str());
}

void RawCopyCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const BodyShape &Shape = Shapes.of(Function, *Result.Context);
  if (Shape.isDead(Call))
    return;
  PinAnalysis &Analysis = analysis(*Result.Context);
  if (!diagnoseType(Call, Shape.isStatement(Call), Analysis, *Result.Context))
    diagnosePinned(Call, Function, Analysis, *Result.Context);
}

/// Candidate object types: what the pointer arguments point at, the type in
/// a sizeof argument, the source of a bit_cast, the pointee of a helper's
/// copied argument.
void RawCopyCheck::copiedTypes(const CallExpr *Call,
                               SmallVectorImpl<QualType> &Types) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (auto Helper = CopiedArguments.find(Callee->getName());
      Helper != CopiedArguments.end()) {
    for (unsigned Index : Helper->second)
      if (Index < Call->getNumArgs())
        Types.push_back(pointeeObjectType(Call->getArg(Index)));
    return;
  }
  if (Callee->getName() == "bit_cast") {
    if (Call->getNumArgs() == 1)
      Types.push_back(Call->getArg(0)->getType());
    return;
  }
  for (const Expr *Arg : Call->arguments()) {
    if (Arg->getType()->isPointerType())
      Types.push_back(pointeeObjectType(Arg));
    else if (QualType Sized = sizeofType(Arg); !Sized.isNull())
      Types.push_back(Sized);
  }
}

/// Objects of a type that must not move, pinned or not.
bool RawCopyCheck::diagnoseType(const CallExpr *Call, bool IsStatement,
                                PinAnalysis &Analysis, ASTContext &Context) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  SmallVector<QualType, 4> Types;
  copiedTypes(Call, Types);
  for (QualType Type : Types) {
    if (Type.isNull() || Type->isVoidType() || Type->isDependentType())
      continue;
    std::optional<MustNotMove> Why = Analysis.model().mustNotMove(Type);
    if (!Why)
      continue;
    QualType Shown = Type.getCanonicalType().getUnqualifiedType();
    if (const ArrayType *Array = Shown->getAsArrayTypeUnsafe())
      Shown = Array->getElementType();
    newFinding();
    {
      // The warning is emitted when its builder goes out of scope, before
      // the note.
      auto Diag = diag(Call->getBeginLoc(),
                       "%0 %select{copies|moves}1 objects of type %2 byte by "
                       "byte, but they must not move")
                  << ("'" + Callee->getQualifiedNameAsString() + "'")
                  << (Callee->getName() == "realloc") << Shown;
      if (IsStatement)
        if (auto Fix = assignmentFix(Call, Analysis.model(), Context))
          Diag << *Fix;
    }
    SourceLocation Where =
        Why->At ? Why->At->getLocation() : Call->getBeginLoc();
    diag(Where, "%0", DiagnosticIDs::Note) << describeMustNotMove(*Why);
    noteElsewhere(Why->Why, Where, Context);
    return true;
  }
  return false;
}

/// An object pinned earlier in the function, whatever its type (one
/// mistake, one finding: pin-move-after-pin leaves byte copies to this
/// check).
void RawCopyCheck::diagnosePinned(const CallExpr *Call,
                                  const FunctionDecl *Function,
                                  PinAnalysis &Analysis, ASTContext &Context) {
  if (!Function || !Function->hasBody())
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  for (const Expr *Arg : Call->arguments()) {
    AddressedObject Address = PinEventFinder::addressOf(Arg);
    if (!Address)
      continue;
    // A member of a pinned object is pinned when it is pinned with it.
    const Expr *Subobject = Address.Whole ? nullptr : addressedObject(Arg);
    const auto *Local = dyn_cast<VarDecl>(Address.Object);
    std::optional<StructuralPin> Structural;
    ReachingPins Pins =
        Analysis.in(Function, Context)
            .reachingMove(
                Address.Object, Call,
                Local && Local->isLocalVarDecl() ? Local->getInit() : nullptr,
                {Address.Whole, Address.Member, Subobject}, Structural);
    if (!Pins)
      continue;
    const std::string Object = describeObject(Address.Object);
    newFinding();
    diag(Call->getBeginLoc(),
         "%0 %select{copies|moves}1 the bytes of %2 of type %3%select{, which "
         "may be pinned on some paths|, which is pinned}4")
        << ("'" + Callee->getQualifiedNameAsString() + "'")
        << (Callee->getName() == "realloc")
        << (Structural ? describeExpression(Subobject, Context) : Object)
        << (Structural ? Subobject->getType().getUnqualifiedType()
                       : PinEventFinder::typeOf(Address.Object))
        << Pins.Definite;
    for (const PinEvent *Event : Pins.Events) {
      diag(Event->At->getBeginLoc(), "%0 is pinned here: %1",
           DiagnosticIDs::Note)
          << Object << describePinEvent(*Event);
      noteElsewhere(*Event->Cause, Event->At->getBeginLoc(),
                    Context.getSourceManager());
    }
    if (Structural)
      noteStructural(*Structural);
    return;
  }
}

} // namespace pincheck
