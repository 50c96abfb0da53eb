//===--- PinAnalysis.h - The model of one translation unit ----------------===//
//
// Part of pincheck. Everything the checks ask the model about one
// translation unit, computed lazily and once: the type model, the pin
// events (with the API model of the options) and, per function, its pin
// events and the flow that relates them to the moves.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_MODEL_PINANALYSIS_H
#define PINCHECK_MODEL_PINANALYSIS_H

#include "Model/Facts.h"
#include "Model/PinEvents.h"
#include "Model/PinFlow.h"
#include "Model/PinningApi.h"
#include "Model/Projection.h"
#include "Model/SelfReferenceModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace pincheck {

/// The options of the model, as the checks read them.
struct AnalysisOptions {
  /// Qualified names of classes that are pinned markers.
  std::vector<std::string> PinnedTypes;
  /// `name:index` pairs (see PinningApi).
  std::string PinningFunctions;
  /// Regular expressions (see PinningApi).
  std::string EscapingFunctions;
};

/// The pins of one object that reach a statement.
struct ReachingPins {
  llvm::SmallVector<const PinEvent *, 2> Events;
  /// Every path from the function's entry passes one of the object's pins.
  bool Definite = false;
  explicit operator bool() const { return !Events.empty(); }
};

/// The pin events of one function and its control flow, built on first use.
class FunctionPins {
public:
  FunctionPins(const clang::FunctionDecl *Function, PinEventFinder &Finder,
               clang::ASTContext &Context);

  /// The pins of `Object` that some path leads from to `Use`, among those
  /// `Relevant` accepts. `Declaration` is the object's declaration: a path
  /// through it (in a loop) reaches a new object.
  ReachingPins reaching(const clang::Decl *Object, const clang::Stmt *Use,
                        const clang::Stmt *Declaration,
                        llvm::function_ref<bool(const PinEvent &)> Relevant);

  /// What is moved out of an object (docs/model.md, "What a pinned object
  /// must not undergo"): the whole object, or its subobject `Subobject`
  /// (when known) lying in its member `Member` (when known).
  struct MovedPart {
    bool Whole = true;
    const clang::ValueDecl *Member = nullptr;
    const clang::Expr *Subobject = nullptr;
  };
  /// The pins of `Object` that a move of `Moved` at `Use` breaks: a pin of
  /// the whole object, of the member moved, or of the whole object when the
  /// subobject is pinned with it (docs/model.md, "Pin projection";
  /// `Structural` then says why, for the first pin).
  ReachingPins reachingMove(const clang::Decl *Object, const clang::Stmt *Use,
                            const clang::Stmt *Declaration,
                            const MovedPart &Moved,
                            std::optional<StructuralPin> &Structural);

private:
  const clang::FunctionDecl *Function;
  SelfReferenceModel &Model;
  clang::ASTContext &Context;
  llvm::SmallVector<PinEvent, 8> Events;
  std::optional<PinFlow> Flow;
};

class PinAnalysis {
public:
  /// `Facts`, if given, answers for functions defined in other translation
  /// units (whole-program analysis).
  explicit PinAnalysis(const AnalysisOptions &Options,
                       std::shared_ptr<FactSource> Facts = nullptr);
  PinAnalysis(const PinAnalysis &) = delete;
  PinAnalysis &operator=(const PinAnalysis &) = delete;

  SelfReferenceModel &model() { return Model; }
  PinEventFinder &pins() { return Pins; }
  /// The pins of `Function`, computed once for all checks.
  FunctionPins &in(const clang::FunctionDecl *Function,
                   clang::ASTContext &Context);

private:
  SelfReferenceModel Model;
  PinningApi Api;
  PinEventFinder Pins;
  std::shared_ptr<FactSource> Facts;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionPins>>
      Functions;
};

} // namespace pincheck

#endif // PINCHECK_MODEL_PINANALYSIS_H
