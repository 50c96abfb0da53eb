// Abseil (libabsl-dev): InlinedVector, FixedArray, flat_hash_map, Cord and
// Status used as applications use them. InlinedVector keeps small contents
// inline and re-points on move; correct use is quiet, a byte copy is not.
// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++17

#include <absl/container/fixed_array.h>
#include <absl/container/flat_hash_map.h>
#include <absl/container/inlined_vector.h>
#include <absl/status/status.h>
#include <absl/status/statusor.h>
#include <absl/strings/cord.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

struct Request {
  absl::InlinedVector<int, 4> Ids;
  absl::Cord Body;
  absl::Status Result;
  absl::flat_hash_map<std::string, absl::InlinedVector<std::string, 2>> Headers;
};

absl::StatusOr<Request> parse(const std::string &Text) {
  if (Text.empty())
    return absl::InvalidArgumentError("empty request");
  Request R;
  R.Ids.push_back(1);
  R.Body.Append(Text);
  R.Headers["host"].push_back("example.org");
  return R;
}

void correctUse() {
  absl::InlinedVector<int, 4> A = {1, 2, 3};
  absl::InlinedVector<int, 4> B = A;
  absl::InlinedVector<int, 4> C = std::move(A);
  std::swap(B, C);
  B = C;

  absl::FixedArray<int, 8> Fixed(4);
  absl::FixedArray<int, 8> FixedCopy = Fixed;
  (void)FixedCopy;

  std::vector<absl::InlinedVector<std::string, 2>> Rows;
  for (int I = 0; I < 50; ++I)
    Rows.push_back({std::to_string(I)});
  std::sort(Rows.begin(), Rows.end());

  absl::flat_hash_map<int, absl::InlinedVector<int, 2>> Map;
  for (int I = 0; I < 100; ++I) // Rehashing moves the values.
    Map[I].push_back(I);
  auto MapMoved = std::move(Map);
  (void)MapMoved;

  absl::Cord Text("hello");
  absl::Cord TextCopy = Text;
  TextCopy.Append(" world");

  absl::StatusOr<Request> Parsed = parse("GET /");
  if (Parsed.ok()) {
    Request R = *std::move(Parsed);
    std::vector<Request> Queue;
    Queue.push_back(std::move(R));
    Queue.emplace_back();
  }
  absl::Status S = absl::OkStatus();
  absl::Status T = S;
  S = absl::NotFoundError("missing");
  (void)T;

  std::optional<absl::InlinedVector<int, 4>> Maybe;
  Maybe = absl::InlinedVector<int, 4>{1};
  std::variant<absl::Status, absl::InlinedVector<int, 2>> Either;
  Either = absl::InlinedVector<int, 2>{5};
}

// Misuse: copying the bytes of an InlinedVector copies its inline storage
// but not the invariants its moves maintain.
void copyBytes(absl::InlinedVector<std::string, 2> &Dst,
               const absl::InlinedVector<std::string, 2> &Src) {
  std::memcpy(&Dst, &Src, sizeof(Src));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'absl::InlinedVector<std::basic_string<char>, 2>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'absl::InlinedVector<std::string, 2>' keeps its first elements inline: 'std::string' keeps pointers into its own object (derived from the standard library's code)
}

// Negative twin: an InlinedVector of integers has no pointer into itself,
// so a byte copy leaves nothing aimed at the source. (Whether it duplicates
// ownership of a heap buffer is bugprone-undefined-memory-manipulation's
// question, not pincheck's.)
void copyIntBytes(absl::InlinedVector<int, 4> &Dst,
                  const absl::InlinedVector<int, 4> &Src) {
  std::memcpy(&Dst, &Src, sizeof(Src));
}
