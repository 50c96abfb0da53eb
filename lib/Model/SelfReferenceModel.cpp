//===--- SelfReferenceModel.cpp - Which types must not be moved -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/SelfReferenceModel.h"
#include "AST/ASTCompat.h"
#include "AST/ASTUtils.h"
#include "AST/BodyWalker.h"
#include "Model/Annotations.h"
#include "Model/BodyScan.h"
#include "Model/Projection.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace pincheck {

bool TypeSummary::hasFault(SpecialMember Member) const {
  return llvm::any_of(Faults, [Member](const SpecialMemberFault &Fault) {
    return Fault.Member == Member;
  });
}

bool TypeSummary::copyIsWrong() const {
  return hasFault(SpecialMember::CopyConstructor) ||
         hasFault(SpecialMember::CopyAssignment);
}

bool TypeSummary::moveIsWrong() const {
  return hasFault(SpecialMember::MoveConstructor) ||
         hasFault(SpecialMember::MoveAssignment);
}

bool TypeSummary::moveOrFallbackIsWrong() const {
  return moveIsWrong() ||
         (SelfReferenceModel::formOf(Record, SpecialMember::MoveConstructor,
                                     nullptr) == MemberForm::NotDeclared &&
          hasFault(SpecialMember::CopyConstructor));
}

QualType TypeSummary::subobjectType() const {
  if (const auto *Field = dyn_cast_or_null<FieldDecl>(SelfReferentialSubobject))
    return Field->getType();
  if (const auto *Base =
          dyn_cast_or_null<CXXRecordDecl>(SelfReferentialSubobject))
    return compat::declaredType(Base);
  return {};
}

//===----------------------------------------------------------------------===//
// Special members: which exist, and in which form.
//===----------------------------------------------------------------------===//

static bool matches(const CXXMethodDecl *MD, SpecialMember Member) {
  switch (Member) {
  case SpecialMember::CopyConstructor:
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD))
      return Ctor->isCopyConstructor();
    return false;
  case SpecialMember::MoveConstructor:
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD))
      return Ctor->isMoveConstructor();
    return false;
  case SpecialMember::CopyAssignment:
    return MD->isCopyAssignmentOperator();
  case SpecialMember::MoveAssignment:
    return MD->isMoveAssignmentOperator();
  }
  llvm_unreachable("unknown special member");
}

std::optional<SpecialMember> specialMemberOf(const CXXMethodDecl *Method) {
  if (Method)
    for (SpecialMember Member : AllSpecialMembers)
      if (matches(Method, Member))
        return Member;
  return std::nullopt;
}

static MemberForm formWithDepth(const CXXRecordDecl *Record,
                                SpecialMember Member,
                                const CXXMethodDecl **Decl, unsigned &Depth);

/// Whether an object of `Record` can be copied (or moved) by the given
/// operation at all; a move falls back to the copy when it is not declared.
/// As a subobject of another class: a private operation (C++03's
/// `noncopyable`, declared private and never defined) cannot be called by
/// its implicit members, nor a protected one of a member's class.
static bool isUsable(const CXXRecordDecl *Record, SpecialMember Member,
                     unsigned &Depth, bool AsBase = true);

/// Whether the implicit definition of `Member` would be deleted because a
/// subobject cannot undergo the same operation (C++ [class.copy.ctor]/10,
/// [class.copy.assign]/7), computed from the declarations because Sema
/// declares implicit members lazily.
static bool implicitlyDeleted(const CXXRecordDecl *Record, SpecialMember Member,
                              unsigned &Depth) {
  const bool Assignment = Member == SpecialMember::CopyAssignment ||
                          Member == SpecialMember::MoveAssignment;
  auto SubobjectBlocks = [&](QualType T, bool AsBase) {
    if (T->isRValueReferenceType() && !Assignment)
      return !isMoveOperation(Member);
    if (Assignment &&
        (T->isReferenceType() || (T.isConstQualified() && !T->isRecordType())))
      return true;
    const Type *Element = T->getBaseElementTypeUnsafe();
    const CXXRecordDecl *RD = Element->getAsCXXRecordDecl();
    // `std::unique_ptr<T>` in a template pattern: judge the class template.
    if (const auto *TST = Element->getAs<TemplateSpecializationType>())
      if (const auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
              TST->getTemplateName().getAsTemplateDecl())) {
        RD = CTD->getTemplatedDecl();
        // Only declared, defined by partial specializations (gMock's
        // `FunctionMocker<R(Args...)>`): blocked if each of them blocks.
        if (!RD->hasDefinition()) {
          SmallVector<ClassTemplatePartialSpecializationDecl *, 2> Partials;
          const_cast<ClassTemplateDecl *>(CTD)->getPartialSpecializations(
              Partials);
          return !Partials.empty() &&
                 llvm::all_of(Partials, [&](const CXXRecordDecl *Partial) {
                   return Partial->hasDefinition() &&
                          !Partial->isInvalidDecl() &&
                          !isUsable(Partial->getDefinition(), Member, Depth,
                                    AsBase);
                 });
        }
      }
    if (!RD || !RD->hasDefinition() || RD->isInvalidDecl())
      return false;
    return !isUsable(RD->getDefinition(), Member, Depth, AsBase);
  };
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (SubobjectBlocks(Base.getType(), /*AsBase=*/true))
      return true;
  for (const FieldDecl *Field : Record->fields())
    if (SubobjectBlocks(Field->getType(), /*AsBase=*/false))
      return true;
  return false;
}

MemberForm SelfReferenceModel::formOf(const CXXRecordDecl *Record,
                                      SpecialMember Member,
                                      const CXXMethodDecl **Decl) {
  unsigned Depth = 0;
  return formWithDepth(Record, Member, Decl, Depth);
}

