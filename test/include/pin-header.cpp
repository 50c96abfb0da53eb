// The annotation header of model section 7 compiles without warnings under
// Clang and GCC, in every attribute placement, and keeps its API: access to
// T& through any Pin, copies and moves of the pointer only, no way to take the
// pointer (and so the object) back out.
//
// clang-format off
// RUN: %clangxx -std=c++17 -Wall -Wextra -Werror -fsyntax-only -I%pincheck_include %s
// RUN: %clangxx -std=c++17 -Wall -Wextra -Werror -pedantic-errors -fno-exceptions -fno-rtti -fsyntax-only -I%pincheck_include %s
// RUN: %if gxx %{ %gxx -std=c++17 -Wall -Wextra -Werror -fsyntax-only -I%pincheck_include %s %}
// clang-format on

#include "pincheck/pin.h"
#include "pincheck/pin.h" // The include guard works.

#include <memory>
#include <type_traits>
#include <utility>

//===----------------------------------------------------------------------===//
// The macros: the exact annotate attributes under Clang, nothing elsewhere.
//===----------------------------------------------------------------------===//

#define STRINGIFY_IMPL(...) #__VA_ARGS__
#define STRINGIFY(...) STRINGIFY_IMPL(__VA_ARGS__)

constexpr bool equal(const char *A, const char *B) {
  while (*A && *A == *B) {
    ++A;
    ++B;
  }
  return *A == *B;
}

#if defined(__clang__)
static_assert(equal(STRINGIFY(PIN_PINNED),
                    "[[clang::annotate(\"pin::pinned\")]]"));
static_assert(equal(STRINGIFY(PIN_UNPIN),
                    "[[clang::annotate(\"pin::unpin\")]]"));
static_assert(equal(STRINGIFY(PIN_PINS), "[[clang::annotate(\"pin::pins\")]]"));
static_assert(equal(STRINGIFY(PIN_PINS_THIS),
                    "[[clang::annotate(\"pin::pins_this\")]]"));
static_assert(equal(STRINGIFY(PIN_STRUCTURAL),
                    "[[clang::annotate(\"pin::structural\")]]"));
#else
static_assert(equal(STRINGIFY(PIN_PINNED), ""));
static_assert(equal(STRINGIFY(PIN_UNPIN), ""));
static_assert(equal(STRINGIFY(PIN_PINS), ""));
static_assert(equal(STRINGIFY(PIN_PINS_THIS), ""));
static_assert(equal(STRINGIFY(PIN_STRUCTURAL), ""));
#endif

//===----------------------------------------------------------------------===//
// Every placement the model documents, with -Werror on both compilers.
//===----------------------------------------------------------------------===//

class PIN_PINNED Socket {
public:
  explicit Socket(int Fd) : Fd(Fd) {}
  Socket(const Socket &) = delete;
  Socket &operator=(const Socket &) = delete;

  PIN_PINS_THIS void start();
  PIN_PINS_THIS void startInline() { Started = true; }
  int fd() const { return Fd; }

private:
  int Fd;
  bool Started = false;
};

void Socket::start() { Started = true; }

struct PIN_UNPIN Buffer {
  int Size = 0;
};

template <class T> class PIN_PINNED Future {
public:
  PIN_PINS_THIS void poll() { ++Polls; }
  T Value{};
  int Polls = 0;
};

void watch(PIN_PINS Socket &S);
void watchBoth(PIN_PINS Socket &A, PIN_PINS Socket *B);
void watch(PIN_PINS Socket &S) { S.start(); }
template <class T> void watchAny(PIN_PINS T &Value) { Value.poll(); }

// A lambda parameter is a parameter too.
auto Watcher = [](PIN_PINS Socket &S) { return S.fd(); };

//===----------------------------------------------------------------------===//
// PhantomPinned: an empty, copyable marker that costs no space.
//===----------------------------------------------------------------------===//

static_assert(std::is_empty_v<pin::PhantomPinned>);
static_assert(std::is_trivially_copy_constructible_v<pin::PhantomPinned>);
static_assert(std::is_trivially_move_constructible_v<pin::PhantomPinned>);
static_assert(std::is_trivially_copy_assignable_v<pin::PhantomPinned>);
static_assert(std::is_trivially_move_assignable_v<pin::PhantomPinned>);
static_assert(std::is_nothrow_default_constructible_v<pin::PhantomPinned>);

