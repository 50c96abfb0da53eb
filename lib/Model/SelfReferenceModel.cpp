//===--- SelfReferenceModel.cpp - Which types must not be moved -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/SelfReferenceModel.h"
#include "AST/ASTCompat.h"
#include "Model/Annotations.h"
#include "Model/BodyScan.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace pincheck {

StringRef spellSpecialMember(SpecialMember Member) {
  switch (Member) {
  case SpecialMember::CopyConstructor:
    return "copy constructor";
  case SpecialMember::CopyAssignment:
    return "copy assignment operator";
  case SpecialMember::MoveConstructor:
    return "move constructor";
  case SpecialMember::MoveAssignment:
    return "move assignment operator";
  }
  llvm_unreachable("unknown special member");
}

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

/// Whether an object of `Record` can be copied (or moved) by the given
/// operation at all; a move falls back to the copy when it is not declared.
static bool isUsable(const CXXRecordDecl *Record, SpecialMember Member,
                     unsigned Depth);

/// Whether the implicit definition of `Member` would be deleted because a
/// subobject cannot undergo the same operation (C++ [class.copy.ctor]/10,
/// [class.copy.assign]/7), computed from the declarations because Sema
/// declares implicit members lazily.
static bool implicitlyDeleted(const CXXRecordDecl *Record, SpecialMember Member,
                              unsigned Depth) {
  const bool Assignment = Member == SpecialMember::CopyAssignment ||
                          Member == SpecialMember::MoveAssignment;
  auto SubobjectBlocks = [&](QualType T) {
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
              TST->getTemplateName().getAsTemplateDecl()))
        RD = CTD->getTemplatedDecl();
    if (!RD || !RD->hasDefinition())
      return false;
    return !isUsable(RD->getDefinition(), Member, Depth + 1);
  };
  for (const CXXBaseSpecifier &Base : Record->bases())
    if (SubobjectBlocks(Base.getType()))
      return true;
  for (const FieldDecl *Field : Record->fields())
    if (SubobjectBlocks(Field->getType()))
      return true;
  return false;
}

MemberForm SelfReferenceModel::formOf(const CXXRecordDecl *Record,
                                      SpecialMember Member,
                                      const CXXMethodDecl **Decl) {
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
    return implicitlyDeleted(Record, Member, 0) ? MemberForm::Deleted
                                                : MemberForm::Implicit;
  case SpecialMember::MoveConstructor:
    if (Record->hasUserDeclaredCopyConstructor() ||
        Record->hasUserDeclaredCopyAssignment() ||
        Record->hasUserDeclaredMoveAssignment() ||
        Record->hasUserDeclaredDestructor())
      return MemberForm::NotDeclared;
    // A defaulted move that would be deleted is ignored by overload
    // resolution: the copy is used.
    return implicitlyDeleted(Record, Member, 0) ? MemberForm::NotDeclared
                                                : MemberForm::Implicit;
  case SpecialMember::MoveAssignment:
    if (Record->hasUserDeclaredCopyConstructor() ||
        Record->hasUserDeclaredCopyAssignment() ||
        Record->hasUserDeclaredMoveConstructor() ||
        Record->hasUserDeclaredDestructor())
      return MemberForm::NotDeclared;
    return implicitlyDeleted(Record, Member, 0) ? MemberForm::NotDeclared
                                                : MemberForm::Implicit;
  }
  llvm_unreachable("unknown special member");
}

static bool isUsable(const CXXRecordDecl *Record, SpecialMember Member,
                     unsigned Depth) {
  if (Depth > 8)
    return true;
  MemberForm Form = SelfReferenceModel::formOf(Record, Member, nullptr);
  if (Form == MemberForm::NotDeclared) {
    SpecialMember Copy = Member == SpecialMember::MoveConstructor
                             ? SpecialMember::CopyConstructor
                             : SpecialMember::CopyAssignment;
    return isUsable(Record, Copy, Depth + 1);
  }
  return Form != MemberForm::Deleted;
}

//===----------------------------------------------------------------------===//
// Writes to members, in the order the function performs them.
//===----------------------------------------------------------------------===//

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
  auto Known = Resolved.find(Record);
  if (Known != Resolved.end())
    return Known->second; // Null while being computed: a cycle.
  Resolved[Record] = nullptr;

  auto Summary = std::make_unique<TypeSummary>();
  Summary->Record = Record;
  analyze(*Summary);
  const TypeSummary *Result = Summary.get();
  Owned.push_back(std::move(Summary));

  // An implicit instantiation is judged on its own members where Sema
  // instantiated them (the calls are resolved there), else on its pattern
  // (section 2: "on their pattern and on each instantiation").
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
  bool LibCxx = false;
  for (const DeclContext *DC = Record->getDeclContext(); DC;
       DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && NS->isInline() && NS->getName() == "__1")
      LibCxx = true;
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
  return Both.contains(Name) || (!LibCxx && Name == "basic_string");
}

