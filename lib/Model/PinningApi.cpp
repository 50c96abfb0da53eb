//===--- PinningApi.cpp - Library functions that keep an address ----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/PinningApi.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace pincheck {

PinningApi::PinningApi(StringRef PinningFunctions,
                       StringRef EscapingFunctions) {
  SmallVector<StringRef, 8> Entries;
  PinningFunctions.split(Entries, ';', -1, /*KeepEmpty=*/false);
  for (StringRef Entry : Entries) {
    auto [Name, Index] = Entry.trim().rsplit(':');
    unsigned Value = 0;
    if (!Name.empty() && !Index.getAsInteger(10, Value))
      UserPinning[Name.trim()].push_back(Value);
  }
  Entries.clear();
  EscapingFunctions.split(Entries, ';', -1, /*KeepEmpty=*/false);
  for (StringRef Pattern : Entries) {
    llvm::Regex Regex(("^(" + Pattern.trim() + ")$").str());
    if (Regex.isValid())
      Escaping.push_back(std::move(Regex));
  }
}

namespace {
struct ModelEntry {
  StringRef Name;
  unsigned Index;
  ApiReason Reason;
};
} // namespace

static const ModelEntry ModelTable[] = {
    {"pthread_mutex_init", 0, ApiReason::PosixObject},
    {"pthread_cond_init", 0, ApiReason::PosixObject},
    {"pthread_rwlock_init", 0, ApiReason::PosixObject},
    {"pthread_spin_init", 0, ApiReason::PosixObject},
    {"pthread_barrier_init", 0, ApiReason::PosixObject},
    {"sem_init", 0, ApiReason::PosixObject},
    {"deflateInit_", 0, ApiReason::ZlibStream},
    {"deflateInit2_", 0, ApiReason::ZlibStream},
    {"inflateInit_", 0, ApiReason::ZlibStream},
    {"inflateInit2_", 0, ApiReason::ZlibStream},
    {"inflateBackInit_", 0, ApiReason::ZlibStream},
    {"BZ2_bzCompressInit", 0, ApiReason::Bzip2Stream},
    {"BZ2_bzDecompressInit", 0, ApiReason::Bzip2Stream},
    {"uv_loop_init", 0, ApiReason::LibuvLoop},
    {"uv_spawn", 1, ApiReason::LibuvHandle},
    {"event_assign", 0, ApiReason::LibeventEvent},
};

/// A member of a Boost.Intrusive container.
static bool isBoostIntrusive(const CXXMethodDecl *Method) {
  return StringRef(Method->getParent()->getQualifiedNameAsString())
      .starts_with("boost::intrusive::");
}

/// Intrusive containers link the element itself, by its hooks, where it is.
static bool isIntrusiveInsertion(const FunctionDecl *Callee, unsigned Index) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || Index >= Method->getNumParams() ||
      !llvm::is_contained({StringRef("push_back"), StringRef("push_front"),
                           StringRef("insert"), StringRef("insert_before"),
                           StringRef("insert_after"), StringRef("insert_equal"),
                           StringRef("insert_unique")},
                          Method->getName()))
    return false;
  QualType Param = Method->getParamDecl(Index)->getType();
  if (!Param->isLValueReferenceType() ||
      Param.getNonReferenceType().isConstQualified())
    return false;
  return isBoostIntrusive(Method) ||
         llvm::is_contained({"llvm::simple_ilist", "llvm::iplist_impl"},
                            Method->getParent()->getQualifiedNameAsString());
}

bool PinningApi::copiesStartUnlinked(const FunctionDecl *Insertion) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Insertion);
  return Method && isBoostIntrusive(Method);
}

/// `std::atomic_ref<T> R(x)` (and Boost's) lends `x` to `R` for `R`'s
/// lifetime; its copies share the loan.
static bool isLoan(const FunctionDecl *Callee, unsigned Index) {
  const auto *Constructor = dyn_cast<CXXConstructorDecl>(Callee);
  if (!Constructor || Index != 0 || Constructor->getNumParams() != 1 ||
      Constructor->isCopyOrMoveConstructor())
    return false;
  QualType Param = Constructor->getParamDecl(0)->getType();
  if (!Param->isLValueReferenceType())
    return false;
  std::string Owner = Constructor->getParent()->getQualifiedNameAsString();
  return llvm::is_contained(
      {"std::atomic_ref", "boost::atomic_ref", "boost::atomics::atomic_ref"},
      Owner);
}

std::optional<ApiReason> PinningApi::pinningArgument(const FunctionDecl *Callee,
                                                     unsigned Index) const {
  if (Callee && isLoan(Callee, Index))
    return ApiReason::Loan;
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  StringRef Name = Callee->getName();
  if (isIntrusiveInsertion(Callee, Index))
    return ApiReason::IntrusiveContainer;
  for (const ModelEntry &Entry : ModelTable)
    if (Entry.Name == Name)
      return Entry.Index == Index ? std::optional(Entry.Reason) : std::nullopt;
  // libuv: `uv_timer_init(loop, &handle)` links the handle (argument 1) into
  // the loop; loop-less initialisers (`uv_mutex_init(&m)`) wrap a POSIX
  // primitive (argument 0).
  if (Name.starts_with("uv_") && Name.ends_with("_init") &&
      Callee->getNumParams() > 0) {
    const bool TakesLoop =
        Callee->getParamDecl(0)->getType().getAsString().find("uv_loop_s") !=
            std::string::npos ||
        Callee->getParamDecl(0)->getType().getAsString().find("uv_loop_t") !=
            std::string::npos;
    if (TakesLoop)
      return Index == 1 ? std::optional(ApiReason::LibuvHandle) : std::nullopt;
    return Index == 0 ? std::optional(ApiReason::PosixObject) : std::nullopt;
  }
  // libev: `ev_io_start(loop, &watcher)` links the watcher into the loop.
  if (Name.starts_with("ev_") && Name.ends_with("_start") && Index == 1)
    return ApiReason::LibevWatcher;
  auto User = UserPinning.find(Name);
  if (User == UserPinning.end())
    User = UserPinning.find(Callee->getQualifiedNameAsString());
  if (User != UserPinning.end() && llvm::is_contained(User->second, Index))
    return ApiReason::PinningFunctions;
  return std::nullopt;
}

bool PinningApi::isEscapingFunction(const FunctionDecl *Callee) const {
  if (!Callee || Escaping.empty())
    return false;
  std::string Qualified = Callee->getQualifiedNameAsString();
  return llvm::any_of(Escaping, [&](const llvm::Regex &Regex) {
    return Regex.match(Qualified) ||
           (Callee->getIdentifier() && Regex.match(Callee->getName()));
  });
}

} // namespace pincheck
