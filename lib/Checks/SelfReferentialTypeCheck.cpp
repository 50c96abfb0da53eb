//===--- SelfReferentialTypeCheck.cpp - pin-self-referential-type ---------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "SelfReferentialTypeCheck.h"
#include "Checks/FixFormat.h"
#include "Checks/Wording.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include <map>

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

//===----------------------------------------------------------------------===//
// Matchers: every class definition the user wrote. Template instantiations
// are judged on their pattern, so each template is reported once.
//===----------------------------------------------------------------------===//

void SelfReferentialTypeCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(cxxRecordDecl(isDefinition(), unless(isImplicit()),
                                   unless(isLambda()),
                                   unless(isTemplateInstantiation()),
                                   unless(isExpansionInSystemHeader()))
                         .bind("record"),
                     this);
}

//===----------------------------------------------------------------------===//
// Decision: the model's faults for the class itself, not for its
// subobjects (their own class is the root cause and is reported there).
//===----------------------------------------------------------------------===//

void SelfReferentialTypeCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Record = Result.Nodes.getNodeAs<CXXRecordDecl>("record");
  const TypeSummary *Summary =
      analysis(*Result.Context).model().summarize(Record);
  if (!Summary || Summary->Record != Record || Summary->Unpin ||
      Summary->Faults.empty())
    return;
  diagnoseFaults(*Summary);
}

//===----------------------------------------------------------------------===//
// Diagnostic.
//===----------------------------------------------------------------------===//

/// "a", "a and b", "a, b and c".
static std::string joinWithAnd(ArrayRef<std::string> Items) {
  std::string Text;
  for (size_t I = 0, E = Items.size(); I != E; ++I) {
    if (I != 0)
      Text += I + 1 == E ? " and " : ", ";
    Text += Items[I];
  }
  return Text;
}

/// Which operations are wrong. Feeds the warning's first `%select`: keep the
/// order.
enum OperationWording { Copying, Moving, CopyingOrMoving };

/// The note on the statement that sets an interior pointer: what it points
/// to and in which storage.
static std::string describeOrigin(const AddressOrigin &Origin) {
  std::string Member =
      Origin.Member ? "'" + Origin.Member->getNameAsString() + "'" : "";
  switch (Origin.Kind) {
  case OriginKind::ThisPointer:
    return "the address of the object itself (inline storage)";
  case OriginKind::MemberAddress:
    return "the address of member " + Member + " (inline storage)";
  case OriginKind::MemberBuffer:
    switch (Origin.Storage) {
    case StorageKind::Inline:
      return "point into " + Member + " (inline storage)";
    case StorageKind::SmallBuffer:
      return "point into " + Member +
             " (small-buffer storage: short contents live inside the "
             "object)";
    case StorageKind::OwnedHeap:
      return "point into the heap buffer owned by " + Member +
             " (owned heap storage)";
    }
    break;
  case OriginKind::CapturedThis:
    return Origin.Member ? "a callable capturing the address of " + Member
                         : "a callable capturing 'this'";
  case OriginKind::HeldThis:
    return Origin.Member
               ? "an object that holds the address of member " + Member
               : "an object that holds the address of the object itself";
  }
  llvm_unreachable("unknown origin kind");
}

