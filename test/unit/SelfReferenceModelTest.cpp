//===--- SelfReferenceModelTest.cpp - Unit tests for the model ------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/SelfReferenceModel.h"
#include "AST/ASTCompat.h"
#include "ModelTestSupport.h"

using namespace clang;

namespace pincheck::test {
namespace {

struct Judged {
  std::unique_ptr<ASTUnit> AST;
  SelfReferenceModel Model;
  const TypeSummary *Summary = nullptr;
};

std::unique_ptr<Judged> judge(StringRef Code, StringRef Class = "T") {
  auto Result = std::make_unique<Judged>();
  Result->AST = parse(Code);
  if (!Result->AST)
    return Result;
  Result->Summary = Result->Model.summarize(findClass(*Result->AST, Class));
  return Result;
}

TEST(SelfReferenceModel, InlineBufferPointerMakesCopyAndMoveWrong) {
  auto J = judge("struct T { char buf[8]; char *cur = buf; };");
  ASSERT_TRUE(J->Summary);
  ASSERT_EQ(J->Summary->Pointers.size(), 1u);
  EXPECT_EQ(J->Summary->Pointers[0].Field->getName(), "cur");
  EXPECT_EQ(J->Summary->Pointers[0].Origin.Storage, StorageKind::Inline);
  EXPECT_TRUE(J->Summary->copyIsWrong());
  EXPECT_TRUE(J->Summary->moveIsWrong());
}

TEST(SelfReferenceModel, PointerToAnotherObjectIsNotInterior) {
  auto J = judge("int g; struct T { int *p = &g; T(int *q) : p(q) {} };");
  ASSERT_TRUE(J->Summary);
  EXPECT_FALSE(J->Summary->isSelfReferential());
  EXPECT_TRUE(J->Summary->Faults.empty());
}

TEST(SelfReferenceModel, AddressStoredThroughAPointerMemberIsInThePointee) {
  // `m->waiters = this` and `q->push(this)`: the pointee keeps the address.
  auto J = judge(R"cpp(
    struct Mutex { void *waiters = nullptr; };
    struct T {
      Mutex *m;
      void suspend() { m->waiters = this; }
    };)cpp");
  ASSERT_TRUE(J->Summary);
  ASSERT_EQ(J->Summary->Pointers.size(), 1u);
  EXPECT_EQ(J->Summary->Pointers[0].Field->getName(), "m");
  EXPECT_EQ(J->Summary->Pointers[0].Origin.Kind, OriginKind::InPointee);

  // A storing call through the pointer member hands the address to the
  // call: one escape, no interior pointer.
  auto Call = judge(R"cpp(
    struct Queue { void push(void *p); };
    struct T {
      Queue *q;
      void start() noexcept { q->push(this); }
    };)cpp");
  ASSERT_TRUE(Call->Summary);
  EXPECT_TRUE(Call->Summary->Pointers.empty());
  EXPECT_EQ(Call->Summary->Escapes.size(), 1u);

  // Negative twin: a container member of the object itself holds it.
  auto Own = judge(R"cpp(
    struct T {
      std::vector<T *> self;
      void start() { self.push_back(this); }
    };)cpp");
  ASSERT_TRUE(Own->Summary);
  ASSERT_EQ(Own->Summary->Pointers.size(), 1u);
  EXPECT_NE(Own->Summary->Pointers[0].Origin.Kind, OriginKind::InPointee);
}

TEST(SelfReferenceModel, PrivateCopyOfABaseDeletesTheImplicitCopy) {
  // C++03's noncopyable: private, never defined; the derived class's
  // implicit copy and move are deleted, in a class template's member too.
  const char *Code = R"cpp(
    class NonCopyable {
    protected:
      NonCopyable() {}
    private:
      NonCopyable(const NonCopyable &);
      NonCopyable &operator=(const NonCopyable &);
    };
    template <class K> struct Outer {
      struct T : private NonCopyable {
        T() : self(this) {}
        T *self;
      };
    };
    template struct Outer<int>;
    class Protected {
    protected:
      Protected() {}
      Protected(const Protected &) {}
    };
    struct U : Protected {
      U() : self(this) {}
      U *self;
    };)cpp";
  auto J = judge(Code, "T");
  ASSERT_TRUE(J->Summary);
  EXPECT_FALSE(J->Summary->copyIsWrong());
  EXPECT_FALSE(J->Summary->moveIsWrong());
  // Negative twin: a protected copy is callable from the derived class.
  auto P = judge(Code, "U");
  ASSERT_TRUE(P->Summary);
  EXPECT_TRUE(P->Summary->copyIsWrong());
}

TEST(SelfReferenceModel, OwnedHeapTargetMakesOnlyCopyWrong) {
  auto J =
      judge("struct T { std::vector<int> v; int *p; T() : p(v.data()) {} };");
  ASSERT_TRUE(J->Summary);
  ASSERT_EQ(J->Summary->Pointers.size(), 1u);
  EXPECT_EQ(J->Summary->Pointers[0].Origin.Storage, StorageKind::OwnedHeap);
  EXPECT_TRUE(J->Summary->copyIsWrong());
  EXPECT_FALSE(J->Summary->moveIsWrong());
}

TEST(SelfReferenceModel, SmallBufferTargetMakesMoveWrong) {
  auto J = judge("struct T { std::string s; std::string_view v{s}; };");
  ASSERT_TRUE(J->Summary);
  ASSERT_EQ(J->Summary->Pointers.size(), 1u);
  EXPECT_EQ(J->Summary->Pointers[0].Origin.Storage, StorageKind::SmallBuffer);
  EXPECT_TRUE(J->Summary->moveIsWrong());
}

TEST(SelfReferenceModel, ReseatingCopyConstructorIsFine) {
  auto J = judge(R"cpp(
    struct T {
      char buf[8]; char *cur = buf;
      T() = default;
      T(const T &o) : cur(buf + (o.cur - o.buf)) {}
      T &operator=(const T &) = delete;
    };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->isSelfReferential());
  EXPECT_TRUE(J->Summary->Faults.empty());
}

TEST(SelfReferenceModel, VerbatimCopyConstructorIsWrong) {
  auto J = judge(R"cpp(
    struct T {
      char buf[8]; char *cur = buf;
      T() = default;
      T(const T &o) : cur(o.cur) {}
      T &operator=(const T &) = delete;
    };)cpp");
  ASSERT_TRUE(J->Summary);
  ASSERT_EQ(J->Summary->Faults.size(), 1u);
  EXPECT_EQ(J->Summary->Faults[0].Member, SpecialMember::CopyConstructor);
  EXPECT_EQ(J->Summary->Faults[0].Form, MemberForm::UserProvided);
  EXPECT_NE(J->Summary->Faults[0].VerbatimCopy, nullptr);
}

TEST(SelfReferenceModel, ReseatThroughPrivateHelperIsFine) {
  auto J = judge(R"cpp(
    struct T {
      char buf[8]; char *cur = buf;
      T() = default;
      T(const T &o) { copy_from(o); }
      T &operator=(const T &o) { copy_from(o); return *this; }
    private:
      void copy_from(const T &o) { cur = buf + (o.cur - o.buf); }
    };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->Faults.empty());
}

TEST(SelfReferenceModel, DeletedMembersAreFine) {
  auto J = judge(R"cpp(
    struct T {
      char buf[8]; char *cur = buf;
      T() = default;
      T(const T &) = delete;
      T &operator=(const T &) = delete;
    };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->Faults.empty());
}

TEST(SelfReferenceModel, ExternallyDefinedMembersAreAssumedFine) {
  auto J = judge(R"cpp(
    struct T {
      char buf[8]; char *cur = buf;
      T() = default;
      T(const T &);
      T &operator=(const T &);
    };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->Faults.empty());
}

TEST(SelfReferenceModel, UniquePtrMemberDeletesImplicitCopy) {
  // `new P{this}`: copy is implicitly deleted, move is wrong.
  auto J = judge(R"cpp(
    struct T;
    struct P { T *q; };
    struct T { std::unique_ptr<P> d; T() : d(new P{this}) {} };)cpp");
  ASSERT_TRUE(J->Summary);
  ASSERT_EQ(J->Summary->Pointers.size(), 1u);
  EXPECT_EQ(J->Summary->Pointers[0].Origin.Kind, OriginKind::HeldThis);
  EXPECT_FALSE(J->Summary->copyIsWrong());
  EXPECT_TRUE(J->Summary->moveIsWrong());
}

TEST(SelfReferenceModel, ContainingASelfReferentialMemberIsRecorded) {
  auto J = judge(R"cpp(
    struct Inner { char buf[8]; char *cur = buf; };
    struct T { Inner in; };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->isSelfReferential());
  EXPECT_TRUE(J->Summary->Pointers.empty());
  EXPECT_TRUE(J->Summary->Faults.empty());
  EXPECT_NE(J->Summary->SelfReferentialSubobject, nullptr);
}

TEST(SelfReferenceModel, ClassTemplateInstantiationUsesPattern) {
  auto J = judge(R"cpp(
    template <class E> struct B { E buf[4]; E *cur = buf; };
    struct T { B<int> b; };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->isSelfReferential());
}

TEST(SelfReferenceModel, SummariesAreMemoised) {
  auto J = judge("struct T { char buf[8]; char *cur = buf; };");
  ASSERT_TRUE(J->Summary);
  EXPECT_EQ(J->Model.summarize(J->Summary->Record), J->Summary);
}

TEST(SelfReferenceModel, UnpinAnnotationIsRead) {
  auto J = judge(R"cpp(
    struct [[clang::annotate("pin::unpin")]] T { char b[8]; char *c = b; };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->Unpin);
}

TEST(SelfReferenceModel, PhantomPinnedMakesAPinnedMarker) {
  auto J = judge(R"cpp(
    namespace pin { struct PhantomPinned {}; }
    struct T { pin::PhantomPinned p; int x; };)cpp");
  ASSERT_TRUE(J->Summary);
  EXPECT_TRUE(J->Summary->PinnedMarker);
  EXPECT_FALSE(J->Summary->isSelfReferential());
}

TEST(SelfReferenceModel, ThisEscapingToACFunctionIsRecorded) {
  auto J = judge(R"cpp(
    extern "C" int setopt(void *h, int opt, ...);
    struct T { void *h; T() { setopt(h, 1, this); } };)cpp");
  ASSERT_TRUE(J->Summary);
  ASSERT_EQ(J->Summary->Escapes.size(), 1u);
  EXPECT_EQ(J->Summary->Escapes[0].Sink.TheKind, EscapeSink::Kind::Function);
  EXPECT_EQ(J->Summary->Escapes[0].Sink.Decl->getName(), "setopt");
  EXPECT_TRUE(J->Summary->copyIsWrong());
}

} // namespace
} // namespace pincheck::test

