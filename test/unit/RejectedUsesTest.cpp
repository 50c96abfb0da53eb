//===--- RejectedUsesTest.cpp - Unit tests for merged rejected uses -------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Checks/RejectedUses.h"
#include "llvm/ADT/SmallVector.h"
#include "gtest/gtest.h"
#include <string>

using clang::tooling::DiagnosticMessage;

namespace pincheck::test {
namespace {

DiagnosticMessage note(std::string File, unsigned Offset, std::string Text) {
  DiagnosticMessage Note;
  Note.FilePath = std::move(File);
  Note.FileOffset = Offset;
  Note.Message = std::move(Text);
  return Note;
}

DiagnosticMessage copyAt(std::string File, unsigned Offset) {
  return note(std::move(File), Offset,
              "copying 'Line' here will not compile once the fix-it deletes "
              "the copy constructor");
}

std::vector<std::string> places(llvm::ArrayRef<DiagnosticMessage> Notes) {
  std::vector<std::string> Result;
  for (const DiagnosticMessage &Note : Notes)
    Result.push_back(Note.FilePath + ":" + std::to_string(Note.FileOffset));
  return Result;
}

TEST(RejectedUses, RecognisesItsNotes) {
  EXPECT_TRUE(isRejectedUseNote(copyAt("a.cpp", 1).Message));
  EXPECT_TRUE(isRejectedUseNote(
      "moving 'Line' inside 'std::vector<Line>::push_back' will not compile "
      "once the fix-it deletes the move constructor"));
  EXPECT_TRUE(isRejectedUseNote("and 3 more copies or moves of 'Line'"));
  EXPECT_FALSE(isRejectedUseNote("interior pointer 'End' declared here"));
  EXPECT_FALSE(isRejectedUseNote("and more copies or moves of 'Line'"));
}

TEST(RejectedUses, MergesTheUsesOfEveryUnitInPlaceOrder) {
  llvm::SmallVector<DiagnosticMessage, 4> Notes = {
      note("line.h", 10, "interior pointer 'End' declared here"),
      copyAt("editor.cpp", 50)};
  // The other unit saw the header's copy too, and one of its own.
  const DiagnosticMessage Other[] = {
      note("line.h", 10, "interior pointer 'End' declared here"),
      copyAt("history.cpp", 7), copyAt("editor.cpp", 50)};
  mergeRejectedUseNotes(Notes, Other);
  EXPECT_EQ(places(Notes), (std::vector<std::string>{
                               "line.h:10", "editor.cpp:50", "history.cpp:7"}));
}

TEST(RejectedUses, NothingNewLeavesTheNotesAlone) {
  llvm::SmallVector<DiagnosticMessage, 4> Notes = {
      note("line.h", 10, "interior pointer 'End' declared here"),
      copyAt("editor.cpp", 50)};
  const DiagnosticMessage Other[] = {copyAt("editor.cpp", 50)};
  mergeRejectedUseNotes(Notes, Other);
  EXPECT_EQ(places(Notes),
            (std::vector<std::string>{"line.h:10", "editor.cpp:50"}));
}

TEST(RejectedUses, PastTheLimitTheRestIsCounted) {
  llvm::SmallVector<DiagnosticMessage, 16> Notes;
  for (unsigned I = 0; I != MaxListedRejectedUses; ++I)
    Notes.push_back(copyAt("a.cpp", 100 + I));
  Notes.push_back(note("line.h", 4, "and 2 more copies or moves of 'Line'"));
  const DiagnosticMessage Other[] = {copyAt("b.cpp", 1), copyAt("b.cpp", 2),
                                     copyAt("b.cpp", 3)};
  mergeRejectedUseNotes(Notes, Other);
  ASSERT_EQ(Notes.size(), MaxListedRejectedUses + 1);
  // Sorted by file: b.cpp's three come first and push three of a.cpp out.
  EXPECT_EQ(Notes.front().FilePath, "a.cpp");
  EXPECT_EQ(Notes.back().Message, "and 5 more copies or moves of 'Line'");
  EXPECT_EQ(Notes.back().FilePath, "line.h");
}

TEST(RejectedUses, WithoutACountEveryUseStaysListed) {
  llvm::SmallVector<DiagnosticMessage, 16> Notes;
  for (unsigned I = 0; I != MaxListedRejectedUses; ++I)
    Notes.push_back(copyAt("a.cpp", 100 + I));
  const DiagnosticMessage Other[] = {copyAt("b.cpp", 1)};
  mergeRejectedUseNotes(Notes, Other);
  EXPECT_EQ(Notes.size(), MaxListedRejectedUses + 1);
}

} // namespace
} // namespace pincheck::test