void SelfReferentialTypeCheck::diagnoseFaults(const TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  const ASTContext &Ctx = Record->getASTContext();
  const bool CopyWrong = Summary.copyIsWrong();
  const bool MoveWrong = Summary.moveIsWrong();
  const OperationWording Operation =
      CopyWrong && MoveWrong ? CopyingOrMoving : (CopyWrong ? Copying : Moving);
  const SpecialMemberFault &First = Summary.Faults.front();

  std::vector<FixItHint> Fixes = formatFixes(
      deleteFaultyMembers(Summary, Ctx.getSourceManager(), Ctx.getLangOpts()),
      Ctx.getSourceManager(), Ctx.getLangOpts());
  newFinding();
  if (First.Pointer) {
    const InteriorPointer &Pointer = Summary.Pointers[*First.Pointer];
    diag(Record->getLocation(), "%select{copying|moving|copying or moving}0 "
                                "%1 leaves %2 pointing %select{into the source "
                                "object|at the source object|into the buffer "
                                "of the source object}3")
        << Operation << Record << Pointer.Field << pointerTarget(Pointer.Origin)
        << Fixes;
  } else {
    const AddressEscape &Escape = Summary.Escapes.front();
    const bool ByConstructor = isa<CXXConstructorDecl>(Escape.SetIn);
    diag(Record->getLocation(),
         "%select{copying|moving|copying or moving}0 %1 leaves the address "
         "%select{%3|its constructor}4 hands to %2 pointing at the source "
         "object")
        << Operation << Record << describeSink(Escape.Sink) << Escape.SetIn
        << ByConstructor << Fixes;
  }

  notePointers(Summary);
  noteFaultyMembers(Summary);
  noteAggregateRepair(Record);
  if (!Fixes.empty())
    noteRejectedUses(Summary);
}

//===----------------------------------------------------------------------===//
// What the fix-it will reject: the copies and moves of the class in the unit
// that use an operation it deletes. They are the mistakes the warning is
// about; the user sees them before applying it.
//===----------------------------------------------------------------------===//

