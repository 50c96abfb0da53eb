//===--- text_buffer.cpp - A pointer into an inline buffer ----------------===//
//
// Part of the pincheck examples. Bug shape: a member pointer into an inline
// array of the same object (model section 1).
//
//===----------------------------------------------------------------------===//

#include "pincheck/pin.h"
#include "small_vector.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace buggy {

// The line being edited: the text lives in an inline array and Cursor points
// at the insertion point inside it.
//
// BUG: the implicit copy and move copy Cursor unchanged, so a copy's cursor
// still points into the source's Data. Typing into an undo snapshot writes
// into the live buffer, or into a destroyed one once the vector reallocates.
class TextBuffer {
public:
  void insert(char C) {
    if (Length == sizeof(Data))
      return;
    std::memmove(Cursor + 1, Cursor, Data + Length - Cursor);
    *Cursor++ = C;
    ++Length;
  }
  void left() {
    if (Cursor != Data)
      --Cursor;
  }
  void right() {
    if (Cursor != Data + Length)
      ++Cursor;
  }
  std::size_t column() const { return Cursor - Data; }

private:
  char Data[256];
  std::size_t Length = 0;
  char *Cursor = Data; // Points into this object's Data.
};

// Each snapshot is a copy whose Cursor aims at the live buffer, and the
// vector moves every snapshot again when it grows.
void saveUndo(std::vector<TextBuffer> &Undo, const TextBuffer &Current) {
  Undo.push_back(Current);
}

} // namespace buggy

namespace fixed {

// The same buffer, stored in a SmallVector (which re-seats its own pointer
// when copied or moved) with the cursor kept as an index. An index means the
// same thing in every copy, so the implicit copy and move are right.
class TextBuffer {
public:
  void insert(char C) { Text.insert(Cursor++, C); }
  void left() {
    if (Cursor != 0)
      --Cursor;
  }
  void right() {
    if (Cursor != Text.size())
      ++Cursor;
  }
  std::size_t column() const { return Cursor; }

private:
  SmallVector<char, 256> Text;
  std::size_t Cursor = 0; // An index into Text, valid in every copy.
};

void saveUndo(std::vector<TextBuffer> &Undo, const TextBuffer &Current) {
  Undo.push_back(Current);
}

// Counts the words of a line for the status bar. Pos points into Buf, like
// the buggy Cursor above, but only while countWords() runs: it is set at the
// start of every call and cleared at the end, so a copied or moved scanner
// never reads it. pincheck cannot know that; PIN_UNPIN says moves are safe.
class PIN_UNPIN WordCounter {
public:
  std::size_t countWords(std::string_view Line) {
    // Normalize into Buf first, so that the scan only knows one blank.
    std::size_t Length = std::min(Line.size(), sizeof(Buf));
    std::replace_copy(Line.begin(), Line.begin() + Length, Buf, '\t', ' ');
    Pos = Buf;
    End = Buf + Length;
    std::size_t Words = 0;
    while (skipSpaces()) {
      skipWord();
      ++Words;
    }
    Pos = End = nullptr;
    return Words;
  }

private:
  bool skipSpaces() {
    while (Pos != End && *Pos == ' ')
      ++Pos;
    return Pos != End;
  }
  void skipWord() {
    while (Pos != End && *Pos != ' ')
      ++Pos;
  }

  char Buf[256];
  const char *Pos = nullptr; // Into Buf, only during countWords().
  const char *End = nullptr;
};

} // namespace fixed
