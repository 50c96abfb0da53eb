// pin.h is C++17 but must keep compiling, without warnings, in later
// standards: C++20 (concepts, standard [[no_unique_address]]) and C++23.
//
// clang-format off
// RUN: %clangxx -std=c++20 -Wall -Wextra -Werror -pedantic-errors -fsyntax-only -I%pincheck_include %s
// RUN: %clangxx -std=c++23 -Wall -Wextra -Werror -pedantic-errors -fsyntax-only -I%pincheck_include %s
// RUN: %if gxx %{ %gxx -std=c++20 -Wall -Wextra -Werror -pedantic-errors -fsyntax-only -I%pincheck_include %s %}
// RUN: %if gxx %{ %gxx -std=c++23 -Wall -Wextra -Werror -pedantic-errors -fsyntax-only -I%pincheck_include %s %}
// clang-format on

#include "pincheck/pin.h"

#include <concepts>
#include <memory>

#if __cplusplus < 202002L
#error "this test must be compiled as C++20 or later"
#endif

class PIN_PINNED Connection {
public:
  explicit Connection(int Port) : Port(Port) {}
  Connection(Connection &&) = delete;

  PIN_PINS_THIS void open() { Open = true; }
  int port() const { return Port; }

private:
  int Port;
  bool Open = false;
};

void watch(PIN_PINS Connection &C);

struct Marked {
  [[no_unique_address]] pin::PhantomPinned Marker;
  int Value;
};
static_assert(sizeof(Marked) == sizeof(int));
static_assert(std::copyable<pin::PhantomPinned>);

// The standard library's own concepts agree with the C++17 traits.
static_assert(std::copyable<pin::Pin<Connection *>>);
static_assert(std::copyable<pin::Pin<std::shared_ptr<Connection>>>);
static_assert(std::movable<pin::Pin<std::unique_ptr<Connection>>>);
static_assert(!std::copyable<pin::Pin<std::unique_ptr<Connection>>>);
static_assert(!std::convertible_to<pin::Pin<std::unique_ptr<Connection>>,
                                   std::unique_ptr<Connection>>);
static_assert(!std::convertible_to<Connection *, pin::Pin<Connection *>>);

template <class T>
concept Pinnable = requires(T &&Value) {
  pin::pin(std::forward<T>(Value));
};
static_assert(Pinnable<Connection &>);
static_assert(!Pinnable<Connection>);

static_assert(std::same_as<pin::Pin<Connection *>::element_type, Connection>);

int use() {
  Connection Local(80);
  auto Stack = pin::pin(Local);
  Stack->open();
  watch(*Stack);
  auto Heap = pin::make_pinned<Connection>(443);
  Heap->open();
  pin::Pin<std::shared_ptr<Connection>> Shared = std::move(Heap);
  return Stack->port() + Shared->port();
}

// Pin::set is a constant expression from C++20 on (std::construct_at).
struct Slot {
  int Value = 0;
};
constexpr int replaced() {
  Slot S;
  pin::Pin<Slot *> P = pin::pin(S);
  P.set(Slot{42});
  return pin::project(P, &Slot::Value);
}
static_assert(replaced() == 42);

// An aggregate with a last Immovable member stays one in C++20, where a
// declared constructor would end it, and takes no more space.
struct Cursor {
  char Buffer[8];
  char *At = Buffer;
  int Size;
  [[no_unique_address]] pin::Immovable Guard{};
};
static_assert(std::is_aggregate_v<Cursor>);
static_assert(!std::movable<Cursor>);
static_assert(sizeof(Cursor) == sizeof(char[8]) + sizeof(char *) + sizeof(int) +
                                    (alignof(char *) - sizeof(int)));
inline Cursor Positional{{}, nullptr, 3};
inline Cursor Designated{.Buffer = {}, .At = nullptr, .Size = 4};
