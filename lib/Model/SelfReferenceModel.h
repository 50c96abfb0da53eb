//===--- SelfReferenceModel.h - Which types must not be moved -------------===//
//
// Part of pincheck. The type model of docs/model.md ("Types" and "Which
// copies and moves are wrong"): for a class, its interior pointers (where
// they are declared, where they are set, and which storage they target), the
// addresses its constructors hand out, and which of its copy and move
// operations leave them dangling.
//
// Types are classified lazily, on the first question about them, and the
// answer is memoised for the translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_SELFREFERENCEMODEL_H
#define PINCHECK_MODEL_SELFREFERENCEMODEL_H

#include "Model/AddressOrigin.h"
#include "Model/BodyScan.h"
#include "Model/Causes.h"
#include "Model/Facts.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace pincheck {

/// A member whose value derives from the object's own address.
struct InteriorPointer {
  /// The member of the class that holds the address (for `head_.next =
  /// &head_`, `head_`).
  const clang::FieldDecl *Field = nullptr;
  /// The expression that gives it the address: a default member initializer,
  /// a constructor initializer or the right-hand side of an assignment.
  const clang::Expr *Value = nullptr;
  /// The function that sets it; null for a default member initializer.
  const clang::FunctionDecl *SetIn = nullptr;
  AddressOrigin Origin;
  /// Set in another translation unit, there (`Value` is then null).
  std::optional<FactSite> Elsewhere;
};

/// Where an address stored through `Pointer` (`owner_->head = this`) goes.
inline EscapeSink pointeeSink(const InteriorPointer &Pointer) {
  EscapeSink Sink;
  Sink.TheKind = EscapeSink::Kind::Pointee;
  Sink.Decl = Pointer.Field;
  return Sink;
}

/// `this` (or the address of a member) handed out by a constructor.
struct AddressEscape {
  const clang::Expr *At = nullptr;
  /// The constructor or member function that hands it out (itself, or a
  /// member function it calls on `*this`).
  const clang::FunctionDecl *SetIn = nullptr;
  EscapeSink Sink;
  /// The member whose address escapes; null for the object's own.
  const clang::ValueDecl *Member = nullptr;
  /// Why the function it is given keeps it, when the sink is a function.
  std::shared_ptr<const PinCause> Kept;
  /// Handed out in another translation unit, there (`At` is then null).
  std::optional<FactSite> Elsewhere;
};

/// A member of an object given a value by a function of another class (or
/// a free function), through a variable that names the object.
struct ForeignWrite {
  MemberWrite Write;
  /// The variable, reference or pointer that names the object.
  const clang::ValueDecl *Root = nullptr;
  const clang::FunctionDecl *In = nullptr;
};

/// The four copy and move operations. The order feeds `%select` in the
/// checks' wording (lib/Checks/Wording.cpp): keep them in step.
enum class SpecialMember {
  CopyConstructor,
  CopyAssignment,
  MoveConstructor,
  MoveAssignment
};

/// The four operations, in the order they are judged and reported.
inline constexpr SpecialMember AllSpecialMembers[] = {
    SpecialMember::CopyConstructor, SpecialMember::CopyAssignment,
    SpecialMember::MoveConstructor, SpecialMember::MoveAssignment};

/// Which of the four operations `Method` is, if any.
std::optional<SpecialMember>
specialMemberOf(const clang::CXXMethodDecl *Method);

inline bool isMoveOperation(SpecialMember Member) {
  return Member == SpecialMember::MoveConstructor ||
         Member == SpecialMember::MoveAssignment;
}

/// How a special member comes to exist, which decides how it is judged.
enum class MemberForm {
  Implicit,     ///< Implicitly declared (or would be on first use).
  Defaulted,    ///< `= default`.
  UserProvided, ///< Has a body this translation unit can see.
  External,     ///< Declared here, defined in another translation unit.
  Deleted,      ///< Deleted, explicitly or implicitly.
  NotDeclared,  ///< Move operation suppressed: the copy is used instead.
};

/// A special member that leaves an interior pointer or escaped address
/// aimed at the source object.
struct SpecialMemberFault {
  SpecialMember Member;
  MemberForm Form;
  /// The declaration, when there is one the user wrote.
  const clang::CXXMethodDecl *Decl = nullptr;
  /// The interior pointer left dangling (an index into
  /// `TypeSummary::Pointers`); none when it is the address a constructor
  /// handed out.
  std::optional<unsigned> Pointer;
  /// For a user-provided member, the expression that copies the pointer
  /// from the source object verbatim (`p_(o.p_)`).
  const clang::Expr *VerbatimCopy = nullptr;
  /// For a member defined in another translation unit, where it does.
  std::optional<FactSite> Elsewhere;
};