struct WithMember {
  [[no_unique_address]] pin::PhantomPinned Marker;
  int X;
};
struct WithBase : pin::PhantomPinned {
  int X;
};
static_assert(sizeof(WithMember) == sizeof(int));
static_assert(sizeof(WithBase) == sizeof(int));
// A marked class still moves until it is pinned, as in Rust.
static_assert(std::is_trivially_copy_constructible_v<WithMember>);
static_assert(std::is_trivially_move_constructible_v<WithBase>);

//===----------------------------------------------------------------------===//
// Pin<T*>: a copyable borrowed pointer, as cheap as T*.
//===----------------------------------------------------------------------===//

using RawPin = pin::Pin<Socket *>;
static_assert(std::is_same_v<RawPin::element_type, Socket>);
static_assert(
    std::is_same_v<decltype(*std::declval<const RawPin &>()), Socket &>);
static_assert(
    std::is_same_v<decltype(std::declval<const RawPin &>().get()), Socket *>);
static_assert(std::is_same_v<
              decltype(std::declval<const RawPin &>().operator->()), Socket *>);
static_assert(noexcept(*std::declval<const RawPin &>()));
static_assert(sizeof(RawPin) == sizeof(Socket *));
static_assert(std::is_trivially_copyable_v<RawPin>);
static_assert(std::is_copy_constructible_v<RawPin> &&
              std::is_copy_assignable_v<RawPin>);
static_assert(std::is_nothrow_move_constructible_v<RawPin>);
// Pin<T*> is not default constructible: a Pin always points somewhere.
static_assert(!std::is_default_constructible_v<RawPin>);

// Adopting a pointer must be spelled out; nothing converts silently.
static_assert(std::is_constructible_v<RawPin, Socket *>);
static_assert(!std::is_convertible_v<Socket *, RawPin>);

// No way back to the pointer.
static_assert(!std::is_convertible_v<RawPin, Socket *>);
static_assert(!std::is_constructible_v<Socket *, RawPin>);

// Conversions keep the pointee: to a base, to const; never the reverse.
struct Derived : Socket {
  Derived() : Socket(3) {}
};
static_assert(std::is_convertible_v<pin::Pin<Derived *>, RawPin>);
static_assert(!std::is_convertible_v<RawPin, pin::Pin<Derived *>>);
static_assert(std::is_convertible_v<RawPin, pin::Pin<const Socket *>>);
static_assert(!std::is_convertible_v<pin::Pin<const Socket *>, RawPin>);
static_assert(
    std::is_same_v<decltype(*std::declval<pin::Pin<const Socket *> &>()),
                   const Socket &>);

//===----------------------------------------------------------------------===//
// Pin<std::unique_ptr<T>>: owns, moves, never copies, never releases.
//===----------------------------------------------------------------------===//

using BoxPin = pin::Pin<std::unique_ptr<Socket>>;
static_assert(std::is_same_v<BoxPin::element_type, Socket>);
static_assert(
    std::is_same_v<decltype(*std::declval<const BoxPin &>()), Socket &>);
static_assert(
    std::is_same_v<decltype(std::declval<const BoxPin &>().get()), Socket *>);
static_assert(sizeof(BoxPin) == sizeof(std::unique_ptr<Socket>));
static_assert(!std::is_copy_constructible_v<BoxPin>);
static_assert(!std::is_copy_assignable_v<BoxPin>);
static_assert(std::is_nothrow_move_constructible_v<BoxPin>);
static_assert(std::is_nothrow_move_assignable_v<BoxPin>);

static_assert(!std::is_convertible_v<BoxPin, std::unique_ptr<Socket>>);
static_assert(!std::is_constructible_v<std::unique_ptr<Socket>, BoxPin>);
static_assert(!std::is_convertible_v<BoxPin, Socket *>);
static_assert(!std::is_convertible_v<std::unique_ptr<Socket>, BoxPin>);

template <class T, class = void> struct HasRelease : std::false_type {};
template <class T>
struct HasRelease<T, std::void_t<decltype(std::declval<T &>().release())>>
    : std::true_type {};
template <class T, class = void> struct HasReset : std::false_type {};
template <class T>
struct HasReset<T, std::void_t<decltype(std::declval<T &>().reset())>>
    : std::true_type {};
static_assert(HasRelease<std::unique_ptr<Socket>>::value); // The probe works.
static_assert(!HasRelease<BoxPin>::value);
static_assert(!HasReset<BoxPin>::value);
static_assert(!HasReset<RawPin>::value);

