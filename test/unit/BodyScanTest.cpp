//===--- BodyScanTest.cpp - Unit tests for the body scanners --------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/BodyScan.h"
#include "Model/PinEvents.h"
#include "ModelTestSupport.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck::test {
namespace {

const FunctionDecl *findFunction(ASTUnit &AST, StringRef Name) {
  auto Matches = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST.getASTContext());
  return Matches.empty() ? nullptr
                         : Matches.front().getNodeAs<FunctionDecl>("f");
}

SmallVector<MemberWrite, 8> writesOf(ASTUnit &AST, StringRef Function,
                                     bool FollowCalls = true) {
  SmallVector<MemberWrite, 8> Writes;
  MemberWriteCollector(Writes, FollowCalls)
      .collectFunction(findFunction(AST, Function));
  return Writes;
}

TEST(MemberWrites, InitializersAssignmentsAndStoringCallsInOrder) {
  auto AST = parse(R"cpp(
    struct T {
      T() : a(nullptr) { b = buf; v.push_back(buf); }
      char buf[4]; char *a; char *b; std::vector<char *> v;
    };)cpp");
  ASSERT_TRUE(AST);
  auto Writes = writesOf(*AST, "T");
  // The implicit initializer of `v` counts too.
  ASSERT_EQ(Writes.size(), 4u);
  EXPECT_EQ(Writes[0].Field->getName(), "a");
  EXPECT_EQ(Writes[1].Field->getName(), "v");
  EXPECT_EQ(Writes[2].Field->getName(), "b");
  EXPECT_EQ(Writes[3].Field->getName(), "v");
  EXPECT_FALSE(Writes[2].Conditional);
}

TEST(MemberWrites, BranchesAndLambdaBodiesAreConditional) {
  auto AST = parse(R"cpp(
    bool cond();
    struct T {
      void f() {
        if (cond()) a = buf;
        auto later = [this] { b = buf; };
        c = buf;
      }
      char buf[4]; char *a, *b, *c;
    };)cpp");
  ASSERT_TRUE(AST);
  auto Writes = writesOf(*AST, "f");
  ASSERT_EQ(Writes.size(), 3u);
  EXPECT_EQ(Writes[0].Field->getName(), "a");
  EXPECT_TRUE(Writes[0].Conditional);
  EXPECT_EQ(Writes[1].Field->getName(), "b");
  EXPECT_TRUE(Writes[1].Conditional);
  EXPECT_EQ(Writes[2].Field->getName(), "c");
  EXPECT_FALSE(Writes[2].Conditional);
}

TEST(MemberWrites, FollowsMemberCallsWithTheirArguments) {
  auto AST = parse(R"cpp(
    struct T {
      void set(char *p) { cur = p; }
      void start() { set(buf); }
      char buf[4]; char *cur;
    };)cpp");
  ASSERT_TRUE(AST);
  auto Followed = writesOf(*AST, "start");
  ASSERT_EQ(Followed.size(), 1u);
  EXPECT_EQ(Followed[0].Field->getName(), "cur");
  // The value is the argument, not the parameter.
  EXPECT_TRUE(isa<ImplicitCastExpr>(Followed[0].Value));
  EXPECT_TRUE(writesOf(*AST, "start", /*FollowCalls=*/false).empty());
}

TEST(MemberWrites, RecursiveMemberCallsEnd) {
  auto AST = parse(R"cpp(
    struct T {
      void a(int n) { if (n) b(n - 1); cur = buf; }
      void b(int n) { a(n); }
      char buf[4]; char *cur;
    };)cpp");
  ASSERT_TRUE(AST);
  EXPECT_EQ(writesOf(*AST, "a").size(), 1u);
}

SmallVector<Escape, 4> escapesOf(ASTUnit &AST, StringRef Function) {
  SmallVector<Escape, 4> Escapes;
  const FunctionDecl *FD = findFunction(AST, Function);
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  EscapeCollector(PinEventFinder::addressOf,
                  Method ? Method->getParent() : nullptr, Escapes)
      .walk(FD->getBody());
  return Escapes;
}

TEST(Escapes, EachKindOfSink) {
  auto AST = parse(R"cpp(
    extern "C" void keep(void *user);
    struct Node { Node *next; };
    Node *head;
    std::vector<Node *> registry;
    void f(Node &other) {
      Node a, b, c, d;
      keep(&a);
      head = &b;
      other.next = &c;
      registry.push_back(&d);
    })cpp");
  ASSERT_TRUE(AST);
  auto Escapes = escapesOf(*AST, "f");
  ASSERT_EQ(Escapes.size(), 4u);
  EXPECT_EQ(Escapes[0].Sink.TheKind, EscapeSink::Kind::Function);
  EXPECT_EQ(Escapes[1].Sink.TheKind, EscapeSink::Kind::Global);
  EXPECT_EQ(Escapes[2].Sink.TheKind, EscapeSink::Kind::OtherObject);
  EXPECT_EQ(Escapes[3].Sink.TheKind, EscapeSink::Kind::Container);
  EXPECT_EQ(cast<NamedDecl>(Escapes[3].Object)->getName(), "d");
}

TEST(Escapes, LambdaBodiesRunLater) {
  auto AST = parse(R"cpp(
    struct Node { Node *next; };
    Node *head;
    void f() {
      Node a;
      auto later = [] { Node b; head = &b; };
      Node *local = &a;
    })cpp");
  ASSERT_TRUE(AST);
  EXPECT_TRUE(escapesOf(*AST, "f").empty());
}

TEST(Escapes, BuiltinsAndByteFunctionsKeepNothing) {
  auto AST = parse(R"cpp(
    extern "C" void *memset(void *, int, unsigned long);
    struct Node { Node *next; };
    void f() { Node a; memset(&a, 0, sizeof a); })cpp");
  ASSERT_TRUE(AST);
  EXPECT_TRUE(escapesOf(*AST, "f").empty());
}

} // namespace
} // namespace pincheck::test