static MemberForm formWithDepth(const CXXRecordDecl *Record,
                                SpecialMember Member,
                                const CXXMethodDecl **Decl, unsigned &Depth) {
  const CXXMethodDecl *Found = nullptr;
  for (const CXXMethodDecl *MD : Record->methods()) {
    if (!matches(MD, Member))
      continue;
    // Prefer the declaration the user wrote (`T(const T &)` over `T(T &)`).
    if (!Found || (Found->isImplicit() && !MD->isImplicit()))
      Found = MD;
  }
  if (Decl)
    *Decl = Found && !Found->isImplicit() ? Found : nullptr;

  if (Found) {
    if (Found->isDeleted())
      return isMoveOperation(Member) && Found->isDefaulted()
                 ? MemberForm::NotDeclared
                 : MemberForm::Deleted;
    if (Found->isImplicit())
      return MemberForm::Implicit;
    const FunctionDecl *Definition = nullptr;
    if (Found->isDefaulted() ||
        (Found->hasBody(Definition) && Definition->isDefaulted()))
      return MemberForm::Defaulted;
    if (Found->hasBody(Definition))
      return MemberForm::UserProvided;
    return MemberForm::External;
  }

  // Not declared yet: work out what the implicit declaration would be.
  switch (Member) {
  case SpecialMember::CopyConstructor:
  case SpecialMember::CopyAssignment:
    if (Record->hasUserDeclaredMoveConstructor() ||
        Record->hasUserDeclaredMoveAssignment())
      return MemberForm::Deleted;
    return implicitlyDeleted(Record, Member, Depth) ? MemberForm::Deleted
                                                    : MemberForm::Implicit;
  case SpecialMember::MoveConstructor:
    if (Record->hasUserDeclaredCopyConstructor() ||
        Record->hasUserDeclaredCopyAssignment() ||
        Record->hasUserDeclaredMoveAssignment() ||
        Record->hasUserDeclaredDestructor())
      return MemberForm::NotDeclared;
    // A defaulted move that would be deleted is ignored by overload
    // resolution: the copy is used.
    return implicitlyDeleted(Record, Member, Depth) ? MemberForm::NotDeclared
                                                    : MemberForm::Implicit;
  case SpecialMember::MoveAssignment:
    if (Record->hasUserDeclaredCopyConstructor() ||
        Record->hasUserDeclaredCopyAssignment() ||
        Record->hasUserDeclaredMoveConstructor() ||
        Record->hasUserDeclaredDestructor())
      return MemberForm::NotDeclared;
    return implicitlyDeleted(Record, Member, Depth) ? MemberForm::NotDeclared
                                                    : MemberForm::Implicit;
  }
  llvm_unreachable("unknown special member");
}

static bool isUsable(const CXXRecordDecl *Record, SpecialMember Member,
                     unsigned &Depth, bool AsBase) {
  DepthGuard Guard(Depth);
  if (Guard.exceeded())
    return true; // Nested too deep to tell: assume it can.
  const CXXMethodDecl *Declared = nullptr;
  MemberForm Form = formWithDepth(Record, Member, &Declared, Depth);
  if (Form == MemberForm::NotDeclared) {
    SpecialMember Copy = Member == SpecialMember::MoveConstructor
                             ? SpecialMember::CopyConstructor
                             : SpecialMember::CopyAssignment;
    return isUsable(Record, Copy, Depth, AsBase);
  }
  if (Declared && (Declared->getAccess() == AS_private ||
                   (!AsBase && Declared->getAccess() == AS_protected)))
    return false;
  return Form != MemberForm::Deleted;
}

bool SelfReferenceModel::copiesMemberwise(const CXXRecordDecl *Record) {
  for (SpecialMember Member :
       {SpecialMember::CopyConstructor, SpecialMember::CopyAssignment}) {
    MemberForm Form = formOf(Record, Member, nullptr);
    if (Form == MemberForm::Implicit || Form == MemberForm::Defaulted)
      return true;
  }
  return false;
}

bool SelfReferenceModel::movesMemberwise(const CXXRecordDecl *Record) {
  for (SpecialMember Member :
       {SpecialMember::MoveConstructor, SpecialMember::MoveAssignment}) {
    MemberForm Form = formOf(Record, Member, nullptr);
    if (Form == MemberForm::Implicit || Form == MemberForm::Defaulted)
      return true;
  }
  // A move that is not declared runs the copy.
  return formOf(Record, SpecialMember::MoveConstructor, nullptr) ==
             MemberForm::NotDeclared &&
         copiesMemberwise(Record);
}

//===----------------------------------------------------------------------===//
// Buffer storage of member types.
//===----------------------------------------------------------------------===//

static std::optional<StorageKind> knownBufferStorage(StringRef Name) {
  static const llvm::StringMap<StorageKind> Known = [] {
    llvm::StringMap<StorageKind> Map;
    for (StringRef Inline :
         {"std::array", "std::optional", "std::variant", "std::pair",
          "std::tuple", "std::inplace_vector", "std::bitset", "std::atomic",
          "boost::container::static_vector", "boost::array"})
      Map[Inline] = StorageKind::Inline;
    for (StringRef Small :
         {"std::basic_string", "std::function", "std::move_only_function",
          "std::copyable_function", "std::any", "llvm::SmallVector",
          "llvm::SmallString", "absl::InlinedVector", "absl::FixedArray",
          "absl::AnyInvocable", "boost::container::small_vector",
          "folly::small_vector", "folly::basic_fbstring", "folly::Function",
          "QVarLengthArray"})
      Map[Small] = StorageKind::SmallBuffer;
    for (StringRef Heap :
         {"std::vector", "std::unique_ptr", "std::shared_ptr", "std::deque",
          "std::list", "std::forward_list", "std::map", "std::multimap",
          "std::set", "std::multiset", "std::unordered_map",
          "std::unordered_multimap", "std::unordered_set",
          "std::unordered_multiset", "std::valarray", "folly::fbvector",
          "llvm::DenseMap", "llvm::StringMap", "llvm::BumpPtrAllocatorImpl"})
      Map[Heap] = StorageKind::OwnedHeap;
    return Map;
  }();
  auto It = Known.find(Name);
  if (It == Known.end())
    return std::nullopt;
  return It->second;
}

/// Library types that point into themselves by a route the model does not
/// follow: Boost's small_vector hands its inline storage to its base
/// vector through a chain of base-class constructors.
static bool isKnownSelfReferentialLibraryType(const CXXRecordDecl *Record) {
  static const llvm::StringSet<> Names = {"boost::container::small_vector"};
  return Names.contains(qualifiedTemplateName(compat::declaredType(Record)));
}

/// Containers whose first elements live in raw bytes inside the object.
static bool keepsElementsInline(QualType T) {
  static const llvm::StringSet<> Names = {"llvm::SmallVector",
                                          "absl::InlinedVector",
                                          "absl::FixedArray",
                                          "boost::container::small_vector",
                                          "boost::container::static_vector",
                                          "folly::small_vector",
                                          "QVarLengthArray",
                                          "std::inplace_vector"};
  return Names.contains(qualifiedTemplateName(T));
}

