//===--- Causes.h - Why an object must not move, as typed facts -----------===//
//
// Part of pincheck. The model answers with facts, never with sentences: what
// keeps an escaped address, why calling a function pins an object, why a
// type must not be moved. The checks word them (lib/Checks/Wording.h), so
// the same facts serve every check and can be stored for whole-program
// analysis.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_CAUSES_H
#define PINCHECK_MODEL_CAUSES_H

#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class CXXRecordDecl;
class Decl;
class FunctionDecl;
class FieldDecl;
class NamedDecl;
} // namespace clang

namespace pincheck {

/// A place in the source of another translation unit, where a fact of
/// whole-program analysis was found (docs/model.md, "Whole-program
/// analysis").
struct FactSite {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// In bytes: an edit above the site moves it even when its line and
  /// column stay, and a note placed there by a cached finding with it.
  unsigned Offset = 0;
  bool operator==(const FactSite &Other) const {
    return File == Other.File && Line == Other.Line && Column == Other.Column &&
           Offset == Other.Offset;
  }
};

/// What keeps an address that leaves the object or the function.
struct EscapeSink {
  enum class Kind {
    /// A function that keeps it: `void *` user data or `...` into a body out
    /// of sight, a kept callable, a handler of an asynchronous call.
    Function,
    /// A storing member of another object (`registry.push_back(this)`).
    Container,
    /// A member of `*this` (when the address is another object's).
    OwnMember,
    /// A variable with static storage.
    Global,
    /// A member of another object (`Decl` when that object is a local
    /// variable), or what a pointer points to.
    OtherObject,
    /// A `std::thread` or `std::jthread`.
    Thread,
    /// The object a member of the object itself points to (`Decl`, the
    /// member: `owner_->head = this`).
    Pointee,
  };
  Kind TheKind = Kind::OtherObject;
  /// The function, the storing member or the global; null otherwise.
  const clang::NamedDecl *Decl = nullptr;
  /// Its name, when the fact comes from another translation unit (`Decl`
  /// is then null).
  std::string Name;
};

/// Why a library function keeps the address of an argument (the API model,
/// docs/model.md "The API model").
enum class ApiReason {
  PosixObject,        ///< POSIX forbids using a copy of the object.
  ZlibStream,         ///< zlib's state points back at the stream.
  Bzip2Stream,        ///< bzip2's state points back at the stream.
  LibuvLoop,          ///< libuv's loop keeps queues into itself.
  LibuvHandle,        ///< libuv links the handle into the loop.
  LibevWatcher,       ///< libev links the watcher into the loop.
  LibeventEvent,      ///< libevent links the event into its base.
  IntrusiveContainer, ///< An intrusive container links the element.
  Loan,               ///< `std::atomic_ref` lends the object for its
                      ///< lifetime.
  PinningFunctions,   ///< Listed in the `PinningFunctions` option.
};

/// Why an event pins an object (docs/model.md, "Pin events"). Causes nest:
/// a member function pins `*this` because it calls another that does.
struct PinCause {
  enum class Kind {
    DeclaredPinsThis,        ///< `Function` is declared PIN_PINS_THIS.
    SetsInteriorPointer,     ///< `Function` points `Subject` into the object.
    StoresOwnAddress,        ///< `Function` stores the object's address in
                             ///< `Subject`.
    StoresOwnAddressThrough, ///< `Function` stores the object's address
                             ///< in the object member `Subject` points
                             ///< to (`owner_->head = this`).
    StoresMemberAddressThrough, ///< The same with a member's address.
    HandsOutAddress,   ///< `Function` hands the object's address to `Sink`.
    HandsOutMember,    ///< `Function` hands member `Subject`'s address to
                       ///< `Sink`.
    CallsPinning,      ///< `Function` calls a function that pins it.
    PinsMember,        ///< `Function` pins member `Subject`.
    DeclaredPins,      ///< Parameter `Subject` of `Function` is PIN_PINS.
    Api,               ///< `Function` keeps the address (`Api`).
    StoresArgument,    ///< `Function` stores the address in `Sink`.
    StoresInMember,    ///< `Function` stores the address in member
                       ///< `Subject` of the object it constructs.
    EscapingFunctions, ///< `Function` is in the EscapingFunctions option.
    TakesCallable,     ///< `Function` takes the callable as a type-erased
                       ///< callable by value or `&&`, which may outlive
                       ///< the call.
    KeepsCallable,     ///< `Function` is a library function that keeps the
                       ///< callables it is given (Qt, Asio).
    StoresCallable,    ///< `Function` stores the callable given as
                       ///< parameter `Subject` beyond the call.
    AssumedKept,       ///< `Function`, out of sight, takes the callable as
                       ///< parameter `Subject`, a `const` reference to a
                       ///< type-erased callable: assumed kept.
    PinFunction,       ///< `pin::pin` pins it.
    AddressStored,     ///< Its address is stored in `Sink`.
  };
  Kind TheKind = Kind::AddressStored;
  const clang::NamedDecl *Function = nullptr;
  /// A member or parameter, by kind.
  const clang::NamedDecl *Subject = nullptr;
  EscapeSink Sink;
  ApiReason Api = ApiReason::PinningFunctions;
  /// For `CallsPinning` and `PinsMember`: why the inner call pins.
  std::shared_ptr<const PinCause> Inner;
  /// From another translation unit: the names of `Function` and `Subject`
  /// (which are then null), the type a parameter `Subject` has, and where
  /// the function does it.
  std::string FunctionName, SubjectName, SubjectType;
  std::optional<FactSite> Elsewhere;
};

/// One step from a type to the subobject that holds the trouble.
struct Containment {
  /// The containing type as written, and its class.
  clang::QualType Outer;
  const clang::CXXRecordDecl *OuterRecord = nullptr;
  /// The member or base; null for the inline elements of a small vector.
  const clang::NamedDecl *Subobject = nullptr;
};

/// Why objects of a type must not be moved (docs/model.md, "Types").
struct TypeCause {
  enum class Kind {
    /// A standard type whose own code points into itself.
    LibraryCode,
    /// An interior pointer, `Pointer`.
    InteriorPointer,
    /// Its constructor hands out its address (to `Sink`).
    HandsOutAddress,
    /// pincheck's table for the standard library in use.
    StandardTable,
    /// pincheck's table of other libraries' types.
    LibraryTable,
    /// A pinned marker (PIN_PINNED, pin::PhantomPinned, PinnedTypes).
    PinnedMarker,
  };
  Kind TheKind = Kind::InteriorPointer;
  /// The type the cause is about, as written, and its class.
  clang::QualType Type;
  const clang::CXXRecordDecl *Record = nullptr;
  const clang::FieldDecl *Pointer = nullptr;
  /// For `HandsOutAddress`: where, and to what; for `InteriorPointer`, the
  /// function that sets it (null for a default member initializer).
  const clang::FunctionDecl *Function = nullptr;
  EscapeSink Sink;
  /// When `Function` is defined in another translation unit: where it sets
  /// the pointer or hands out the address (whole-program analysis).
  std::optional<FactSite> Elsewhere;
  /// From the type asked about down to `Type`, outermost first.
  llvm::SmallVector<Containment, 1> Path;
};

/// Why objects of a type must not be copied or moved byte by byte.
struct MustNotMove {
  TypeCause Why;
  /// Where to show it: an interior pointer, a marker, a member; may be null.
  const clang::Decl *At = nullptr;
  /// The type's own move (or the copy it falls back to) is wrong.
  bool MoveWrong = false;
};

/// Why objects of a type are pinned from their construction, and which of
/// their copies and moves are wrong (a move falling back to a wrong copy is
/// wrong).
struct ConstructionPin {
  TypeCause Why;
  bool CopyWrong = false;
  bool MoveWrong = false;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_CAUSES_H
