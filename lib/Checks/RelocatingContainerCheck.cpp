//===--- RelocatingContainerCheck.cpp - pin-relocating-container ----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "RelocatingContainerCheck.h"
#include "Checks/Relocation.h"
#include "Checks/Wording.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck {

RelocatingContainerCheck::RelocatingContainerCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : PinCheck(Name, Context),
      RelocatingContainers(
          Options.get("RelocatingContainers", DefaultRelocatingContainers)) {}

void RelocatingContainerCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  PinCheck::storeOptions(Opts);
  Options.store(Opts, "RelocatingContainers", RelocatingContainers);
}

//===----------------------------------------------------------------------===//
// Matchers: relocating members of contiguous containers, middle insertion
// and erasure in std::deque, and the permuting algorithms (Relocation.h).
//===----------------------------------------------------------------------===//

void RelocatingContainerCheck::registerMatchers(MatchFinder *Finder) {
  // Each call is matched from its function down, in one walk of the body:
  // an upward `hasAncestor` would make Clang build the parent map of the
  // whole translation unit.
  Finder->addMatcher(
      functionDecl(
          isDefinition(), unless(isExpansionInSystemHeader()),
          forEachDescendant(relocatingCall(
              tidy::utils::options::parseStringList(RelocatingContainers))))
          .bind("function"),
      this);
}

//===----------------------------------------------------------------------===//
// Decision (Relocation.h) and diagnostic.
//===----------------------------------------------------------------------===//

void RelocatingContainerCheck::check(const MatchFinder::MatchResult &Result) {
  std::optional<Relocation> R = relocationOf(Result.Nodes);
  if (!R)
    return;
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (Shapes.of(Function, *Result.Context).isDead(R->Call))
    return;
  PinAnalysis &Analysis = analysis(*Result.Context);
  std::optional<RelocationVerdict> Verdict =
      judgeRelocation(*R, Function, Analysis, *Result.Context);
  if (!Verdict)
    return;
  const std::string Name = describeRelocatingCall(R->Call);
  // The start of the call's range, not getBeginLoc(): for the call operator
  // of a function object (std::ranges::sort(v)), Clang 22's
  // CXXOperatorCallExpr::getBeginLoc() can return the '(' where its source
  // range starts at the object.
  const SourceLocation At = R->Call->getSourceRange().getBegin();
  newFinding();
  if (const std::optional<MustNotMove> &Why = Verdict->BrokenElements) {
    diag(At, "%0 relocates elements of type %1, whose moves leave them broken")
        << Name << R->Element;
    diag(Why->At ? Why->At->getLocation() : At, "%0", DiagnosticIDs::Note)
        << describeMustNotMove(*Why);
    noteElsewhere(Why->Why, Why->At ? Why->At->getLocation() : At,
                  *Result.Context);
  } else {
    // The container as written where it is a member (`'lists.active'`).
    const std::string Container =
        PinEventFinder::memberOf(R->Container)
            ? describeExpression(R->Container, *Result.Context)
            : describeObject(Verdict->Container);
    diag(At, "%0 relocates the elements of %1, one of which "
             "%select{may be|is}2 pinned")
        << Name << Container << Verdict->PinnedElement.Definite;
    for (const PinEvent *Event : Verdict->PinnedElement.Events) {
      diag(Event->At->getBeginLoc(), "an element of %0 is pinned here: %1",
           DiagnosticIDs::Note)
          << Container << describePinEvent(*Event);
      noteElsewhere(*Event->Cause, Event->At->getBeginLoc(),
                    *Result.SourceManager);
    }
  }
  noteInsertedPins(*R, Function, Analysis, *Result.Context);
  diag(At,
       "keep the elements in place with std::deque (insertion at the ends "
       "only), std::list, or std::vector<std::unique_ptr<%0>>",
       DiagnosticIDs::Note)
      << R->Element.getAsString(Result.Context->getPrintingPolicy());
}

/// An object the call inserts that is pinned: the same statement moves it,
/// and this check reports that too (docs/model.md, "The checks": one
/// mistake, one finding).
void RelocatingContainerCheck::noteInsertedPins(const Relocation &R,
                                                const FunctionDecl *Function,
                                                PinAnalysis &Analysis,
                                                ASTContext &Context) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(R.Call);
  if (!Member || !Function || !Function->hasBody())
    return;
  for (const Expr *Arg : Member->arguments()) {
    const Decl *Object = PinEventFinder::objectOf(Arg);
    if (!Object || !PinEventFinder::namesWholeObject(Arg))
      continue;
    const std::string Name = describeObject(Object);
    if (auto Pin = Analysis.pins().constructionPin(
            Arg->getType().getNonReferenceType())) {
      diag(Object->getLocation(), "%0 is pinned from its construction: %1",
           DiagnosticIDs::Note)
          << Name << describeConstructionPin(*Pin);
      noteElsewhere(Pin->Why, Object->getLocation(), Context);
      continue;
    }
    const auto *Local = dyn_cast<VarDecl>(Object);
    ReachingPins Pins =
        Analysis.in(Function, Context)
            .reaching(Object, R.Call,
                      Local && Local->isLocalVarDecl() ? Local->getInit()
                                                       : nullptr,
                      [](const PinEvent &) { return true; });
    for (const PinEvent *Event : Pins.Events) {
      diag(Event->At->getBeginLoc(), "%0 is pinned here: %1",
           DiagnosticIDs::Note)
          << Name << describePinEvent(*Event);
      noteElsewhere(*Event->Cause, Event->At->getBeginLoc(),
                    Context.getSourceManager());
    }
  }
}

} // namespace pincheck
