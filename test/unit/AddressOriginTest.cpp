//===--- AddressOriginTest.cpp - Unit tests for AddressOriginFinder -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/SelfReferenceModel.h"
#include "ModelTestSupport.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck::test {
namespace {

/// The origin of the default member initializer of `T::p`.
std::optional<AddressOrigin> originOfInitializer(StringRef Code) {
  auto AST = parse(Code);
  if (!AST)
    return std::nullopt;
  auto Matches =
      match(fieldDecl(hasName("p")).bind("field"), AST->getASTContext());
  if (Matches.empty())
    return std::nullopt;
  const auto *Field = Matches.front().getNodeAs<FieldDecl>("field");
  SelfReferenceModel Model;
  if (Field->getType()->isReferenceType())
    return Model.origins().ofLvalue(Field->getInClassInitializer());
  return Model.origins().ofValue(Field->getInClassInitializer());
}

TEST(AddressOrigin, ThisIsTheWholeObject) {
  auto Origin = originOfInitializer("struct T { T *p = this; };");
  ASSERT_TRUE(Origin);
  EXPECT_EQ(Origin->Kind, OriginKind::ThisPointer);
  EXPECT_EQ(Origin->Member, nullptr);
}

TEST(AddressOrigin, ArrayDecayIsMemberAddress) {
  auto Origin = originOfInitializer("struct T { int a[4]; int *p = a + 1; };");
  ASSERT_TRUE(Origin);
  EXPECT_EQ(Origin->Kind, OriginKind::MemberAddress);
  EXPECT_EQ(Origin->Storage, StorageKind::Inline);
}

TEST(AddressOrigin, StdArrayDataIsInline) {
  auto Origin = originOfInitializer(
      "struct T { std::array<int, 4> a; int *p = a.data(); };");
  ASSERT_TRUE(Origin);
  EXPECT_EQ(Origin->Kind, OriginKind::MemberBuffer);
  EXPECT_EQ(Origin->Storage, StorageKind::Inline);
}

TEST(AddressOrigin, ReferenceMemberBoundToMember) {
  auto Origin = originOfInitializer("struct T { int n; int &p = n; };");
  ASSERT_TRUE(Origin);
  EXPECT_EQ(Origin->Kind, OriginKind::MemberAddress);
}

TEST(AddressOrigin, LambdaCapturingThis) {
  auto Origin = originOfInitializer(
      "struct T { int n; std::function<void()> p = [this] { ++n; }; };");
  ASSERT_TRUE(Origin);
  EXPECT_EQ(Origin->Kind, OriginKind::CapturedThis);
}

TEST(AddressOrigin, LambdaWithoutThisIsNotAnOrigin) {
  EXPECT_FALSE(
      originOfInitializer("struct T { std::function<void()> p = [] {}; };"));
}

TEST(AddressOrigin, ReadingAPointerMemberIsNotAnOrigin) {
  EXPECT_FALSE(originOfInitializer("struct T { int *q; int *p = q; };"));
}

TEST(AddressOrigin, CopyOfAStringMemberIsNotAnOrigin) {
  EXPECT_FALSE(
      originOfInitializer("struct T { std::string s; std::string p = s; };"));
}

TEST(AddressOrigin, UserContainerJudgedByItsAccessor) {
  auto Origin = originOfInitializer(R"cpp(
    struct Inline { int a[4]; int *data() { return a; } };
    struct T { Inline in; int *p = in.data(); };)cpp");
  ASSERT_TRUE(Origin);
  EXPECT_EQ(Origin->Storage, StorageKind::Inline);
}

TEST(AddressOrigin, ObjectConstructedWithDereferencedThisHoldsIt) {
  auto Origin = originOfInitializer(R"cpp(
    struct T;
    struct Child { explicit Child(T &owner); };
    struct T { Child p{*this}; };)cpp");
  ASSERT_TRUE(Origin);
  EXPECT_EQ(Origin->Kind, OriginKind::HeldThis);
}

TEST(AddressOrigin, CopyOfTheWholeObjectIsNotAnOrigin) {
  // Constructing the same type from `*this` is a copy, not a back-pointer.
  auto AST = parse("struct T { int n; T clone() { return T(*this); } };");
  ASSERT_TRUE(AST);
  auto Matches = match(cxxConstructExpr().bind("e"), AST->getASTContext());
  SelfReferenceModel Model;
  for (const auto &Match : Matches)
    EXPECT_FALSE(Model.origins().ofValue(Match.getNodeAs<Expr>("e")));
}

} // namespace
} // namespace pincheck::test
