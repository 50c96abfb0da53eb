//===--- Relocation.h - Container operations that relocate elements -------===//
//
// Part of pincheck. Which calls relocate a container's elements and whether
// that is wrong (docs/model.md, "Containers"): shared by
// pin-relocating-container, which reports them, and pin-move-after-pin,
// which leaves a statement that check reports to it (one mistake, one
// finding).
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_RELOCATION_H
#define PINCHECK_CHECKS_RELOCATION_H

#include "Model/PinAnalysis.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace pincheck {

/// The default of pin-relocating-container's `RelocatingContainers` option.
inline constexpr llvm::StringLiteral DefaultRelocatingContainers =
    "::std::vector;::std::basic_string;::llvm::SmallVector;"
    "::llvm::SmallVectorImpl;::absl::InlinedVector;::boost::container::vector;"
    "::boost::container::small_vector;::folly::fbvector;::QList;::QVector";

/// Matches a call that may relocate elements: a growing or erasing member of
/// one of `Containers`, an insertion or erasure in a `std::deque`, a
/// permuting algorithm. Binds "call", and "container" or "range".
clang::ast_matchers::StatementMatcher
relocatingCall(const std::vector<llvm::StringRef> &Containers);

/// A call that relocates the elements of a container.
struct Relocation {
  const clang::CallExpr *Call = nullptr;
  /// The container, when the call names one (not a pointer range).
  const clang::Expr *Container = nullptr;
  clang::QualType Element;
};

/// The relocation a match of `relocatingCall` found; none for a deque's
/// ends, or an element type not known yet.
std::optional<Relocation>
relocationOf(const clang::ast_matchers::BoundNodes &Nodes);

/// Why a relocation is wrong.
struct RelocationVerdict {
  /// The element type's own move is wrong: always.
  std::optional<MustNotMove> BrokenElements;
  /// An element of the container was pinned earlier in the function.
  const clang::Decl *Container = nullptr;
  ReachingPins PinnedElement;
};

/// Judges a relocation in `Function`; none when it is fine.
std::optional<RelocationVerdict>
judgeRelocation(const Relocation &R, const clang::FunctionDecl *Function,
                PinAnalysis &Analysis, clang::ASTContext &Context);

/// The relocation `Call` performs, if `relocatingCall` matches it and the
/// verdict is wrong: what pin-relocating-container reports.
std::optional<RelocationVerdict>
reportedRelocation(const clang::CallExpr *Call,
                   const std::vector<llvm::StringRef> &Containers,
                   const clang::FunctionDecl *Function, PinAnalysis &Analysis,
                   clang::ASTContext &Context);

/// "'push_back'", "'std::sort'", "'std::ranges::sort'".
std::string describeRelocatingCall(const clang::CallExpr *Call);

} // namespace pincheck

#endif // PINCHECK_CHECKS_RELOCATION_H
