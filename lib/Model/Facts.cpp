//===--- Facts.cpp - What a translation unit defines, for the others ------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/Facts.h"
#include "AST/ASTUtils.h"
#include "Model/PinAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace pincheck {

FactSource::~FactSource() = default;

bool FunctionFacts::isEmpty() const {
  return !PinsThis && PinsArgument.empty() && KeepsCallable.empty() &&
         CallableNotKept.empty() && ArgumentNotKept.empty() && Writes.empty() &&
         Escapes.empty() && VerbatimCopies.empty() && !TransfersOwnership;
}

std::string usrOf(const Decl *D) {
  llvm::SmallString<128> USR;
  if (!D || index::generateUSRForDecl(D, USR))
    return {};
  return std::string(USR);
}

std::string factKeyOf(StringRef USR) {
  return llvm::utohexstr(llvm::xxh3_64bits(USR), /*LowerCase=*/true, 16);
}

std::string factKeyOf(const Decl *D) {
  std::string USR = usrOf(D);
  return USR.empty() ? std::string() : factKeyOf(USR);
}

FactSite siteOf(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc Presumed = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (Presumed.isInvalid())
    return {};
  llvm::SmallString<256> File(Presumed.getFilename());
  if (auto Entry = SM.getFileManager().getOptionalFileRef(File))
    if (StringRef Real = Entry->getFileEntry().tryGetRealPathName();
        !Real.empty())
      File = Real;
  return {std::string(File), Presumed.getLine(), Presumed.getColumn(),
          SM.getFileOffset(SM.getExpansionLoc(Loc))};
}

//===----------------------------------------------------------------------===//
// Enumerations by name: a store stays readable when their order changes.
//===----------------------------------------------------------------------===//

namespace {
template <typename E> struct Names;

#define PINCHECK_NAMES(Type, ...)                                              \
  template <> struct Names<Type> {                                             \
    static constexpr std::pair<Type, llvm::StringLiteral> Table[] = {          \
        __VA_ARGS__};                                                          \
  }

using PK = PinCause::Kind;
PINCHECK_NAMES(
    PinCause::Kind, {PK::DeclaredPinsThis, "declared-pins-this"},
    {PK::SetsInteriorPointer, "sets-interior-pointer"},
    {PK::StoresOwnAddress, "stores-own-address"},
    {PK::StoresOwnAddressThrough, "stores-own-address-through"},
    {PK::StoresMemberAddressThrough, "stores-member-address-through"},
    {PK::HandsOutAddress, "hands-out-address"},
    {PK::HandsOutMember, "hands-out-member"},
    {PK::CallsPinning, "calls-pinning"}, {PK::PinsMember, "pins-member"},
    {PK::DeclaredPins, "declared-pins"}, {PK::Api, "api"},
    {PK::StoresArgument, "stores-argument"},
    {PK::StoresInMember, "stores-in-member"},
    {PK::EscapingFunctions, "escaping-functions"},
    {PK::TakesCallable, "takes-callable"},
    {PK::KeepsCallable, "keeps-callable"},
    {PK::StoresCallable, "stores-callable"}, {PK::AssumedKept, "assumed-kept"},
    {PK::PinFunction, "pin-function"}, {PK::AddressStored, "address-stored"});
using SK = EscapeSink::Kind;
PINCHECK_NAMES(EscapeSink::Kind, {SK::Function, "function"},
               {SK::Container, "container"}, {SK::OwnMember, "own-member"},
               {SK::Global, "global"}, {SK::OtherObject, "other-object"},
               {SK::Thread, "thread"}, {SK::Pointee, "pointee"});
using AR = ApiReason;
PINCHECK_NAMES(ApiReason, {AR::PosixObject, "posix"}, {AR::ZlibStream, "zlib"},
               {AR::Bzip2Stream, "bzip2"}, {AR::LibuvLoop, "libuv-loop"},
               {AR::LibuvHandle, "libuv-handle"},
               {AR::LibevWatcher, "libev-watcher"},
               {AR::LibeventEvent, "libevent-event"},
               {AR::IntrusiveContainer, "intrusive-container"},
               {AR::Loan, "loan"}, {AR::PinningFunctions, "pinning-functions"});
PINCHECK_NAMES(StorageKind, {StorageKind::Inline, "inline"},
               {StorageKind::OwnedHeap, "owned-heap"},
               {StorageKind::SmallBuffer, "small-buffer"});
PINCHECK_NAMES(OriginKind, {OriginKind::ThisPointer, "this"},
               {OriginKind::MemberAddress, "member-address"},
               {OriginKind::MemberBuffer, "member-buffer"},
               {OriginKind::CapturedThis, "captured-this"},
               {OriginKind::HeldThis, "held-this"},
               {OriginKind::InPointee, "in-pointee"});
#undef PINCHECK_NAMES
} // namespace

