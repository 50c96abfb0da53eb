//===--- Transport.cpp - LSP base protocol framing over file descriptors --===//
//
// Part of pincheck.
//
//===----------------------------------------------------------------------===//

#include "Transport.h"
#include "llvm/ADT/StringExtras.h"
#include <cerrno>
#include <unistd.h>

using namespace llvm;

namespace pincheck {

bool FrameReader::fill(size_t Size) {
  while (Buffer.size() - Pos < Size) {
    char Chunk[65536];
    ssize_t Read = ::read(FD, Chunk, sizeof(Chunk));
    if (Read < 0 && errno == EINTR)
      continue;
    if (Read <= 0)
      return false;
    Buffer.append(Chunk, Read);
  }
  return true;
}

std::optional<Frame> FrameReader::read() {
  // Drop what the previous frame consumed.
  Buffer.erase(0, Pos);
  Pos = 0;
  std::optional<size_t> Length;
  bool SawHeader = false;
  size_t LineStart = 0;
  while (true) {
    size_t End = Buffer.find('\n', LineStart);
    if (End == std::string::npos) {
      if (!fill(Buffer.size() + 1)) {
        if (SawHeader)
          Error = "end of input inside a message header";
        return std::nullopt;
      }
      continue;
    }
    StringRef Line = StringRef(Buffer).slice(LineStart, End).rtrim('\r');
    LineStart = End + 1;
    if (Line.empty()) {
      if (!SawHeader)
        continue; // Blank lines between messages are tolerated.
      if (!Length) {
        Error = "message header without Content-Length";
        return std::nullopt;
      }
      break;
    }
    SawHeader = true;
    auto [Name, Value] = Line.split(':');
    if (Name.trim().equals_insensitive("content-length")) {
      unsigned long long Parsed;
      if (getAsUnsignedInteger(Value.trim(), 10, Parsed)) {
        Error = ("invalid Content-Length '" + Value.trim() + "'").str();
        return std::nullopt;
      }
      Length = Parsed;
    }
  }
  Frame Result;
  Result.BodyOffset = LineStart;
  if (!fill(LineStart + *Length)) {
    Error = "end of input inside a message body";
    return std::nullopt;
  }
  Result.Bytes = Buffer.substr(0, LineStart + *Length);
  Pos = LineStart + *Length;
  return Result;
}

bool FrameWriter::writeAll(StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t Written = ::write(FD, Bytes.data(), Bytes.size());
    if (Written < 0 && errno == EINTR)
      continue;
    if (Written <= 0)
      return false;
    Bytes = Bytes.drop_front(Written);
  }
  return true;
}

bool FrameWriter::writeRaw(StringRef Bytes) {
  std::lock_guard<std::mutex> Lock(Mutex);
  return writeAll(Bytes);
}

bool FrameWriter::writeMessage(StringRef Body) {
  std::string Bytes =
      "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n";
  Bytes += Body;
  return writeRaw(Bytes);
}

} // namespace pincheck
