//===--- SourceTextTest.cpp - LSP positions, edits and URIs ---------------===//
//
// Part of pincheck. pincheck-clangd's conversions between LSP positions
// (UTF-8, UTF-16 or UTF-32 code units) and byte offsets, its text edits
// and its file URIs.
//
//===----------------------------------------------------------------------===//

#include "SourceText.h"
#include "gtest/gtest.h"

using namespace llvm;

namespace pincheck {
namespace {

// "é" is 2 bytes in UTF-8, "€" 3, "😀" 4 (outside the BMP: a surrogate
// pair in UTF-16).
constexpr StringRef Mixed = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
constexpr size_t OffsetOfZ = 10;

Position at(unsigned Line, unsigned Character) { return {Line, Character}; }

TEST(SourceTextTest, EncodingNames) {
  EXPECT_EQ(parseEncoding("utf-8"), PositionEncoding::UTF8);
  EXPECT_EQ(parseEncoding("utf-16"), PositionEncoding::UTF16);
  EXPECT_EQ(parseEncoding("utf-32"), PositionEncoding::UTF32);
  EXPECT_EQ(parseEncoding("UTF-16"), std::nullopt);
  EXPECT_EQ(parseEncoding("latin-1"), std::nullopt);
}

TEST(SourceTextTest, AsciiPositionsAreBytes) {
  StringRef Text = "int x;\nint y;\n";
  for (PositionEncoding E : {PositionEncoding::UTF8, PositionEncoding::UTF16,
                             PositionEncoding::UTF32}) {
    EXPECT_EQ(positionOf(Text, 0, E), at(0, 0));
    EXPECT_EQ(positionOf(Text, 4, E), at(0, 4));
    EXPECT_EQ(positionOf(Text, 7, E), at(1, 0));
    EXPECT_EQ(positionOf(Text, 11, E), at(1, 4));
    EXPECT_EQ(offsetOf(Text, at(1, 4), E), 11u);
    EXPECT_EQ(offsetOf(Text, at(0, 6), E), 6u);
  }
}

TEST(SourceTextTest, ColumnsCountCodeUnitsOfTheEncoding) {
  EXPECT_EQ(positionOf(Mixed, OffsetOfZ, PositionEncoding::UTF8), at(0, 10));
  EXPECT_EQ(positionOf(Mixed, OffsetOfZ, PositionEncoding::UTF16), at(0, 5));
  EXPECT_EQ(positionOf(Mixed, OffsetOfZ, PositionEncoding::UTF32), at(0, 4));
  EXPECT_EQ(offsetOf(Mixed, at(0, 10), PositionEncoding::UTF8), OffsetOfZ);
  EXPECT_EQ(offsetOf(Mixed, at(0, 5), PositionEncoding::UTF16), OffsetOfZ);
  EXPECT_EQ(offsetOf(Mixed, at(0, 4), PositionEncoding::UTF32), OffsetOfZ);
  // The twin: one unit less is the character before 'z'.
  EXPECT_EQ(offsetOf(Mixed, at(0, 3), PositionEncoding::UTF16), 6u);
  EXPECT_EQ(offsetOf(Mixed, at(0, 3), PositionEncoding::UTF32), 6u);
}

TEST(SourceTextTest, ConversionsRoundTrip) {
  const std::string Text = ("x\n" + Mixed + "\n" + Mixed).str();
  for (PositionEncoding E : {PositionEncoding::UTF8, PositionEncoding::UTF16,
                             PositionEncoding::UTF32})
    for (size_t Offset : {size_t(0), size_t(2), size_t(3), size_t(5), size_t(8),
                          size_t(12), Text.size()})
      EXPECT_EQ(offsetOf(Text, positionOf(Text, Offset, E), E), Offset)
          << "offset " << Offset;
}

TEST(SourceTextTest, OffsetInsideACharacterCountsWhatPrecedesIt) {
  // Byte 4 is inside '€' (bytes 3 to 5): the characters before it, and
  // the bytes of '€' before the offset one unit each.
  EXPECT_EQ(positionOf(Mixed, 4, PositionEncoding::UTF16), at(0, 3));
  EXPECT_EQ(positionOf(Mixed, 3, PositionEncoding::UTF16), at(0, 2));
}

TEST(SourceTextTest, InvalidBytesAreOneCharacterEach) {
  StringRef Text = "\xFF\x80z";
  EXPECT_EQ(positionOf(Text, 2, PositionEncoding::UTF16), at(0, 2));
  EXPECT_EQ(offsetOf(Text, at(0, 2), PositionEncoding::UTF16), 2u);
  // A lead byte whose sequence the line ends before.
  StringRef Cut = "\xE2\x82\nx";
  EXPECT_EQ(positionOf(Cut, 2, PositionEncoding::UTF16), at(0, 2));
  EXPECT_EQ(offsetOf(Cut, at(1, 0), PositionEncoding::UTF16), 3u);
}

TEST(SourceTextTest, PositionsPastTheEndAreClamped) {
  StringRef Text = "ab\ncd";
  // A column past its line: the end of the line, not the next line.
  EXPECT_EQ(offsetOf(Text, at(0, 99), PositionEncoding::UTF16), 2u);
  // A line past the text: the end of the text.
  EXPECT_EQ(offsetOf(Text, at(7, 0), PositionEncoding::UTF16), 5u);
  EXPECT_EQ(positionOf(Text, 99, PositionEncoding::UTF16), at(1, 2));
}

TEST(SourceTextTest, MapperAgreesWithPositionOfEverywhere) {
  // Lines longer than the mapper's checkpoint stride, with characters of
  // every length across the checkpoints, a cut sequence and a stray byte.
  std::string Text;
  for (int I = 0; I < 800; ++I) // 8.8 KB: two checkpoints.
    Text += Mixed.str();
  Text += "\xE2\x82\nshort\n\n\xFF\x80";
  for (int I = 0; I < 700; ++I) // 4.2 KB: one.
    Text += "ab\xF0\x9F\x98\x80";
  for (PositionEncoding E : {PositionEncoding::UTF8, PositionEncoding::UTF16,
                             PositionEncoding::UTF32}) {
    PositionMapper Mapper(Text, E);
    for (size_t Offset = 0; Offset <= Text.size() + 1; ++Offset)
      ASSERT_EQ(Mapper.positionOf(Offset), positionOf(Text, Offset, E))
          << "offset " << Offset;
  }
}

TEST(SourceTextTest, MapperOfAnEmptyText) {
  PositionMapper Mapper("", PositionEncoding::UTF16);
  EXPECT_EQ(Mapper.positionOf(0), at(0, 0));
  EXPECT_EQ(Mapper.positionOf(5), at(0, 0));
}

TEST(SourceTextTest, PositionsAndRangesInJson) {
  Position P;
  json::Path::Root Root;
  ASSERT_TRUE(fromJSON(json::Object{{"line", 3}, {"character", 7}}, P, Root));
  EXPECT_EQ(P, at(3, 7));
  EXPECT_EQ(toJSON(P),
            json::Value(json::Object{{"line", 3}, {"character", 7}}));
  EXPECT_FALSE(fromJSON(json::Object{{"line", -1}, {"character", 0}}, P, Root));
  EXPECT_FALSE(fromJSON(json::Object{{"line", 1}}, P, Root));
  EXPECT_FALSE(fromJSON(json::Value("1:2"), P, Root));

  Range R;
  json::Value Value = toJSON(Range{at(1, 2), at(3, 4)});
  ASSERT_TRUE(fromJSON(Value, R, Root));
  EXPECT_EQ(R.Start, at(1, 2));
  EXPECT_EQ(R.End, at(3, 4));
  EXPECT_FALSE(fromJSON(json::Object{{"start", toJSON(at(0, 0))}}, R, Root));
}

TEST(SourceTextTest, RangesTouchingAtAnEndCount) {
  Range Finding{at(2, 4), at(2, 9)};
  EXPECT_TRUE(Finding.touches({at(2, 9), at(2, 9)})); // A cursor at its end.
  EXPECT_TRUE(Finding.touches({at(2, 4), at(2, 4)})); // At its start.
  EXPECT_TRUE(Finding.touches({at(1, 0), at(5, 0)})); // Around it.
  EXPECT_TRUE(Finding.touches({at(2, 5), at(2, 6)})); // Inside it.
  EXPECT_FALSE(Finding.touches({at(2, 10), at(2, 12)}));
  EXPECT_FALSE(Finding.touches({at(1, 0), at(2, 3)}));
}

TEST(SourceTextTest, FullTextChangeReplacesTheText) {
  std::string Text = "old";
  EXPECT_TRUE(applyChange(Text, json::Object{{"text", "new text"}},
                          PositionEncoding::UTF16));
  EXPECT_EQ(Text, "new text");
}

json::Object rangeChange(Position Start, Position End, StringRef NewText) {
  return json::Object{{"range", toJSON(Range{Start, End})}, {"text", NewText}};
}

TEST(SourceTextTest, RangeChangesEditInTheNegotiatedEncoding) {
  // Replace 'z' after the multi-byte characters, at its UTF-16 column.
  std::string Text = Mixed.str();
  EXPECT_TRUE(applyChange(Text, rangeChange(at(0, 5), at(0, 6), "Z"),
                          PositionEncoding::UTF16));
  EXPECT_EQ(Text, ("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
                   "Z"));
  // The same columns in UTF-32 name a different character: '😀'.
  Text = Mixed.str();
  EXPECT_TRUE(applyChange(Text, rangeChange(at(0, 3), at(0, 4), "!"),
                          PositionEncoding::UTF32));
  EXPECT_EQ(Text, "a\xC3\xA9\xE2\x82\xAC!z");
}

TEST(SourceTextTest, InsertionsAndDeletionsAcrossLines) {
  std::string Text = "one\ntwo\nthree\n";
  EXPECT_TRUE(applyChange(Text, rangeChange(at(1, 0), at(1, 0), "// new\n"),
                          PositionEncoding::UTF16));
  EXPECT_EQ(Text, "one\n// new\ntwo\nthree\n");
  EXPECT_TRUE(applyChange(Text, rangeChange(at(0, 3), at(2, 3), ""),
                          PositionEncoding::UTF16));
  EXPECT_EQ(Text, "one\nthree\n");
}

TEST(SourceTextTest, MalformedChangesAreRefusedAndLeaveTheText) {
  std::string Text = "unchanged";
  EXPECT_FALSE(applyChange(Text, json::Object{{"range", toJSON(Range{})}},
                           PositionEncoding::UTF16));
  EXPECT_FALSE(applyChange(
      Text, json::Object{{"range", json::Object{{"start", 1}}}, {"text", "x"}},
      PositionEncoding::UTF16));
  EXPECT_FALSE(applyChange(Text, rangeChange(at(0, 5), at(0, 2), "x"),
                           PositionEncoding::UTF16));
  EXPECT_EQ(Text, "unchanged");
}

TEST(SourceTextTest, FileUrisToPaths) {
  EXPECT_EQ(pathFromUri("file:///src/a.cpp"), "/src/a.cpp");
  EXPECT_EQ(pathFromUri("file:///my%20src/%C3%A9.cpp"), "/my src/\xC3\xA9.cpp");
  EXPECT_EQ(pathFromUri("file://localhost/src/a.cpp"), "/src/a.cpp");
  // A '%' not followed by two hex digits stays as it is.
  EXPECT_EQ(pathFromUri("file:///100%25/5%/a%zz"), "/100%/5%/a%zz");
  EXPECT_EQ(pathFromUri("file://server/share/a.cpp"), std::nullopt);
  EXPECT_EQ(pathFromUri("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(pathFromUri("https://example.com/a.cpp"), std::nullopt);
}

TEST(SourceTextTest, PathsToFileUris) {
  EXPECT_EQ(uriFromPath("/src/a-b_c.~/x.cpp"), "file:///src/a-b_c.~/x.cpp");
  EXPECT_EQ(uriFromPath("/my src/\xC3\xA9#1+.cpp"),
            "file:///my%20src/%C3%A9%231%2B.cpp");
  for (StringRef Path :
       {"/plain/a.cpp", "/with space/b.h", "/\xF0\x9F\x98\x80/100%/c.cpp"})
    EXPECT_EQ(pathFromUri(uriFromPath(Path)), Path.str());
}

} // namespace
} // namespace pincheck
