//===--- ASTUtils.cpp - Expression stripping, names and type predicates ---===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "AST/ASTUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace pincheck {

const Expr *ignoreTemporaries(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    else if (const auto *DIE = dyn_cast<CXXDefaultInitExpr>(Next))
      Next = DIE->getExpr();
    if (Next == E)
      return E;
    E = Next;
  }
}

const Expr *ignoreToObject(const Expr *E) {
  while (true) {
    const Expr *Next = ignoreTemporaries(E);
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Next))
      Next = ICE->getSubExpr();
    else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Next);
             Cast && Cast->getTypeAsWritten()->isReferenceType())
      Next = Cast->getSubExpr(); // static_cast<T &&>(o)
    else if (const auto *Call = dyn_cast<CallExpr>(Next);
             Call && Call->getNumArgs() == 1 &&
             isStdCall(Call, {"move", "forward", "as_const"}))
      Next = Call->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
}

const Expr *ignoreToBoundObject(const Expr *E) {
  // Bounded: a reference initialised from itself is ill-formed, but Clang
  // keeps such declarations after errors.
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    E = ignoreToObject(E);
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->isLocalVarDecl() || !VD->getType()->isReferenceType() ||
        !VD->getInit())
      return E;
    E = VD->getInit();
  }
  return E;
}

const Expr *addressedObject(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    return AddrOf->getSubExpr();
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 && isStdCall(Call, {"addressof"}))
    return Call->getArg(0);
  return nullptr;
}

bool isStdFunction(const FunctionDecl *FD,
                   std::initializer_list<StringRef> Names) {
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         llvm::is_contained(Names, FD->getName());
}

bool isStdCall(const CallExpr *Call, std::initializer_list<StringRef> Names) {
  return isStdFunction(Call->getDirectCallee(), Names);
}

const Expr *movedArgument(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  if (Call && Call->getNumArgs() == 1 && isStdCall(Call, {"move", "forward"}))
    return Call->getArg(0);
  return nullptr;
}

StringRef calleeName(const CallExpr *Call) {
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return FD->getIdentifier() ? FD->getName() : StringRef();
  // Dependent calls in templates: `std::addressof(m)` before instantiation.
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  if (const auto *ULE = dyn_cast<UnresolvedLookupExpr>(Callee))
    if (const IdentifierInfo *Name = ULE->getName().getAsIdentifierInfo())
      return Name->getName();
  return {};
}

std::string qualifiedTemplateName(QualType T) {
  if (T.isNull())
    return {}; // A ParenListExpr in a template pattern has no type.
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  PrintingPolicy Policy{LangOptions()};
  Policy.SuppressInlineNamespace = true;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    RD->printQualifiedName(OS, Policy);
  } else if (const auto *TST = T->getAs<TemplateSpecializationType>()) {
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      TD->printQualifiedName(OS, Policy);
  } else if (const auto *ICN = T->getAs<InjectedClassNameType>()) {
    ICN->getDecl()->printQualifiedName(OS, Policy);
  }
  return Name;
}

bool isViewType(QualType T) {
  static const llvm::StringSet<> Views = {
      "std::basic_string_view",
      "std::span",
      "std::reference_wrapper",
      "std::ranges::ref_view",
      "std::ranges::subrange",
      "std::initializer_list",
      "llvm::iterator_range",
      "boost::iterator_range",
      "llvm::ArrayRef",
      "llvm::MutableArrayRef",
      "llvm::StringRef",
      "absl::Span",
      "gsl::span",
      "QStringView",
      "QByteArrayView",
      "QLatin1StringView",
  };
  return Views.contains(qualifiedTemplateName(T));
}

bool isTypeErasedCallable(QualType T) {
  static const llvm::StringSet<> Names = {
      "std::function", "std::move_only_function", "std::copyable_function",
      "absl::AnyInvocable", "folly::Function"};
  return Names.contains(qualifiedTemplateName(T.getNonReferenceType()));
}

bool canHoldAddress(QualType T) {
  if (T->isReferenceType())
    return true;
  const Type *Base = T->getBaseElementTypeUnsafe();
  return !(Base->isArithmeticType() || Base->isEnumeralType());
}

bool isByteFunction(StringRef Name) {
  static const llvm::StringSet<> Names = {
      "memset",         "memcpy", "memmove",  "memcmp",  "memchr", "bzero",
      "explicit_bzero", "strlen", "strcpy",   "strncpy", "strcmp", "strncmp",
      "strcat",         "fwrite", "fread",    "write",   "read",   "send",
      "recv",           "sendto", "recvfrom", "puts",    "fputs",  "hash"};
  return Names.contains(Name) || Name.ends_with("printf") ||
         Name.ends_with("scanf");
}

Stmt *userBody(const FunctionDecl *FD) {
  Stmt *Body = FD->getBody();
  if (auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coroutine->getBody();
  return Body;
}

bool callsBackBeforeReturning(StringRef Name) {
  // Iteration, sorting, search and query functions of C libraries: the user
  // data goes to the callback during the call and nowhere after.
  static const llvm::StringSet<> Names = {"dl_iterate_phdr",
                                          "qsort_r",
                                          "qsort_s",
                                          "bsearch_s",
                                          "twalk_r",
                                          "sqlite3_exec",
                                          "g_ptr_array_foreach",
                                          "g_list_foreach",
                                          "g_slist_foreach",
                                          "g_hash_table_foreach",
                                          "g_hash_table_find",
                                          "g_tree_foreach",
                                          "g_array_sort_with_data",
                                          "g_ptr_array_sort_with_data"};
  return Names.contains(Name);
}

bool isStoringMember(StringRef Name) {
  static const llvm::StringSet<> Names = {
      "push_back", "emplace_back", "push_front", "emplace_front", "insert",
      "emplace",   "assign",       "reset",      "append",        "set",
      "store",     "push",         "swap"};
  return Names.contains(Name);
}

bool takesRange(const CallExpr *Call) {
  unsigned N = Call->getNumArgs();
  if (N < 2)
    return false;
  QualType First = Call->getArg(N - 2)->getType().getCanonicalType();
  QualType Last = Call->getArg(N - 1)->getType().getCanonicalType();
  if (First.getUnqualifiedType() != Last.getUnqualifiedType())
    return false;
  return First->isPointerType() || First->isRecordType();
}

} // namespace pincheck