/// Whether the operation `Member` of `Outer` reaches that of `Record`: it is
/// `Record`, or `Outer` performs it memberwise (implicit or defaulted) and
/// holds a `Record` by value, as a member, a base or array elements, or
/// through another such class.
static bool holdsMemberwise(const CXXRecordDecl *Outer,
                            const CXXRecordDecl *Record, SpecialMember Member,
                            unsigned Depth) {
  if (Outer->getCanonicalDecl() == Record->getCanonicalDecl())
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

/// At most this many sites are listed; the rest are counted.
static constexpr unsigned MaxListedUses = 8;

namespace {
/// A copy or move that the fix-it will reject.
struct RejectedUse {
  SourceLocation At;
  SpecialMember Member;
  QualType Type;
};
} // namespace

/// The copies and moves in `Context` that use an operation of the class of
/// `Summary` that the fix-it deletes, in the order of the unit: directly or
/// through the memberwise operation of a class that holds it by value. A
/// deleted defaulted move of such a class is ignored by overload
/// resolution, which then copies: that fails only when the copy does.
static std::vector<RejectedUse> rejectedUses(const TypeSummary &Summary,
                                             ASTContext &Context) {
  const CXXRecordDecl *Record = Summary.Record;
  auto Rejected = [&](const CXXMethodDecl *Method) {
    std::optional<SpecialMember> Member = specialMemberOf(Method);
    if (!Member || Method->isUserProvided() ||
        !(isMoveOperation(*Member) ? Summary.moveIsWrong()
                                   : Summary.copyIsWrong()))
      return std::optional<SpecialMember>();
    const CXXRecordDecl *Outer = Method->getParent();
    const bool Direct = Outer->getCanonicalDecl() == Record->getCanonicalDecl();
    if (!Direct && isMoveOperation(*Member) && !Summary.copyIsWrong())
      return std::optional<SpecialMember>();
    return holdsMemberwise(Outer, Record, *Member, 0) ? Member : std::nullopt;
  };
  // Uses in the user's code; the implicit members of enclosing classes
  // copy only where they are used, and that use is listed for its class.
  auto InUserCode = allOf(unless(isExpansionInSystemHeader()),
                          unless(hasAncestor(functionDecl(isImplicit()))));
  auto Matches = match(
      stmt(anyOf(cxxConstructExpr(InUserCode).bind("construct"),
                 cxxOperatorCallExpr(hasOverloadedOperatorName("="), InUserCode)
                     .bind("assign"))),
      Context);
  std::vector<RejectedUse> Uses;
  for (const BoundNodes &Match : Matches) {
    const CXXMethodDecl *Method = nullptr;
    SourceLocation At;
    QualType Type;
    if (const auto *Construct =
            Match.getNodeAs<CXXConstructExpr>("construct")) {
      Method = Construct->getConstructor();
      At = Construct->getBeginLoc();
      Type = Construct->getType();
    } else if (const auto *Assign =
                   Match.getNodeAs<CXXOperatorCallExpr>("assign")) {
      Method = dyn_cast_or_null<CXXMethodDecl>(Assign->getDirectCallee());
      At = Assign->getOperatorLoc();
      Type = Assign->getArg(0)->getType();
    }
    if (std::optional<SpecialMember> Member = Rejected(Method))
      Uses.push_back({At, *Member, Type.getUnqualifiedType()});
  }
  // In the order of the unit, each place once (a template's pattern and
  // its instantiations share places).
  const SourceManager &SM = Context.getSourceManager();
  llvm::sort(Uses, [&SM](const RejectedUse &A, const RejectedUse &B) {
    return SM.isBeforeInTranslationUnit(A.At, B.At);
  });
  Uses.erase(std::unique(Uses.begin(), Uses.end(),
                         [](const RejectedUse &A, const RejectedUse &B) {
                           return A.At == B.At;
                         }),
             Uses.end());
  return Uses;
}

void SelfReferentialTypeCheck::noteRejectedUses(const TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  std::vector<RejectedUse> Sites =
      rejectedUses(Summary, const_cast<ASTContext &>(Record->getASTContext()));
  unsigned Listed = 0;
  for (const RejectedUse &Site : Sites) {
    if (Listed++ == MaxListedUses)
      break;
    diag(Site.At,
         "%select{copying|moving}0 %1 here will not compile once the fix-it "
         "deletes the %2",
         DiagnosticIDs::Note)
        << isMoveOperation(Site.Member) << Site.Type
        << spellSpecialMember(Site.Member);
  }
  if (Sites.size() > MaxListedUses)
    diag(Record->getLocation(), "and %0 more copies or moves of %1",
         DiagnosticIDs::Note)
        << static_cast<unsigned>(Sites.size() - MaxListedUses) << Record;
}

/// Why: each interior pointer at fault, where it is declared and set, and
/// each escaped address.
void SelfReferentialTypeCheck::notePointers(const TypeSummary &Summary) {
  SourceManager &SM = Summary.Record->getASTContext().getSourceManager();
  llvm::SmallVector<unsigned, 4> Explained;
  for (const SpecialMemberFault &Fault : Summary.Faults) {
    if (!Fault.Pointer || llvm::is_contained(Explained, *Fault.Pointer))
      continue;
    Explained.push_back(*Fault.Pointer);
    const InteriorPointer &Pointer = Summary.Pointers[*Fault.Pointer];
    diag(Pointer.Field->getLocation(), "interior pointer %0 declared here",
         DiagnosticIDs::Note)
        << Pointer.Field;
    if (Pointer.Value)
      diag(Pointer.Value->getBeginLoc(), "%0 is set here to %1",
           DiagnosticIDs::Note)
          << Pointer.Field << describeOrigin(Pointer.Origin);
    else
      notePointerElsewhere(Pointer);
  }
  if (llvm::any_of(Summary.Faults, [](const SpecialMemberFault &Fault) {
        return !Fault.Pointer;
      }))
    for (const AddressEscape &Escape : Summary.Escapes) {
      const std::string What = Escape.Member
                                   ? "the address of member '" +
                                         Escape.Member->getNameAsString() + "'"
                                   : std::string("the object's address");
      SourceLocation At = Escape.At
                              ? Escape.At->getBeginLoc()
                              : locateSite(*Escape.Elsewhere,
                                           Summary.Record->getLocation(), SM);
      const std::string Site =
          Escape.Elsewhere ? " (" + describeSite(*Escape.Elsewhere) + ")" : "";
      if (Escape.Kept) {
        diag(At, "%0 escapes here: %1%2", DiagnosticIDs::Note)
            << What << describeCause(*Escape.Kept) << Site;
        noteElsewhere(*Escape.Kept, At, SM);
      } else
        diag(At, "%0 escapes here to %1%2", DiagnosticIDs::Note)
            << What << describeSink(Escape.Sink) << Site;
    }
}

/// An interior pointer set in another translation unit: there, in the
/// words of the single-unit note, with the site.
void SelfReferentialTypeCheck::notePointerElsewhere(
    const InteriorPointer &Pointer) {
  SourceManager &SM = Pointer.Field->getASTContext().getSourceManager();
  diag(locateSite(*Pointer.Elsewhere, Pointer.Field->getLocation(), SM),
       "%0 is set here to %1 (%2)", DiagnosticIDs::Note)
      << Pointer.Field << describeOrigin(Pointer.Origin)
      << describeSite(*Pointer.Elsewhere);
}

/// The whitespace that starts the line of `Loc`, and whether `Loc` is the
/// first thing on it.
static std::pair<std::string, bool> lineIndentation(SourceLocation Loc,
                                                    const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return {"", false};
  // The last newline before `Offset` (`rfind` looks below its bound).
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
  StringRef Line = Buffer.slice(LineStart, Offset);
  StringRef Indentation =
      Line.take_while([](char C) { return C == ' ' || C == '\t'; });
  return {Indentation.str(), Indentation.size() == Line.size()};
}

/// Which special members are at fault. Implicit ones share the class's
/// location, so they are listed together, per pointer.
void SelfReferentialTypeCheck::noteFaultyMembers(const TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  // Keyed by the pointer's index; none (first) for the escaped address.
  std::map<std::optional<unsigned>, std::vector<std::string>> ImplicitByPointer;
  for (const SpecialMemberFault &Fault : Summary.Faults) {
    std::string Member = spellSpecialMember(Fault.Member).str();
    if (Fault.Form == MemberForm::Implicit) {
      ImplicitByPointer[Fault.Pointer].push_back(Member);
      continue;
    }
    if (!Fault.Pointer) {
      diag(Fault.Decl->getLocation(),
           "defaulted %0 does not hand out the new object's address",
           DiagnosticIDs::Note)
          << Member;
      continue;
    }
    const FieldDecl *Field = Summary.Pointers[*Fault.Pointer].Field;
    if (Fault.Form == MemberForm::Defaulted)
      diag(Fault.Decl->getLocation(), "defaulted %0 copies %1 unchanged",
           DiagnosticIDs::Note)
          << Member << Field;
    else if (Fault.VerbatimCopy)
      diag(Fault.VerbatimCopy->getBeginLoc(),
           "%0 copies %1 from the source object instead of re-seating it",
           DiagnosticIDs::Note)
          << Member << Field;
    else
      diag(locateSite(*Fault.Elsewhere, Fault.Decl->getLocation(),
                      Record->getASTContext().getSourceManager()),
           "%0 copies %1 from the source object instead of re-seating it "
           "(%2)",
           DiagnosticIDs::Note)
          << Member << Field << describeSite(*Fault.Elsewhere);
  }
  for (const auto &[Pointer, Members] : ImplicitByPointer) {
    const bool Plural = Members.size() > 1;
    if (!Pointer)
      diag(Record->getLocation(),
           "implicit %0 %select{does|do}1 not hand out the new object's "
           "address",
           DiagnosticIDs::Note)
          << joinWithAnd(Members) << Plural;
    else
      diag(Record->getLocation(),
           "implicit %0 %select{copies|copy}1 %2 "
           "unchanged",
           DiagnosticIDs::Note)
          << joinWithAnd(Members) << Plural << Summary.Pointers[*Pointer].Field;
  }
}

//===----------------------------------------------------------------------===//
// Fix-it: delete the faulty copy (and move) operations in a public section,
// the conventional repair for a type that must not move (docs/model.md, "The
// checks"). Offered only when every fault is an implicit or in-class defaulted
// member.
//===----------------------------------------------------------------------===//

/// Whether declaring constructors would end `Record`'s aggregate
/// initialisation: in C++20 any user-declared constructor does (before, a
/// deleted or defaulted one does not).
static bool endsAggregate(const CXXRecordDecl *Record,
                          const LangOptions &LangOpts) {
  return LangOpts.CPlusPlus20 && Record->isAggregate();
}

/// `pin::Immovable`, when the unit declares it (it includes pin.h).
static bool declaresImmovable(const ASTContext &Context) {
  auto &Idents = const_cast<ASTContext &>(Context).Idents;
  for (const NamedDecl *Pin :
       Context.getTranslationUnitDecl()->lookup(&Idents.get("pin")))
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Pin))
      if (!Namespace->lookup(&Idents.get("Immovable")).empty())
        return true;
  return false;
}

