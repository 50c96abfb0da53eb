//===--- PinTidyModule.cpp - The pincheck clang-tidy module ---------------===//
//
// Part of pincheck. Every frontend (the clang-tidy plugin, the CLI, the
// compiler plugin and the clangd wrapper) runs the checks through this one
// module (docs/design.md, "Components").
//
//===----------------------------------------------------------------------===//

#include "Checks/TidyCompat.h"
#include "MoveAfterPinCheck.h"
#include "RawCopyCheck.h"
#include "RelocatableClaimCheck.h"
#include "RelocatingContainerCheck.h"
#include "SelfReferentialTypeCheck.h"
#include "clang-tidy/ClangTidyModule.h"

using namespace clang::tidy;

namespace pincheck {

namespace {
class PinTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<MoveAfterPinCheck>("pin-move-after-pin");
    Factories.registerCheck<RawCopyCheck>("pin-raw-copy");
    Factories.registerCheck<RelocatableClaimCheck>("pin-relocatable-claim");
    Factories.registerCheck<RelocatingContainerCheck>(
        "pin-relocating-container");
    Factories.registerCheck<SelfReferentialTypeCheck>(
        "pin-self-referential-type");
  }
};
} // namespace

static ClangTidyModuleRegistry::Add<PinTidyModule>
    Registration("pin-module", "Checks for objects that must not move.");

} // namespace pincheck
