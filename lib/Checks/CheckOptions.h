//===--- CheckOptions.h - Options shared by the pincheck checks -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKS_CHECKOPTIONS_H
#define PINCHECK_CHECKS_CHECKOPTIONS_H

#include "Model/SelfReferenceModel.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace pincheck {

/// The model options from the `PinnedTypes` option, a semicolon-separated
/// list of qualified class names.
ModelOptions parseModelOptions(llvm::StringRef PinnedTypes);

/// The translation unit's self-reference model, shared by every pincheck
/// check that asks about it, so that a type (a library's std::string, say)
/// is analysed once per translation unit rather than once per check. Checks
/// live for one translation unit; the model lives as long as one of them
/// holds it.
class SharedModel {
public:
  explicit SharedModel(llvm::StringRef PinnedTypes)
      : PinnedTypes(PinnedTypes.str()) {}
  SelfReferenceModel &get(const clang::ASTContext &Context);

private:
  std::string PinnedTypes;
  std::shared_ptr<SelfReferenceModel> Model;
  const clang::ASTContext *For = nullptr;
};

} // namespace pincheck

#endif // PINCHECK_CHECKS_CHECKOPTIONS_H
