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
  StringRef Reason;
};
} // namespace

static constexpr StringRef PosixReason =
    "POSIX leaves the use of a copy of an initialised object undefined";
static constexpr StringRef ZlibReason =
    "zlib's internal state points back at the stream";
static constexpr StringRef Bzip2Reason =
    "bzip2's internal state points back at the stream";

static const ModelEntry ModelTable[] = {
    {"pthread_mutex_init", 0, PosixReason},
    {"pthread_cond_init", 0, PosixReason},
    {"pthread_rwlock_init", 0, PosixReason},
    {"pthread_spin_init", 0, PosixReason},
    {"pthread_barrier_init", 0, PosixReason},
    {"sem_init", 0, PosixReason},
    {"deflateInit_", 0, ZlibReason},
    {"deflateInit2_", 0, ZlibReason},
    {"inflateInit_", 0, ZlibReason},
    {"inflateInit2_", 0, ZlibReason},
    {"inflateBackInit_", 0, ZlibReason},
    {"BZ2_bzCompressInit", 0, Bzip2Reason},
    {"BZ2_bzDecompressInit", 0, Bzip2Reason},
    {"uv_loop_init", 0, "libuv's loop keeps queues that point into itself"},
    {"uv_spawn", 1, "libuv links the process handle into the loop"},
    {"event_assign", 0, "libevent links the event into its base"},
};

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
  std::string Owner = Method->getParent()->getQualifiedNameAsString();
  return StringRef(Owner).starts_with("boost::intrusive::") ||
         llvm::is_contained({"llvm::simple_ilist", "llvm::iplist_impl"}, Owner);
}

std::optional<std::string>
PinningApi::pinningArgument(const FunctionDecl *Callee, unsigned Index) const {
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  StringRef Name = Callee->getName();
  if (isIntrusiveInsertion(Callee, Index))
    return std::string("an intrusive container links the element in place");
  for (const ModelEntry &Entry : ModelTable)
    if (Entry.Name == Name)
      return Entry.Index == Index
                 ? std::optional<std::string>(Entry.Reason.str())
                 : std::nullopt;
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
      return Index == 1 ? std::optional<std::string>(
                              "libuv links the handle into the loop")
                        : std::nullopt;
    return Index == 0 ? std::optional<std::string>(PosixReason.str())
                      : std::nullopt;
  }
  // libev: `ev_io_start(loop, &watcher)` links the watcher into the loop.
  if (Name.starts_with("ev_") && Name.ends_with("_start") && Index == 1)
    return std::string("libev links the watcher into the loop");
  auto User = UserPinning.find(Name);
  if (User == UserPinning.end())
    User = UserPinning.find(Callee->getQualifiedNameAsString());
  if (User != UserPinning.end() && llvm::is_contained(User->second, Index))
    return std::string("it is listed in the PinningFunctions option");
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