// Ownership can be shared without moving the object (Rust: Pin<Box> into
// Pin<Arc>), but only by giving up the unique owner.
using SharedPin = pin::Pin<std::shared_ptr<Socket>>;
static_assert(std::is_convertible_v<BoxPin &&, SharedPin>);
static_assert(!std::is_convertible_v<const BoxPin &, SharedPin>);
static_assert(!std::is_convertible_v<SharedPin, BoxPin>);

//===----------------------------------------------------------------------===//
// Pin<std::shared_ptr<T>>: copyable, same access.
//===----------------------------------------------------------------------===//

static_assert(
    std::is_same_v<decltype(*std::declval<const SharedPin &>()), Socket &>);
static_assert(std::is_same_v<decltype(std::declval<const SharedPin &>().get()),
                             Socket *>);
static_assert(sizeof(SharedPin) == sizeof(std::shared_ptr<Socket>));
static_assert(std::is_copy_constructible_v<SharedPin>);
static_assert(std::is_nothrow_move_constructible_v<SharedPin>);
static_assert(!std::is_convertible_v<SharedPin, std::shared_ptr<Socket>>);
static_assert(!std::is_constructible_v<std::shared_ptr<Socket>, SharedPin>);

//===----------------------------------------------------------------------===//
// pin::pin and pin::make_pinned.
//===----------------------------------------------------------------------===//

static_assert(
    std::is_same_v<decltype(pin::pin(std::declval<Socket &>())), RawPin>);
static_assert(std::is_same_v<decltype(pin::pin(std::declval<const Socket &>())),
                             pin::Pin<const Socket *>>);
static_assert(noexcept(pin::pin(std::declval<Socket &>())));

// A temporary cannot be pinned: it would leave a dangling Pin.
template <class T, class = void> struct CanPin : std::false_type {};
template <class T>
struct CanPin<T, std::void_t<decltype(pin::pin(std::declval<T>()))>>
    : std::true_type {};
static_assert(CanPin<Socket &>::value); // The probe works.
static_assert(!CanPin<Socket>::value);
static_assert(!CanPin<Socket &&>::value);
static_assert(!CanPin<const Socket &&>::value);

static_assert(std::is_same_v<decltype(pin::make_pinned<Socket>(1)), BoxPin>);

// Pins need no run-time work: stack pinning is a constant expression.
int Global = 0;
constexpr pin::Pin<int *> GlobalPin = pin::pin(Global);
static_assert(GlobalPin.get() == &Global);
static_assert(&*GlobalPin == &Global);

// Immovable types work with both; make_pinned forwards its arguments.
class Immovable {
public:
  Immovable(std::unique_ptr<int> Value, int &Counter)
      : Value(std::move(Value)), Counter(Counter) {}
  Immovable(Immovable &&) = delete;
  void bump() { ++Counter; }
  int value() const { return *Value; }

private:
  std::unique_ptr<int> Value;
  int &Counter;
};

int use() {
  int Counter = 0;
  Immovable Local(std::make_unique<int>(1), Counter);
  pin::Pin<Immovable *> Stack = pin::pin(Local);
  Stack->bump();
  (*Stack).bump();
  pin::Pin<Immovable *> Copy = Stack;

  pin::Pin<std::unique_ptr<Immovable>> Heap =
      pin::make_pinned<Immovable>(std::make_unique<int>(2), Counter);
  Heap->bump();
  pin::Pin<std::unique_ptr<Immovable>> Moved = std::move(Heap);
  pin::Pin<std::shared_ptr<Immovable>> Shared = std::move(Moved);
  pin::Pin<std::shared_ptr<Immovable>> SharedCopy = Shared;
  SharedCopy->bump();

  pin::Pin<const Immovable *> ReadOnly = Copy;
  pin::Pin<std::unique_ptr<Future<int>>> Fut = pin::make_pinned<Future<int>>();
  watchAny(*Fut);

  Socket S(4);
  pin::pin(S); // Discarding the Pin is allowed: it still marks S pinned.
  watch(S);
  watchBoth(S, &S);
  S.startInline();
  Derived D;
  RawPin Base = pin::pin(D);
  return Counter + ReadOnly->value() + Base->fd() + Watcher(S) +
         (Heap.get() == nullptr);
}

//===----------------------------------------------------------------------===//
// Pin projection and Pin::set (docs/model.md, "Pin projection").
//===----------------------------------------------------------------------===//

