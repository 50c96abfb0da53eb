//===--- PinAnalysis.cpp - The model of one translation unit --------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/PinAnalysis.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace pincheck {

FunctionPins::FunctionPins(const FunctionDecl *Function, PinEventFinder &Finder,
                           ASTContext &Context)
    : Function(Function), Model(Finder.model()), Context(Context) {
  Finder.find(Function, Events);
}

ReachingPins
FunctionPins::reaching(const Decl *Object, const Stmt *Use,
                       const Stmt *Declaration,
                       llvm::function_ref<bool(const PinEvent &)> Relevant) {
  ReachingPins Result;
  SmallVector<const Stmt *, 4> PinStmts;
  for (const PinEvent &Event : Events) {
    if (Event.Object != Object || !Relevant(Event))
      continue;
    if (!Flow)
      Flow.emplace(Function, Context);
    // A pin held by a local object or container ends with its scope.
    if (Event.Holder && !Flow->inScopeOf(Event.Holder, Use))
      continue;
    PinStmts.push_back(Event.At);
    if (Flow->reaches(Event.At, Use, Declaration))
      Result.Events.push_back(&Event);
  }
  if (!Result.Events.empty())
    Result.Definite = !Flow->reachableAvoiding(Use, PinStmts);
  return Result;
}

ReachingPins
FunctionPins::reachingMove(const Decl *Object, const Stmt *Use,
                           const Stmt *Declaration, const MovedPart &Moved,
                           std::optional<StructuralPin> &Structural) {
  auto PinnedWith = [&](const PinEvent &Event) {
    return Event.Whole && Moved.Subobject
               ? pinnedWithObject(Moved.Subobject, Event.Cause.get(), Model)
               : std::nullopt;
  };
  ReachingPins Pins =
      reaching(Object, Use, Declaration, [&](const PinEvent &Event) {
        return PinEventFinder::movesPinned(Moved.Whole, Moved.Member, Event) ||
               PinnedWith(Event).has_value();
      });
  Structural.reset();
  if (!Pins.Events.empty())
    Structural = PinnedWith(*Pins.Events.front());
  return Pins;
}

static ModelOptions modelOptions(const AnalysisOptions &Options) {
  ModelOptions Result;
  Result.PinnedTypes = Options.PinnedTypes;
  return Result;
}

PinAnalysis::PinAnalysis(const AnalysisOptions &Options,
                         std::shared_ptr<FactSource> Facts)
    : Model(modelOptions(Options)),
      Api(Options.PinningFunctions, Options.EscapingFunctions),
      Pins(Model, Api), Facts(std::move(Facts)) {
  Model.setCallees(&Pins);
  Model.setFacts(this->Facts.get());
  Pins.setFacts(this->Facts.get());
}

FunctionPins &PinAnalysis::in(const FunctionDecl *Function,
                              ASTContext &Context) {
  std::unique_ptr<FunctionPins> &Slot = Functions[Function];
  if (!Slot)
    Slot = std::make_unique<FunctionPins>(Function, Pins, Context);
  return *Slot;
}

} // namespace pincheck
