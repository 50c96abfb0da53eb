//===--- SelfReferentialTypeCheck.cpp - pin-self-referential-type ---------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "SelfReferentialTypeCheck.h"
#include "Checks/FixFormat.h"
#include "Checks/RejectedUses.h"
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
  case OriginKind::InPointee:
    // Worded by notePointers: the member is not set, its pointee is.
    break;
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
  // A trait asked of the class would answer differently after the fix-it,
  // maybe silently: the fix-it moves to a note there.
  std::optional<TraitQuery> Query;
  if (!Fixes.empty())
    Query = firstTraitQuery(Record, const_cast<ASTContext &>(Ctx));
  const ArrayRef<FixItHint> WarningFixes =
      Query ? ArrayRef<FixItHint>() : ArrayRef<FixItHint>(Fixes);
  newFinding();
  if (First.Pointer &&
      Summary.Pointers[*First.Pointer].Origin.Kind == OriginKind::InPointee) {
    // `owner_->head = this`: the pointee keeps the address; the member is
    // the way to it.
    const InteriorPointer &Pointer = Summary.Pointers[*First.Pointer];
    const std::string What =
        Pointer.Origin.Member
            ? "address of member '" + Pointer.Origin.Member->getNameAsString() +
                  "'"
            : std::string("object's address");
    const std::string Who = !Pointer.SetIn
                                ? std::string("a default member initializer")
                            : isa<CXXConstructorDecl>(Pointer.SetIn)
                                ? std::string("its constructor")
                                : "'" + Pointer.SetIn->getNameAsString() + "'";
    diag(Record->getLocation(), "%select{copying|moving|copying or moving}0 "
                                "%1 leaves the %3 that %4 stores through %2 "
                                "pointing at the source object")
        << Operation << Record << Pointer.Field << What << Who << WarningFixes;
  } else if (First.Pointer) {
    const InteriorPointer &Pointer = Summary.Pointers[*First.Pointer];
    diag(Record->getLocation(), "%select{copying|moving|copying or moving}0 "
                                "%1 leaves %2 pointing %select{into the source "
                                "object|at the source object|into the buffer "
                                "of the source object}3")
        << Operation << Record << Pointer.Field << pointerTarget(Pointer.Origin)
        << WarningFixes;
  } else {
    const AddressEscape &Escape = Summary.Escapes.front();
    const bool ByConstructor = isa<CXXConstructorDecl>(Escape.SetIn);
    diag(Record->getLocation(),
         "%select{copying|moving|copying or moving}0 %1 leaves the address "
         "%select{%3|its constructor}4 hands to %2 pointing at the source "
         "object")
        << Operation << Record << describeSink(Escape.Sink) << Escape.SetIn
        << ByConstructor << WarningFixes;
  }

  notePointers(Summary);
  noteFaultyMembers(Summary);
  noteAggregateRepair(Record);
  if (Query)
    diag(Query->At,
         "'%0' asks about %1 here, and deleting its copy and move operations "
         "changes the answer; check what depends on it before applying this "
         "fix-it",
         DiagnosticIDs::Note)
        << Query->Trait << Record << Fixes;
  if (!Fixes.empty())
    noteRejectedUses(Summary);
}

//===----------------------------------------------------------------------===//
// What the fix-it will reject: the copies and moves of the class in the unit
// that use an operation it deletes. They are the mistakes the warning is
// about; the user sees them before applying it.
//===----------------------------------------------------------------------===//

void SelfReferentialTypeCheck::noteRejectedUses(const TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  std::vector<RejectedUse> Sites =
      rejectedUses(Summary, const_cast<ASTContext &>(Record->getASTContext()));
  unsigned Listed = 0;
  for (const RejectedUse &Site : Sites) {
    if (Listed++ == MaxListedRejectedUses)
      break;
    if (Site.Inside)
      diag(Site.At,
           "%select{copying|moving}0 %1 inside %q2 will not compile once the "
           "fix-it deletes the %3",
           DiagnosticIDs::Note)
          << isMoveOperation(Site.Member) << Site.Type << Site.Inside
          << spellSpecialMember(Site.Member);
    else
      diag(Site.At,
           "%select{copying|moving}0 %1 here will not compile once the fix-it "
           "deletes the %2",
           DiagnosticIDs::Note)
          << isMoveOperation(Site.Member) << Site.Type
          << spellSpecialMember(Site.Member);
  }
  if (Sites.size() > MaxListedRejectedUses)
    diag(Record->getLocation(), "and %0 more copies or moves of %1",
         DiagnosticIDs::Note)
        << static_cast<unsigned>(Sites.size() - MaxListedRejectedUses)
        << Record;
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
    if (Pointer.Origin.Kind == OriginKind::InPointee) {
      notePointeeStore(Pointer);
      continue;
    }
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

/// `owner_->head = this`: where the address is stored, through which
/// member, here or in another translation unit.
void SelfReferentialTypeCheck::notePointeeStore(
    const InteriorPointer &Pointer) {
  SourceManager &SM = Pointer.Field->getASTContext().getSourceManager();
  const bool ElsewhereOnly = !Pointer.Value && Pointer.Elsewhere;
  SourceLocation At =
      Pointer.Value ? Pointer.Value->getBeginLoc()
      : ElsewhereOnly
          ? locateSite(*Pointer.Elsewhere, Pointer.Field->getLocation(), SM)
          : Pointer.Field->getLocation();
  const std::string What =
      Pointer.Origin.Member ? "the address of member '" +
                                  Pointer.Origin.Member->getNameAsString() + "'"
                            : std::string("the object's address");
  const std::string Site =
      ElsewhereOnly ? " (" + describeSite(*Pointer.Elsewhere) + ")" : "";
  diag(At, "%0 is stored here in the object that %1 points to%2",
       DiagnosticIDs::Note)
      << What << Pointer.Field << Site;
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
