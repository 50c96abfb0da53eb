//===--- PinEventsTest.cpp - Unit tests for pin events and the API model --===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/PinEvents.h"
#include "AST/ASTCompat.h"
#include "ModelTestSupport.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck::test {
namespace {

/// A parsed translation unit with the model and a pin event finder.
struct Fixture {
  explicit Fixture(StringRef Code, StringRef Pinning = "",
                   StringRef Escaping = "")
      : AST(parse(Code)), Api(Pinning, Escaping), Finder(Model, Api) {}

  template <class T> const T *find(StringRef Name) {
    auto Matches =
        match(namedDecl(hasName(Name)).bind("decl"), AST->getASTContext());
    for (const auto &Match : Matches)
      if (const auto *D = Match.getNodeAs<T>("decl"))
        return D;
    return nullptr;
  }

  std::unique_ptr<ASTUnit> AST;
  SelfReferenceModel Model;
  PinningApi Api;
  PinEventFinder Finder;
};

TEST(PinEvents, MemberFunctionSettingAnInteriorPointerPinsThis) {
  Fixture F(R"cpp(
    struct A {
      void start() { cur = buf; }
      void restart() { start(); }
      void reset() { used = 0; }
      char buf[8]; char *cur = nullptr; int used = 0;
    };)cpp");
  ASSERT_TRUE(F.AST);
  EXPECT_TRUE(F.Finder.pinsThis(F.find<CXXMethodDecl>("start")));
  EXPECT_TRUE(F.Finder.pinsThis(F.find<CXXMethodDecl>("restart")));
  EXPECT_FALSE(F.Finder.pinsThis(F.find<CXXMethodDecl>("reset")));
}

TEST(PinEvents, ReseatingCopiesMeanNoPin) {
  // Moving is fine when the class's own operations re-seat the pointer.
  Fixture F(R"cpp(
    struct A {
      A() = default;
      A(const A &o) : cur(buf + (o.cur - o.buf)) {}
      A &operator=(const A &) = delete;
      void start() { cur = buf; }
      char buf[8]; char *cur = nullptr;
    };)cpp");
  ASSERT_TRUE(F.AST);
  EXPECT_FALSE(F.Finder.pinsThis(F.find<CXXMethodDecl>("start")));
}

TEST(PinEvents, PinsThisAnnotation) {
  Fixture F(R"cpp(
    struct A { [[clang::annotate("pin::pins_this")]] void open(); };)cpp");
  ASSERT_TRUE(F.AST);
  auto Cause = F.Finder.pinsThis(F.find<CXXMethodDecl>("open"));
  ASSERT_TRUE(Cause);
  EXPECT_EQ(Cause->TheKind, PinCause::Kind::DeclaredPinsThis);
  EXPECT_EQ(Cause->Function, F.find<CXXMethodDecl>("open"));
}

TEST(PinEvents, PinningParameters) {
  Fixture F(R"cpp(
    struct T { int x; };
    void watch([[clang::annotate("pin::pins")]] T &t);
    T *g;
    void keep(T *t) { g = t; }
    int read(const T &t) { return t.x; }
    void forward(T *t) { keep(t); }
    void a(T *t); void b(T *t) { a(t); } void a(T *t) { b(t); }
    extern "C" int pthread_mutex_init(void *mutex, const void *attr);)cpp");
  ASSERT_TRUE(F.AST);
  EXPECT_TRUE(F.Finder.pinsArgument(F.find<FunctionDecl>("watch"), 0));
  EXPECT_TRUE(F.Finder.pinsArgument(F.find<FunctionDecl>("keep"), 0));
  EXPECT_FALSE(F.Finder.pinsArgument(F.find<FunctionDecl>("read"), 0));
  // Mutual recursion terminates and finds nothing.
  EXPECT_FALSE(F.Finder.pinsArgument(F.find<FunctionDecl>("a"), 0));
  const auto *Mutex = F.find<FunctionDecl>("pthread_mutex_init");
  EXPECT_TRUE(F.Finder.pinsArgument(Mutex, 0));
  EXPECT_FALSE(F.Finder.pinsArgument(Mutex, 1));
}

TEST(PinEvents, ObjectOfSubobjectsAndElements) {
  Fixture F(R"cpp(
    struct M { int m; };
    struct A { M mu; int arr[2]; };
    void f() { A a; (void)a.mu.m; (void)a.arr[1]; })cpp");
  ASSERT_TRUE(F.AST);
  auto Exprs = match(
      findAll(memberExpr(hasDeclaration(fieldDecl(hasName("m")))).bind("e")),
      *F.find<FunctionDecl>("f")->getBody(), F.AST->getASTContext());
  ASSERT_EQ(Exprs.size(), 1u);
  EXPECT_EQ(PinEventFinder::objectOf(Exprs[0].getNodeAs<Expr>("e")),
            F.find<VarDecl>("a"));
}

TEST(PinEvents, FindsEventsInAFunction) {
  Fixture F(R"cpp(
    struct T { int x; };
    void watch([[clang::annotate("pin::pins")]] T &t);
    T *Current;
    void f() { T a; watch(a); T b; Current = &b; T c; (void)c.x; })cpp");
  ASSERT_TRUE(F.AST);
  SmallVector<PinEvent, 4> Events;
  F.Finder.find(F.find<FunctionDecl>("f"), Events);
  ASSERT_EQ(Events.size(), 2u);
  EXPECT_EQ(Events[0].Object, F.find<VarDecl>("a"));
  EXPECT_EQ(Events[0].Kind, PinKind::PinningArgument);
  EXPECT_EQ(Events[1].Object, F.find<VarDecl>("b"));
  EXPECT_EQ(Events[1].Kind, PinKind::Escape);
}

TEST(PinEvents, ConstructionPinOnlyForTypesWithWrongOperations) {
  Fixture F(R"cpp(
    struct Inline { char buf[8]; char *cur = buf; };
    struct Heap { std::vector<int> v; int *p = v.data(); };
    struct Plain { int x; };)cpp");
  ASSERT_TRUE(F.AST);
  auto Type = [&](StringRef Name) {
    return compat::declaredType(F.find<CXXRecordDecl>(Name));
  };
  auto InlinePin = F.Finder.constructionPin(Type("Inline"));
  ASSERT_TRUE(InlinePin);
  EXPECT_TRUE(InlinePin->CopyWrong);
  EXPECT_TRUE(InlinePin->MoveWrong);
  auto HeapPin = F.Finder.constructionPin(Type("Heap"));
  ASSERT_TRUE(HeapPin);
  EXPECT_TRUE(HeapPin->CopyWrong);
  EXPECT_FALSE(HeapPin->MoveWrong);
  EXPECT_FALSE(F.Finder.constructionPin(Type("Plain")));
}

TEST(PinEvents, StartCallsAreNamed) {
  Fixture F(R"cpp(
    struct Queue { void push(void *p); };
    struct Op {
      Queue *q;
      void start() noexcept { q->push(this); }
      void restart() noexcept { q->push(this); }
    };
    struct start_t {
      template <class O> void operator()(O &o) const noexcept { o.start(); }
    };
    inline constexpr start_t start{};
    void f(Queue &q) {
      Op a{&q}; a.start();
      Op b{&q}; start(b);
      Op c{&q}; c.restart();
    })cpp");
  ASSERT_TRUE(F.AST);
  SmallVector<PinEvent, 4> Events;
  F.Finder.find(F.find<FunctionDecl>("f"), Events);
  ASSERT_EQ(Events.size(), 3u);
  EXPECT_EQ(Events[0].Object, F.find<VarDecl>("a"));
  EXPECT_EQ(Events[0].Activity, PinActivity::Start);
  EXPECT_EQ(Events[1].Object, F.find<VarDecl>("b"));
  EXPECT_EQ(Events[1].Activity, PinActivity::Start);
  // Negative twin: another member that pins is not a start.
  EXPECT_EQ(Events[2].Object, F.find<VarDecl>("c"));
  EXPECT_EQ(Events[2].Activity, PinActivity::Other);
}

TEST(PinningApi, AtomicRefLendsItsArgument) {
  Fixture F(R"cpp(
    namespace std {
    template <class T> struct atomic_ref {
      explicit atomic_ref(T &t);
      atomic_ref(const atomic_ref &);
    };
    template <class T> struct other_ref { explicit other_ref(T &t); };
    }
    void f(int &x) {
      std::atomic_ref<int> r(x);
      std::atomic_ref<int> s(r);
      std::other_ref<int> o(x);
    })cpp");
  ASSERT_TRUE(F.AST);
  auto Constructors =
      match(cxxConstructExpr(hasDeclaration(cxxConstructorDecl().bind("ctor")))
                .bind("e"),
            F.AST->getASTContext());
  ASSERT_EQ(Constructors.size(), 3u);
  auto Ctor = [&](unsigned I) {
    return Constructors[I].getNodeAs<CXXConstructorDecl>("ctor");
  };
  EXPECT_EQ(F.Api.pinningArgument(Ctor(0), 0), ApiReason::Loan);
  EXPECT_FALSE(F.Api.pinningArgument(Ctor(1), 0)); // a copy shares the loan
  EXPECT_FALSE(F.Api.pinningArgument(Ctor(2), 0));
}

TEST(PinningApi, ModelEntriesAndOptions) {
  Fixture F(R"cpp(
    struct uv_loop_s; typedef uv_loop_s uv_loop_t; struct uv_timer_t;
    struct uv_mutex_t; struct ev_loop; struct ev_io;
    extern "C" int uv_timer_init(uv_loop_t *loop, uv_timer_t *handle);
    extern "C" int uv_mutex_init(uv_mutex_t *mutex);
    extern "C" void ev_io_start(ev_loop *loop, ev_io *w);
    extern "C" void my_register(int a, void *b);
    extern "C" void legacy_keep(void *p);)cpp",
            "my_register:1", "legacy_.*");
  ASSERT_TRUE(F.AST);
  const PinningApi &Api = F.Api;
  EXPECT_TRUE(Api.pinningArgument(F.find<FunctionDecl>("uv_timer_init"), 1));
  EXPECT_FALSE(Api.pinningArgument(F.find<FunctionDecl>("uv_timer_init"), 0));
  EXPECT_TRUE(Api.pinningArgument(F.find<FunctionDecl>("uv_mutex_init"), 0));
  EXPECT_TRUE(Api.pinningArgument(F.find<FunctionDecl>("ev_io_start"), 1));
  EXPECT_TRUE(Api.pinningArgument(F.find<FunctionDecl>("my_register"), 1));
  EXPECT_FALSE(Api.pinningArgument(F.find<FunctionDecl>("my_register"), 0));
  EXPECT_TRUE(Api.isEscapingFunction(F.find<FunctionDecl>("legacy_keep")));
  EXPECT_FALSE(Api.isEscapingFunction(F.find<FunctionDecl>("my_register")));
}

} // namespace
} // namespace pincheck::test
