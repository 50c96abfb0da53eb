// fmt (libfmt-dev): memory_buffer keeps short output inline and re-points
// on move; formatting into buffers, moving and returning them is quiet.
// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++17

#include <fmt/format.h>

#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

fmt::memory_buffer render(int Value) {
  fmt::memory_buffer Out;
  fmt::format_to(std::back_inserter(Out), "value={}", Value);
  return Out;
}

struct Line {
  fmt::memory_buffer Text;
  int Number = 0;
};

void correctUse() {
  fmt::memory_buffer A = render(1);
  fmt::memory_buffer B = std::move(A);
  A = std::move(B);
  std::vector<fmt::memory_buffer> Pages;
  for (int I = 0; I < 20; ++I)
    Pages.push_back(render(I));
  std::vector<Line> Lines(3);
  Lines.push_back(Line{render(7), 7});
  Lines.erase(Lines.begin());
  std::optional<fmt::memory_buffer> Maybe;
  Maybe = render(2);
  std::string Joined = fmt::to_string(Pages.front());
  (void)Joined;
}

// Misuse: copying the bytes of a memory_buffer leaves the copy's data
// pointer aimed at the source's inline store.
void copyBytes(fmt::memory_buffer &Dst, const fmt::memory_buffer &Src) {
  std::memcpy(static_cast<void *>(&Dst), &Src, sizeof(Src));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'fmt::basic_memory_buffer<char>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: core.h:{{[0-9]+}}:{{[0-9]+}}: note: 'fmt::memory_buffer' points 'ptr_' into itself
}

// Negative twin: a string_view is a view; its bytes are the view.
void copyView(fmt::string_view &Dst, const fmt::string_view &Src) {
  std::memcpy(&Dst, &Src, sizeof(Src));
}