namespace pincheck::test {
namespace {

TEST(MustNotMove, NamesThePointerTheMarkerAndTheMember) {
  auto AST = parse(R"cpp(
    namespace pin { struct PhantomPinned {}; }
    struct Frame { char d[8]; char *top = d; };
    struct Marker { pin::PhantomPinned p; };
    struct Holder { int id; Frame frame; };
    struct Plain { int x; };)cpp");
  ASSERT_TRUE(AST);
  SelfReferenceModel Model;
  auto Why = [&](StringRef Name) {
    return Model.mustNotMove(compat::declaredType(findClass(*AST, Name)));
  };
  auto Frame = Why("Frame");
  ASSERT_TRUE(Frame);
  EXPECT_EQ(Frame->Why.TheKind, TypeCause::Kind::InteriorPointer);
  EXPECT_EQ(Frame->Why.Pointer->getName(), "top");
  EXPECT_TRUE(Frame->Why.Path.empty());
  EXPECT_TRUE(Frame->MoveWrong);
  auto Marker = Why("Marker");
  ASSERT_TRUE(Marker);
  EXPECT_EQ(Marker->Why.TheKind, TypeCause::Kind::PinnedMarker);
  EXPECT_EQ(Marker->Why.Record->getName(), "Marker");
  EXPECT_FALSE(Marker->MoveWrong);
  auto Holder = Why("Holder");
  ASSERT_TRUE(Holder);
  EXPECT_EQ(Holder->Why.TheKind, TypeCause::Kind::InteriorPointer);
  EXPECT_EQ(Holder->Why.Record->getName(), "Frame");
  ASSERT_EQ(Holder->Why.Path.size(), 1u);
  EXPECT_EQ(Holder->Why.Path[0].OuterRecord->getName(), "Holder");
  EXPECT_EQ(Holder->Why.Path[0].Subobject->getName(), "frame");
  EXPECT_EQ(Holder->At, Holder->Why.Path[0].Subobject);
  EXPECT_FALSE(Why("Plain"));
}

} // namespace
} // namespace pincheck::test