std::optional<MustNotMove> SelfReferenceModel::mustNotMove(QualType T,
                                                           unsigned Depth) {
  const TypeSummary *Summary = summarize(T);
  if (!Summary || Summary->Unpin || Depth > 8)
    return std::nullopt;
  const CXXRecordDecl *Record = Summary->Record;
  // The type as written (`std::string`), not the template (`basic_string`).
  QualType Shown = T.getNonReferenceType().getUnqualifiedType();
  if (const ArrayType *Array = Shown->getAsArrayTypeUnsafe())
    Shown = Array->getElementType().getUnqualifiedType();
  PrintingPolicy Policy = Record->getASTContext().getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  std::string Name = "'" + Shown.getAsString(Policy) + "'";
  MustNotMove Why;
  Why.MoveWrong = Summary->moveOrFallbackIsWrong();
  // A standard type is described as a whole, not by its internals.
  if (Record->isInStdNamespace() &&
      (Summary->isSelfReferential() || !Summary->Escapes.empty())) {
    Why.Reason = Name + " keeps pointers into its own object (derived from "
                        "the standard library's code)";
    return Why;
  }
  if (!Summary->Pointers.empty()) {
    const InteriorPointer &Pointer = Summary->Pointers.front();
    Why.Reason =
        Name + " points '" + Pointer.Field->getNameAsString() + "' into itself";
    Why.At = Pointer.Field;
    return Why;
  }
  if (!Summary->Escapes.empty()) {
    Why.Reason = "the constructor of " + Name + " hands out its address";
    Why.At = Record;
    return Why;
  }
  if (const NamedDecl *Subobject = Summary->SelfReferentialSubobject) {
    if (QualType Inner = Summary->subobjectType(); !Inner.isNull())
      if (auto InnerWhy = mustNotMove(Inner, Depth + 1)) {
        InnerWhy->Reason = Name + " contains '" + Subobject->getNameAsString() +
                           "': " + InnerWhy->Reason;
        InnerWhy->MoveWrong = Why.MoveWrong;
        InnerWhy->At = Subobject; // Shown where the user's type has it.
        return InnerWhy;
      }
  }
  if (keepsPointersIntoItself(Record)) {
    Why.Reason = Name + " keeps pointers into its own object (from "
                        "pincheck's table for this standard library)";
    return Why;
  }
  if (isKnownSelfReferentialLibraryType(Record)) {
    Why.Reason = Name + " keeps pointers into its own object (from "
                        "pincheck's table of library types)";
    return Why;
  }
  if (Summary->PinnedMarker) {
    Why.Reason = Name + " is a pinned marker";
    Why.At = Record;
    return Why;
  }
  // By-value members of standard types the table knows.
  for (const FieldDecl *Field : Record->fields())
    if (!Field->getType()->isReferenceType() &&
        !Field->getType()->isPointerType())
      if (auto InnerWhy = mustNotMove(Field->getType(), Depth + 1)) {
        InnerWhy->Reason = Name + " contains '" + Field->getNameAsString() +
                           "': " + InnerWhy->Reason;
        InnerWhy->MoveWrong = Why.MoveWrong;
        InnerWhy->At = Field;
        return InnerWhy;
      }
  // Small vectors keep their first elements in raw inline bytes, which no
  // member declares with the element type.
  if (const auto *Specialization =
          dyn_cast_or_null<ClassTemplateSpecializationDecl>(
              Shown->getAsCXXRecordDecl());
      Specialization && keepsElementsInline(Shown)) {
    // The element type as written (`std::string`) where the type says it.
    QualType Element;
    if (const auto *Written = Shown->getAs<TemplateSpecializationType>();
        Written && !Written->template_arguments().empty() &&
        Written->template_arguments()[0].getKind() == TemplateArgument::Type)
      Element = Written->template_arguments()[0].getAsType();
    const TemplateArgumentList &Args = Specialization->getTemplateArgs();
    if (Element.isNull() && Args.size() >= 1 &&
        Args[0].getKind() == TemplateArgument::Type)
      Element = Args[0].getAsType();
    if (!Element.isNull())
      if (auto InnerWhy = mustNotMove(Element, Depth + 1)) {
        InnerWhy->Reason =
            Name + " keeps its first elements inline: " + InnerWhy->Reason;
        InnerWhy->MoveWrong = Why.MoveWrong;
        return InnerWhy;
      }
  }
  return std::nullopt;
}

bool SelfReferenceModel::isPinnedMarker(QualType T) {
  const TypeSummary *Summary = summarize(T);
  return Summary && !Summary->Unpin && Summary->PinnedMarker;
}

void SelfReferenceModel::analyze(TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  Summary.Unpin = hasPinAnnotation(Record, annotation::Unpin);
  Summary.PinnedMarker = hasPinAnnotation(Record, annotation::Pinned) ||
                         qualifiedTemplateName(compat::declaredType(Record)) ==
                             "pin::PhantomPinned";
  if (!Summary.PinnedMarker && !PinnedTypeNames.empty()) {
    std::string Name = Record->getQualifiedNameAsString();
    Summary.PinnedMarker =
        PinnedTypeNames.contains(Name) || PinnedTypeNames.contains("::" + Name);
  }
  findSubobjects(Summary);
  findInteriorPointers(Summary);
  judgeSpecialMembers(Summary);
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
  Address.ViaCallable = Origin->Kind == OriginKind::CapturedThis;
  return Address;
}

