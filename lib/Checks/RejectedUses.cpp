//===--- RejectedUses.cpp - What deleting a class's copies rejects -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/RejectedUses.h"
#include "AST/ASTCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/TypeTraits.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

/// Whether `Outer` is `Record`, or an instantiation of it when `Record` is
/// a class template's pattern (the check judges templates on their
/// pattern, and their instantiations are what the code copies).
static bool isClassOrInstance(const CXXRecordDecl *Outer,
                              const CXXRecordDecl *Record) {
  if (Outer->getCanonicalDecl() == Record->getCanonicalDecl())
    return true;
  const CXXRecordDecl *Pattern = Outer->getTemplateInstantiationPattern();
  return Pattern && Pattern->getCanonicalDecl() == Record->getCanonicalDecl();
}

/// Whether the operation `Member` of `Outer` reaches that of `Record`: it is
/// `Record`, or `Outer` performs it memberwise (implicit or defaulted) and
/// holds a `Record` by value, as a member, a base or array elements, or
/// through another such class.
static bool holdsMemberwise(const CXXRecordDecl *Outer,
                            const CXXRecordDecl *Record, SpecialMember Member,
                            unsigned Depth) {
  if (isClassOrInstance(Outer, Record))
    return true;
  if (Depth >= 8 || !Outer->hasDefinition())
    return false;
  const MemberForm Form = SelfReferenceModel::formOf(Outer, Member, nullptr);
  if (Form != MemberForm::Implicit && Form != MemberForm::Defaulted)
    return false;
  auto Holds = [&](QualType T) {
    const auto *Inner =
        Outer->getASTContext().getBaseElementType(T)->getAsCXXRecordDecl();
    return Inner && holdsMemberwise(Inner, Record, Member, Depth + 1);
  };
  for (const CXXBaseSpecifier &Base : Outer->getDefinition()->bases())
    if (Holds(Base.getType()))
      return true;
  for (const FieldDecl *Field : Outer->getDefinition()->fields())
    if (!Field->getType()->isReferenceType() && Holds(Field->getType()))
      return true;
  return false;
}

namespace {

/// A copy or move found in one expression: the operation and the class.
struct Operation {
  SpecialMember Member;
  QualType Type;
};

/// Finds the copies and moves a unit makes of a class whose copy or move is
/// wrong, in the user's code and, on its behalf, in the instantiations of
/// library templates it calls (`std::vector<T>::push_back` moves a `T`).
class RejectedUseFinder {
public:
  RejectedUseFinder(const TypeSummary &Summary, ASTContext &Context)
      : Summary(Summary), Context(Context), SM(Context.getSourceManager()) {}

  std::vector<RejectedUse> find();

private:
  std::optional<SpecialMember> rejected(const CXXMethodDecl *Method) const;
  std::optional<Operation> operationOf(const Expr *E) const;
  const FunctionDecl *libraryInstantiation(const FunctionDecl *Callee) const;
  std::optional<Operation> reachedFrom(const FunctionDecl *Function,
                                       unsigned Depth);

  const TypeSummary &Summary;
  ASTContext &Context;
  const SourceManager &SM;
  /// Per library function: the first rejected copy or move its body makes,
  /// directly or through the library functions it calls.
  llvm::DenseMap<const FunctionDecl *, std::optional<Operation>> Reached;
};

} // namespace

/// The wrong operation that calling `Method` performs, if the fix-it
/// deletes it: the class's own, or the memberwise one of a class holding
/// it. A deleted defaulted move of such a holder is ignored by overload
/// resolution, which then copies: that fails only when the copy does.
std::optional<SpecialMember>
RejectedUseFinder::rejected(const CXXMethodDecl *Method) const {
  std::optional<SpecialMember> Member = specialMemberOf(Method);
  if (!Member || Method->isUserProvided() ||
      !(isMoveOperation(*Member) ? Summary.moveIsWrong()
                                 : Summary.copyIsWrong()))
    return std::nullopt;
  const CXXRecordDecl *Outer = Method->getParent();
  const CXXRecordDecl *Record = Summary.Record;
  const bool Direct = isClassOrInstance(Outer, Record);
  if (!Direct && isMoveOperation(*Member) && !Summary.copyIsWrong())
    return std::nullopt;
  if (!holdsMemberwise(Outer, Record, *Member, 0))
    return std::nullopt;
  return Member;
}

