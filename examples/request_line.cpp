//===--- request_line.cpp - A string_view into a string member ------------===//
//
// Part of the pincheck examples. Bug shape: a std::string member plus
// std::string_view members into it (model section 1).
//
//===----------------------------------------------------------------------===//

#include "pincheck/pin.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace buggy {

// The first line of an HTTP request, "GET /index.html HTTP/1.1", kept whole
// with views of its parts.
//
// BUG: Method and Target view Raw's characters. A short line fits in
// std::string's inline small buffer, so the implicit copy and move leave the
// views pointing into the source object: once the vector below reallocates,
// every request's method() reads freed memory.
class RequestLine {
public:
  explicit RequestLine(std::string Line) : Raw(std::move(Line)) {
    std::size_t Space = Raw.find(' ');
    std::size_t Second = Raw.find(' ', Space + 1);
    Method = std::string_view(Raw.data(), Space);
    Target = std::string_view(Raw.data() + Space + 1, Second - Space - 1);
  }

  std::string_view method() const { return Method; }
  std::string_view target() const { return Target; }

private:
  std::string Raw;
  std::string_view Method; // Views into Raw.
  std::string_view Target;
};

void enqueue(std::vector<RequestLine> &Pending, std::string Line) {
  Pending.emplace_back(std::move(Line));
}

} // namespace buggy

namespace fixed {

// The same request line. Copying or moving it cannot keep the views right,
// so it cannot be copied or moved: the copy operations are deleted, which
// also removes the implicit moves. Factories still return it by value
// (C++17 guarantees the copy elision), and queues hold it by pointer.
class RequestLine {
public:
  explicit RequestLine(std::string Line) : Raw(std::move(Line)) {
    std::size_t Space = Raw.find(' ');
    std::size_t Second = Raw.find(' ', Space + 1);
    Method = std::string_view(Raw.data(), Space);
    Target = std::string_view(Raw.data() + Space + 1, Second - Space - 1);
  }
  RequestLine(const RequestLine &) = delete;
  RequestLine &operator=(const RequestLine &) = delete;

  std::string_view method() const { return Method; }
  std::string_view target() const { return Target; }

private:
  std::string Raw;
  std::string_view Method; // Views into Raw.
  std::string_view Target;
};

RequestLine healthCheck() { return RequestLine("GET /health HTTP/1.1"); }

// The vector moves the Pins (pointers) when it grows, never the requests:
// pin::make_pinned is C++'s Box::pin.
void enqueue(std::vector<pin::Pin<std::unique_ptr<RequestLine>>> &Pending,
             std::string Line) {
  Pending.push_back(pin::make_pinned<RequestLine>(std::move(Line)));
}

} // namespace fixed
