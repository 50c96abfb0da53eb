//===--- PinningApi.h - Library functions that keep an address ------------===//
//
// Part of pincheck. The API model of docs/model.md ("The API model"): C
// library functions whose argument must not move afterwards (POSIX, zlib,
// bzip2, libuv, libev, libevent) and intrusive containers, extended by the
// `PinningFunctions` and `EscapingFunctions` options.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_PINNINGAPI_H
#define PINCHECK_MODEL_PINNINGAPI_H

#include "Model/Causes.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace pincheck {

class PinningApi {
public:
  /// `PinningFunctions`: `name:index;name:index`; `EscapingFunctions`:
  /// `;`-separated regular expressions matched against the whole name.
  PinningApi(llvm::StringRef PinningFunctions,
             llvm::StringRef EscapingFunctions);

  /// Why `Callee` keeps the address of its argument `Index`, if it does.
  std::optional<ApiReason> pinningArgument(const clang::FunctionDecl *Callee,
                                           unsigned Index) const;

  /// `EscapingFunctions`: every address passed to it escapes.
  bool isEscapingFunction(const clang::FunctionDecl *Callee) const;

  /// Whether the elements `Insertion` links have hooks whose copies start
  /// unlinked (Boost.Intrusive's): a copy of a linked element is a new,
  /// unlinked node, and the linked one stays where the container points.
  static bool copiesStartUnlinked(const clang::FunctionDecl *Insertion);

private:
  llvm::StringMap<std::vector<unsigned>> UserPinning;
  std::vector<llvm::Regex> Escaping;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_PINNINGAPI_H
