//===--- FactsTest.cpp - Unit tests for whole-program facts ---------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Model/Facts.h"
#include "Model/PinAnalysis.h"
#include "ModelTestSupport.h"
#include "Store/FactStore.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace pincheck::test {
namespace {

/// The facts of one parsed translation unit.
struct Unit {
  explicit Unit(StringRef Code) : AST(parse(Code)), Analysis({}) {
    Facts = extractFacts(AST->getASTContext(), Analysis);
  }

  const FunctionDecl *function(StringRef Name) {
    auto Matches =
        match(functionDecl(hasName(Name)).bind("f"), AST->getASTContext());
    return Matches.empty() ? nullptr
                           : Matches.front().getNodeAs<FunctionDecl>("f");
  }

  const FunctionFacts *factsOf(StringRef Name) {
    auto It = Facts.Functions.find(factKeyOf(function(Name)));
    return It == Facts.Functions.end() ? nullptr : &It->second;
  }

  std::unique_ptr<ASTUnit> AST;
  PinAnalysis Analysis;
  UnitFacts Facts;
};

std::string text(const llvm::json::Value &V) {
  std::string Out;
  llvm::raw_string_ostream(Out) << V;
  return Out;
}

constexpr const char *Definitions = R"cpp(
  std::vector<int *> kept;
  void keep(int *p) { kept.push_back(p); }
  void read(int *p) { int x = *p; (void)x; }
  struct Buffer {
    Buffer();
    Buffer(const Buffer &other);
    char storage[16];
    char *cursor;
    void rewind();
  };
  Buffer::Buffer() : cursor(storage) {}
  Buffer::Buffer(const Buffer &other) : cursor(other.cursor) {}
  void Buffer::rewind() { cursor = storage; }
)cpp";

/// The same declarations, with no body: another unit's view.
constexpr const char *Declarations = R"cpp(
  void keep(int *p);
  void read(int *p);
  struct Buffer {
    Buffer();
    Buffer(const Buffer &other);
    char storage[16];
    char *cursor;
    void rewind();
  };
)cpp";

TEST(Facts, RecordOnlyWhatDiffersFromTheAssumptions) {
  Unit U(Definitions);
  const FunctionFacts *Keep = U.factsOf("keep");
  ASSERT_NE(Keep, nullptr);
  EXPECT_EQ(Keep->Name, "keep");
  EXPECT_EQ(Keep->PinsArgument.count(0), 1u);
  // A function that only reads its argument has nothing to say.
  EXPECT_EQ(U.factsOf("read"), nullptr);

  const FunctionFacts *Rewind = U.factsOf("Buffer::rewind");
  ASSERT_NE(Rewind, nullptr);
  ASSERT_EQ(Rewind->Writes.size(), 1u);
  EXPECT_EQ(Rewind->Writes.front().Field, "cursor");
  EXPECT_EQ(Rewind->Writes.front().OriginMember, "storage");
  EXPECT_NE(Rewind->PinsThis, nullptr);
}

TEST(Facts, VerbatimCopiesAndSitesAreRecorded) {
  Unit U(Definitions);
  const FunctionDecl *Copy = nullptr;
  for (const auto &Match :
       match(cxxConstructorDecl(isCopyConstructor(), isDefinition(),
                                ofClass(hasName("Buffer")))
                 .bind("f"),
             U.AST->getASTContext()))
    Copy = Match.getNodeAs<FunctionDecl>("f");
  ASSERT_NE(Copy, nullptr);
  auto It = U.Facts.Functions.find(factKeyOf(Copy));
  ASSERT_NE(It, U.Facts.Functions.end());
  ASSERT_EQ(It->second.VerbatimCopies.size(), 1u);
  EXPECT_EQ(It->second.VerbatimCopies.front().first, "cursor");
  const FactSite &At = It->second.VerbatimCopies.front().second;
  EXPECT_TRUE(StringRef(At.File).ends_with("input.cpp"));
  EXPECT_GT(At.Line, 0u);
  EXPECT_GT(At.Offset, 0u);
}