template <typename E> static Value nameOf(E Kind) {
  for (const auto &[Known, Name] : Names<E>::Table)
    if (Known == Kind)
      return Name;
  llvm_unreachable("an enumerator without a name");
}

template <typename E>
static bool kindOf(const Value *V, E &Kind, llvm::json::Path Path) {
  std::optional<StringRef> Name = V ? V->getAsString() : std::nullopt;
  for (const auto &[Known, KnownName] : Names<E>::Table)
    if (Name && *Name == KnownName) {
      Kind = Known;
      return true;
    }
  Path.report("unknown kind");
  return false;
}

/// A declaration's name as the wording shows it.
static std::string nameOf(const NamedDecl *D, const std::string &Name) {
  return D ? D->getNameAsString() : Name;
}

/// The cause with names for declarations: facts outlive the unit's AST.
static std::shared_ptr<const PinCause>
detached(const std::shared_ptr<const PinCause> &Cause) {
  if (!Cause)
    return nullptr;
  auto Copy = std::make_shared<PinCause>(*Cause);
  Copy->FunctionName = nameOf(Cause->Function, Cause->FunctionName);
  Copy->SubjectName = nameOf(Cause->Subject, Cause->SubjectName);
  if (const auto *Param = dyn_cast_or_null<ValueDecl>(Cause->Subject);
      Param && Cause->TheKind == PinCause::Kind::AssumedKept)
    Copy->SubjectType = Param->getType().getAsString();
  Copy->Sink.Name = nameOf(Cause->Sink.Decl, Cause->Sink.Name);
  Copy->Function = nullptr;
  Copy->Subject = nullptr;
  Copy->Sink.Decl = nullptr;
  Copy->Inner = detached(Cause->Inner);
  return Copy;
}

//===----------------------------------------------------------------------===//
// Extraction: the functions defined in the unit's main file.
//===----------------------------------------------------------------------===//

namespace {
class FactExtractor : public RecursiveASTVisitor<FactExtractor> {
public:
  FactExtractor(ASTContext &Context, PinAnalysis &Analysis, UnitFacts &Facts)
      : SM(Context.getSourceManager()), Analysis(Analysis), Facts(Facts) {}

  bool TraverseDecl(Decl *D) {
    // Only the main file's definitions: a header's are seen by every unit
    // that includes it. Namespaces and linkage specifications may open in
    // a header and hold nothing of the main file; they are cheap to skip.
    if (D && !isa<TranslationUnitDecl>(D) &&
        !SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        FD->isTemplateInstantiation() || FD->isInvalidDecl())
      return true;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && MD->getParent()->isLambda())
      return true;
    std::string Key = factKeyOf(FD);
    if (Key.empty())
      return true;
    FunctionFacts Known;
    Known.Name = FD->getQualifiedNameAsString();
    Known.Definition = siteOf(FD->getLocation(), SM);
    summariseCalls(FD, Known);
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && !MD->isStatic())
      summariseMember(MD, Known);
    if (!Known.isEmpty())
      Facts.Functions[Key] = std::move(Known);
    return true;
  }

