//===--- PinningApi.h - Library functions that keep an address ------------===//
//
// Part of pincheck. The API model of `pinning-model.md` section 4: C library
// functions whose argument must not move afterwards (POSIX, zlib, bzip2,
// libuv, libev, libevent), extended by the `PinningFunctions` and
// `EscapingFunctions` options.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_PINNINGAPI_H
#define PINCHECK_MODEL_PINNINGAPI_H

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

  /// Why `Callee` keeps the address of its argument `Index`, for the note:
  /// "links the handle into the loop".
  std::optional<std::string> pinningArgument(const clang::FunctionDecl *Callee,
                                             unsigned Index) const;

  /// `EscapingFunctions`: every address passed to it escapes.
  bool isEscapingFunction(const clang::FunctionDecl *Callee) const;

private:
  llvm::StringMap<std::vector<unsigned>> UserPinning;
  std::vector<llvm::Regex> Escaping;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_PINNINGAPI_H