void SelfReferenceModel::findInteriorPointers(TypeSummary &Summary) {
  const CXXRecordDecl *Record = Summary.Record;
  llvm::SmallPtrSet<const FieldDecl *, 4> Seen;
  auto AddPointer = [&](const FieldDecl *Field, const Expr *Value,
                        const FunctionDecl *SetIn) {
    // Members inherited from a base count: libstdc++'s list header sets
    // its base's `_M_next` to `this`.
    const auto *Owner = dyn_cast<CXXRecordDecl>(Field->getParent());
    if (!Value || !canHoldAddress(Field->getType()) || Seen.contains(Field) ||
        !Owner || !isSameOrBase(Record, Owner))
      return;
    if (auto Origin = originOfWrite(Field, Value)) {
      Seen.insert(Field);
      Summary.Pointers.push_back({Field, Value, SetIn, *Origin});
    }
  };

  for (const FieldDecl *Field : Record->fields())
    if (Field->hasInClassInitializer())
      AddPointer(Field, Field->getInClassInitializer(), nullptr);

  auto VisitFunction = [&](const FunctionDecl *FD) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || MD->isStatic() || isa<CXXDestructorDecl>(MD) ||
        MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator())
      return;
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD);
    if (Ctor && Ctor->isCopyOrMoveConstructor())
      return;
    SmallVector<MemberWrite, 8> Writes;
    MemberWriteCollector(Writes, /*FollowCalls=*/true).collectFunction(MD);
    const FunctionDecl *Definition = nullptr;
    if (!MD->hasBody(Definition))
      return;
    for (const MemberWrite &Write : Writes)
      AddPointer(Write.Field, Write.Value, Definition);
    if (Ctor) {
      SmallVector<Escape, 2> Found;
      auto OwnAddress = [&](const Expr *E) {
        return ownAddressOf(Origins, E, Record);
      };
      EscapeCollector Escapes(OwnAddress, Record, Found);
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten())
          Escapes.collect(Init->getInit());
      Escapes.collect(Definition->getBody());
      for (const Escape &E : Found)
        Summary.Escapes.push_back({E.At, Definition, E.Sink});
    }
  };
  for (const Decl *D : Record->decls()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      VisitFunction(FD);
    else if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      VisitFunction(FTD->getTemplatedDecl());
  }
}

void SelfReferenceModel::judgeSpecialMembers(TypeSummary &Summary) {
  if (Summary.Pointers.empty() && Summary.Escapes.empty())
    return;
  for (SpecialMember Member : AllSpecialMembers) {
    const CXXMethodDecl *Decl = nullptr;
    MemberForm Form = formOf(Summary.Record, Member, &Decl);
    if (Form == MemberForm::Deleted || Form == MemberForm::NotDeclared ||
        Form == MemberForm::External)
      continue;
    const bool Memberwise =
        Form == MemberForm::Implicit || Form == MemberForm::Defaulted;

    SmallVector<MemberWrite, 8> Writes;
    if (!Memberwise)
      MemberWriteCollector(Writes, /*FollowCalls=*/true).collectFunction(Decl);

    for (int I = 0, E = Summary.Pointers.size(); I != E; ++I) {
      const InteriorPointer &Pointer = Summary.Pointers[I];
      // Section 3: a move hands an owned heap buffer over intact.
      if (isMoveOperation(Member) &&
          Pointer.Origin.Storage == StorageKind::OwnedHeap)
        continue;
      if (Memberwise) {
        Summary.Faults.push_back({Member, Form, Decl, I, nullptr});
        continue;
      }
      // User-provided: fine if it re-seats the pointer from the new object,
      // wrong if it only copies it from the source verbatim. Writes are in
      // source order; an unconditional one overrides the earlier ones, and a
      // conditional re-seat counts (`if (src.p == src.buf) p = buf; else
      // p = src.p;` is the usual small-buffer move, copying for the heap).
      const Expr *Verbatim = nullptr;
      bool Reseated = false;
      for (const MemberWrite &Write : Writes) {
        if (Write.Field != Pointer.Field)
          continue;
        const bool Reseat = originOfWrite(Write.Field, Write.Value).has_value();
        const bool Copy = !Reseat && copiedMember(Write.Value) == Pointer.Field;
        if (!Write.Conditional) {
          Reseated = Reseat;
          Verbatim = Copy ? Write.Value : nullptr;
        } else {
          Reseated |= Reseat;
          if (Copy && !Verbatim)
            Verbatim = Write.Value;
        }
      }
      if (Verbatim && !Reseated)
        Summary.Faults.push_back({Member, Form, Decl, I, Verbatim});
    }
    // Addresses a constructor handed out keep naming the source object after
    // a memberwise copy or move; user-provided members are assumed to hand
    // out the new address themselves (their bodies are not judged for it).
    if (Memberwise && !Summary.Escapes.empty())
      Summary.Faults.push_back({Member, Form, Decl, -1, nullptr});
  }
}

} // namespace pincheck