private:
  /// What callers ask: does it pin `*this`, keep an argument's address, keep
  /// a callable?
  void summariseCalls(const FunctionDecl *FD, FunctionFacts &Known) {
    PinEventFinder &Pins = Analysis.pins();
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      Known.PinsThis = detached(Pins.pinsThis(MD));
    const bool Constructor = isa<CXXConstructorDecl>(FD);
    for (unsigned I = 0, E = FD->getNumParams(); I != E; ++I) {
      QualType Type = FD->getParamDecl(I)->getType();
      if (auto Cause = Pins.pinsArgument(FD, I)) {
        Known.PinsArgument[I] = detached(Cause);
        if (Pins.keptOnlyByNewObject(FD, I))
          Known.KeptInObject.insert(I);
      }
      if (isTypeErasedCallable(Type)) {
        if (auto Cause = Pins.keepsCallable(FD, I))
          Known.KeepsCallable[I] = detached(Cause);
        else if (Type->isLValueReferenceType())
          Known.CallableNotKept.insert(I);
      }
      if (Constructor && (Type->isReferenceType() || Type->isPointerType()) &&
          !mayKeepArgument(FD, I))
        Known.ArgumentNotKept.insert(I);
    }
  }

  /// What the type model asks: interior pointers set, addresses handed out,
  /// pointers a copy or move copies verbatim.
  void summariseMember(const CXXMethodDecl *MD, FunctionFacts &Known) {
    SelfReferenceModel &Model = Analysis.model();
    const CXXRecordDecl *Record = MD->getParent();
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD);
    const bool CopyOrMove = (Ctor && Ctor->isCopyOrMoveConstructor()) ||
                            MD->isCopyAssignmentOperator() ||
                            MD->isMoveAssignmentOperator();
    if (CopyOrMove) {
      SmallVector<std::pair<const FieldDecl *, const Expr *>, 4> Copies;
      Model.collectVerbatimCopies(MD, Copies);
      for (const auto &[Field, Copy] : Copies)
        Known.VerbatimCopies.emplace_back(Field->getNameAsString(),
                                          siteOf(Copy->getBeginLoc(), SM));
      Known.TransfersOwnership = SelfReferenceModel::transfersOwnership(MD);
      return;
    }
    if (isa<CXXDestructorDecl>(MD))
      return;
    SmallVector<std::pair<MemberWrite, AddressOrigin>, 4> Writes;
    Model.collectInteriorWrites(MD, Writes);
    for (const auto &[Write, Origin] : Writes)
      Known.Writes.push_back(writeFact(Write, Origin));
    SmallVector<AddressEscape, 2> Escapes;
    Model.collectEscapes(Record, MD, Escapes);
    for (const AddressEscape &Escape : Escapes) {
      EscapeFact Fact;
      Fact.Sink = Escape.Sink;
      if (Fact.Sink.Decl) {
        Fact.Sink.Name = Fact.Sink.Decl->getNameAsString();
        Fact.Sink.Decl = nullptr;
      }
      if (Escape.Member)
        Fact.Member = Escape.Member->getNameAsString();
      Fact.Kept = detached(Escape.Kept);
      Fact.At = Escape.At ? siteOf(Escape.At->getBeginLoc(), SM)
                          : Escape.Elsewhere.value_or(FactSite());
      Known.Escapes.push_back(std::move(Fact));
    }
  }

public:
  WriteFact writeFact(const MemberWrite &Write, const AddressOrigin &Origin) {
    WriteFact Fact;
    Fact.Field = Write.Field->getNameAsString();
    Fact.Origin = Origin;
    Fact.Origin.Member = nullptr;
    if (Origin.Member)
      Fact.OriginMember = Origin.Member->getNameAsString();
    Fact.At = siteOf(Write.Value->getBeginLoc(), SM);
    return Fact;
  }

private:
  const SourceManager &SM;
  PinAnalysis &Analysis;
  UnitFacts &Facts;
};
} // namespace

UnitFacts extractFacts(ASTContext &Context, PinAnalysis &Analysis) {
  UnitFacts Facts;
  FactExtractor Extractor(Context, Analysis, Facts);
  Extractor.TraverseDecl(Context.getTranslationUnitDecl());
  // Writes into objects of other classes made by the main file's functions.
  const SourceManager &SM = Context.getSourceManager();
  Analysis.model().collectForeignWrites([&](const CXXRecordDecl *Record,
                                            const ForeignWrite &Foreign,
                                            const AddressOrigin &Origin) {
    if (!SM.isInMainFile(SM.getExpansionLoc(Foreign.In->getLocation())))
      return;
    std::string Key = factKeyOf(Record);
    if (!Key.empty())
      Facts.ForeignWrites[Key].push_back(
          Extractor.writeFact(Foreign.Write, Origin));
  });
  return Facts;
}

//===----------------------------------------------------------------------===//
// Serialisation.
//===----------------------------------------------------------------------===//

static Value toJSON(const FactSite &Site) {
  return Array{Site.File, Site.Line, Site.Column, Site.Offset};
}

