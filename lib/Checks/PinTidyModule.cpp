//===--- PinTidyModule.cpp - The pincheck clang-tidy module ---------------===//
//
// Part of pincheck. Every frontend (the clang-tidy plugin, the CLI, the
// compiler plugin and the clangd wrapper) runs the checks through this one
// module (model section 8).
//
//===----------------------------------------------------------------------===//

#include "Checks/CheckOptions.h"
#include "Checks/TidyCompat.h"
#include "MoveAfterPinCheck.h"
#include "RawCopyCheck.h"
#include "RelocatableClaimCheck.h"
#include "RelocatingContainerCheck.h"
#include "SelfReferentialTypeCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include <map>
#include <mutex>

using namespace clang::tidy;

namespace pincheck {

ModelOptions parseModelOptions(llvm::StringRef PinnedTypes) {
  ModelOptions Result;
  for (llvm::StringRef Name : utils::options::parseStringList(PinnedTypes))
    Result.PinnedTypes.push_back(Name.trim().str());
  return Result;
}

SelfReferenceModel &SharedModel::get(const clang::ASTContext &Context) {
  if (Model && For == &Context)
    return *Model;
  // Translation units may run on several threads (the CLI's -j).
  static std::mutex Mutex;
  static std::map<std::pair<const clang::ASTContext *, std::string>,
                  std::weak_ptr<SelfReferenceModel>>
      Models;
  std::lock_guard<std::mutex> Lock(Mutex);
  // Forget the models of translation units that are gone.
  for (auto It = Models.begin(); It != Models.end();)
    It = It->second.expired() ? Models.erase(It) : std::next(It);
  std::weak_ptr<SelfReferenceModel> &Slot = Models[{&Context, PinnedTypes}];
  Model = Slot.lock();
  if (!Model) {
    Model =
        std::make_shared<SelfReferenceModel>(parseModelOptions(PinnedTypes));
    Slot = Model;
  }
  For = &Context;
  return *Model;
}

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
