// Boost.Asio (libboost-dev, 1.74) with C++20 coroutines, and an awaiter of
// the user's own awaited in an Asio coroutine. Boost 1.74 enables
// `co_await` for Clang only with <experimental/coroutine>: Clang users
// define the two macros, as here; its awaitable.hpp needs <utility> first.
// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
// Correct use is quiet: the frames own their sockets and timers and stay
// put while suspended. A copyable wait-list awaiter is reported, and so is
// moving one it was suspended on.

#include <utility>

#include <boost/asio.hpp>

#include <coroutine>
#include <deque>
#include <vector>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> echo(tcp::socket Socket) {
  char Data[1024];
  for (;;) {
    std::size_t N =
        co_await Socket.async_read_some(asio::buffer(Data), use_awaitable);
    co_await asio::async_write(Socket, asio::buffer(Data, N), use_awaitable);
  }
}
awaitable<void> listener(unsigned short Port) {
  auto Executor = co_await asio::this_coro::executor;
  tcp::acceptor Acceptor(Executor, {tcp::v4(), Port});
  for (;;) {
    tcp::socket Socket = co_await Acceptor.async_accept(use_awaitable);
    asio::co_spawn(Executor, echo(std::move(Socket)), asio::detached);
  }
}
awaitable<void> sleepy(std::vector<asio::steady_timer> &Timers) {
  auto Executor = co_await asio::this_coro::executor;
  asio::steady_timer Timer(Executor, std::chrono::milliseconds(5));
  co_await Timer.async_wait(use_awaitable);
  Timers.push_back(std::move(Timer)); // Nothing is waiting on it now.
}

// A latch whose waiters link themselves into the latch: the awaiter type is
// copyable and movable by default. Asio's awaitable awaits only Asio's
// operations, so the latch's users are coroutines of their own.
struct Job {
  struct promise_type {
    Job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct Latch {
  struct Waiter {
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: copying or moving 'Waiter' leaves the object's address that 'await_suspend' stores through 'L' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+10]]:17: note: the object's address is stored here in the object that 'L' points to
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'L' unchanged
// CHECK-MESSAGES: :[[@LINE-4]]:10: note: 'Waiter' is an aggregate: declaring its copy and move operations would end its aggregate initialisation in C++20; a last member of type 'pin::Immovable' (from <pincheck/pin.h>) forbids them and keeps it
    Latch *L;
    Waiter *Next = nullptr;
    std::coroutine_handle<> Handle;
    bool await_ready() const noexcept { return L->Open; }
    void await_suspend(std::coroutine_handle<> H) noexcept {
      Handle = H;
      Next = L->Head;
      L->Head = this;
    }
    void await_resume() noexcept {}
  };
  bool Open = false;
  Waiter *Head = nullptr;
  Waiter wait() { return Waiter{this}; }
};

Job waitAndKeep(Latch &L, std::deque<Latch::Waiter> &Done) {
  Latch::Waiter W = L.wait();
  co_await W;
  Done.push_back(std::move(W));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 'W' of type 'Latch::Waiter' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'W' is pinned here: 'co_await' suspended on it, and 'await_suspend' stores the object's address in the object that 'L' points to
}
// Negative twin: a temporary awaiter, which nothing can move.
Job waitOnce(Latch &L) { co_await L.wait(); }

int main() {
  asio::io_context Io(1);
  std::vector<asio::steady_timer> Timers;
  asio::co_spawn(Io, listener(55557), asio::detached);
  asio::co_spawn(Io, sleepy(Timers), asio::detached);
  Io.run();
}
