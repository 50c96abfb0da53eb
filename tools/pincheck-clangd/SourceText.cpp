//===--- SourceText.cpp - LSP positions, URIs and text edits --------------===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "SourceText.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace pincheck {

std::optional<PositionEncoding> parseEncoding(StringRef Name) {
  if (Name == "utf-8")
    return PositionEncoding::UTF8;
  if (Name == "utf-16")
    return PositionEncoding::UTF16;
  if (Name == "utf-32")
    return PositionEncoding::UTF32;
  return std::nullopt;
}

json::Value toJSON(const Position &P) {
  return json::Object{{"line", P.Line}, {"character", P.Character}};
}

json::Value toJSON(const Range &R) {
  return json::Object{{"start", R.Start}, {"end", R.End}};
}

bool fromJSON(const json::Value &V, Position &P, json::Path Path) {
  json::ObjectMapper O(V, Path);
  int64_t Line, Character;
  if (!O || !O.map("line", Line) || !O.map("character", Character) ||
      Line < 0 || Character < 0)
    return false;
  P.Line = static_cast<unsigned>(Line);
  P.Character = static_cast<unsigned>(Character);
  return true;
}

bool fromJSON(const json::Value &V, Range &R, json::Path Path) {
  json::ObjectMapper O(V, Path);
  return O && O.map("start", R.Start) && O.map("end", R.End);
}

/// The length in bytes of the UTF-8 sequence that starts with `Lead`;
/// stray continuation and invalid bytes count as one character each.
static unsigned sequenceLength(unsigned char Lead) {
  if (Lead >= 0xF0 && Lead <= 0xF7)
    return 4;
  if (Lead >= 0xE0)
    return Lead <= 0xEF ? 3 : 1;
  if (Lead >= 0xC0)
    return 2;
  return 1;
}

/// Code units of one character of `Length` UTF-8 bytes.
static unsigned codeUnits(unsigned Length, PositionEncoding Encoding) {
  switch (Encoding) {
  case PositionEncoding::UTF8:
    return Length;
  case PositionEncoding::UTF16:
    return Length == 4 ? 2 : 1; // Outside the BMP: a surrogate pair.
  case PositionEncoding::UTF32:
    return 1;
  }
  return 1;
}

size_t offsetOf(StringRef Text, Position P, PositionEncoding Encoding) {
  size_t LineStart = 0;
  for (unsigned Line = 0; Line < P.Line; ++Line) {
    size_t Break = Text.find('\n', LineStart);
    if (Break == StringRef::npos)
      return Text.size();
    LineStart = Break + 1;
  }
  size_t LineEnd = std::min(Text.find('\n', LineStart), Text.size());
  size_t Offset = LineStart;
  unsigned Units = 0;
  while (Offset < LineEnd && Units < P.Character) {
    unsigned Length = sequenceLength(Text[Offset]);
    if (Offset + Length > LineEnd)
      Length = 1;
    Units += codeUnits(Length, Encoding);
    Offset += Length;
  }
  return Offset;
}

/// The code units of `Encoding` from byte `From` to byte `To` of one line.
static unsigned charactersBetween(StringRef Text, size_t From, size_t To,
                                  PositionEncoding Encoding) {
  unsigned Characters = 0;
  for (size_t I = From; I < To;) {
    unsigned Length = sequenceLength(Text[I]);
    if (I + Length > To)
      Length = 1; // An offset inside a character: count what precedes it.
    Characters += codeUnits(Length, Encoding);
    I += Length;
  }
  return Characters;
}

Position positionOf(StringRef Text, size_t Offset, PositionEncoding Encoding) {
  Offset = std::min(Offset, Text.size());
  Position P;
  size_t LineStart = 0;
  for (size_t Break = Text.find('\n'); Break < Offset;
       Break = Text.find('\n', Break + 1)) {
    ++P.Line;
    LineStart = Break + 1;
  }
  P.Character += charactersBetween(Text, LineStart, Offset, Encoding);
  return P;
}

PositionMapper::PositionMapper(StringRef Text, PositionEncoding Encoding)
    : Text(Text), Encoding(Encoding) {
  // The steps are positionOf's, so that the counts at the checkpoints are
  // the ones it reaches on its way to a later offset of the line.
  Position At;
  Checkpoints.push_back({0, At});
  size_t LastCheckpoint = 0;
  size_t LineEnd = std::min(Text.find('\n'), Text.size());
  for (size_t I = 0; I < Text.size();) {
    if (I == LineEnd) {
      ++I;
      At = Position{At.Line + 1, 0};
      Checkpoints.push_back({I, At});
      LastCheckpoint = I;
      LineEnd = std::min(Text.find('\n', I), Text.size());
      continue;
    }
    unsigned Length = sequenceLength(Text[I]);
    if (I + Length > LineEnd)
      Length = 1; // positionOf cuts such a sequence short too.
    At.Character += codeUnits(Length, Encoding);
    I += Length;
    if (I - LastCheckpoint >= Stride && I < LineEnd) {
      Checkpoints.push_back({I, At});
      LastCheckpoint = I;
    }
  }
}

Position PositionMapper::positionOf(size_t Offset) const {
  Offset = std::min(Offset, Text.size());
  // The last checkpoint at or before the offset: on the offset's line,
  // since every line starts with one.
  auto After = llvm::upper_bound(
      Checkpoints, Offset,
      [](size_t Value, const Checkpoint &C) { return Value < C.Offset; });
  const Checkpoint &From = *std::prev(After);
  Position P = From.At;
  P.Character += charactersBetween(Text, From.Offset, Offset, Encoding);
  return P;
}

bool applyChange(std::string &Text, const json::Object &Change,
                 PositionEncoding Encoding) {
  std::optional<StringRef> NewText = Change.getString("text");
  if (!NewText)
    return false;
  const json::Value *RangeValue = Change.get("range");
  if (!RangeValue) {
    Text = NewText->str();
    return true;
  }
  Range R;
  json::Path::Root Root;
  if (!fromJSON(*RangeValue, R, Root))
    return false;
  size_t Begin = offsetOf(Text, R.Start, Encoding);
  size_t End = offsetOf(Text, R.End, Encoding);
  if (End < Begin)
    return false;
  Text.replace(Begin, End - Begin, NewText->str());
  return true;
}

std::optional<std::string> pathFromUri(StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return std::nullopt;
  // An authority (file://host/path) is accepted only when empty or local.
  if (!Uri.starts_with("/")) {
    auto [Host, Rest] = Uri.split('/');
    if (Host != "localhost")
      return std::nullopt;
    Uri = Uri.drop_front(Host.size());
  }
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() && isHexDigit(Uri[I + 1]) &&
        isHexDigit(Uri[I + 2])) {
      Path += static_cast<char>(hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

std::string uriFromPath(StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-._~/:").contains(C))
      Uri += C;
    else
      Uri += "%" + utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

} // namespace pincheck