static bool fromJSON(const Value &V, FactSite &Site, llvm::json::Path Path) {
  const Array *A = V.getAsArray();
  if (!A || A->size() != 4 || !(*A)[0].getAsString() ||
      !(*A)[1].getAsInteger() || !(*A)[2].getAsInteger() ||
      !(*A)[3].getAsInteger()) {
    Path.report("expected [file, line, column, offset]");
    return false;
  }
  Site = {std::string(*(*A)[0].getAsString()),
          static_cast<unsigned>(*(*A)[1].getAsInteger()),
          static_cast<unsigned>(*(*A)[2].getAsInteger()),
          static_cast<unsigned>(*(*A)[3].getAsInteger())};
  return true;
}

static Value toJSON(const EscapeSink &Sink) {
  Object O{{"kind", nameOf(Sink.TheKind)}};
  std::string Name = nameOf(Sink.Decl, Sink.Name);
  if (!Name.empty())
    O["name"] = Name;
  return O;
}

static bool fromJSON(const Value &V, EscapeSink &Sink, llvm::json::Path Path) {
  const Object *O = V.getAsObject();
  if (!O || !kindOf(O->get("kind"), Sink.TheKind, Path.field("kind")))
    return false;
  if (std::optional<StringRef> Name = O->getString("name"))
    Sink.Name = Name->str();
  return true;
}

Value toJSON(const PinCause &Cause) {
  Object O{{"kind", nameOf(Cause.TheKind)}};
  if (std::string Function = nameOf(Cause.Function, Cause.FunctionName);
      !Function.empty())
    O["function"] = Function;
  if (std::string Subject = nameOf(Cause.Subject, Cause.SubjectName);
      !Subject.empty())
    O["subject"] = Subject;
  if (const auto *Param = dyn_cast_or_null<ValueDecl>(Cause.Subject);
      Param && Cause.TheKind == PinCause::Kind::AssumedKept)
    O["subjectType"] = Param->getType().getAsString();
  else if (!Cause.SubjectType.empty())
    O["subjectType"] = Cause.SubjectType;
  if (Cause.Sink.Decl || !Cause.Sink.Name.empty() ||
      Cause.Sink.TheKind != EscapeSink::Kind::OtherObject)
    O["sink"] = toJSON(Cause.Sink);
  if (Cause.TheKind == PinCause::Kind::Api)
    O["api"] = nameOf(Cause.Api);
  if (Cause.Inner)
    O["inner"] = toJSON(*Cause.Inner);
  if (Cause.Elsewhere)
    O["at"] = toJSON(*Cause.Elsewhere);
  return O;
}

bool fromJSON(const Value &V, std::shared_ptr<const PinCause> &Result,
              llvm::json::Path Path) {
  const Object *O = V.getAsObject();
  auto Cause = std::make_shared<PinCause>();
  if (!O || !kindOf(O->get("kind"), Cause->TheKind, Path.field("kind")))
    return false;
  if (std::optional<StringRef> Name = O->getString("function"))
    Cause->FunctionName = Name->str();
  if (std::optional<StringRef> Name = O->getString("subject"))
    Cause->SubjectName = Name->str();
  if (std::optional<StringRef> Type = O->getString("subjectType"))
    Cause->SubjectType = Type->str();
  if (const Value *Sink = O->get("sink");
      Sink && !fromJSON(*Sink, Cause->Sink, Path.field("sink")))
    return false;
  if (const Value *Api = O->get("api");
      Api && !kindOf(Api, Cause->Api, Path.field("api")))
    return false;
  if (const Value *Inner = O->get("inner");
      Inner && !fromJSON(*Inner, Cause->Inner, Path.field("inner")))
    return false;
  if (const Value *At = O->get("at")) {
    FactSite Site;
    if (!fromJSON(*At, Site, Path.field("at")))
      return false;
    Cause->Elsewhere = Site;
  }
  Result = std::move(Cause);
  return true;
}

static Value toJSON(const WriteFact &Write) {
  Object O{{"field", Write.Field},
           {"storage", nameOf(Write.Origin.Storage)},
           {"origin", nameOf(Write.Origin.Kind)},
           {"at", toJSON(Write.At)}};
  if (!Write.OriginMember.empty())
    O["member"] = Write.OriginMember;
  return O;
}

static bool fromJSON(const Value &V, WriteFact &Write, llvm::json::Path Path) {
  const Object *O = V.getAsObject();
  llvm::json::ObjectMapper Map(V, Path);
  if (!O || !Map.map("field", Write.Field) ||
      !kindOf(O->get("storage"), Write.Origin.Storage, Path.field("storage")) ||
      !kindOf(O->get("origin"), Write.Origin.Kind, Path.field("origin")) ||
      !O->get("at") || !fromJSON(*O->get("at"), Write.At, Path.field("at")))
    return false;
  Map.mapOptional("member", Write.OriginMember);
  return true;
}

