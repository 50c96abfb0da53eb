// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t -- -std=c++20
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t -- -std=c++20

// Coroutine awaiters (issue 16): an awaiter whose await_suspend links
// `this` into a wait list must stay put while suspended. `co_await W` on an
// lvalue awaiter calls `W.await_suspend(h)` and pins `W` until its scope
// ends. Coroutine bodies are analysed like any other.

#include <coroutine>
#include <utility>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct Event;
struct Waiter {
  Event *Owner;
  Waiter *Next = nullptr;
  std::coroutine_handle<> Handle;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) noexcept;
  void await_resume() noexcept {}
};
struct Event {
  Waiter *Head = nullptr;
  Waiter wait() { return Waiter{this}; }
};
inline void Waiter::await_suspend(std::coroutine_handle<> H) noexcept {
  Handle = H;
  Next = Owner->Head;
  Owner->Head = this;
}

Task lvalueAwaiter(Event &E) {
  Waiter W = E.wait();
  co_await W;
  Waiter Moved = std::move(W);
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: moving 'W' of type 'Waiter' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'W' is pinned here: 'co_await' suspended on it, and 'await_suspend' stores the object's address in the object that 'Owner' points to
}

// A move in a coroutine body without any awaiter: analysed as well.
Task explicitSuspend(Event &E) {
  Waiter W = E.wait();
  W.await_suspend(std::noop_coroutine());
  Waiter Moved = std::move(W);
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: moving 'W' of type 'Waiter' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'W' is pinned here: 'await_suspend' stores the object's address in the object that 'Owner' points to
  co_return;
}

// Negative twins: a temporary awaiter (nothing can move it), an awaiter
// whose await_suspend lets nothing escape, and a move before the co_await.
struct Yield {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) noexcept { H.resume(); }
  void await_resume() noexcept {}
};
Task temporaryAwaiter(Event &E) { co_await E.wait(); }
Task plainAwaiter() {
  Yield Y;
  co_await Y;
  Yield Z = std::move(Y);
  (void)Z;
}
Task movedBeforeAwait(Event &E) {
  Waiter W = E.wait();
  Waiter Moved = std::move(W);
  co_await Moved;
}
