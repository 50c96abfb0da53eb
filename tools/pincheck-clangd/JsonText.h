//===--- JsonText.h - JSON values as the text of a message ----------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_TOOLS_PINCHECK_CLANGD_JSONTEXT_H
#define PINCHECK_TOOLS_PINCHECK_CLANGD_JSONTEXT_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace pincheck {

/// The compact text of a JSON value: the body of an LSP or worker message,
/// or a key that compares values.
inline std::string toJsonText(const llvm::json::Value &Value) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << Value;
  return Text;
}

} // namespace pincheck

#endif // PINCHECK_TOOLS_PINCHECK_CLANGD_JSONTEXT_H