static Value toJSON(const EscapeFact &Escape) {
  Object O{{"sink", toJSON(Escape.Sink)}, {"at", toJSON(Escape.At)}};
  if (!Escape.Member.empty())
    O["member"] = Escape.Member;
  if (Escape.Kept)
    O["kept"] = toJSON(*Escape.Kept);
  return O;
}

static bool fromJSON(const Value &V, EscapeFact &Escape,
                     llvm::json::Path Path) {
  const Object *O = V.getAsObject();
  if (!O || !O->get("sink") ||
      !fromJSON(*O->get("sink"), Escape.Sink, Path.field("sink")) ||
      !O->get("at") || !fromJSON(*O->get("at"), Escape.At, Path.field("at")))
    return false;
  if (std::optional<StringRef> Member = O->getString("member"))
    Escape.Member = Member->str();
  if (const Value *Kept = O->get("kept"))
    return fromJSON(*Kept, Escape.Kept, Path.field("kept"));
  return true;
}

/// `{"0": cause, ...}`: causes by parameter index.
static Value
toJSON(const std::map<unsigned, std::shared_ptr<const PinCause>> &M) {
  Object O;
  for (const auto &[Index, Cause] : M)
    O[std::to_string(Index)] = toJSON(*Cause);
  return O;
}

static bool fromJSON(const Value &V,
                     std::map<unsigned, std::shared_ptr<const PinCause>> &M,
                     llvm::json::Path Path) {
  const Object *O = V.getAsObject();
  if (!O) {
    Path.report("expected an object");
    return false;
  }
  for (const auto &[Key, Cause] : *O) {
    unsigned Index = 0;
    if (StringRef(Key).getAsInteger(10, Index)) {
      Path.field(Key).report("expected a parameter index");
      return false;
    }
    if (!fromJSON(Cause, M[Index], Path.field(Key)))
      return false;
  }
  return true;
}

static Array indexArray(const std::set<unsigned> &Indices) {
  Array Result;
  for (unsigned Index : Indices)
    Result.push_back(Index);
  return Result;
}

Value toJSON(const FunctionFacts &Facts) {
  Object O{{"name", Facts.Name}, {"at", toJSON(Facts.Definition)}};
  if (Facts.PinsThis)
    O["pinsThis"] = toJSON(*Facts.PinsThis);
  if (!Facts.PinsArgument.empty())
    O["pinsArgument"] = toJSON(Facts.PinsArgument);
  if (!Facts.KeptInObject.empty())
    O["keptInObject"] = indexArray(Facts.KeptInObject);
  if (!Facts.KeepsCallable.empty())
    O["keepsCallable"] = toJSON(Facts.KeepsCallable);
  if (!Facts.CallableNotKept.empty())
    O["callableNotKept"] = indexArray(Facts.CallableNotKept);
  if (!Facts.ArgumentNotKept.empty())
    O["argumentNotKept"] = indexArray(Facts.ArgumentNotKept);
  if (!Facts.Writes.empty()) {
    Array Writes;
    for (const WriteFact &Write : Facts.Writes)
      Writes.push_back(toJSON(Write));
    O["writes"] = std::move(Writes);
  }
  if (!Facts.Escapes.empty()) {
    Array Escapes;
    for (const EscapeFact &Escape : Facts.Escapes)
      Escapes.push_back(toJSON(Escape));
    O["escapes"] = std::move(Escapes);
  }
  if (!Facts.VerbatimCopies.empty()) {
    Array Copies;
    for (const auto &[Field, At] : Facts.VerbatimCopies)
      Copies.push_back(Object{{"field", Field}, {"at", toJSON(At)}});
    O["verbatimCopies"] = std::move(Copies);
  }
  if (Facts.TransfersOwnership)
    O["transfersOwnership"] = true;
  return O;
}

