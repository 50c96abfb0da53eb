//===--- PinFlowTest.cpp - Unit tests for the flow over the CFG -----------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/PinFlow.h"
#include "ModelTestSupport.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck::test {
namespace {

/// A function `f` whose calls of `pin()` and `use()` are the statements the
/// flow is asked about, in source order.
struct Flow {
  explicit Flow(StringRef Body) {
    AST =
        parse(("void pin(); void use(); bool cond();\nvoid f() " + Body).str());
    if (!AST)
      return;
    ASTContext &Context = AST->getASTContext();
    auto Functions =
        match(functionDecl(hasName("f"), isDefinition()).bind("f"), Context);
    Function = Functions.front().getNodeAs<FunctionDecl>("f");
    for (const auto &Match :
         match(findAll(
                   callExpr(callee(functionDecl(hasName("pin")))).bind("call")),
               *Function->getBody(), Context))
      Pins.push_back(Match.getNodeAs<Stmt>("call"));
    for (const auto &Match :
         match(findAll(
                   callExpr(callee(functionDecl(hasName("use")))).bind("call")),
               *Function->getBody(), Context))
      Uses.push_back(Match.getNodeAs<Stmt>("call"));
    TheFlow.emplace(Function, Context);
  }

  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *Function = nullptr;
  SmallVector<const Stmt *, 4> Pins, Uses;
  std::optional<PinFlow> TheFlow;
};

TEST(PinFlow, PinBeforeUseInOneBlockReaches) {
  Flow F("{ pin(); use(); }");
  ASSERT_TRUE(F.TheFlow && F.TheFlow->isValid());
  EXPECT_TRUE(F.TheFlow->reaches(F.Pins[0], F.Uses[0], nullptr));
  EXPECT_FALSE(F.TheFlow->reachableAvoiding(F.Uses[0], F.Pins));
}

TEST(PinFlow, UseBeforePinDoesNotReach) {
  Flow F("{ use(); pin(); }");
  ASSERT_TRUE(F.TheFlow && F.TheFlow->isValid());
  EXPECT_FALSE(F.TheFlow->reaches(F.Pins[0], F.Uses[0], nullptr));
  EXPECT_TRUE(F.TheFlow->reachableAvoiding(F.Uses[0], F.Pins));
}

TEST(PinFlow, PinOnOneBranchReachesOnSomePaths) {
  Flow F("{ if (cond()) pin(); use(); }");
  ASSERT_TRUE(F.TheFlow && F.TheFlow->isValid());
  EXPECT_TRUE(F.TheFlow->reaches(F.Pins[0], F.Uses[0], nullptr));
  EXPECT_TRUE(F.TheFlow->reachableAvoiding(F.Uses[0], F.Pins));
}

TEST(PinFlow, PinOnBothBranchesReachesOnEveryPath) {
  Flow F("{ if (cond()) pin(); else pin(); use(); }");
  ASSERT_TRUE(F.TheFlow && F.TheFlow->isValid());
  EXPECT_TRUE(F.TheFlow->reaches(F.Pins[0], F.Uses[0], nullptr));
  EXPECT_TRUE(F.TheFlow->reaches(F.Pins[1], F.Uses[0], nullptr));
  EXPECT_FALSE(F.TheFlow->reachableAvoiding(F.Uses[0], F.Pins));
}

TEST(PinFlow, LoopCarriesAPinToAnEarlierUse) {
  Flow F("{ while (cond()) { use(); pin(); } }");
  ASSERT_TRUE(F.TheFlow && F.TheFlow->isValid());
  EXPECT_TRUE(F.TheFlow->reaches(F.Pins[0], F.Uses[0], nullptr));
  EXPECT_TRUE(F.TheFlow->reachableAvoiding(F.Uses[0], F.Pins));
}

TEST(PinFlow, ReturnBeforeTheUseEndsThePath) {
  Flow F("{ if (cond()) { pin(); return; } use(); }");
  ASSERT_TRUE(F.TheFlow && F.TheFlow->isValid());
  EXPECT_FALSE(F.TheFlow->reaches(F.Pins[0], F.Uses[0], nullptr));
}

TEST(PinFlow, SubexpressionsOrderWithinTheirStatement) {
  // `use(pin())`-like nesting: the argument is evaluated before the call.
  Flow F("{ pin(); { use(); } }");
  ASSERT_TRUE(F.TheFlow && F.TheFlow->isValid());
  EXPECT_TRUE(F.TheFlow->reaches(F.Pins[0], F.Uses[0], nullptr));
}

} // namespace
} // namespace pincheck::test
