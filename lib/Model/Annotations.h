//===--- Annotations.h - The pincheck/pin.h annotations -------------------===//
//
// Part of pincheck. Reads the `[[clang::annotate("pin::...")]]` attributes
// that the macros of include/pincheck/pin.h expand to (docs/model.md, "The
// annotation header").
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_ANNOTATIONS_H
#define PINCHECK_MODEL_ANNOTATIONS_H

#include "llvm/ADT/StringRef.h"

namespace clang {
class Decl;
} // namespace clang

namespace pincheck {

/// The annotation strings, kept in sync with include/pincheck/pin.h.
namespace annotation {
inline constexpr llvm::StringLiteral Pinned = "pin::pinned";
inline constexpr llvm::StringLiteral Unpin = "pin::unpin";
inline constexpr llvm::StringLiteral Pins = "pin::pins";
inline constexpr llvm::StringLiteral PinsThis = "pin::pins_this";
inline constexpr llvm::StringLiteral Structural = "pin::structural";
} // namespace annotation

/// True if `D`, any of its redeclarations, or (for an instantiated class,
/// function or member of a class) its template pattern carries the
/// annotation `Name`.
bool hasPinAnnotation(const clang::Decl *D, llvm::StringRef Name);

} // namespace pincheck

#endif // PINCHECK_MODEL_ANNOTATIONS_H
