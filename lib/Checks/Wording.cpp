//===--- Wording.cpp - How the checks put the model's facts ---------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/Wording.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace pincheck {

static std::string quoted(const NamedDecl *D) {
  // A function object's call operator by its class (a customisation point
  // object such as `start_t`): 'start_t::operator()'.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(D);
      Method && Method->getOverloadedOperator() == OO_Call &&
      !Method->getParent()->isLambda() && Method->getParent()->getIdentifier())
    return "'" + Method->getParent()->getNameAsString() + "::operator()'";
  return "'" + D->getNameAsString() + "'";
}

/// A declaration by its name, or a name a fact of another unit gave.
static std::string quoted(const NamedDecl *D, StringRef Name) {
  return D ? quoted(D) : "'" + Name.str() + "'";
}

std::string describeObject(const Decl *Object) {
  if (isa<CXXRecordDecl>(Object))
    return "'*this'";
  if (const auto *ND = dyn_cast<NamedDecl>(Object))
    return quoted(ND);
  return "the object";
}

std::string describeExpression(const Expr *E, const ASTContext &Context) {
  E = E->IgnoreParenImpCasts();
  // As the user wrote it, when it is written on one line outside a macro;
  // the printer spells overloaded operators its own way (`(* p).m`).
  const SourceManager &SM = Context.getSourceManager();
  SourceRange Range = E->getSourceRange();
  if (Range.isValid() && Range.getBegin().isFileID() &&
      Range.getEnd().isFileID()) {
    StringRef Written = Lexer::getSourceText(
        CharSourceRange::getTokenRange(Range), SM, Context.getLangOpts());
    if (!Written.empty() && !Written.contains('\n'))
      return "'" + Written.str() + "'";
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  E->printPretty(OS, nullptr, Context.getPrintingPolicy());
  return "'" + OS.str() + "'";
}

std::string describeSink(const EscapeSink &Sink) {
  switch (Sink.TheKind) {
  case EscapeSink::Kind::Function:
    return quoted(Sink.Decl, Sink.Name);
  case EscapeSink::Kind::Container:
    return "a container (" + quoted(Sink.Decl, Sink.Name) + ")";
  case EscapeSink::Kind::OwnMember:
    return "a member of '*this'";
  case EscapeSink::Kind::Global:
    return "the global " + quoted(Sink.Decl, Sink.Name);
  case EscapeSink::Kind::OtherObject:
    return Sink.Decl || !Sink.Name.empty() ? quoted(Sink.Decl, Sink.Name)
                                           : "another object";
  case EscapeSink::Kind::Thread:
    return "a thread";
  case EscapeSink::Kind::Pointee:
    return "the object that " + quoted(Sink.Decl, Sink.Name) + " points to";
  }
  llvm_unreachable("unknown sink");
}

static StringRef describeApi(ApiReason Reason) {
  switch (Reason) {
  case ApiReason::PosixObject:
    return "POSIX leaves the use of a copy of an initialised object undefined";
  case ApiReason::ZlibStream:
    return "zlib's internal state points back at the stream";
  case ApiReason::Bzip2Stream:
    return "bzip2's internal state points back at the stream";
  case ApiReason::LibuvLoop:
    return "libuv's loop keeps queues that point into itself";
  case ApiReason::LibuvHandle:
    return "libuv links the handle into the loop";
  case ApiReason::LibevWatcher:
    return "libev links the watcher into the loop";
  case ApiReason::LibeventEvent:
    return "libevent links the event into its base";
  case ApiReason::IntrusiveContainer:
    return "an intrusive container links the element in place";
  case ApiReason::Loan:
    return "an atomic_ref refers to the object for its whole lifetime";
  case ApiReason::PinningFunctions:
    return "it is listed in the PinningFunctions option";
  }
  llvm_unreachable("unknown API reason");
}

std::string describeCause(const PinCause &Cause) {
  const std::string Function = Cause.Function || !Cause.FunctionName.empty()
                                   ? quoted(Cause.Function, Cause.FunctionName)
                                   : "";
  const std::string Subject = Cause.Subject || !Cause.SubjectName.empty()
                                  ? quoted(Cause.Subject, Cause.SubjectName)
                                  : "";
  const std::string Inner = Cause.Inner ? describeCause(*Cause.Inner) : "";
  // An inner cause explains what the sink does with the address.
  const std::string Because = Cause.Inner ? ": " + Inner : "";
  switch (Cause.TheKind) {
  case PinCause::Kind::DeclaredPinsThis:
    return Function + " is declared PIN_PINS_THIS";
  case PinCause::Kind::SetsInteriorPointer:
    return Function + " points " + Subject + " into the object";
  case PinCause::Kind::StoresOwnAddress:
    return Function + " stores the object's address in " + Subject;
  case PinCause::Kind::StoresOwnAddressThrough:
    return Function + " stores the object's address in the object that " +
           Subject + " points to";
  case PinCause::Kind::StoresMemberAddressThrough:
    return Function + " stores the address of a member in the object that " +
           Subject + " points to";
  case PinCause::Kind::HandsOutAddress:
    return Function + " hands the object's address to " +
           describeSink(Cause.Sink) + Because;
  case PinCause::Kind::HandsOutMember:
    return Function + " hands the address of member " + Subject + " to " +
           describeSink(Cause.Sink) + Because;
  case PinCause::Kind::CallsPinning:
    return Function + " calls a function that pins it: " + Inner;
  case PinCause::Kind::PinsMember:
    return Function + " pins member " + Subject + ": " + Inner;
  case PinCause::Kind::DeclaredPins:
    return "parameter " + Subject + " of " + Function + " is declared PIN_PINS";
  case PinCause::Kind::Api:
    return Function + " keeps the address: " + describeApi(Cause.Api).str();
  case PinCause::Kind::StoresArgument:
    if (Cause.Inner)
      return Function + " passes the address on: " + Inner;
    return Function + " stores the address in " + describeSink(Cause.Sink);
  case PinCause::Kind::StoresInMember:
    return Function + " stores the address in member " + Subject;
  case PinCause::Kind::EscapingFunctions:
    return Function + " is listed in the EscapingFunctions option";
  case PinCause::Kind::TakesCallable:
    return Function + " takes it as a type-erased callable that may outlive "
                      "the call";
  case PinCause::Kind::KeepsCallable:
    return Function + " keeps the callables it is given";
  case PinCause::Kind::StoresCallable:
    if (Cause.Inner)
      return Function + " hands its parameter " + Subject + " on: " + Inner;
    return Function + " stores its parameter " + Subject + " beyond the call";
  case PinCause::Kind::AssumedKept:
    return Function + " takes it as '" +
           (Cause.Subject
                ? cast<ValueDecl>(Cause.Subject)->getType().getAsString()
                : Cause.SubjectType) +
           "' and is assumed to keep it (its definition is out of sight)";
  case PinCause::Kind::PinFunction:
    return "'pin::pin' pins it for the rest of its lifetime";
  case PinCause::Kind::AddressStored:
    if (Cause.Inner)
      return "its address escapes: " + Inner;
    return "its address is stored in " + describeSink(Cause.Sink);
  }
  llvm_unreachable("unknown pin cause");
}

std::string describePinEvent(const PinEvent &Event) {
  // The wrappers between the statement and the function that keeps the
  // address (the `start` customisation point's call operator) say nothing.
  const PinCause *Cause = Event.Cause.get();
  if (Event.Activity != PinActivity::Other)
    while (Cause->TheKind == PinCause::Kind::CallsPinning && Cause->Inner)
      Cause = Cause->Inner.get();
  switch (Event.Activity) {
  case PinActivity::Other:
    return describeCause(*Cause);
  case PinActivity::Start:
    return "'start' began the operation, and " + describeCause(*Cause);
  case PinActivity::Await:
    return "'co_await' suspended on it, and " + describeCause(*Cause);
  }
  llvm_unreachable("unknown pin activity");
}

/// " contains 'm': ", " derives from 'B': ", " keeps its first elements
/// inline: ".
static std::string describeStep(const Containment &Step) {
  if (!Step.Subobject)
    return " keeps its first elements inline: ";
  if (isa<CXXRecordDecl>(Step.Subobject))
    return " derives from " + quoted(Step.Subobject) + ": ";
  return " contains " + quoted(Step.Subobject) + ": ";
}

/// A type as written, without its tag keyword: "'std::string'".
static std::string quotedType(QualType Type, const CXXRecordDecl *Record) {
  PrintingPolicy Policy = Record->getASTContext().getPrintingPolicy();
  Policy.SuppressTagKeyword = true;
  return "'" + Type.getAsString(Policy) + "'";
}

std::string describeMustNotMove(const MustNotMove &Why) {
  const TypeCause &Cause = Why.Why;
  std::string Text;
  for (const Containment &Step : Cause.Path)
    Text += quotedType(Step.Outer, Step.OuterRecord) + describeStep(Step);
  const std::string Name = quotedType(Cause.Type, Cause.Record);
  switch (Cause.TheKind) {
  case TypeCause::Kind::LibraryCode:
    return Text + Name +
           " keeps pointers into its own object (derived from the standard "
           "library's code)";
  case TypeCause::Kind::InteriorPointer:
    return Text + Name + " points " + quoted(Cause.Pointer) + " into itself";
  case TypeCause::Kind::HandsOutAddress:
    if (Cause.Function && !isa<CXXConstructorDecl>(Cause.Function))
      return Text + quoted(Cause.Function) + " hands out the address of " +
             Name;
    return Text + "the constructor of " + Name + " hands out its address";
  case TypeCause::Kind::StandardTable:
    return Text + Name +
           " keeps pointers into its own object (from pincheck's table for "
           "this standard library)";
  case TypeCause::Kind::LibraryTable:
    return Text + Name +
           " keeps pointers into its own object (from pincheck's table of "
           "library types)";
  case TypeCause::Kind::PinnedMarker:
    return Text + Name + " is a pinned marker";
  }
  llvm_unreachable("unknown type cause");
}

std::string describeConstructionPin(const ConstructionPin &Pin) {
  const TypeCause &Cause = Pin.Why;
  std::string Text;
  for (const Containment &Step : Cause.Path)
    Text += quoted(Step.OuterRecord) + describeStep(Step);
  const std::string Name = quoted(Cause.Record);
  if (Cause.TheKind == TypeCause::Kind::HandsOutAddress)
    return Text + "the constructor of " + Name + " hands its address to " +
           describeSink(Cause.Sink);
  return Text + Name + " points " + quoted(Cause.Pointer) +
         " into itself when it is constructed";
}

std::string describeSite(const FactSite &Site) {
  return llvm::sys::path::filename(Site.File).str() + ":" +
         std::to_string(Site.Line);
}

PointerTarget pointerTarget(const AddressOrigin &Origin) {
  if (!Origin.Member)
    return AtObject;
  if (Origin.Kind == OriginKind::MemberBuffer &&
      Origin.Storage == StorageKind::OwnedHeap)
    return IntoBuffer;
  return IntoObject;
}

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

} // namespace pincheck