/// Handles whose copies share one buffer (reference counted, or Qt's
/// implicit sharing): a pointer into it stays valid in a copy.
static bool isSharedBufferType(StringRef Name) {
  static const llvm::StringSet<> Shared = {"std::shared_ptr",
                                           "std::weak_ptr",
                                           "QString",
                                           "QByteArray",
                                           "QList",
                                           "QVector",
                                           "QStringList",
                                           "QHash",
                                           "QMultiHash",
                                           "QMap",
                                           "QMultiMap",
                                           "QSet",
                                           "QFuture",
                                           "QSharedPointer",
                                           "QExplicitlySharedDataPointer",
                                           "QSharedDataPointer",
                                           "QJsonArray",
                                           "QJsonObject",
                                           "QVariant"};
  return Shared.contains(Name);
}

std::optional<StorageKind>
SelfReferenceModel::bufferStorage(QualType MemberType) {
  MemberType = MemberType.getNonReferenceType();
  if (MemberType->isArrayType())
    return StorageKind::Inline;
  // A raw pointer's pointee is another object, not a buffer it owns.
  if (MemberType->isPointerType() || isViewType(MemberType) ||
      isSharedBufferType(qualifiedTemplateName(MemberType)))
    return std::nullopt;
  if (auto Known = knownBufferStorage(qualifiedTemplateName(MemberType)))
    return *Known;
  if (const auto *RD = MemberType->getAsCXXRecordDecl())
    if (RD->hasDefinition())
      return storageOfUnknownClass(RD->getDefinition());
  // A dependent or incomplete type: assume it owns its buffer, the case in
  // which only copies are wrong.
  return StorageKind::OwnedHeap;
}

/// A user-defined container: judge it by what its accessors return, then by
/// whether it points into itself. A trivially copyable class owns nothing
/// outside itself: its copies share what it points to (`ArrayRef`-like
/// views).
std::optional<StorageKind>
SelfReferenceModel::storageOfUnknownClass(const CXXRecordDecl *Record) {
  auto [It, Inserted] =
      BufferStorages.try_emplace(Record, StorageKind::OwnedHeap);
  if (!Inserted)
    return It->second; // Memoised, or being computed (recursion).
  std::optional<StorageKind> Storage = StorageKind::OwnedHeap;
  bool Decided = false;
  for (const CXXMethodDecl *MD : Record->methods()) {
    if (!MD->getIdentifier() ||
        (MD->getName() != "data" && MD->getName() != "begin"))
      continue;
    if (std::optional<AddressOrigin> Origin = Origins.ofReturnedValue(MD)) {
      Storage = Origin->Storage;
      Decided = true;
      break;
    }
  }
  if (!Decided) {
    const TypeSummary *Summary = summarize(Record);
    if (Summary && Summary->isSelfReferential())
      Storage = StorageKind::SmallBuffer;
    else if (!Record->isDependentContext() && Record->isTriviallyCopyable())
      Storage = std::nullopt;
  }
  BufferStorages[Record] = Storage;
  return Storage;
}

//===----------------------------------------------------------------------===//
// Type summaries.
//===----------------------------------------------------------------------===//

SelfReferenceModel::SelfReferenceModel(ModelOptions Options) : Origins(*this) {
  for (const std::string &Name : Options.PinnedTypes)
    PinnedTypeNames.insert(Name);
}

SelfReferenceModel::~SelfReferenceModel() = default;

const TypeSummary *SelfReferenceModel::summarize(QualType T) {
  const auto *RD =
      T.getNonReferenceType()->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
  return RD ? summarize(RD) : nullptr;
}

const TypeSummary *SelfReferenceModel::summarize(const CXXRecordDecl *Record) {
  if (!Record || !Record->hasDefinition())
    return nullptr;
  Record = Record->getDefinition();
  // Sema keeps invalid classes after errors; nothing about them is reliable.
  if (Record->isInvalidDecl())
    return nullptr;
  auto Known = Resolved.find(Record);
  if (Known != Resolved.end())
    return Known->second; // Null while being computed: a cycle.
  // A recursive template (`S<N>` holding an `S<N - 1>`) nests its
  // instantiations without bound: past the limit, nothing is known.
  DepthGuard Guard(SummaryDepth);
  if (Guard.exceeded())
    return nullptr;
  Resolved[Record] = nullptr;

  auto Summary = std::make_unique<TypeSummary>();
  Summary->Record = Record;
  analyze(*Summary);
  const TypeSummary *Result = Summary.get();
  Owned.push_back(std::move(Summary));

  // An implicit instantiation is judged on its own members where Sema
  // instantiated them (the calls are resolved there), else on its pattern
  // (docs/model.md, "Vocabulary": "on its own instantiated members first").
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
      Spec && !Spec->isExplicitSpecialization() &&
      !Result->isSelfReferential() && !Result->PinnedMarker &&
      Result->Faults.empty())
    if (const CXXRecordDecl *Pattern =
            Record->getTemplateInstantiationPattern())
      if (const TypeSummary *OfPattern = summarize(Pattern))
        Result = OfPattern;
  Resolved[Record] = Result;
  return Result;
}

bool SelfReferenceModel::isSelfReferential(QualType T) {
  const TypeSummary *Summary = summarize(T);
  return Summary && !Summary->Unpin && Summary->isSelfReferential();
}

/// Standard containers that keep pointers into their own object, per
/// library: the fallback when the model cannot see it in the library's code
/// (docs/decisions.md).
static bool keepsPointersIntoItself(const CXXRecordDecl *Record) {
  if (!Record->isInStdNamespace())
    return false;
  // libc++ lives in `std::__1`; libstdc++'s C++11 ABI in `std::__cxx11`,
  // whose `basic_string` keeps short strings inline. Its old ABI
  // (`_GLIBCXX_USE_CXX11_ABI=0`) has a copy-on-write string that does not.
  bool LibCxx = false, Cxx11Abi = false;
  for (const DeclContext *DC = Record->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && NS->isInline()) {
      LibCxx |= NS->getName() == "__1";
      Cxx11Abi |= NS->getName() == "__cxx11";
    }
  static const llvm::StringSet<> Both = {"list",
                                         "map",
                                         "multimap",
                                         "set",
                                         "multiset",
                                         "unordered_map",
                                         "unordered_set",
                                         "unordered_multimap",
                                         "unordered_multiset"};
  if (!Record->getIdentifier())
    return false;
  StringRef Name = Record->getName();
  return Both.contains(Name) || (!LibCxx && Cxx11Abi && Name == "basic_string");
}

