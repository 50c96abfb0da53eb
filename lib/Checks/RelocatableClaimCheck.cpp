//===--- RelocatableClaimCheck.cpp - pin-relocatable-claim ----------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "RelocatableClaimCheck.h"
#include "AST/ASTCompat.h"
#include "Checks/Wording.h"
#include "Model/Annotations.h"
#include "Model/Projection.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

//===----------------------------------------------------------------------===//
// Matchers: the claims. Each is a class or a trait specialisation written in
// user code.
//===----------------------------------------------------------------------===//

void RelocatableClaimCheck::registerMatchers(MatchFinder *Finder) {
  auto InUserCode = unless(isExpansionInSystemHeader());
  // [[clang::trivial_abi]], and P1144's [[trivially_relocatable]] (which
  // Clang does not know, so it is read from the class head).
  Finder->addMatcher(cxxRecordDecl(isDefinition(), unless(isImplicit()),
                                   unless(isTemplateInstantiation()),
                                   InUserCode)
                         .bind("class"),
                     this);
  // PIN_UNPIN is judged on each instantiation of a class template too: the
  // types of its members are known there.
  Finder->addMatcher(
      cxxRecordDecl(isDefinition(), isTemplateInstantiation(), InUserCode)
          .bind("instance"),
      this);
  // Q_DECLARE_TYPEINFO, folly::IsRelocatable, bslmf::IsBitwiseMoveable.
  Finder->addMatcher(classTemplateSpecializationDecl(
                         hasAnyName("::QTypeInfo", "::folly::IsRelocatable",
                                    "IsBitwiseMoveable"),
                         unless(isTemplateInstantiation()), InUserCode)
                         .bind("trait"),
                     this);
  // BSLMF_NESTED_TRAIT_DECLARATION(T, bslmf::IsBitwiseMoveable).
  Finder->addMatcher(cxxConversionDecl(InUserCode).bind("nested"), this);
}

//===----------------------------------------------------------------------===//
// Decision helpers.
//===----------------------------------------------------------------------===//

/// A base that is `std::true_type` (`integral_constant<bool, true>`).
static bool derivesFromTrue(const CXXRecordDecl *Record) {
  if (!Record->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : Record->getDefinition()->bases()) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        Base.getType()->getAsCXXRecordDecl());
    if (!Spec || Spec->getName() != "integral_constant" ||
        Spec->getTemplateArgs().size() != 2 ||
        Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Integral)
      continue;
    if (Spec->getTemplateArgs()[1].getAsIntegral().getBoolValue())
      return true;
  }
  return false;
}

/// The type a dependent trait argument names: `std::list<T>` as its
/// template's pattern.
static QualType judgedType(QualType T) {
  if (!T->isDependentType())
    return T;
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
            TST->getTemplateName().getAsTemplateDecl()))
      return compat::declaredType(CTD->getTemplatedDecl());
  return {};
}

namespace {
/// The Qt flags the user wrote in `Q_DECLARE_TYPEINFO(T, FLAGS)`: references
/// to the relocatable flags that come from the macro's argument.
class QtFlagFinder : public RecursiveASTVisitor<QtFlagFinder> {
public:
  explicit QtFlagFinder(const SourceManager &SM) : SM(SM) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Flag = dyn_cast<EnumConstantDecl>(Ref->getDecl());
    if (!Flag || !Ref->getLocation().isMacroID() ||
        !SM.isMacroArgExpansion(Ref->getLocation()))
      return true;
    StringRef Name = Flag->getName();
    SourceLocation Spelling = SM.getSpellingLoc(Ref->getLocation());
    if (Name == "Q_RELOCATABLE_TYPE" || Name == "Q_MOVABLE_TYPE" ||
        Name == "Q_PRIMITIVE_TYPE")
      Relocatable = true;
    if (Name.starts_with("Q_") && Name.ends_with("_TYPE")) {
      if (First.isInvalid() || SM.isBeforeInTranslationUnit(Spelling, First))
        First = Spelling;
      if (Last.isInvalid() || SM.isBeforeInTranslationUnit(Last, Spelling))
        Last = Spelling;
    }
    return true;
  }
  bool Relocatable = false;
  SourceLocation First, Last;

private:
  const SourceManager &SM;
};
} // namespace