TEST(Facts, JsonRoundTripKeepsEveryFact) {
  Unit U(Definitions);
  llvm::json::Value Written = toJSON(U.Facts);
  UnitFacts Read;
  llvm::json::Path::Root Root;
  ASSERT_TRUE(fromJSON(Written, Read, Root));
  EXPECT_EQ(text(toJSON(Read)), text(Written));
  ASSERT_EQ(Read.Functions.size(), U.Facts.Functions.size());
  for (const auto &[Key, Facts] : U.Facts.Functions)
    EXPECT_EQ(digestOf(&Read.Functions.at(Key)), digestOf(&Facts)) << Key;
}

TEST(Facts, MalformedJsonIsRefused) {
  UnitFacts Read;
  for (StringRef Text :
       {R"({"functions": 3})",
        R"({"functions": {"k": {"name": "f", "at": ["a.cpp", 1]}}})",
        R"({"functions": {"k": {"name": "f", "at": ["a.cpp", 1, 2, 3],
            "pinsArgument": {"x": {}}}}})"}) {
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(Text);
    ASSERT_TRUE(static_cast<bool>(V)) << Text.str();
    llvm::json::Path::Root Root;
    EXPECT_FALSE(fromJSON(*V, Read, Root)) << Text.str();
  }
}

TEST(FactIndex, AnswersDoNotDependOnTheOrderUnitsAreAdded) {
  Unit A(Definitions);
  // The same function defined differently in another unit (an ODR
  // violation, or one file compiled twice): one answer, whichever order.
  Unit B(R"cpp(
    int *last;
    void keep(int *p) { last = p; }
  )cpp");
  FactIndex AB, BA;
  AB.add("a.cpp", A.Facts);
  AB.add("b.cpp", B.Facts);
  BA.add("b.cpp", B.Facts);
  BA.add("a.cpp", A.Facts);
  for (const auto &[Key, Facts] : A.Facts.Functions)
    EXPECT_EQ(AB.functionDigest(Key), BA.functionDigest(Key)) << Key;
  const std::string Keep = factKeyOf(A.function("keep"));
  EXPECT_EQ(AB.functionDigest(Keep), digestOf(&A.Facts.Functions.at(Keep)));
  EXPECT_NE(AB.functionDigest(Keep), digestOf(&B.Facts.Functions.at(Keep)));
}

TEST(UnitFactView, AnswersByUsrAndRemembersWhatWasAsked) {
  Unit Defining(Definitions);
  auto Index = std::make_shared<FactIndex>();
  Index->add("defs.cpp", Defining.Facts);

  Unit Using(Declarations);
  UnitFactView View(Index);
  const FunctionFacts *Keep = View.factsOf(Using.function("keep"));
  ASSERT_NE(Keep, nullptr);
  EXPECT_EQ(Keep->PinsArgument.count(0), 1u);
  EXPECT_EQ(View.factsOf(Using.function("read")), nullptr);

  const ConsultedFacts &Asked = View.consulted();
  EXPECT_EQ(Asked.Functions.size(), 2u);
  EXPECT_NE(Asked.Functions.at(factKeyOf(Using.function("keep"))), 0u);
  // "Nothing to say" is remembered too: a fact appearing later changes it.
  EXPECT_EQ(Asked.Functions.at(factKeyOf(Using.function("read"))), 0u);
  EXPECT_TRUE(Index->answersAsBefore(Asked));

  FactIndex Changed;
  Changed.add("defs.cpp", Unit(R"cpp(
    std::vector<int *> kept;
    void keep(int *p) {}
    void read(int *p) { kept.push_back(p); }
  )cpp")
                              .Facts);
  EXPECT_FALSE(Changed.answersAsBefore(Asked));
}

} // namespace
} // namespace pincheck::test
