//===--- Transport.h - LSP base protocol framing over file descriptors ----===//
//
// Part of pincheck. Reads and writes the frames of the LSP base protocol
// (`Content-Length: N\r\n\r\n` then N bytes of JSON). A frame read keeps the
// exact bytes received, headers included, so that it can be forwarded
// unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_CLANGD_TRANSPORT_H
#define PINCHECK_CLANGD_TRANSPORT_H

#include "llvm/ADT/StringRef.h"
#include <mutex>
#include <optional>
#include <string>

namespace pincheck {

/// One message as received: header and body bytes.
struct Frame {
  std::string Bytes;
  size_t BodyOffset = 0;
  llvm::StringRef body() const {
    return llvm::StringRef(Bytes).drop_front(BodyOffset);
  }
};

/// Reads frames from a file descriptor.
class FrameReader {
public:
  explicit FrameReader(int FD) : FD(FD) {}
  /// The next frame, or nothing at end of input or on a malformed header
  /// (then `error()` says why).
  std::optional<Frame> read();
  const std::string &error() const { return Error; }

private:
  /// Makes at least `Size` bytes available from `Pos`; false at end of input.
  bool fill(size_t Size);
  int FD;
  std::string Buffer;
  size_t Pos = 0;
  std::string Error;
};

/// Writes whole frames to a file descriptor; several threads may write.
class FrameWriter {
public:
  explicit FrameWriter(int FD) : FD(FD) {}
  /// Writes bytes that already hold a header and a body.
  bool writeRaw(llvm::StringRef Bytes);
  /// Writes `Body` with a Content-Length header.
  bool writeMessage(llvm::StringRef Body);

private:
  bool writeAll(llvm::StringRef Bytes);
  int FD;
  std::mutex Mutex;
};

} // namespace pincheck

#endif // PINCHECK_CLANGD_TRANSPORT_H
