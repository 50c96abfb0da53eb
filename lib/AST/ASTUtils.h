//===--- ASTUtils.h - Expression stripping, names and type predicates -----===//
//
// Part of pincheck. The small AST questions that the model and the checks
// share, in the manner of clang-tidy's utils/: which wrappers to look
// through, how a callee or a class template is named, and which library
// types are views, type-erased callables and so on.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_AST_ASTUTILS_H
#define PINCHECK_AST_ASTUTILS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <initializer_list>
#include <string>

namespace clang {
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace pincheck {

/// How deep any recursion of the model may go (nested types, chains of
/// expressions, calls followed into their bodies). Deeper than any code
/// written by hand; recursive templates (type lists, tuples, expression
/// templates) reach it, and there the model answers conservatively: nothing
/// found (docs/model.md, "Limits").
inline constexpr unsigned MaxModelDepth = 64;

/// Counts one level of a recursion against `MaxModelDepth` for as long as it
/// lives; `exceeded()` tells the caller to give the conservative answer.
class DepthGuard {
public:
  explicit DepthGuard(unsigned &Depth) : Depth(Depth) { ++Depth; }
  ~DepthGuard() { --Depth; }
  DepthGuard(const DepthGuard &) = delete;
  DepthGuard &operator=(const DepthGuard &) = delete;
  bool exceeded() const { return Depth > MaxModelDepth; }

private:
  unsigned &Depth;
};

/// Strips what neither changes a value nor the object it designates:
/// parentheses, full-expression cleanups, materialised and bound
/// temporaries, and default member initializers (to their expression).
const clang::Expr *ignoreTemporaries(const clang::Expr *E);

/// Strips what neither copies nor changes the object an expression
/// designates: `ignoreTemporaries`, implicit casts, casts to a reference
/// type (`static_cast<T &&>(o)`) and `std::move`, `std::forward`,
/// `std::as_const`.
const clang::Expr *ignoreToObject(const clang::Expr *E);

/// `ignoreToObject`, also through local reference variables: the object
/// `r` names in `T &r = o.m; use(r)` is `o.m`.
const clang::Expr *ignoreToBoundObject(const clang::Expr *E);

/// The object whose address `E` takes: `o` for `&o` and
/// `std::addressof(o)`; null for anything else.
const clang::Expr *addressedObject(const clang::Expr *E);

/// `FD` is a function of namespace `std` named one of `Names`.
bool isStdFunction(const clang::FunctionDecl *FD,
                   std::initializer_list<llvm::StringRef> Names);
/// `Call` calls a function of namespace `std` named one of `Names`.
bool isStdCall(const clang::CallExpr *Call,
               std::initializer_list<llvm::StringRef> Names);
/// `std::move(x)` or `std::forward<T>(x)`: returns `x`.
const clang::Expr *movedArgument(const clang::Expr *E);

/// The name of the function `Call` calls, also when Sema left it unresolved
/// in a template (`std::addressof(m)` with a dependent `m`); empty when
/// unnamed or unknown.
llvm::StringRef calleeName(const clang::CallExpr *Call);

/// Fully qualified name of a class or class template without template
/// arguments and inline namespaces (`std::vector`, `llvm::SmallVector`).
std::string qualifiedTemplateName(clang::QualType T);

/// Standard and common library views that refer to the storage of the object
/// they are built from (`std::string_view`, `std::span`,
/// `std::reference_wrapper`, `llvm::ArrayRef`, ...).
bool isViewType(clang::QualType T);

/// `std::function`, `std::move_only_function`, `absl::AnyInvocable`, ...
bool isTypeErasedCallable(clang::QualType T);

/// Types that can hold an address: everything but arithmetic and enums.
bool canHoldAddress(clang::QualType T);

/// C library functions that read or write the bytes they are given and keep
/// no pointer to them (`memset(this, 0, sizeof *this)`, `printf`).
bool isByteFunction(llvm::StringRef Name);

/// The statements the user wrote as `FD`'s body: for a coroutine, the body
/// inside the `CoroutineBodyStmt` (without the promise, the implicit
/// suspensions and the parameters' copies into the frame).
clang::Stmt *userBody(const clang::FunctionDecl *FD);

/// C functions that take user data (`void *`) for a callback they call
/// only before returning (`dl_iterate_phdr`, `qsort_r`, `sqlite3_exec`):
/// the address given to them is not kept.
bool callsBackBeforeReturning(llvm::StringRef Name);

/// Members that store their argument inside the object they are called on
/// (`push_back`, `insert`, `reset`, ...).
bool isStoringMember(llvm::StringRef Name);

/// A call given a range of elements to read (`append(first, last)`,
/// `assign(v.begin(), v.end())`): its last two arguments are of one
/// iterator or pointer type. Such a call copies the elements and keeps no
/// iterator.
bool takesRange(const clang::CallExpr *Call);

} // namespace pincheck

#endif // PINCHECK_AST_ASTUTILS_H