bool fromJSON(const Value &V, FunctionFacts &Facts, llvm::json::Path Path) {
  llvm::json::ObjectMapper Map(V, Path);
  const Object *O = V.getAsObject();
  if (!Map || !Map.map("name", Facts.Name) || !O->get("at") ||
      !fromJSON(*O->get("at"), Facts.Definition, Path.field("at")))
    return false;
  if (const Value *Pins = O->get("pinsThis");
      Pins && !fromJSON(*Pins, Facts.PinsThis, Path.field("pinsThis")))
    return false;
  if (const Value *Pins = O->get("pinsArgument");
      Pins && !fromJSON(*Pins, Facts.PinsArgument, Path.field("pinsArgument")))
    return false;
  if (const Value *Keeps = O->get("keepsCallable");
      Keeps &&
      !fromJSON(*Keeps, Facts.KeepsCallable, Path.field("keepsCallable")))
    return false;
  std::vector<int64_t> KeptInObject, CallableNotKept, ArgumentNotKept;
  if (!Map.mapOptional("keptInObject", KeptInObject) ||
      !Map.mapOptional("callableNotKept", CallableNotKept) ||
      !Map.mapOptional("argumentNotKept", ArgumentNotKept) ||
      !Map.mapOptional("transfersOwnership", Facts.TransfersOwnership))
    return false;
  Facts.KeptInObject.insert(KeptInObject.begin(), KeptInObject.end());
  Facts.CallableNotKept.insert(CallableNotKept.begin(), CallableNotKept.end());
  Facts.ArgumentNotKept.insert(ArgumentNotKept.begin(), ArgumentNotKept.end());
  if (const Array *Writes = O->getArray("writes"))
    for (size_t I = 0; I < Writes->size(); ++I)
      if (!fromJSON((*Writes)[I], Facts.Writes.emplace_back(),
                    Path.field("writes").index(I)))
        return false;
  if (const Array *Escapes = O->getArray("escapes"))
    for (size_t I = 0; I < Escapes->size(); ++I)
      if (!fromJSON((*Escapes)[I], Facts.Escapes.emplace_back(),
                    Path.field("escapes").index(I)))
        return false;
  if (const Array *Copies = O->getArray("verbatimCopies"))
    for (size_t I = 0; I < Copies->size(); ++I) {
      const Object *Copy = (*Copies)[I].getAsObject();
      FactSite At;
      if (!Copy || !Copy->getString("field") || !Copy->get("at") ||
          !fromJSON(*Copy->get("at"), At,
                    Path.field("verbatimCopies").index(I).field("at")))
        return false;
      Facts.VerbatimCopies.emplace_back(Copy->getString("field")->str(), At);
    }
  return true;
}

uint64_t digestOf(const FunctionFacts *Facts) {
  if (!Facts)
    return 0;
  std::string Text;
  llvm::raw_string_ostream(Text) << toJSON(*Facts);
  return llvm::xxh3_64bits(Text) | 1;
}

uint64_t digestOf(const std::vector<WriteFact> &Writes) {
  if (Writes.empty())
    return 0;
  Array List;
  for (const WriteFact &Write : Writes)
    List.push_back(toJSON(Write));
  std::string Text;
  llvm::raw_string_ostream(Text) << Value(std::move(List));
  return llvm::xxh3_64bits(Text) | 1;
}

Value toJSON(const UnitFacts &Facts) {
  Object Functions, Foreign;
  for (const auto &[USR, Function] : Facts.Functions)
    Functions[USR] = toJSON(Function);
  for (const auto &[USR, Writes] : Facts.ForeignWrites) {
    Array List;
    for (const WriteFact &Write : Writes)
      List.push_back(toJSON(Write));
    Foreign[USR] = std::move(List);
  }
  return Object{{"functions", std::move(Functions)},
                {"foreignWrites", std::move(Foreign)}};
}

bool fromJSON(const Value &V, UnitFacts &Facts, llvm::json::Path Path) {
  const Object *O = V.getAsObject();
  const Object *Functions = O ? O->getObject("functions") : nullptr;
  const Object *Foreign = O ? O->getObject("foreignWrites") : nullptr;
  if (!Functions || !Foreign) {
    Path.report("expected functions and foreignWrites");
    return false;
  }
  for (const auto &[USR, Function] : *Functions)
    if (!fromJSON(Function, Facts.Functions[USR.str()],
                  Path.field("functions").field(USR)))
      return false;
  for (const auto &[USR, Writes] : *Foreign) {
    const Array *List = Writes.getAsArray();
    if (!List)
      return false;
    for (size_t I = 0; I < List->size(); ++I)
      if (!fromJSON((*List)[I], Facts.ForeignWrites[USR.str()].emplace_back(),
                    Path.field("foreignWrites").field(USR).index(I)))
        return false;
  }
  return true;
}

} // namespace pincheck
