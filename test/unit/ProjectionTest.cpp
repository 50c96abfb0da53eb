//===--- ProjectionTest.cpp - Unit tests for pin projection ---------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/Projection.h"
#include "AST/ASTCompat.h"
#include "Model/SelfReferenceModel.h"
#include "ModelTestSupport.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck::test {
namespace {

/// The markers of include/pincheck/pin.h that the model reads.
constexpr const char *Markers = R"cpp(
namespace pin { struct [[clang::annotate("pin::pinned")]] PhantomPinned {}; }
#define PIN_STRUCTURAL [[clang::annotate("pin::structural")]]
#define PIN_UNPIN [[clang::annotate("pin::unpin")]]
struct Op : pin::PhantomPinned { int id; };
struct Cursor { void reset() { at = buf; } char buf[8]; char *at; };
struct Handle { int fd; };
)cpp";

struct Fixture {
  explicit Fixture(StringRef Code) : AST(parse(Markers + Code.str())) {}

  /// What the variable `Name` is copied from: the expression under test.
  const Expr *init(StringRef Name) {
    auto Matches =
        match(varDecl(hasName(Name)).bind("var"), AST->getASTContext());
    if (Matches.empty())
      return nullptr;
    const Expr *Init = Matches.front().getNodeAs<VarDecl>("var")->getInit();
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(Init);
        Copy && Copy->getNumArgs() == 1)
      return Copy->getArg(0);
    return Init;
  }

  const FieldDecl *field(StringRef Class, StringRef Name) {
    for (const FieldDecl *F : findClass(*AST, Class)->fields())
      if (F->getName() == Name)
        return F;
    return nullptr;
  }

  std::unique_ptr<ASTUnit> AST;
  SelfReferenceModel Model;
};

TEST(Projection, MemberPathFromTheObject) {
  Fixture F(R"cpp(
    struct In { Handle h; };
    struct Out { In in; In arr[2]; };
    Out o;
    Handle a = o.in.h;
    Handle b = o.arr[1].h;
    Out *p = &o;
    Handle c = p->in.h;
  )cpp");
  auto Path = memberPath(F.init("a")).Members;
  ASSERT_EQ(Path.size(), 2u);
  EXPECT_EQ(Path[0], F.field("Out", "in"));
  EXPECT_EQ(Path[1], F.field("In", "h"));
  Path = memberPath(F.init("b")).Members;
  ASSERT_EQ(Path.size(), 2u);
  EXPECT_EQ(Path[0], F.field("Out", "arr"));
  // Through a pointer, the path hangs off the pointer.
  MemberPath Through = memberPath(F.init("c"));
  EXPECT_EQ(Through.Members.size(), 2u);
  ASSERT_NE(Through.Base, nullptr);
  EXPECT_TRUE(Through.Base->getType()->isPointerType());
  EXPECT_FALSE(Through.Projected);
  EXPECT_TRUE(memberPath(F.init("o")).Members.empty());
}

TEST(Projection, WhichMembersArePinnedWithTheirObject) {
  Fixture F(R"cpp(
    struct R {
      Op active;
      PIN_STRUCTURAL Handle registered;
      Cursor cursor;
      Handle spare;
      Op *borrowed;
      std::string name;
      std::unique_ptr<Op> heap;
    };
  )cpp");
  using Reason = StructuralPin::Reason;
  auto Active = pinnedWithObject(F.field("R", "active"), nullptr, F.Model);
  ASSERT_TRUE(Active);
  EXPECT_EQ(Active->Why, Reason::TypeMustNotMove);
  ASSERT_TRUE(Active->Type);
  EXPECT_EQ(Active->Type->Why.TheKind, TypeCause::Kind::PinnedMarker);
  auto Registered =
      pinnedWithObject(F.field("R", "registered"), nullptr, F.Model);
  ASSERT_TRUE(Registered);
  EXPECT_EQ(Registered->Why, Reason::Annotated);
  auto Cursor = pinnedWithObject(F.field("R", "cursor"), nullptr, F.Model);
  ASSERT_TRUE(Cursor);
  EXPECT_EQ(Cursor->Why, Reason::TypeMustNotMove);
  // The twins: free to leave.
  for (StringRef Free : {"spare", "borrowed", "name", "heap"})
    EXPECT_FALSE(pinnedWithObject(F.field("R", Free), nullptr, F.Model))
        << Free.str();
}

TEST(Projection, AMemberWhoseAddressThePinHandedOut) {
  Fixture F("struct R { Handle timer; Handle spare; };");
  const FieldDecl *Timer = F.field("R", "timer");
  auto Inner = std::make_shared<PinCause>();
  Inner->TheKind = PinCause::Kind::HandsOutMember;
  Inner->Subject = Timer;
  PinCause Outer;
  Outer.TheKind = PinCause::Kind::CallsPinning;
  Outer.Inner = Inner;
  auto Pinned = pinnedWithObject(Timer, &Outer, F.Model);
  ASSERT_TRUE(Pinned);
  EXPECT_EQ(Pinned->Why, StructuralPin::Reason::AddressHandedOut);
  EXPECT_EQ(Pinned->Cause, Inner.get());
  EXPECT_FALSE(pinnedWithObject(F.field("R", "spare"), &Outer, F.Model));
  // From another unit's facts: by name.
  PinCause Named;
  Named.TheKind = PinCause::Kind::PinsMember;
  Named.SubjectName = "timer";
  EXPECT_TRUE(pinnedWithObject(Timer, &Named, F.Model));
}

TEST(Projection, UnpinClassVouchesForItsUnannotatedMembers) {
  Fixture F(R"cpp(
    struct PIN_UNPIN Loose { Op op; };
    struct PIN_UNPIN Claimed { PIN_STRUCTURAL Op op; };
    struct PIN_UNPIN Counter { PIN_STRUCTURAL int n; };
  )cpp");
  EXPECT_FALSE(pinnedWithObject(F.field("Loose", "op"), nullptr, F.Model));
  EXPECT_EQ(
      structuralMemberThatMustNotMove(findClass(*F.AST, "Loose"), F.Model),
      nullptr);
  const CXXRecordDecl *Claimed = findClass(*F.AST, "Claimed");
  EXPECT_EQ(structuralMemberThatMustNotMove(Claimed, F.Model),
            F.field("Claimed", "op"));
  // The false claim is not trusted: the class is a pinned marker.
  EXPECT_TRUE(F.Model.isPinnedMarker(compat::declaredType(Claimed)));
  EXPECT_FALSE(
      F.Model.isPinnedMarker(compat::declaredType(findClass(*F.AST, "Loose"))));
  EXPECT_EQ(
      structuralMemberThatMustNotMove(findClass(*F.AST, "Counter"), F.Model),
      nullptr);
}

TEST(Projection, APathIsPinnedWhenEveryMemberIs) {
  Fixture F(R"cpp(
    struct In { Op op; int count; Handle h; };
    struct Out { In in; std::string note; };
    Out o;
    Op a = o.in.op;
    Handle b = o.in.h;
  )cpp");
  auto A = pinnedWithObject(F.init("a"), nullptr, F.Model);
  ASSERT_TRUE(A);
  EXPECT_EQ(A->Member, F.field("In", "op"));
  EXPECT_FALSE(pinnedWithObject(F.init("b"), nullptr, F.Model));
}

} // namespace
} // namespace pincheck::test