/// The element type of a small vector as written (`std::string`) where the
/// type says it, else as instantiated.
static QualType inlineElementType(QualType Shown) {
  const auto *Specialization =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Shown->getAsCXXRecordDecl());
  if (!Specialization || !keepsElementsInline(Shown))
    return {};
  if (const auto *Written = Shown->getAs<TemplateSpecializationType>();
      Written && !Written->template_arguments().empty() &&
      Written->template_arguments()[0].getKind() == TemplateArgument::Type)
    return Written->template_arguments()[0].getAsType();
  const TemplateArgumentList &Args = Specialization->getTemplateArgs();
  if (Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type)
    return Args[0].getAsType();
  return {};
}

std::optional<MustNotMove> SelfReferenceModel::mustNotMove(QualType T) {
  DepthGuard Guard(ReasonDepth);
  const TypeSummary *Summary = summarize(T);
  if (!Summary || Summary->Unpin || Guard.exceeded())
    return std::nullopt;
  // The type as written (`std::string`), not the template (`basic_string`).
  QualType Shown = T.getNonReferenceType().getUnqualifiedType();
  if (const ArrayType *Array = Shown->getAsArrayTypeUnsafe())
    Shown = Array->getElementType().getUnqualifiedType();
  std::optional<MustNotMove> Why = mustNotMoveOwn(*Summary, Shown);
  if (!Why)
    Why = mustNotMoveInside(*Summary, Shown);
  // Wrong by the type's own faults, or by a subobject's carried over.
  if (Why)
    Why->MoveWrong |= Summary->moveOrFallbackIsWrong();
  return Why;
}

/// The causes that lie in the class itself, or in a library table.
std::optional<MustNotMove>
SelfReferenceModel::mustNotMoveOwn(const TypeSummary &Summary, QualType Shown) {
  const CXXRecordDecl *Record = Summary.Record;
  MustNotMove Why;
  Why.Why.Type = Shown;
  Why.Why.Record = Record;
  auto Because = [&](TypeCause::Kind Kind, const Decl *At) {
    Why.Why.TheKind = Kind;
    Why.At = At;
    return Why;
  };
  // A standard type is described as a whole, not by its internals.
  if (Record->isInStdNamespace() &&
      (Summary.isSelfReferential() || !Summary.Escapes.empty()))
    return Because(TypeCause::Kind::LibraryCode, nullptr);
  if (!Summary.Pointers.empty()) {
    const InteriorPointer &Pointer = Summary.Pointers.front();
    Why.Why.Pointer = Pointer.Field;
    Why.Why.Function = Pointer.SetIn;
    Why.Why.Elsewhere = Pointer.Elsewhere;
    if (Pointer.Origin.Kind == OriginKind::InPointee) {
      Why.Why.Pointer = nullptr;
      Why.Why.Sink = pointeeSink(Pointer);
      return Because(TypeCause::Kind::HandsOutAddress, Record);
    }
    return Because(TypeCause::Kind::InteriorPointer, Why.Why.Pointer);
  }
  if (!Summary.Escapes.empty()) {
    Why.Why.Sink = Summary.Escapes.front().Sink;
    Why.Why.Function = Summary.Escapes.front().SetIn;
    Why.Why.Elsewhere = Summary.Escapes.front().Elsewhere;
    return Because(TypeCause::Kind::HandsOutAddress, Record);
  }
  return std::nullopt;
}

/// The causes that lie in a subobject, a library table or a marker.
std::optional<MustNotMove>
SelfReferenceModel::mustNotMoveInside(const TypeSummary &Summary,
                                      QualType Shown) {
  const CXXRecordDecl *Record = Summary.Record;
  // `Inner`, reached through `Subobject` (null: the inline elements).
  auto Through = [&](std::optional<MustNotMove> Inner,
                     const NamedDecl *Subobject) -> std::optional<MustNotMove> {
    if (!Inner)
      return std::nullopt;
    Inner->Why.Path.insert(Inner->Why.Path.begin(),
                           Containment{Shown, Record, Subobject});
    // A member's or base's wrong move is the class's own when the class
    // moves memberwise (`struct Holder { Node node; }`); a small vector
    // moves its inline elements with their own moves.
    if (Subobject) {
      // Shown where the user's type has it: the member, or the class that
      // derives from the base.
      Inner->At = isa<FieldDecl>(Subobject)
                      ? static_cast<const Decl *>(Subobject)
                      : Record;
      Inner->MoveWrong &= movesMemberwise(Record);
    }
    return Inner;
  };
  if (const NamedDecl *Subobject = Summary.SelfReferentialSubobject)
    if (QualType Inner = Summary.subobjectType(); !Inner.isNull())
      if (auto Why = Through(mustNotMove(Inner), Subobject))
        return Why;
  MustNotMove Why;
  Why.Why.Type = Shown;
  Why.Why.Record = Record;
  if (keepsPointersIntoItself(Record)) {
    Why.Why.TheKind = TypeCause::Kind::StandardTable;
    return Why;
  }
  if (isKnownSelfReferentialLibraryType(Record)) {
    Why.Why.TheKind = TypeCause::Kind::LibraryTable;
    return Why;
  }
  if (Summary.PinnedMarker) {
    Why.Why.TheKind = TypeCause::Kind::PinnedMarker;
    Why.At = Record;
    return Why;
  }
  // By-value members of standard types the table knows.
  for (const FieldDecl *Field : Record->fields())
    if (!Field->getType()->isReferenceType() &&
        !Field->getType()->isPointerType())
      if (auto Inner = Through(mustNotMove(Field->getType()), Field))
        return Inner;
  // Small vectors keep their first elements in raw inline bytes, which no
  // member declares with the element type.
  if (QualType Element = inlineElementType(Shown); !Element.isNull())
    return Through(mustNotMove(Element), nullptr);
  return std::nullopt;
}

/// A coroutine's promise type: the compiler constructs it in the frame,
/// where it stays; code reaches it by reference (`handle.promise()`).
/// Addresses its member functions hand out (`from_promise(*this)`) pin
/// nothing that moves.
static bool isCoroutinePromise(const CXXRecordDecl *Record) {
  bool ReturnObject = false, Suspends = false;
  for (const Decl *D : Record->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      FD = FTD->getTemplatedDecl();
    if (!FD || !FD->getIdentifier())
      continue;
    ReturnObject |= FD->getName() == "get_return_object";
    Suspends |=
        FD->getName() == "initial_suspend" || FD->getName() == "final_suspend";
  }
  return ReturnObject && Suspends;
}