/// For an aggregate whose fix-it would end its aggregate initialisation: a
/// note with the repair that keeps it, a last `pin::Immovable` member.
void SelfReferentialTypeCheck::noteAggregateRepair(
    const CXXRecordDecl *Record) {
  const ASTContext &Context = Record->getASTContext();
  const LangOptions &LangOpts = Context.getLangOpts();
  if (!endsAggregate(Record, LangOpts))
    return;
  SourceLocation Close = Record->getBraceRange().getEnd();
  std::vector<FixItHint> Fixes;
  if (declaresImmovable(Context) && Close.isValid() && !Close.isMacroID()) {
    // Before the closing brace: on a line of its own, one level in, when the
    // brace begins its line.
    const std::string Member =
        "[[no_unique_address]] pin::Immovable immovable{};";
    auto [Indentation, BeginsLine] =
        lineIndentation(Close, Context.getSourceManager());
    Fixes.push_back(FixItHint::CreateInsertion(
        Close, BeginsLine ? "  " + Member + "\n" + Indentation : Member + " "));
    Fixes = formatFixes(std::move(Fixes), Context.getSourceManager(), LangOpts);
  }
  diag(Record->getLocation(),
       "%0 is an aggregate: declaring its copy and move operations would end "
       "its aggregate initialisation in C++20; a last member of type "
       "'pin::Immovable' (from <pincheck/pin.h>) forbids them and keeps it",
       DiagnosticIDs::Note)
      << Record << Fixes;
}

