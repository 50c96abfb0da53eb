//===--- CheckOptions.h - Options shared by the pincheck checks -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CHECKOPTIONS_H
#define PINCHECK_CHECKOPTIONS_H

#include "Model/SelfReferenceModel.h"
#include "llvm/ADT/StringRef.h"

namespace pincheck {

/// The model options from the `PinnedTypes` option, a semicolon-separated
/// list of qualified class names.
ModelOptions parseModelOptions(llvm::StringRef PinnedTypes);

} // namespace pincheck

#endif // PINCHECK_CHECKOPTIONS_H