bool SelfReferenceModel::isPinnedMarker(QualType T) {
  const TypeSummary *Summary = summarize(T);
  return Summary && !Summary->Unpin && Summary->PinnedMarker;
}

void SelfReferenceModel::analyze(TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  Summary.Unpin = hasPinAnnotation(Record, annotation::Unpin);
  // `std::enable_shared_from_this`: objects that live in the shared_ptr
  // that owns them, as Rust's `Arc` holds what it pins (docs/decisions.md).
  const std::string Name = qualifiedTemplateName(compat::declaredType(Record));
  Summary.PinnedMarker = hasPinAnnotation(Record, annotation::Pinned) ||
                         Name == "pin::PhantomPinned" ||
                         Name == "std::enable_shared_from_this" ||
                         isCoroutinePromise(Record);
  if (!Summary.PinnedMarker && !PinnedTypeNames.empty()) {
    std::string Name = Record->getQualifiedNameAsString();
    Summary.PinnedMarker =
        PinnedTypeNames.contains(Name) || PinnedTypeNames.contains("::" + Name);
  }
  findSubobjects(Summary);
  // A member declared pinned with the class that must not move makes the
  // class's `PIN_UNPIN` a false claim (docs/model.md, "Pin projection"):
  // the class is then judged as if it had none.
  if (Summary.Unpin && structuralMemberThatMustNotMove(Record, *this))
    Summary.Unpin = false;
  findInteriorPointers(Summary);
  judgeSpecialMembers(Summary);
}

namespace {
/// Finds, in the functions of the unit's own code, the writes into members
/// of objects named by variables (not `this`).
class ForeignWriteIndexer : public RecursiveASTVisitor<ForeignWriteIndexer> {
public:
  ForeignWriteIndexer(const SourceManager &SM,
                      llvm::DenseMap<const CXXRecordDecl *,
                                     SmallVector<ForeignWrite, 1>> &Index)
      : SM(SM), Index(Index) {}

  bool TraverseDecl(Decl *D) {
    // The libraries' code writes into their own objects only.
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext())
      return true;
    SmallVector<MemberWrite, 8> Writes;
    SmallVector<const ValueDecl *, 8> Roots;
    ForeignWriteCollector(Writes, Roots).walk(FD->getBody());
    for (size_t I = 0; I < Writes.size(); ++I)
      if (const CXXRecordDecl *Record = recordOf(Roots[I]))
        Index[Record->getCanonicalDecl()].push_back({Writes[I], Roots[I], FD});
    return true;
  }

private:
  static const CXXRecordDecl *recordOf(const ValueDecl *Root) {
    QualType Type = Root->getType().getNonReferenceType();
    if (Type->isPointerType())
      Type = Type->getPointeeType();
    const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
    return Record && Record->hasDefinition() ? Record->getDefinition()
                                             : nullptr;
  }

  /// `v.m = x`, `p->m = x`, `v.m.push_back(x)` for a variable `v` or `p`.
  class ForeignWriteCollector : public BodyWalker<ForeignWriteCollector> {
  public:
    ForeignWriteCollector(SmallVectorImpl<MemberWrite> &Writes,
                          SmallVectorImpl<const ValueDecl *> &Roots)
        : Writes(Writes), Roots(Roots) {}
    bool enter(const Stmt *S) {
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->getOpcode() == BO_Assign)
        add(BO->getLHS(), BO->getRHS());
      else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        add(Op->getArg(0), Op->getArg(1));
      else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
               Call && Call->getMethodDecl() &&
               Call->getMethodDecl()->getIdentifier() &&
               isStoringMember(Call->getMethodDecl()->getName()) &&
               !takesRange(Call))
        for (const Expr *Arg : Call->arguments())
          // `op.q->push(&op)` stores in what `op.q` points to.
          add(Call->getImplicitObjectArgument(), Arg,
              Call->getImplicitObjectArgument()->getType()->isPointerType());
      return true;
    }

  private:
    void add(const Expr *Target, const Expr *Value,
             bool ThroughPointee = false) {
      const ValueDecl *Root = rootOf(Target);
      if (!Root)
        return;
      if (const FieldDecl *Field =
              AddressOriginFinder::memberOf(Target, Root)) {
        Writes.push_back({Field, Value, /*Conditional=*/false, ThroughPointee});
        Roots.push_back(Root);
      }
    }
    /// The variable at the bottom of `v.a.b` or `p->a.b`.
    static const ValueDecl *rootOf(const Expr *E) {
      while (true) {
        E = E->IgnoreParenImpCasts();
        if (const auto *ME = dyn_cast<MemberExpr>(E)) {
          E = ME->getBase();
          continue;
        }
        if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
          E = ASE->getBase();
          continue;
        }
        const auto *DRE = dyn_cast<DeclRefExpr>(E);
        const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        return VD && !VD->getType()->isDependentType() ? VD : nullptr;
      }
    }
    SmallVectorImpl<MemberWrite> &Writes;
    SmallVectorImpl<const ValueDecl *> &Roots;
  };

  const SourceManager &SM;
  llvm::DenseMap<const CXXRecordDecl *, SmallVector<ForeignWrite, 1>> &Index;
};
} // namespace

ArrayRef<ForeignWrite>
SelfReferenceModel::foreignWritesTo(const CXXRecordDecl *Record) {
  if (!ForeignWritesIndexed) {
    ForeignWritesIndexed = true;
    ASTContext &Context = Record->getASTContext();
    ForeignWriteIndexer(Context.getSourceManager(), ForeignWrites)
        .TraverseDecl(Context.getTranslationUnitDecl());
  }
  auto It = ForeignWrites.find(Record->getCanonicalDecl());
  if (It == ForeignWrites.end())
    return {};
  return It->second;
}

void SelfReferenceModel::findSubobjects(TypeSummary &Summary) {
  auto Consider = [&](QualType T, const NamedDecl *Subobject) {
    const TypeSummary *Inner = summarize(T);
    if (!Inner || Inner->Unpin)
      return;
    if (Inner->PinnedMarker)
      Summary.PinnedMarker = true;
    if (Inner->isSelfReferential() && !Summary.SelfReferentialSubobject)
      Summary.SelfReferentialSubobject = Subobject;
  };
  for (const CXXBaseSpecifier &Base : Summary.Record->bases())
    if (const auto *BaseRD = Base.getType()->getAsCXXRecordDecl())
      Consider(Base.getType(), BaseRD);
  for (const FieldDecl *Field : Summary.Record->fields())
    if (!Field->getType()->isReferenceType() &&
        !Field->getType()->isPointerType())
      Consider(Field->getType(), Field);
}