/// Everything the model knows about one class.
struct TypeSummary {
  const clang::CXXRecordDecl *Record = nullptr;
  /// `PIN_UNPIN`: the class vouches for its own moves.
  bool Unpin = false;
  /// `PIN_PINNED`, a `pin::PhantomPinned` member or base, a pinned-marker
  /// member or base, or named in `PinnedTypes`.
  bool PinnedMarker = false;
  llvm::SmallVector<InteriorPointer, 2> Pointers;
  llvm::SmallVector<AddressEscape, 1> Escapes;
  /// A member or base whose type is self-referential: the class is
  /// self-referential through it, and the root cause lies there.
  const clang::NamedDecl *SelfReferentialSubobject = nullptr;
  llvm::SmallVector<SpecialMemberFault, 4> Faults;
  /// Of a pinned marker: the faults of pointers and addresses that only its
  /// member functions set or hand out. Such an object may move until one of
  /// them pins it (docs/model.md, "Vocabulary": a pinned marker), so they
  /// matter to the pin events, not to the type.
  llvm::SmallVector<SpecialMemberFault, 2> LatentFaults;

  /// Section 2: an interior pointer of its own or a self-referential
  /// subobject.
  bool isSelfReferential() const {
    return !Pointers.empty() || SelfReferentialSubobject != nullptr;
  }
  bool hasFault(SpecialMember Member) const;
  /// Copying (or moving) is wrong by the table of docs/model.md, "Types".
  bool copyIsWrong() const;
  bool moveIsWrong() const;
  /// Moving is wrong, directly or because the move is not declared and the
  /// copy it falls back to is wrong.
  bool moveOrFallbackIsWrong() const;
  /// The type of `SelfReferentialSubobject` (a member's or a base's).
  clang::QualType subobjectType() const;
};

/// Options that extend the model, read from the check options.
struct ModelOptions {
  /// Qualified names of classes that are pinned markers (`PinnedTypes`).
  std::vector<std::string> PinnedTypes;
};

class SelfReferenceModel : public BufferClassifier {
public:
  SelfReferenceModel(const SelfReferenceModel &) = delete;
  explicit SelfReferenceModel(ModelOptions Options = {});
  ~SelfReferenceModel() override;

  /// The summary of a class definition; null for a class that is only
  /// declared. An implicit template instantiation is judged on its own
  /// instantiated members, or on its pattern when they show nothing.
  const TypeSummary *summarize(const clang::CXXRecordDecl *Record);
  /// The summary of the class type `T` or of the element type of an array.
  const TypeSummary *summarize(clang::QualType T);

  bool isSelfReferential(clang::QualType T);
  bool isPinnedMarker(clang::QualType T);

  /// Why `T` (or the element type of an array `T`) is self-referential or a
  /// pinned marker, if it is. Standard-library types are judged from the
  /// library's own code; a documented table per library (libstdc++, libc++)
  /// is the fallback.
  std::optional<MustNotMove> mustNotMove(clang::QualType T);

  /// Judges one special member of `Record` as it exists in the translation
  /// unit (implicit, defaulted, user-provided, ...).
  static MemberForm formOf(const clang::CXXRecordDecl *Record,
                           SpecialMember Member,
                           const clang::CXXMethodDecl **Decl);
  /// Whether the class's own copies (or moves) are memberwise: implicit or
  /// defaulted, so that its subobjects' faults carry over.
  static bool copiesMemberwise(const clang::CXXRecordDecl *Record);
  static bool movesMemberwise(const clang::CXXRecordDecl *Record);

  std::optional<StorageKind> bufferStorage(clang::QualType MemberType) override;

  /// The origin of the value a member receives; for a reference member, of
  /// the object it binds to.
  std::optional<AddressOrigin> originOfWrite(const clang::FieldDecl *Field,
                                             const clang::Expr *Value);
  /// The same for a write, also one through the member's pointee (which
  /// then holds the address).
  std::optional<AddressOrigin> originOfWrite(const MemberWrite &Write);

  AddressOriginFinder &origins() { return Origins; }