/// `[[clang::trivial_abi]]` with its brackets, when it stands alone in them.
static std::optional<CharSourceRange>
attributeRange(const Attr *A, const SourceManager &SM, const LangOptions &LO) {
  SourceLocation Begin = A->getRange().getBegin();
  if (Begin.isMacroID())
    return std::nullopt;
  const char *Start = SM.getCharacterData(Begin);
  const char *Open = Start;
  while (Open > Start - 64 && *Open != '[')
    --Open;
  if (*Open != '[' || Open[-1] != '[')
    return std::nullopt;
  --Open;
  SourceLocation End =
      Lexer::getLocForEndOfToken(A->getRange().getEnd(), 0, SM, LO);
  const char *Close = SM.getCharacterData(End);
  if (Close[0] != ']' || Close[1] != ']')
    return std::nullopt;
  const char *After = Close + 2;
  if (*After == ' ')
    ++After; // Remove one space after the attribute.
  return CharSourceRange::getCharRange(Begin.getLocWithOffset(Open - Start),
                                       Begin.getLocWithOffset(After - Start));
}

//===----------------------------------------------------------------------===//
// Decision and diagnostic.
//===----------------------------------------------------------------------===//

void RelocatableClaimCheck::diagnose(SourceLocation Loc, StringRef Claim,
                                     QualType Type, ArrayRef<FixItHint> Fixes,
                                     QualType Written) {
  if (Type.isNull())
    return;
  std::optional<MustNotMove> Why = analysis(*Context).model().mustNotMove(Type);
  if (!Why)
    return;
  newFinding();
  diag(Loc, "%0 declares %1 relocatable, but its objects must not move")
      << Claim << (Written.isNull() ? Type : Written).getUnqualifiedType()
      << Fixes;
  diag(Why->At ? Why->At->getLocation() : Loc, "%0", DiagnosticIDs::Note)
      << describeMustNotMove(*Why);
  noteElsewhere(Why->Why, Why->At ? Why->At->getLocation() : Loc, *Context);
}

void RelocatableClaimCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (const auto *Record = Result.Nodes.getNodeAs<CXXRecordDecl>("class"))
    checkClass(Record, *Result.SourceManager);
  else if (const auto *Instance =
               Result.Nodes.getNodeAs<CXXRecordDecl>("instance"))
    checkUnpinClaim(Instance, *Result.SourceManager);
  else if (const auto *Trait =
               Result.Nodes.getNodeAs<ClassTemplateSpecializationDecl>("trait"))
    checkTrait(Trait, *Result.SourceManager);
  else if (const auto *Nested =
               Result.Nodes.getNodeAs<CXXConversionDecl>("nested"))
    checkNestedTrait(Nested, *Result.SourceManager);
}

/// `[[clang::trivial_abi]]` and `[[trivially_relocatable]]` on the class.
void RelocatableClaimCheck::checkClass(const CXXRecordDecl *Record,
                                       const SourceManager &SM) {
  if (Record->isInvalidDecl())
    return;
  const LangOptions &LO = Context->getLangOpts();
  QualType Type = compat::declaredType(Record);
  if (const auto *TrivialABI = Record->getAttr<TrivialABIAttr>()) {
    std::vector<FixItHint> Fixes;
    if (auto Range = attributeRange(TrivialABI, SM, LO))
      Fixes.push_back(FixItHint::CreateRemoval(*Range));
    diagnose(TrivialABI->getLocation(), "'[[clang::trivial_abi]]'", Type,
             Fixes);
  }
  checkUnpinClaim(Record, SM);
  // Clang drops the unknown attribute: look for it in the class head.
  SourceLocation Begin = Record->getBeginLoc(), Name = Record->getLocation();
  if (Begin.isInvalid() || Name.isInvalid() || Begin.isMacroID() ||
      Name.isMacroID())
    return;
  StringRef Head =
      Lexer::getSourceText(CharSourceRange::getCharRange(Begin, Name), SM, LO);
  size_t At = Head.find("trivially_relocatable");
  if (At != StringRef::npos)
    diagnose(Begin.getLocWithOffset(At), "'[[trivially_relocatable]]'", Type);
}

/// The `PIN_UNPIN` macro (or the attribute written out), and the space
/// after it: removing it keeps the program compiling.
static std::optional<CharSourceRange> unpinRange(const AnnotateAttr *A,
                                                 const SourceManager &SM,
                                                 const LangOptions &LO) {
  SourceLocation Loc = A->getLocation();
  if (!Loc.isMacroID())
    return attributeRange(A, SM, LO);
  if (Lexer::getImmediateMacroName(Loc, SM, LO) != "PIN_UNPIN")
    return std::nullopt;
  CharSourceRange Macro = SM.getImmediateExpansionRange(Loc);
  if (Macro.getBegin().isMacroID())
    return std::nullopt;
  SourceLocation End = Lexer::getLocForEndOfToken(Macro.getBegin(), 0, SM, LO);
  if (End.isInvalid())
    return std::nullopt;
  if (*SM.getCharacterData(End) == ' ')
    End = End.getLocWithOffset(1);
  return CharSourceRange::getCharRange(Macro.getBegin(), End);
}