std::optional<AddressOrigin>
SelfReferenceModel::originOfWrite(const MemberWrite &Write) {
  if (!Write.ThroughPointee)
    return originOfWrite(Write.Field, Write.Value);
  std::optional<AddressOrigin> Origin = Origins.ofValue(Write.Value);
  if (Origin)
    Origin->Kind = OriginKind::InPointee;
  return Origin;
}

std::optional<AddressOrigin>
SelfReferenceModel::originOfWrite(const FieldDecl *Field, const Expr *Value) {
  if (Field->getType()->isReferenceType())
    return Origins.ofLvalue(Value);
  return Origins.ofValue(Value);
}

/// The object's own address as the escape scanner sees it: `Self` for any
/// address into the object's inline or small-buffer storage. A pointer into
/// an owned heap buffer (`handle_.get()`) names other storage, which a copy
/// or move does not abandon.
static AddressedObject ownAddressOf(AddressOriginFinder &Origins,
                                    const Expr *Value, const Decl *Self) {
  std::optional<AddressOrigin> Origin = Origins.ofValue(Value);
  if (!Origin || Origin->Storage == StorageKind::OwnedHeap)
    return {};
  AddressedObject Address;
  Address.Object = Self;
  Address.Whole = Origin->Kind != OriginKind::MemberAddress &&
                  Origin->Kind != OriginKind::MemberBuffer;
  if (!Address.Whole)
    Address.Member = Origin->Member;
  Address.ViaCallable = Origin->Kind == OriginKind::CapturedThis;
  return Address;
}

/// The member of `Record` (or of one of its bases) named `Name`.
static const FieldDecl *fieldNamed(const CXXRecordDecl *Record, StringRef Name,
                                   unsigned Depth = 0) {
  if (!Record || !Record->hasDefinition() || Depth > MaxModelDepth)
    return nullptr;
  Record = Record->getDefinition();
  for (const FieldDecl *Field : Record->fields())
    if (Field->getName() == Name)
      return Field;
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (const FieldDecl *Field =
            fieldNamed(Base.getType()->getAsCXXRecordDecl(), Name, Depth + 1))
      return Field;
  return nullptr;
}

void SelfReferenceModel::findInteriorPointers(TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  llvm::SmallPtrSet<const FieldDecl *, 4> Seen;
  auto AddPointer = [&](const MemberWrite &Write, const FunctionDecl *SetIn) {
    // Members inherited from a base count: libstdc++'s list header sets
    // its base's `_M_next` to `this`.
    const FieldDecl *Field = Write.Field;
    const auto *Owner = dyn_cast<CXXRecordDecl>(Field->getParent());
    if (!Write.Value || !canHoldAddress(Field->getType()) ||
        Seen.contains(Field) || !Owner || !isSameOrBase(Record, Owner))
      return;
    if (auto Origin = originOfWrite(Write)) {
      Seen.insert(Field);
      Summary.Pointers.push_back({Field, Write.Value, SetIn, *Origin});
    }
  };
  // A write another translation unit made, from its facts.
  auto AddFact = [&](const WriteFact &Fact, const FunctionDecl *SetIn) {
    const FieldDecl *Field = fieldNamed(Record, Fact.Field);
    if (!Field || Seen.contains(Field) || !canHoldAddress(Field->getType()))
      return;
    Seen.insert(Field);
    AddressOrigin Origin = Fact.Origin;
    Origin.Member = Fact.OriginMember.empty()
                        ? nullptr
                        : fieldNamed(Record, Fact.OriginMember);
    Summary.Pointers.push_back({Field, nullptr, SetIn, Origin, Fact.At});
  };

  for (const FieldDecl *Field : Record->fields())
    if (Field->hasInClassInitializer())
      AddPointer({Field, Field->getInClassInitializer()}, nullptr);
  for (const ForeignWrite &Foreign : foreignWritesTo(Record)) {
    AddressOriginFinder::RootScope Scope(Origins, Foreign.Root);
    AddPointer(Foreign.Write, Foreign.In);
  }
  if (Facts)
    for (const WriteFact &Fact : Facts->foreignWritesInto(Record))
      AddFact(Fact, nullptr);

  auto VisitFunction = [&](const FunctionDecl *FD) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || MD->isStatic() || isa<CXXDestructorDecl>(MD) ||
        MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator())
      return;
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD);
    if (Ctor && Ctor->isCopyOrMoveConstructor())
      return;
    const FunctionDecl *Definition = nullptr;
    if (!MD->hasBody(Definition)) {
      // Defined in another translation unit: its facts.
      if (const FunctionFacts *Known = Facts ? Facts->factsOf(MD) : nullptr) {
        for (const WriteFact &Write : Known->Writes)
          AddFact(Write, MD);
        for (const EscapeFact &Escape : Known->Escapes)
          addEscape(Summary, escapeFromFact(Escape, Record, MD));
      }
      return;
    }
    SmallVector<MemberWrite, 8> Writes;
    MemberWriteCollector(Writes, /*FollowCalls=*/true).collectFunction(MD);
    SmallVector<AddressEscape, 2> Escapes;
    collectEscapes(Record, Definition, Escapes);
    // `q_->push(this)` stores through `q_` and hands the address to
    // `push`: one fact, told as the escape.
    for (const MemberWrite &Write : Writes)
      if (!Write.ThroughPointee ||
          llvm::none_of(Escapes, [&](const AddressEscape &Escape) {
            return Escape.At == Write.Value->IgnoreParenImpCasts() ||
                   Escape.At == Write.Value;
          }))
        AddPointer(Write, Definition);
    for (AddressEscape &Escape : Escapes)
      addEscape(Summary, std::move(Escape));
  };
  // Constructors first: a pointer a constructor sets pins from
  // construction, whatever member functions set it too.
  for (bool Constructors : {true, false})
    for (const Decl *D : Record->decls()) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
        FD = FTD->getTemplatedDecl();
      if (FD && isa<CXXConstructorDecl>(FD) == Constructors)
        VisitFunction(FD);
    }
}

