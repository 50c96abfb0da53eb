//===--- SharedAnalysis.cpp - One analysis per translation unit -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/SharedAnalysis.h"
#include "Store/FactStore.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"
#include <map>
#include <mutex>
#include <tuple>

using namespace clang;

namespace pincheck {

namespace {
/// The facts frontends hand to the units they run, by tidy context.
struct HandedFacts {
  std::mutex Mutex;
  std::map<const tidy::ClangTidyContext *, std::shared_ptr<FactSource>> ByTidy;

  static HandedFacts &get() {
    static HandedFacts Instance;
    return Instance;
  }
};
} // namespace

ScopedFactSource::ScopedFactSource(const tidy::ClangTidyContext &Tidy,
                                   std::shared_ptr<FactSource> Facts)
    : Tidy(Tidy) {
  HandedFacts &Handed = HandedFacts::get();
  std::lock_guard<std::mutex> Lock(Handed.Mutex);
  Handed.ByTidy[&Tidy] = std::move(Facts);
}

ScopedFactSource::~ScopedFactSource() {
  HandedFacts &Handed = HandedFacts::get();
  std::lock_guard<std::mutex> Lock(Handed.Mutex);
  Handed.ByTidy.erase(&Tidy);
}

SharedAnalysisOptions
globalAnalysisOptions(const tidy::ClangTidyContext &Tidy) {
  const tidy::ClangTidyOptions::OptionMap &Options =
      Tidy.getOptions().CheckOptions;
  auto Global = [&](StringRef Name) {
    auto It = Options.find(Name);
    return It == Options.end() ? std::string() : It->getValue().Value;
  };
  return {Global("PinnedTypes"), Global("PinningFunctions"),
          Global("EscapingFunctions"), Global("FactStore")};
}

/// The unit's facts: those handed over, or the store's.
static std::shared_ptr<FactSource> factsFor(const tidy::ClangTidyContext &Tidy,
                                            const ASTContext &Context,
                                            StringRef StoreOption) {
  {
    HandedFacts &Handed = HandedFacts::get();
    std::lock_guard<std::mutex> Lock(Handed.Mutex);
    auto It = Handed.ByTidy.find(&Tidy);
    if (It != Handed.ByTidy.end())
      return It->second;
  }
  if (StoreOption == "none")
    return nullptr;
  std::string Store = StoreOption.str();
  if (Store.empty()) {
    // Beside the database that compiles the unit: its commands run in the
    // directory the database names.
    llvm::ErrorOr<std::string> WorkingDirectory =
        Context.getSourceManager()
            .getFileManager()
            .getVirtualFileSystem()
            .getCurrentWorkingDirectory();
    if (WorkingDirectory)
      Store = findFactStore(*WorkingDirectory);
  }
  if (Store.empty())
    return nullptr;
  std::shared_ptr<const FactIndex> Index = loadFactIndex(Store);
  return Index ? std::make_shared<UnitFactView>(std::move(Index)) : nullptr;
}

std::shared_ptr<PinAnalysis>
sharedAnalysis(const tidy::ClangTidyContext &Tidy, const ASTContext &Context,
               const SharedAnalysisOptions &Options) {
  // Checks live for one translation unit and know nothing of each other: the
  // analysis is found by the unit and the options, and lives as long as a
  // check holds it. Units may run on several threads (the CLI's -j).
  using Key = std::tuple<const ASTContext *, std::string, std::string,
                         std::string, std::string>;
  static std::mutex Mutex;
  static std::map<Key, std::weak_ptr<PinAnalysis>> Analyses;
  std::lock_guard<std::mutex> Lock(Mutex);
  // Forget the analyses of translation units that are gone.
  for (auto It = Analyses.begin(); It != Analyses.end();)
    It = It->second.expired() ? Analyses.erase(It) : std::next(It);
  std::weak_ptr<PinAnalysis> &Slot =
      Analyses[Key{&Context, Options.PinnedTypes, Options.PinningFunctions,
                   Options.EscapingFunctions, Options.FactStore}];
  std::shared_ptr<PinAnalysis> Analysis = Slot.lock();
  if (Analysis)
    return Analysis;
  AnalysisOptions Model;
  for (StringRef Name :
       tidy::utils::options::parseStringList(Options.PinnedTypes))
    Model.PinnedTypes.push_back(Name.trim().str());
  Model.PinningFunctions = Options.PinningFunctions;
  Model.EscapingFunctions = Options.EscapingFunctions;
  Analysis = std::make_shared<PinAnalysis>(
      Model, factsFor(Tidy, Context, Options.FactStore));
  Slot = Analysis;
  return Analysis;
}

} // namespace pincheck
