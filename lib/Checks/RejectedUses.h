//===--- RejectedUses.h - What deleting a class's copies rejects ---------===//
//
// Part of pincheck. The copies and moves of a class in a unit that a fix-it
// deleting its copy and move operations will stop compiling: the mistakes
// pin-self-referential-type reports, which its notes list before the user
// applies the fix (docs/decisions.md, "Fix-its that keep the program
// compiling").
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_REJECTEDUSES_H
#define PINCHECK_CHECKS_REJECTEDUSES_H

#include "Model/SelfReferenceModel.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace pincheck {

/// A copy or move that the fix-it will reject.
struct RejectedUse {
  /// Where the user's code copies or moves, or calls the library function
  /// that does.
  clang::SourceLocation At;
  SpecialMember Member;
  /// The class copied or moved: the reported class or one holding it.
  clang::QualType Type;
  /// The instantiated library function that copies or moves on the user's
  /// behalf (`std::vector<T>::push_back`), or null for a copy in the code.
  const clang::FunctionDecl *Inside = nullptr;
};

/// The copies and moves in `Context` that use an operation of the class of
/// `Summary` that is wrong (and that the fix-it deletes), in the order of
/// the unit, each place once.
std::vector<RejectedUse> rejectedUses(const TypeSummary &Summary,
                                      clang::ASTContext &Context);

/// A question the user's code asks about the class whose answer deleting its
/// copies and moves changes: a type trait or concept about them
/// (`std::is_trivially_copyable_v<T>`, `std::movable<T>`,
/// `__is_trivially_copyable(T)`). In `if constexpr` or overload resolution
/// the program would change meaning without failing to compile.
struct TraitQuery {
  clang::SourceLocation At;
  /// As written: `std::is_trivially_copyable_v`, `__is_trivially_copyable`.
  std::string Trait;
};

/// The first such question in the user's code of the unit, if any.
std::optional<TraitQuery> firstTraitQuery(const clang::CXXRecordDecl *Record,
                                          clang::ASTContext &Context);

/// At most this many rejected uses are listed in notes; the rest are
/// counted in one more.
inline constexpr unsigned MaxListedRejectedUses = 8;

/// Whether a note of pin-self-referential-type lists a rejected use (or
/// counts the ones not listed).
bool isRejectedUseNote(llvm::StringRef Message);

/// Adds to `Notes`, the notes of a finding about a class in a header, the
/// rejected uses that another translation unit reported with the same
/// finding (each unit sees only its own copies): listed in the order of
/// their files and offsets, at most `MaxListedRejectedUses`, then counted.
void mergeRejectedUseNotes(
    llvm::SmallVectorImpl<clang::tooling::DiagnosticMessage> &Notes,
    llvm::ArrayRef<clang::tooling::DiagnosticMessage> Other);

} // namespace pincheck

#endif // PINCHECK_CHECKS_REJECTEDUSES_H
