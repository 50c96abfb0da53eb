//===--- Wording.h - How the checks put the model's facts -----------------===//
//
// Part of pincheck. The model answers with typed facts (Model/Causes.h); the
// checks put them into words here, once, so that every check says the same
// thing the same way.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_WORDING_H
#define PINCHECK_CHECKS_WORDING_H

#include "Model/Causes.h"
#include "Model/PinEvents.h"
#include "Model/SelfReferenceModel.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class ASTContext;
class Decl;
class Expr;
} // namespace clang

namespace pincheck {

/// "'b'" for a variable or member, "'*this'" for the object itself.
std::string describeObject(const clang::Decl *Object);

/// An expression as written, quoted: "'o.m'".
std::string describeExpression(const clang::Expr *E,
                               const clang::ASTContext &Context);

/// What keeps an escaped address: "'curl_easy_setopt'", "a container
/// ('push_back')", "the global 'g'", "a thread", ...
std::string describeSink(const EscapeSink &Sink);

/// Why an event pins an object: "'start' points 'cur_' into the object".
std::string describeCause(const PinCause &Cause);

/// Why a pin event pins its object: its cause, led by what the statement
/// does when it starts an operation or suspends on an awaiter ("'start'
/// began the operation, and 'start' stores the object's address in 'Q'").
std::string describePinEvent(const PinEvent &Event);

/// Why objects of a type must not move: "'Buffer' points 'cur' into
/// itself", "'Holder' contains 'node': ...".
std::string describeMustNotMove(const MustNotMove &Why);

/// Why an object is pinned from its construction: "'Buffer' points 'cur'
/// into itself when it is constructed".
std::string describeConstructionPin(const ConstructionPin &Pin);

/// "request.cpp:7": where another translation unit does what a note says.
std::string describeSite(const FactSite &Site);

/// Where an interior pointer points, for the `%select{into the object|at
/// the object|into the buffer of the object}` of the diagnostics.
enum PointerTarget { IntoObject, AtObject, IntoBuffer };
PointerTarget pointerTarget(const AddressOrigin &Origin);

/// "copy constructor", "move assignment operator", ...
llvm::StringRef spellSpecialMember(SpecialMember Member);

} // namespace pincheck

#endif // PINCHECK_CHECKS_WORDING_H
