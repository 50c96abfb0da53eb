//===--- RawCopyCheck.cpp - pin-raw-copy ----------------------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "RawCopyCheck.h"
#include "Checks/CheckOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

RawCopyCheck::RawCopyCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      PinnedTypes(Options.getLocalOrGlobal("PinnedTypes", "")),
      Models(PinnedTypes) {}

void RawCopyCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PinnedTypes", PinnedTypes);
}

//===----------------------------------------------------------------------===//
// Matchers: the byte-copying functions, in user code.
//===----------------------------------------------------------------------===//

void RawCopyCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(
                   "::memcpy", "::memmove", "::std::memcpy", "::std::memmove",
                   "__builtin_memcpy", "__builtin_memmove", "::realloc",
                   "::std::realloc", "::std::bit_cast", "::std::copy",
                   "::std::copy_n", "::std::uninitialized_copy",
                   "::std::uninitialized_copy_n"))),
               unless(isExpansionInSystemHeader()))
          .bind("call"),
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
  // The call must be a statement of its own: its result is unused.
  auto Parents = Context.getParents(*Call);
  if (Parents.empty() || !Parents[0].get<CompoundStmt>())
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
  const FunctionDecl *Callee = Call->getDirectCallee();
  SelfReferenceModel &Model = Models.get(*Result.Context);
  StringRef Name = Callee->getName();

  // Candidate object types: what the pointer arguments point at, the type
  // in a sizeof argument, the source of a bit_cast.
  SmallVector<QualType, 4> Types;
  if (Name == "bit_cast") {
    if (Call->getNumArgs() == 1)
      Types.push_back(Call->getArg(0)->getType());
  } else {
    for (const Expr *Arg : Call->arguments()) {
      if (Arg->getType()->isPointerType())
        Types.push_back(pointeeObjectType(Arg));
      else if (QualType Sized = sizeofType(Arg); !Sized.isNull())
        Types.push_back(Sized);
    }
  }
  for (QualType Type : Types) {
    if (Type.isNull() || Type->isVoidType() || Type->isDependentType())
      continue;
    std::optional<MustNotMove> Why = Model.mustNotMove(Type);
    if (!Why)
      continue;
    QualType Shown = Type.getCanonicalType().getUnqualifiedType();
    if (const ArrayType *Array = Shown->getAsArrayTypeUnsafe())
      Shown = Array->getElementType();
    {
      // The warning is emitted when its builder goes out of scope, before
      // the note.
      auto Diag = diag(Call->getBeginLoc(),
                       "%0 %select{copies|moves}1 objects of type %2 byte by "
                       "byte, but they must not move")
                  << ("'" + Callee->getQualifiedNameAsString() + "'")
                  << (Name == "realloc") << Shown;
      if (auto Fix = assignmentFix(Call, Model, *Result.Context))
        Diag << *Fix;
    }
    SourceLocation Where =
        Why->At ? Why->At->getLocation() : Call->getBeginLoc();
    diag(Where, "%0", DiagnosticIDs::Note) << Why->Reason;
    return;
  }
}

} // namespace pincheck
