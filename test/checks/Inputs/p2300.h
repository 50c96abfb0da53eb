// A small header in the shape of std::execution (P2300R10), NVIDIA's
// stdexec and libunifex, for the tests (none is packaged in Debian): the
// names and the customisation points' shapes follow stdexec 24.09 and
// libunifex 0.4 (docs/decisions.md, "Operation states and awaiters").
#pragma once
#include <utility>

namespace stdexec {
// P2300R10 and stdexec: `start(op)` calls the member `op.start()`.
struct start_t {
  template <class Op> void operator()(Op &O) const noexcept { O.start(); }
};
inline constexpr start_t start{};

struct connect_t {
  template <class Sender, class Receiver>
  auto operator()(Sender &&S, Receiver R) const {
    return std::forward<Sender>(S).connect(std::move(R));
  }
};
inline constexpr connect_t connect{};
} // namespace stdexec

// std::execution (P2300R10, C++26): the same shapes as stdexec's. No
// standard library the tests use ships it yet; the test header declares it
// where the standard puts it.
namespace std::execution {
struct start_t {
  template <class Op> void operator()(Op &O) const noexcept { O.start(); }
};
inline constexpr start_t start{};
struct connect_t {
  template <class Sender, class Receiver>
  auto operator()(Sender &&S, Receiver R) const {
    return std::forward<Sender>(S).connect(std::move(R));
  }
};
inline constexpr connect_t connect{};
} // namespace std::execution

namespace unifex {
// libunifex: `start(op)` dispatches to `tag_invoke(start, op)`.
inline namespace cpos {
struct start_t {
  template <class Op>
  auto operator()(Op &O) const noexcept -> decltype(tag_invoke(*this, O)) {
    return tag_invoke(*this, O);
  }
};
inline constexpr start_t start{};
} // namespace cpos
} // namespace unifex
