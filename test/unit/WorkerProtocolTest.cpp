//===--- WorkerProtocolTest.cpp - Analyses as JSON, between processes -----===//
//
// Part of pincheck. What pincheck-clangd sends its analysis worker, and
// what the worker answers, read back as it was written.
//
//===----------------------------------------------------------------------===//

#include "WorkerProtocol.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace pincheck {
namespace {

/// `Value` written as JSON text and parsed back into a T.
template <typename T> std::optional<T> roundTrip(const T &Value) {
  std::string Text;
  raw_string_ostream(Text) << toJSON(Value);
  Expected<json::Value> Parsed = json::parse(Text);
  if (!Parsed) {
    consumeError(Parsed.takeError());
    return std::nullopt;
  }
  T Result;
  json::Path::Root Root;
  if (!fromJSON(*Parsed, Result, Root))
    return std::nullopt;
  return Result;
}

TEST(WorkerProtocolTest, RequestsRoundTrip) {
  AnalysisInput Input{"/src/a.cpp", "int x = 1; // \xC3\xA9\n",
                      clang::tooling::CompileCommand(
                          "/build", "/src/a.cpp",
                          {"clang++", "-std=c++17", "/src/a.cpp"}, "a.o")};
  std::optional<AnalysisInput> Read = roundTrip(Input);
  ASSERT_TRUE(Read);
  EXPECT_EQ(Read->Path, Input.Path);
  EXPECT_EQ(Read->Text, Input.Text);
  EXPECT_EQ(Read->Command.Directory, "/build");
  EXPECT_EQ(Read->Command.Filename, "/src/a.cpp");
  EXPECT_EQ(Read->Command.CommandLine, Input.Command.CommandLine);
  EXPECT_EQ(Read->Command.Output, "a.o");
}

TEST(WorkerProtocolTest, RepliesRoundTrip) {
  DocumentFinding Found;
  Found.Check = "pin-move-after-pin";
  Found.Message = "copying 't' of type 'Task' after it was pinned";
  Found.AsError = true;
  Found.At = {"/src/a.cpp", 120, 4};
  Found.Fix = {{{"/src/a.cpp", 10, 0}, "&"}};
  Found.Notes = {{"'t' is pinned here", {"/src/a.h", 7, 0}, {}},
                 {"bind a reference",
                  {"/src/a.cpp", 9, 0},
                  {{{"/src/a.cpp", 9, 1}, "auto &"}}}};
  AnalysisResult Result{{Found}, 2};
  std::optional<AnalysisResult> Read = roundTrip(Result);
  ASSERT_TRUE(Read);
  EXPECT_EQ(Read->CompileErrors, 2u);
  ASSERT_EQ(Read->Findings.size(), 1u);
  const DocumentFinding &Back = Read->Findings.front();
  EXPECT_EQ(Back.Check, Found.Check);
  EXPECT_EQ(Back.Message, Found.Message);
  EXPECT_TRUE(Back.AsError);
  EXPECT_EQ(Back.At.File, "/src/a.cpp");
  EXPECT_EQ(Back.At.Offset, 120u);
  EXPECT_EQ(Back.At.Length, 4u);
  ASSERT_EQ(Back.Fix.size(), 1u);
  EXPECT_EQ(Back.Fix[0].NewText, "&");
  ASSERT_EQ(Back.Notes.size(), 2u);
  EXPECT_EQ(Back.Notes[0].At.File, "/src/a.h");
  EXPECT_TRUE(Back.Notes[0].Fix.empty());
  ASSERT_EQ(Back.Notes[1].Fix.size(), 1u);
  EXPECT_EQ(Back.Notes[1].Fix[0].Replaced.Length, 1u);
  EXPECT_EQ(Back.Notes[1].Fix[0].NewText, "auto &");
}

TEST(WorkerProtocolTest, MalformedMessagesAreRefused) {
  json::Path::Root Root;
  AnalysisInput Input;
  EXPECT_FALSE(fromJSON(json::Object{{"path", "/a.cpp"}, {"text", ""}}, Input,
                        Root)); // No command.
  EXPECT_FALSE(fromJSON(json::Value("a request"), Input, Root));
  AnalysisResult Result;
  EXPECT_FALSE(
      fromJSON(json::Object{{"findings", json::Array{1}}, {"compileErrors", 0}},
               Result, Root));
  EXPECT_FALSE(fromJSON(json::Object{{"findings", json::Array{}}}, Result,
                        Root)); // No compileErrors.
  // The twin: the smallest whole reply.
  EXPECT_TRUE(
      fromJSON(json::Object{{"findings", json::Array{}}, {"compileErrors", 0}},
               Result, Root));
}

} // namespace
} // namespace pincheck