AddressEscape SelfReferenceModel::escapeFromFact(const EscapeFact &Fact,
                                                 const CXXRecordDecl *Record,
                                                 const FunctionDecl *SetIn) {
  AddressEscape Escape;
  Escape.SetIn = SetIn;
  Escape.Sink = Fact.Sink;
  Escape.Member =
      Fact.Member.empty() ? nullptr : fieldNamed(Record, Fact.Member);
  Escape.Kept = Fact.Kept;
  Escape.Elsewhere = Fact.At;
  return Escape;
}

void SelfReferenceModel::collectEscapes(const CXXRecordDecl *Record,
                                        const FunctionDecl *Definition,
                                        SmallVectorImpl<AddressEscape> &Out) {
  auto OwnAddress = [&](const Expr *E) {
    return ownAddressOf(Origins, E, Record);
  };
  SmallVector<const FunctionDecl *, 4> Bodies{Definition};
  llvm::SmallPtrSet<const FunctionDecl *, 4> Seen{Definition};
  for (size_t I = 0; I < Bodies.size() && I < MaxModelDepth; ++I) {
    SmallVector<Escape, 2> Found;
    EscapeCollector Escapes(OwnAddress, Record, Found, Callees,
                            /*ArgumentsToPinningParameters=*/true);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Bodies[I]))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten())
          Escapes.walk(Init->getInit());
    Escapes.walk(Bodies[I]->getBody());
    for (const Escape &E : Found)
      if (!E.LocalHolder)
        Out.push_back({E.At, Definition, E.Sink, E.Member, E.Kept});
    SmallVector<const CXXMethodDecl *, 4> Called;
    membersCalledOnThis(Bodies[I]->getBody(), Called);
    for (const CXXMethodDecl *Method : Called) {
      const FunctionDecl *Body = nullptr;
      if (Method->hasBody(Body)) {
        if (Seen.insert(Body).second)
          Bodies.push_back(Body);
      } else if (const FunctionFacts *Known =
                     Facts ? Facts->factsOf(Method) : nullptr) {
        // Defined in another translation unit: what its facts hand out.
        for (const EscapeFact &Escape : Known->Escapes)
          Out.push_back(escapeFromFact(Escape, Record, Definition));
      }
    }
  }
}

void SelfReferenceModel::collectInteriorWrites(
    const CXXMethodDecl *Method,
    SmallVectorImpl<std::pair<MemberWrite, AddressOrigin>> &Out) {
  SmallVector<MemberWrite, 8> Writes;
  MemberWriteCollector(Writes, /*FollowCalls=*/true).collectFunction(Method);
  for (const MemberWrite &Write : Writes)
    if (canHoldAddress(Write.Field->getType()))
      if (std::optional<AddressOrigin> Origin = originOfWrite(Write))
        Out.emplace_back(Write, *Origin);
}

void SelfReferenceModel::collectVerbatimCopies(
    const CXXMethodDecl *Member,
    SmallVectorImpl<std::pair<const FieldDecl *, const Expr *>> &Out) {
  SmallVector<MemberWrite, 8> Writes;
  MemberWriteCollector(Writes, /*FollowCalls=*/true).collectFunction(Member);
  for (const FieldDecl *Field : Member->getParent()->fields())
    if (canHoldAddress(Field->getType()))
      if (const Expr *Verbatim = verbatimCopy(Writes, Field))
        Out.emplace_back(Field, Verbatim);
}

void SelfReferenceModel::collectForeignWrites(
    llvm::function_ref<void(const CXXRecordDecl *, const ForeignWrite &,
                            const AddressOrigin &)>
        Callback) {
  for (const auto &[Record, Writes] : ForeignWrites)
    for (const ForeignWrite &Foreign : Writes) {
      AddressOriginFinder::RootScope Scope(Origins, Foreign.Root);
      if (std::optional<AddressOrigin> Origin = originOfWrite(Foreign.Write))
        Callback(Record, Foreign, *Origin);
    }
}

/// One escape per escaping expression; the one a constructor reaches
/// answers for it (the object is pinned from its construction).
void SelfReferenceModel::addEscape(TypeSummary &Summary, AddressEscape Escape) {
  for (AddressEscape &Known : Summary.Escapes)
    if (Known.At == Escape.At && Known.Elsewhere == Escape.Elsewhere) {
      if (isa<CXXConstructorDecl>(Escape.SetIn) &&
          !isa<CXXConstructorDecl>(Known.SetIn))
        Known.SetIn = Escape.SetIn;
      return;
    }
  Summary.Escapes.push_back(std::move(Escape));
}

/// A user-provided copy or move is fine if it re-seats the pointer from the
/// new object and wrong if it only copies it from the source verbatim: the
/// verbatim copy, if so. Writes are in source order; an unconditional one
/// overrides the earlier ones, and a conditional re-seat counts (`if
/// (src.p == src.buf) p = buf; else p = src.p;` is the usual small-buffer
/// move, copying for the heap).
const Expr *SelfReferenceModel::verbatimCopy(ArrayRef<MemberWrite> Writes,
                                             const FieldDecl *Pointer) {
  const Expr *Verbatim = nullptr;
  bool Reseated = false;
  for (const MemberWrite &Write : Writes) {
    if (Write.Field != Pointer)
      continue;
    const bool Reseat = originOfWrite(Write).has_value();
    const bool Copy = !Reseat && copiedMember(Write.Value) == Pointer;
    if (!Write.Conditional) {
      Reseated = Reseat;
      Verbatim = Copy ? Write.Value : nullptr;
    } else {
      Reseated |= Reseat;
      if (Copy && !Verbatim)
        Verbatim = Write.Value;
    }
  }
  return Reseated ? nullptr : Verbatim;
}