  /// The function summaries that tell whether a callee keeps what a
  /// constructor or member function gives it (set by `PinAnalysis`; without
  /// them, only what the bodies store themselves is seen).
  void setCallees(CalleeSummaries *Summaries) { Callees = Summaries; }
  /// The facts of other translation units, for member functions whose
  /// bodies this one does not see (whole-program analysis).
  void setFacts(FactSource *Source) {
    Facts = Source;
    Origins.setFacts(Source);
  }

  // What `extractFacts` asks about the functions a unit defines.

  /// The members of `*this` that `Method` (a constructor or member
  /// function) gives an address derived from the object, with the origin.
  void collectInteriorWrites(
      const clang::CXXMethodDecl *Method,
      llvm::SmallVectorImpl<std::pair<MemberWrite, AddressOrigin>> &Writes);
  /// The addresses of the object that `Definition` (a constructor or member
  /// function of `Record`) hands out, itself or through the member
  /// functions it calls on `*this`.
  void collectEscapes(const clang::CXXRecordDecl *Record,
                      const clang::FunctionDecl *Definition,
                      llvm::SmallVectorImpl<AddressEscape> &Escapes);
  /// The members a user-written copy or move operation copies verbatim
  /// from the source without re-seating them.
  void collectVerbatimCopies(
      const clang::CXXMethodDecl *Member,
      llvm::SmallVectorImpl<
          std::pair<const clang::FieldDecl *, const clang::Expr *>> &Copies);
  /// The writes that functions of this unit make into members of objects
  /// named by a variable, whose value derives from the same object.
  void collectForeignWrites(
      llvm::function_ref<void(const clang::CXXRecordDecl *,
                              const ForeignWrite &, const AddressOrigin &)>
          Callback);
  static bool transfersOwnership(const clang::CXXMethodDecl *Copy);

private:
  void analyze(TypeSummary &Summary);
  std::optional<MustNotMove> mustNotMoveOwn(const TypeSummary &Summary,
                                            clang::QualType Shown);
  std::optional<MustNotMove> mustNotMoveInside(const TypeSummary &Summary,
                                               clang::QualType Shown);
  void findInteriorPointers(TypeSummary &Summary);
  void addEscape(TypeSummary &Summary, AddressEscape Escape);
  AddressEscape escapeFromFact(const EscapeFact &Fact,
                               const clang::CXXRecordDecl *Record,
                               const clang::FunctionDecl *SetIn);
  static llvm::SmallVectorImpl<SpecialMemberFault> &
  faultsFor(TypeSummary &Summary, const clang::FunctionDecl *SetIn);
  void judgeExternal(TypeSummary &Summary, SpecialMember Member,
                     const clang::CXXMethodDecl *Decl);
  bool copiedMemberwiseBy(const clang::CXXRecordDecl *Record,
                          SpecialMember Member, const InteriorPointer &Pointer);
  const clang::Expr *verbatimCopy(llvm::ArrayRef<MemberWrite> Writes,
                                  const clang::FieldDecl *Pointer);
  void findSubobjects(TypeSummary &Summary);
  /// Writes into members of an object of `Record` made by functions that
  /// are not its own (a parser filling a template's views into the
  /// template's own text): from a per-unit index built on first use.
  llvm::ArrayRef<ForeignWrite>
  foreignWritesTo(const clang::CXXRecordDecl *Record);
  void judgeSpecialMembers(TypeSummary &Summary);
  std::optional<StorageKind>
  storageOfUnknownClass(const clang::CXXRecordDecl *Record);

  llvm::StringSet<> PinnedTypeNames;
  AddressOriginFinder Origins;
  /// The summary that answers for each class (an instantiation may be
  /// answered by its pattern's).
  llvm::DenseMap<const clang::CXXRecordDecl *, const TypeSummary *> Resolved;
  std::vector<std::unique_ptr<TypeSummary>> Owned;
  llvm::DenseMap<const clang::CXXRecordDecl *, std::optional<StorageKind>>
      BufferStorages;
  CalleeSummaries *Callees = nullptr;
  FactSource *Facts = nullptr;
  llvm::DenseMap<const clang::CXXRecordDecl *,
                 llvm::SmallVector<ForeignWrite, 1>>
      ForeignWrites;
  bool ForeignWritesIndexed = false;
  /// How deep `summarize` and `mustNotMove` are nested (see MaxModelDepth).
  unsigned SummaryDepth = 0;
  unsigned ReasonDepth = 0;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_SELFREFERENCEMODEL_H