// is_unpin: what the type system can tell.
static_assert(pin::is_unpin_v<int>);
static_assert(pin::is_unpin_v<std::unique_ptr<Socket>>);
static_assert(!pin::is_unpin_v<WithBase>);
static_assert(!pin::is_unpin_v<Immovable>);
// A marker member is invisible to templates: such a class specialises it.
static_assert(pin::is_unpin_v<WithMember>);
struct Specialised {
  pin::PhantomPinned Marker;
};
template <> struct pin::is_unpin<Specialised> : std::false_type {};
static_assert(!pin::is_unpin_v<Specialised>);

struct Retry {
  PIN_STRUCTURAL WithBase Active;
  PIN_STRUCTURAL int Handle = 0;
  std::unique_ptr<int> Factory;
  int RetriesLeft = 3;
  Specialised Marked;
};
using RetryPin = pin::Pin<Retry *>;
// A member that must not move comes back pinned; the others as references.
static_assert(
    std::is_same_v<decltype(pin::project(std::declval<const RetryPin &>(),
                                         &Retry::Active)),
                   pin::Pin<WithBase *>>);
static_assert(
    std::is_same_v<decltype(pin::project(std::declval<const RetryPin &>(),
                                         &Retry::Factory)),
                   std::unique_ptr<int> &>);
static_assert(
    std::is_same_v<decltype(pin::project(std::declval<const RetryPin &>(),
                                         &Retry::Marked)),
                   pin::Pin<Specialised *>>);
static_assert(
    std::is_same_v<decltype(pin::project_pinned(
                       std::declval<const RetryPin &>(), &Retry::Handle)),
                   pin::Pin<int *>>);
// Constness carries over; every pointer kind projects.
static_assert(std::is_same_v<
              decltype(pin::project(
                  std::declval<const pin::Pin<const Retry *> &>(),
                  &Retry::RetriesLeft)),
              const int &>);
static_assert(std::is_same_v<
              decltype(pin::project(
                  std::declval<const pin::Pin<std::unique_ptr<Retry>> &>(),
                  &Retry::Active)),
              pin::Pin<WithBase *>>);
static_assert(noexcept(pin::project(std::declval<const RetryPin &>(),
                                   &Retry::Active)));

// A projection is a constant expression where the object is.
Retry GlobalRetry;
constexpr RetryPin GlobalRetryPin = pin::pin(GlobalRetry);
static_assert(pin::project(GlobalRetryPin, &Retry::Active).get() ==
              &GlobalRetry.Active);
static_assert(&pin::project(GlobalRetryPin, &Retry::RetriesLeft) ==
              &GlobalRetry.RetriesLeft);

// set: in place, noexcept, only on a mutable pointee.
template <class P, class = void> struct CanSet : std::false_type {};
template <class P>
struct CanSet<P, std::void_t<decltype(std::declval<P &>().set())>>
    : std::true_type {};
static_assert(!CanSet<RawPin>::value); // Socket has no Socket().
static_assert(!CanSet<pin::Pin<const WithBase *>>::value);
static_assert(CanSet<pin::Pin<WithBase *>>::value);
static_assert(noexcept(std::declval<pin::Pin<WithBase *> &>().set()));

int replace() {
  Retry R;
  RetryPin P = pin::pin(R);
  WithBase *Before = pin::project(P, &Retry::Active).get();
  pin::project(P, &Retry::Active).set(WithBase{{}, 7});
  pin::project_pinned(P, &Retry::Handle).set(9);
  std::unique_ptr<int> Taken = std::move(pin::project(P, &Retry::Factory));
  --pin::project(P, &Retry::RetriesLeft);
  return (Before == &R.Active) + R.Active.X + R.Handle + R.RetriesLeft +
         (Taken == nullptr);
}

// Immovable: forbids copies and moves, keeps an aggregate, takes no space.
static_assert(std::is_empty_v<pin::Immovable>);
static_assert(!std::is_copy_constructible_v<pin::Immovable>);
static_assert(!std::is_move_constructible_v<pin::Immovable>);
static_assert(!std::is_copy_assignable_v<pin::Immovable>);
static_assert(std::is_nothrow_default_constructible_v<pin::Immovable>);
static_assert(!pin::is_unpin_v<pin::Immovable>);
struct Guarded {
  int Size;
  char *Cursor;
  pin::Immovable Guard{};
};
static_assert(std::is_aggregate_v<Guarded>);
static_assert(!std::is_copy_constructible_v<Guarded>);
static_assert(!std::is_move_constructible_v<Guarded>);
inline Guarded Initialised{4, nullptr};