std::optional<Operation> RejectedUseFinder::operationOf(const Expr *E) const {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (std::optional<SpecialMember> Member =
            rejected(Construct->getConstructor()))
      return Operation{
          *Member,
          Construct->getType().getCanonicalType().getUnqualifiedType()};
  } else if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Assign->getOperator() != OO_Equal)
      return std::nullopt;
    if (std::optional<SpecialMember> Member = rejected(
            dyn_cast_or_null<CXXMethodDecl>(Assign->getDirectCallee())))
      return Operation{
          *Member,
          Assign->getArg(0)->getType().getCanonicalType().getUnqualifiedType()};
  }
  return std::nullopt;
}

/// The definition of `Callee` when it is an instantiation of a library
/// template (a function template or a member of a class template declared
/// in a system header), whose body copies on the user's behalf.
const FunctionDecl *
RejectedUseFinder::libraryInstantiation(const FunctionDecl *Callee) const {
  if (!Callee)
    return nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition->isTemplateInstantiation() ||
      !SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

static const FunctionDecl *calleeOf(const Expr *E) {
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getConstructor();
  return nullptr;
}

/// How deep the library's own calls are followed: libstdc++ reaches the
/// element's move from `push_back` in about ten calls.
static constexpr unsigned MaxLibraryDepth = 24;

std::optional<Operation>
RejectedUseFinder::reachedFrom(const FunctionDecl *Function, unsigned Depth) {
  auto [It, Inserted] = Reached.try_emplace(Function);
  if (!Inserted || Depth >= MaxLibraryDepth)
    return It->second; // Known, or being searched (a recursive call).
  std::optional<Operation> Found;
  auto Calls =
      match(findAll(expr(anyOf(cxxConstructExpr(), callExpr())).bind("call")),
            *Function->getBody(), Context);
  for (const BoundNodes &Match : Calls) {
    const auto *Call = Match.getNodeAs<Expr>("call");
    Found = operationOf(Call);
    if (!Found)
      if (const FunctionDecl *Callee = libraryInstantiation(calleeOf(Call)))
        Found = reachedFrom(Callee, Depth + 1);
    if (Found)
      break;
  }
  Reached[Function] = Found;
  return Found;
}

std::vector<RejectedUse> RejectedUseFinder::find() {
  // Uses in the user's code; the implicit members of enclosing classes
  // copy only where they are used, and that use is listed for its class.
  auto InUserCode = allOf(unless(isExpansionInSystemHeader()),
                          unless(hasAncestor(functionDecl(isImplicit()))));
  auto Matches =
      match(expr(anyOf(cxxConstructExpr(), callExpr()), InUserCode).bind("use"),
            Context);
  std::vector<RejectedUse> Uses;
  for (const BoundNodes &Match : Matches) {
    const auto *Use = Match.getNodeAs<Expr>("use");
    if (std::optional<Operation> Direct = operationOf(Use)) {
      SourceLocation At = isa<CXXOperatorCallExpr>(Use)
                              ? cast<CXXOperatorCallExpr>(Use)->getOperatorLoc()
                              : Use->getBeginLoc();
      Uses.push_back({At, Direct->Member, Direct->Type});
    } else if (const FunctionDecl *Callee =
                   libraryInstantiation(calleeOf(Use))) {
      if (std::optional<Operation> Inside = reachedFrom(Callee, 0))
        Uses.push_back(
            {Use->getExprLoc(), Inside->Member, Inside->Type, Callee});
    }
  }
  // In the order of the unit, each place once (a template's pattern and
  // its instantiations share places).
  llvm::sort(Uses, [this](const RejectedUse &A, const RejectedUse &B) {
    return SM.isBeforeInTranslationUnit(A.At, B.At);
  });
  Uses.erase(std::unique(Uses.begin(), Uses.end(),
                         [](const RejectedUse &A, const RejectedUse &B) {
                           return A.At == B.At;
                         }),
             Uses.end());
  return Uses;
}

std::vector<RejectedUse> rejectedUses(const TypeSummary &Summary,
                                      ASTContext &Context) {
  return RejectedUseFinder(Summary, Context).find();
}

//===----------------------------------------------------------------------===//
// Questions whose answer the fix-it changes.
//===----------------------------------------------------------------------===//

/// The standard traits (with or without `_v`) and concepts whose answer for
/// a class depends on whether its copies and moves are deleted.
static bool asksAboutCopies(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = {"is_copy_constructible",
                                          "is_move_constructible",
                                          "is_copy_assignable",
                                          "is_move_assignable",
                                          "is_trivially_copyable",
                                          "is_trivially_copy_constructible",
                                          "is_trivially_move_constructible",
                                          "is_trivially_copy_assignable",
                                          "is_trivially_move_assignable",
                                          "is_nothrow_copy_constructible",
                                          "is_nothrow_move_constructible",
                                          "is_nothrow_copy_assignable",
                                          "is_nothrow_move_assignable",
                                          "is_constructible",
                                          "is_trivially_constructible",
                                          "is_nothrow_constructible",
                                          "is_assignable",
                                          "is_trivially_assignable",
                                          "is_nothrow_assignable",
                                          "is_swappable",
                                          "is_nothrow_swappable",
                                          "is_trivial",
                                          "is_pod",
                                          "is_trivially_relocatable",
                                          "is_nothrow_relocatable",
                                          "is_replaceable",
                                          "copyable",
                                          "movable",
                                          "semiregular",
                                          "regular",
                                          "copy_constructible",
                                          "move_constructible",
                                          "constructible_from",
                                          "assignable_from",
                                          "swappable"};
  Name.consume_back("_v");
  return Names.contains(Name);
}

/// Clang's builtin traits about copying, moving and triviality
/// (`__is_trivially_copyable`, `__is_constructible`, ...), by spelling.
static bool builtinAsksAboutCopies(llvm::StringRef Spelling) {
  std::string Lower = Spelling.lower();
  llvm::StringRef Name(Lower);
  return llvm::any_of(
      llvm::ArrayRef<llvm::StringRef>{"cop", "mov", "construct", "assign",
                                      "trivial", "relocat", "swap", "pod"},
      [&](llvm::StringRef Part) { return Name.contains(Part); });
}

namespace {
/// Finds the first question about `Record` in the user's code, template
/// instantiations included (a trait asked of a template parameter is asked
/// of the class where the template is instantiated with it).
class TraitQueryFinder : public RecursiveASTVisitor<TraitQueryFinder> {
public:
  TraitQueryFinder(const CXXRecordDecl *Record, const SourceManager &SM)
      : Record(Record->getCanonicalDecl()), SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    // The library's own questions are answered for it: what they reject
    // is listed with the uses.
    if (D && !isa<TranslationUnitDecl>(D) && isInLibrary(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  // The templates around the node visited, for the constraints on their
  // parameters.
  bool TraverseFunctionTemplateDecl(FunctionTemplateDecl *D) {
    Templates.push_back(D);
    const bool Continue = RecursiveASTVisitor::TraverseFunctionTemplateDecl(D);
    Templates.pop_back();
    return Continue;
  }
  bool TraverseClassTemplateDecl(ClassTemplateDecl *D) {
    Templates.push_back(D);
    const bool Continue = RecursiveASTVisitor::TraverseClassTemplateDecl(D);
    Templates.pop_back();
    return Continue;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    // `std::is_x_v<T>`, and `std::is_x<T>::value` (whose `value` the trait
    // may inherit from `integral_constant`: the qualifier names the trait).
    const ValueDecl *D = E->getDecl();
    if (const auto *Spec = dyn_cast<VarTemplateSpecializationDecl>(D)) {
      consider(Spec, Spec->getTemplateArgs().asArray(), E->getExprLoc());
    } else if (const Type *Qualifier = compat::qualifierType(E)) {
      if (const auto *Trait = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
              Qualifier->getAsCXXRecordDecl()))
        consider(Trait, Trait->getTemplateArgs().asArray(), E->getExprLoc());
    }
    return !Found;
  }

  bool VisitConceptSpecializationExpr(ConceptSpecializationExpr *E) {
    const NamedDecl *Concept = E->getNamedConcept();
    ArrayRef<TemplateArgument> Args = E->getTemplateArguments();
    if (!Concept || Args.empty() ||
        Args[0].getKind() != TemplateArgument::Type ||
        isInLibrary(E->getExprLoc()))
      return true;
    // A constraint on a template parameter (`requires std::copyable<T>`,
    // `template <std::copyable T>`) is checked, not instantiated: it asks
    // about the class when the template has a specialization with the
    // class for that parameter.
    if (const auto *Param = Args[0].getAsType()->getAs<TemplateTypeParmType>())
      if (Concept->isInStdNamespace() && asksAboutCopies(Concept->getName()) &&
          specializedWithRecord(Param->getDepth(), Param->getIndex()))
        Found = TraitQuery{E->getExprLoc(), "std::" + Concept->getName().str()};
    consider(Concept, Args, E->getExprLoc());
    return !Found;
  }

  bool VisitTemplateTypeParmDecl(TemplateTypeParmDecl *D) {
    // `template <std::movable T>`: the parameter is the concept's first
    // argument.
    const TypeConstraint *Constraint = D->getTypeConstraint();
    if (!Constraint || isInLibrary(D->getLocation()))
      return true;
    const NamedDecl *Concept = Constraint->getNamedConcept();
    if (Concept && Concept->isInStdNamespace() &&
        asksAboutCopies(Concept->getName()) &&
        specializedWithRecord(D->getDepth(), D->getIndex()))
      Found = TraitQuery{Constraint->getConceptNameLoc(),
                         "std::" + Concept->getName().str()};
    return !Found;
  }

  bool VisitTypeTraitExpr(TypeTraitExpr *E) {
    if (!isInLibrary(E->getExprLoc()) && E->getNumArgs() != 0 &&
        builtinAsksAboutCopies(getTraitSpelling(E->getTrait())) &&
        isRecord(E->getArg(0)->getType()))
      Found = TraitQuery{E->getExprLoc(), getTraitSpelling(E->getTrait())};
    return !Found;
  }

  std::optional<TraitQuery> Found;

private:
  bool isInLibrary(SourceLocation Loc) const {
    return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  /// Whether `T` is the class, or an instantiation of it when it is a
  /// template.
  bool isRecord(QualType T) const {
    const CXXRecordDecl *Asked = T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!Asked)
      return false;
    if (const CXXRecordDecl *Pattern = Asked->getTemplateInstantiationPattern())
      Asked = Pattern;
    return Asked->getCanonicalDecl() == Record;
  }

  /// Whether the template being traversed whose parameters are at `Depth`
  /// has a specialization whose argument at `Index` is the class.
  bool specializedWithRecord(unsigned Depth, unsigned Index) const {
    auto IsRecordAt = [&](ArrayRef<TemplateArgument> Args) {
      return Index < Args.size() &&
             Args[Index].getKind() == TemplateArgument::Type &&
             isRecord(Args[Index].getAsType());
    };
    for (const TemplateDecl *Template : llvm::reverse(Templates)) {
      if (Template->getTemplateParameters()->getDepth() != Depth)
        continue;
      if (const auto *Function = dyn_cast<FunctionTemplateDecl>(Template)) {
        for (const FunctionDecl *Spec : Function->specializations())
          if (const TemplateArgumentList *Args =
                  Spec->getTemplateSpecializationArgs();
              Args && IsRecordAt(Args->asArray()))
            return true;
      } else if (const auto *Class = dyn_cast<ClassTemplateDecl>(Template)) {
        for (const ClassTemplateSpecializationDecl *Spec :
             Class->specializations())
          if (IsRecordAt(Spec->getTemplateArgs().asArray()))
            return true;
      }
      return false;
    }
    return false;
  }

  /// A standard trait or concept applied to the class: its first argument,
  /// and for the two-argument ones (`is_constructible<T, Args...>`) an
  /// argument that is the class again, so that the question is a copy or
  /// a move.
  void consider(const NamedDecl *Trait, ArrayRef<TemplateArgument> Args,
                SourceLocation At) {
    if (Found || isInLibrary(At) || Args.empty() ||
        !Trait->isInStdNamespace() || !asksAboutCopies(Trait->getName()) ||
        Args[0].getKind() != TemplateArgument::Type ||
        !isRecord(Args[0].getAsType()))
      return;
    if (Args.size() > 1 &&
        llvm::none_of(Args.drop_front(), [&](const TemplateArgument &Arg) {
          if (Arg.getKind() == TemplateArgument::Pack)
            return llvm::any_of(
                Arg.pack_elements(), [&](const TemplateArgument &Element) {
                  return Element.getKind() == TemplateArgument::Type &&
                         isRecord(Element.getAsType());
                });
          return Arg.getKind() == TemplateArgument::Type &&
                 isRecord(Arg.getAsType());
        }))
      return;
    Found = TraitQuery{At, "std::" + Trait->getName().str()};
  }

  const Decl *Record;
  const SourceManager &SM;
  std::vector<const TemplateDecl *> Templates;
};
} // namespace

std::optional<TraitQuery> firstTraitQuery(const CXXRecordDecl *Record,
                                          ASTContext &Context) {
  TraitQueryFinder Finder(Record, Context.getSourceManager());
  Finder.TraverseAST(Context);
  return Finder.Found;
}

//===----------------------------------------------------------------------===//
// The same finding from several units.
//===----------------------------------------------------------------------===//

// The words of SelfReferentialTypeCheck::noteRejectedUses.
static constexpr llvm::StringLiteral ListedUse =
    " will not compile once the fix-it deletes the ";
static constexpr llvm::StringLiteral CountedUses = "and ";
static constexpr llvm::StringLiteral CountedUsesOf =
    " more copies or moves of ";

/// The number of uses a "and N more copies or moves of 'T'" note counts,
/// and the words after it.
static std::optional<std::pair<unsigned, llvm::StringRef>>
countedUses(llvm::StringRef Message) {
  unsigned Count = 0;
  if (!Message.consume_front(CountedUses) ||
      Message.consumeInteger(10, Count) || !Message.starts_with(CountedUsesOf))
    return std::nullopt;
  return std::make_pair(Count, Message);
}

bool isRejectedUseNote(llvm::StringRef Message) {
  return Message.contains(ListedUse) || countedUses(Message).has_value();
}

void mergeRejectedUseNotes(
    llvm::SmallVectorImpl<tooling::DiagnosticMessage> &Notes,
    llvm::ArrayRef<tooling::DiagnosticMessage> Other) {
  using tooling::DiagnosticMessage;
  std::vector<DiagnosticMessage> Kept, Listed;
  std::optional<DiagnosticMessage> Counted;
  unsigned Uncounted = 0;
  auto Split = [&](llvm::ArrayRef<DiagnosticMessage> From, bool Own) {
    for (const DiagnosticMessage &Note : From) {
      if (auto Count = countedUses(Note.Message)) {
        // Units may count the same header's uses: the largest count is
        // the one sure to be short of nothing listed.
        Uncounted = std::max(Uncounted, Count->first);
        if (!Counted)
          Counted = Note;
      } else if (llvm::StringRef(Note.Message).contains(ListedUse)) {
        Listed.push_back(Note);
      } else if (Own) {
        Kept.push_back(Note);
      }
    }
  };
  Split(Notes, /*Own=*/true);
  const size_t Before = Listed.size();
  Split(Other, /*Own=*/false);
  if (Listed.size() == Before)
    return;
  auto Place = [](const DiagnosticMessage &Note) {
    return std::make_tuple(llvm::StringRef(Note.FilePath), Note.FileOffset,
                           llvm::StringRef(Note.Message));
  };
  llvm::sort(Listed,
             [&](const DiagnosticMessage &A, const DiagnosticMessage &B) {
               return Place(A) < Place(B);
             });
  Listed.erase(
      std::unique(Listed.begin(), Listed.end(),
                  [&](const DiagnosticMessage &A, const DiagnosticMessage &B) {
                    return Place(A) == Place(B);
                  }),
      Listed.end());
  // Past the limit, the rest is counted in the note a unit counted with
  // (without one, every use stays listed: no unit named the class's note).
  if (Counted && Listed.size() > MaxListedRejectedUses) {
    Uncounted += Listed.size() - MaxListedRejectedUses;
    Listed.resize(MaxListedRejectedUses);
  }
  Kept.insert(Kept.end(), Listed.begin(), Listed.end());
  if (Counted) {
    Counted->Message = (CountedUses + llvm::Twine(Uncounted) +
                        countedUses(Counted->Message)->second)
                           .str();
    Kept.push_back(*Counted);
  }
  Notes.assign(Kept.begin(), Kept.end());
}

} // namespace pincheck