static std::string declarationOf(SpecialMember Member, StringRef Name,
                                 StringRef Body) {
  switch (Member) {
  case SpecialMember::CopyConstructor:
    return (Name + "(const " + Name + " &) = " + Body + ";").str();
  case SpecialMember::CopyAssignment:
    return (Name + " &operator=(const " + Name + " &) = " + Body + ";").str();
  case SpecialMember::MoveConstructor:
    return (Name + "(" + Name + " &&) = " + Body + ";").str();
  case SpecialMember::MoveAssignment:
    return (Name + " &operator=(" + Name + " &&) = " + Body + ";").str();
  }
  llvm_unreachable("unknown special member");
}

/// Inserts `Declarations` as public members of `Record`: after its first
/// `public:`; first in a struct without one; in a new `public:` section
/// before the closing brace of a class without one.
static FixItHint insertPublicDeclarations(const CXXRecordDecl *Record,
                                          ArrayRef<std::string> Declarations,
                                          const SourceManager &SM,
                                          const LangOptions &LangOpts) {
  // Indent like the class's first member when it begins its line, else two
  // spaces past the class's line. Never by column: on a generated one-line
  // file that would be a pad as wide as the line, per finding.
  std::string Pad = lineIndentation(Record->getBeginLoc(), SM).first + "  ";
  for (const Decl *D : Record->decls()) {
    if (D->isImplicit() || isa<AccessSpecDecl>(D))
      continue;
    auto [Indentation, BeginsLine] = lineIndentation(D->getBeginLoc(), SM);
    if (BeginsLine)
      Pad = Indentation;
    break;
  }
  std::string Lines;
  for (const std::string &Declaration : Declarations)
    Lines += "\n" + Pad + Declaration;

  for (const Decl *D : Record->decls())
    if (const auto *Access = dyn_cast<AccessSpecDecl>(D);
        Access && Access->getAccess() == AS_public)
      return FixItHint::CreateInsertion(
          Lexer::getLocForEndOfToken(Access->getColonLoc(), 0, SM, LangOpts),
          Lines);
  // A struct's members are public until the first access specifier.
  if (!Record->isClass())
    return FixItHint::CreateInsertion(
        Lexer::getLocForEndOfToken(Record->getBraceRange().getBegin(), 0, SM,
                                   LangOpts),
        Lines);
  std::string ClassPad(Pad.size() >= 2 ? Pad.size() - 2 : 0, ' ');
  return FixItHint::CreateInsertion(Record->getBraceRange().getEnd(),
                                    "public:" + Lines + "\n" + ClassPad);
}

