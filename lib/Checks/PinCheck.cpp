//===--- PinCheck.cpp - What every pincheck check shares ------------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/PinCheck.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include <map>
#include <mutex>
#include <tuple>

using namespace clang;

namespace pincheck {

PinCheck::PinCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context),
      PinnedTypes(Options.getLocalOrGlobal("PinnedTypes", "")),
      PinningFunctions(Options.getLocalOrGlobal("PinningFunctions", "")),
      EscapingFunctions(Options.getLocalOrGlobal("EscapingFunctions", "")) {}

void PinCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PinnedTypes", PinnedTypes);
  Options.store(Opts, "PinningFunctions", PinningFunctions);
  Options.store(Opts, "EscapingFunctions", EscapingFunctions);
}

bool PinCheck::isCheckEnabled(StringRef CheckName) const {
  return TidyContext->isCheckEnabled(CheckName);
}

std::string PinCheck::optionOf(StringRef CheckName, StringRef Option,
                               StringRef Default) const {
  const tidy::ClangTidyOptions::OptionMap &Options =
      TidyContext->getOptions().CheckOptions;
  auto It = Options.find((CheckName + "." + Option).str());
  return It == Options.end() ? Default.str() : It->getValue().Value;
}

PinAnalysis &PinCheck::analysis(const ASTContext &Context) {
  if (Analysis && AnalysisFor == &Context)
    return *Analysis;
  // Checks live for one translation unit and know nothing of each other: the
  // analysis is found by the unit and the options, and lives as long as a
  // check holds it. Units may run on several threads (the CLI's -j).
  using Key =
      std::tuple<const ASTContext *, std::string, std::string, std::string>;
  static std::mutex Mutex;
  static std::map<Key, std::weak_ptr<PinAnalysis>> Analyses;
  std::lock_guard<std::mutex> Lock(Mutex);
  // Forget the analyses of translation units that are gone.
  for (auto It = Analyses.begin(); It != Analyses.end();)
    It = It->second.expired() ? Analyses.erase(It) : std::next(It);
  std::weak_ptr<PinAnalysis> &Slot =
      Analyses[Key{&Context, PinnedTypes, PinningFunctions, EscapingFunctions}];
  Analysis = Slot.lock();
  if (!Analysis) {
    AnalysisOptions Options;
    for (StringRef Name : tidy::utils::options::parseStringList(PinnedTypes))
      Options.PinnedTypes.push_back(Name.trim().str());
    Options.PinningFunctions = PinningFunctions;
    Options.EscapingFunctions = EscapingFunctions;
    Analysis = std::make_shared<PinAnalysis>(Options);
    Slot = Analysis;
  }
  AnalysisFor = &Context;
  return *Analysis;
}

} // namespace pincheck