void SelfReferenceModel::judgeSpecialMembers(TypeSummary &Summary) {
  if (Summary.Pointers.empty() && Summary.Escapes.empty())
    return;
  for (SpecialMember Member : AllSpecialMembers) {
    const CXXMethodDecl *Decl = nullptr;
    MemberForm Form = formOf(Summary.Record, Member, &Decl);
    if (Form == MemberForm::Deleted || Form == MemberForm::NotDeclared)
      continue;
    if (Form == MemberForm::External) {
      judgeExternal(Summary, Member, Decl);
      continue;
    }
    const bool Memberwise =
        Form == MemberForm::Implicit || Form == MemberForm::Defaulted;

    SmallVector<MemberWrite, 8> Writes;
    if (!Memberwise)
      MemberWriteCollector(Writes, /*FollowCalls=*/true).collectFunction(Decl);

    for (unsigned I = 0, E = Summary.Pointers.size(); I != E; ++I) {
      const InteriorPointer &Pointer = Summary.Pointers[I];
      // A move hands an owned heap buffer over intact, and so does a "copy"
      // that takes it from its source (auto_ptr-like).
      if (Pointer.Origin.Storage == StorageKind::OwnedHeap &&
          (isMoveOperation(Member) || transfersOwnership(Decl)))
        continue;
      // A base's member is copied by the base's own operation.
      if (Memberwise && !copiedMemberwiseBy(Summary.Record, Member, Pointer))
        continue;
      const Expr *Verbatim =
          Memberwise ? nullptr : verbatimCopy(Writes, Pointer.Field);
      if (Memberwise || Verbatim)
        faultsFor(Summary, Pointer.SetIn)
            .push_back({Member, Form, Decl, I, Verbatim});
    }
    // Addresses handed out keep naming the source object after a memberwise
    // copy or move; user-provided members are assumed to hand out the new
    // address themselves (their bodies are not judged for it).
    if (Memberwise && !Summary.Escapes.empty()) {
      const bool ByConstructor =
          llvm::any_of(Summary.Escapes, [](const AddressEscape &Escape) {
            return isa<CXXConstructorDecl>(Escape.SetIn);
          });
      faultsFor(Summary, ByConstructor ? nullptr : Summary.Escapes[0].SetIn)
          .push_back({Member, Form, Decl, std::nullopt, nullptr});
    }
  }
}

/// A user-written copy that takes what it copies from its source, which it
/// receives by non-const reference and leaves empty (`o.p_ = nullptr`,
/// `std::move(o.buf_)`): it hands the source's heap buffer over, as a move
/// does.
bool SelfReferenceModel::transfersOwnership(const CXXMethodDecl *Copy) {
  const FunctionDecl *Definition = nullptr;
  if (!Copy || Copy->getNumParams() != 1 || !Copy->hasBody(Definition))
    return false;
  const ParmVarDecl *Source = Definition->getParamDecl(0);
  QualType Type = Source->getType();
  if (!Type->isLValueReferenceType() ||
      Type.getNonReferenceType().isConstQualified())
    return false;
  // Writes to the source's members, or moves out of them.
  class SourceWrites : public BodyWalker<SourceWrites> {
  public:
    explicit SourceWrites(const ParmVarDecl *Source) : Source(Source) {}
    bool enter(const Stmt *S) {
      const Expr *Target = nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->isAssignmentOp())
        Target = BO->getLHS();
      else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
               Op && Op->getOperator() == OO_Equal)
        Target = Op->getArg(0);
      else if (const auto *E = dyn_cast<Expr>(S))
        Target = movedArgument(E);
      const auto *ME = Target
                           ? dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts())
                           : nullptr;
      const auto *DRE =
          ME ? dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts())
             : nullptr;
      Found |= DRE && DRE->getDecl() == Source;
      return !Found;
    }
    bool Found = false;

  private:
    const ParmVarDecl *Source;
  } Finder(Source);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Finder.walk(Init->getInit());
  Finder.walk(Definition->getBody());
  return Finder.Found;
}

/// Whether a memberwise `Member` of `Record` copies `Pointer` as it is: a
/// member of a base is copied by the base's own operation, which may
/// re-seat it.
bool SelfReferenceModel::copiedMemberwiseBy(const CXXRecordDecl *Record,
                                            SpecialMember Member,
                                            const InteriorPointer &Pointer) {
  const auto *Owner = dyn_cast<CXXRecordDecl>(Pointer.Field->getParent());
  if (!Owner || !Owner->hasDefinition() ||
      Owner->getCanonicalDecl() == Record->getCanonicalDecl())
    return true;
  Owner = Owner->getDefinition();
  const CXXMethodDecl *BaseDecl = nullptr;
  MemberForm Form = formOf(Owner, Member, &BaseDecl);
  if (Form == MemberForm::NotDeclared) // The base's copy runs instead.
    Form = formOf(Owner,
                  Member == SpecialMember::MoveConstructor
                      ? SpecialMember::CopyConstructor
                      : SpecialMember::CopyAssignment,
                  &BaseDecl);
  if (Form == MemberForm::External) {
    const FunctionFacts *Known =
        Facts && BaseDecl ? Facts->factsOf(BaseDecl) : nullptr;
    return Known && llvm::any_of(Known->VerbatimCopies, [&](const auto &Copy) {
             return Copy.first == Pointer.Field->getName();
           });
  }
  if (Form != MemberForm::UserProvided)
    return Form == MemberForm::Implicit || Form == MemberForm::Defaulted;
  SmallVector<MemberWrite, 8> Writes;
  MemberWriteCollector(Writes, /*FollowCalls=*/true).collectFunction(BaseDecl);
  return verbatimCopy(Writes, Pointer.Field) != nullptr;
}

/// A copy or move operation defined in another translation unit: judged by
/// its facts, or assumed fine without them.
void SelfReferenceModel::judgeExternal(TypeSummary &Summary,
                                       SpecialMember Member,
                                       const CXXMethodDecl *Decl) {
  const FunctionFacts *Known = Facts && Decl ? Facts->factsOf(Decl) : nullptr;
  if (!Known)
    return;
  for (unsigned I = 0, E = Summary.Pointers.size(); I != E; ++I) {
    const InteriorPointer &Pointer = Summary.Pointers[I];
    if (Pointer.Origin.Storage == StorageKind::OwnedHeap &&
        (isMoveOperation(Member) || Known->TransfersOwnership))
      continue;
    for (const auto &[Field, At] : Known->VerbatimCopies)
      if (Field == Pointer.Field->getName()) {
        faultsFor(Summary, Pointer.SetIn)
            .push_back({Member, MemberForm::External, Decl, I, nullptr, At});
        break;
      }
  }
}

/// Where a fault goes: a pinned marker's pointers and addresses set by a
/// member function only matter once that function has pinned the object.
SmallVectorImpl<SpecialMemberFault> &
SelfReferenceModel::faultsFor(TypeSummary &Summary, const FunctionDecl *SetIn) {
  if (Summary.PinnedMarker && SetIn && !isa<CXXConstructorDecl>(SetIn))
    return Summary.LatentFaults;
  return Summary.Faults;
}

} // namespace pincheck
