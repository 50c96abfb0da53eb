//===--- SourceText.h - LSP positions, URIs and text edits ----------------===//
//
// Part of pincheck. LSP addresses text by line and by column in code units
// of the negotiated encoding (UTF-16 unless the client and server agree on
// UTF-8 or UTF-32); Clang addresses it by byte offset. These convert
// between the two and apply the edits of `textDocument/didChange`.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_SOURCETEXT_H
#define PINCHECK_CLANGD_SOURCETEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace pincheck {

enum class PositionEncoding { UTF8, UTF16, UTF32 };

/// The encoding named by an LSP `PositionEncodingKind` ("utf-16", ...).
std::optional<PositionEncoding> parseEncoding(llvm::StringRef Name);

struct Position {
  unsigned Line = 0;
  unsigned Character = 0;
  friend bool operator<(const Position &A, const Position &B) {
    return A.Line < B.Line || (A.Line == B.Line && A.Character < B.Character);
  }
  friend bool operator==(const Position &A, const Position &B) {
    return A.Line == B.Line && A.Character == B.Character;
  }
};

struct Range {
  Position Start, End;
  /// Whether the ranges share a position; touching at an end counts, so a
  /// cursor at either end of a finding selects it.
  bool touches(const Range &Other) const {
    return !(End < Other.Start) && !(Other.End < Start);
  }
};

llvm::json::Value toJSON(const Position &P);
llvm::json::Value toJSON(const Range &R);
bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, Range &R, llvm::json::Path Path);

/// The byte offset of `P` in `Text`. A column past the end of its line
/// means the end of the line, and a line past the end the end of the text,
/// as LSP asks.
size_t offsetOf(llvm::StringRef Text, Position P, PositionEncoding Encoding);

/// The position of byte `Offset` of `Text`. Scans `Text` up to `Offset`:
/// for many positions in one text, a PositionMapper.
Position positionOf(llvm::StringRef Text, size_t Offset,
                    PositionEncoding Encoding);

/// The positions of many byte offsets of one text, each in time bounded by
/// the text's number of lines and a few kilobytes, however long its lines:
/// thousands of findings on one long generated line would otherwise each
/// scan the line from its start.
class PositionMapper {
public:
  PositionMapper(llvm::StringRef Text, PositionEncoding Encoding);
  /// As positionOf(Text, Offset, Encoding).
  Position positionOf(size_t Offset) const;

private:
  /// A character boundary at which the position is known: every line's
  /// start, and about every `Stride` bytes within a line.
  struct Checkpoint {
    size_t Offset;
    Position At;
  };
  static constexpr size_t Stride = 4096;
  llvm::StringRef Text;
  PositionEncoding Encoding;
  std::vector<Checkpoint> Checkpoints;
};

/// Applies one `TextDocumentContentChangeEvent` (a range edit, or the whole
/// text when it has no range) to `Text`. False if the event is malformed.
bool applyChange(std::string &Text, const llvm::json::Object &Change,
                 PositionEncoding Encoding);

/// The absolute path of a `file:` URI, or nothing for other schemes.
std::optional<std::string> pathFromUri(llvm::StringRef Uri);

/// The `file:` URI of an absolute path, percent-encoded as clangd does.
std::string uriFromPath(llvm::StringRef Path);

} // namespace pincheck

#endif // PINCHECK_CLANGD_SOURCETEXT_H