/// `PIN_UNPIN` on a class with a member declared `PIN_STRUCTURAL` that must
/// not move (docs/model.md, "Pin projection"): Rust's `pin-project` rejects
/// `impl Unpin` for such a struct.
void RelocatableClaimCheck::checkUnpinClaim(const CXXRecordDecl *Record,
                                            const SourceManager &SM) {
  if (Record->isInvalidDecl())
    return;
  // On an instantiation, the claim as written on its template.
  const CXXRecordDecl *Written = Record;
  if (const CXXRecordDecl *Pattern = Record->getTemplateInstantiationPattern())
    Written = Pattern;
  const AnnotateAttr *Claim = nullptr;
  for (const auto *A : Written->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == annotation::Unpin)
      Claim = A;
  if (!Claim)
    return;
  SelfReferenceModel &Model = analysis(*Context).model();
  const FieldDecl *Member = structuralMemberThatMustNotMove(Record, Model);
  if (!Member)
    return;
  std::optional<MustNotMove> Why = Model.mustNotMove(Member->getType());
  if (!Why)
    return;
  SourceLocation Loc = SM.getExpansionLoc(Claim->getLocation());
  std::vector<FixItHint> Fixes;
  if (auto Range = unpinRange(Claim, SM, Context->getLangOpts()))
    Fixes.push_back(FixItHint::CreateRemoval(*Range));
  newFinding();
  diag(Loc, "'PIN_UNPIN' declares %0 movable once pinned, but its member %1 "
            "is pinned with it and must not move")
      << compat::declaredType(Record) << Member << Fixes;
  diag(Member->getLocation(), "%0 is declared 'PIN_STRUCTURAL' and %1",
       DiagnosticIDs::Note)
      << Member << describeMustNotMove(*Why);
  noteElsewhere(Why->Why, Member->getLocation(), *Context);
}

/// `Q_DECLARE_TYPEINFO`, `folly::IsRelocatable`, `bslmf::IsBitwiseMoveable`.
void RelocatableClaimCheck::checkTrait(
    const ClassTemplateSpecializationDecl *Trait, const SourceManager &SM) {
  if (Trait->isInvalidDecl() || Trait->getTemplateArgs().size() == 0 ||
      Trait->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return;
  QualType Written = Trait->getTemplateArgs()[0].getAsType();
  if (const auto *Partial =
          dyn_cast<ClassTemplatePartialSpecializationDecl>(Trait))
    Written = Partial->getTemplateArgsAsWritten()
                  ->arguments()[0]
                  .getArgument()
                  .getAsType();
  QualType Type = judgedType(Written);
  SourceLocation Loc = SM.getExpansionLoc(Trait->getBeginLoc());
  if (Trait->getName() == "QTypeInfo") {
    QtFlagFinder Flags(SM);
    Flags.TraverseDecl(const_cast<ClassTemplateSpecializationDecl *>(Trait));
    if (!Flags.Relocatable)
      return;
    std::vector<FixItHint> Fixes;
    if (Flags.First.isValid())
      Fixes.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Flags.First, Flags.Last),
          "Q_COMPLEX_TYPE"));
    diagnose(Loc, "'Q_DECLARE_TYPEINFO'", Type, Fixes, Written);
    return;
  }
  if (!derivesFromTrue(Trait))
    return;
  diagnose(Loc,
           Trait->getName() == "IsRelocatable" ? "'folly::IsRelocatable'"
                                               : "'bslmf::IsBitwiseMoveable'",
           Type, {}, Written);
}

/// `BSLMF_NESTED_TRAIT_DECLARATION(T, bslmf::IsBitwiseMoveable)`.
void RelocatableClaimCheck::checkNestedTrait(const CXXConversionDecl *Nested,
                                             const SourceManager &SM) {
  const auto *Declaration = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Nested->getConversionType()->getAsCXXRecordDecl());
  if (!Declaration || Declaration->getName() != "NestedTraitDeclaration" ||
      Declaration->getTemplateArgs().size() < 2 ||
      Declaration->getTemplateArgs()[1].getKind() != TemplateArgument::Template)
    return;
  const TemplateDecl *TraitTemplate =
      Declaration->getTemplateArgs()[1].getAsTemplate().getAsTemplateDecl();
  if (!TraitTemplate || TraitTemplate->getName() != "IsBitwiseMoveable")
    return;
  diagnose(SM.getExpansionLoc(Nested->getBeginLoc()),
           "'BSLMF_NESTED_TRAIT_DECLARATION'",
           compat::declaredType(Nested->getParent()));
}

} // namespace pincheck