std::vector<FixItHint>
SelfReferentialTypeCheck::deleteFaultyMembers(const TypeSummary &Summary,
                                              const SourceManager &SM,
                                              const LangOptions &LangOpts) {
  const CXXRecordDecl *Record = Summary.Record;
  if (endsAggregate(Record, LangOpts))
    return {};
  for (const SpecialMemberFault &Fault : Summary.Faults)
    if (Fault.Form != MemberForm::Implicit &&
        !(Fault.Form == MemberForm::Defaulted && Fault.Decl &&
          Fault.Decl->getDefaultLoc().isValid()))
      return {};
  if (Record->getBraceRange().isInvalid() ||
      Record->getBraceRange().getBegin().isMacroID())
    return {};

  const bool CopyWrong = Summary.copyIsWrong();
  const bool MoveWrong = Summary.moveIsWrong();
  std::vector<FixItHint> Fixes;
  std::vector<std::string> Inserted;
  const std::string Name = Record->getNameAsString();
  std::vector<SpecialMember> MovesToDefault;
  for (SpecialMember Member : AllSpecialMembers) {
    const CXXMethodDecl *Decl = nullptr;
    MemberForm Form = SelfReferenceModel::formOf(Record, Member, &Decl);
    const bool Wrong = isMoveOperation(Member) ? MoveWrong : CopyWrong;
    if (!Wrong) {
      // Declaring the copy operations suppresses the implicit moves; keep
      // moves that are correct (an owned heap buffer survives them).
      if (isMoveOperation(Member) && Form == MemberForm::Implicit && CopyWrong)
        MovesToDefault.push_back(Member);
      continue;
    }
    if (Form == MemberForm::Implicit)
      Inserted.push_back(declarationOf(Member, Name, "delete"));
    else if (Form == MemberForm::Defaulted && Decl &&
             Decl->getDefaultLoc().isValid())
      Fixes.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Decl->getDefaultLoc()), "delete"));
  }
  if (!Inserted.empty())
    for (SpecialMember Member : MovesToDefault)
      Inserted.push_back(declarationOf(Member, Name, "default"));
  if (Inserted.empty())
    return Fixes;
  // A declared constructor suppresses the implicit default constructor that
  // `T t;` and `T t{};` rely on: declare it too.
  if (!Record->hasUserDeclaredConstructor() &&
      llvm::any_of(Inserted, [&](const std::string &Declaration) {
        return StringRef(Declaration).starts_with(Name + "(");
      }))
    Inserted.insert(Inserted.begin(), Name + "() = default;");

  Fixes.push_back(insertPublicDeclarations(Record, Inserted, SM, LangOpts));
  return Fixes;
}

} // namespace pincheck
