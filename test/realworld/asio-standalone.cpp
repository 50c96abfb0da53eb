// Standalone Asio (libasio-dev, 1.22) with C++20 coroutines. Asio 1.22
// enables `co_await` for Clang only with <experimental/coroutine>; Clang
// users define ASIO_HAS_CO_AWAIT and ASIO_HAS_STD_COROUTINE, as here.
// REQUIRES: asio
// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// Correct use is quiet: coroutines that own their sockets and timers (the
// frame stays put while suspended), a session kept alive by its handlers,
// a server that cannot move. A movable server whose constructor starts an
// accept is reported, and so is moving a started timer owner.

#include <asio.hpp>

#include <pincheck/pin.h>

#include <memory>
#include <utility>
#include <vector>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

// Correct: the coroutine echo server of Asio's examples.
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
// Correct: a timer owned by the caller, awaited by reference.
awaitable<int> ticks(asio::steady_timer &Timer) {
  int N = 0;
  for (int I = 0; I < 3; ++I) {
    Timer.expires_after(std::chrono::milliseconds(10));
    co_await Timer.async_wait(use_awaitable);
    ++N;
  }
  co_return N;
}

// Correct: the callback session, owned by a shared_ptr.
class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket Socket) : Socket(std::move(Socket)) {}
  void start() {
    auto Self = shared_from_this();
    Socket.async_read_some(asio::buffer(Data),
                           [this, Self](std::error_code Ec, std::size_t) {
                             if (!Ec)
                               start();
                           });
  }

private:
  tcp::socket Socket;
  char Data[512];
};

// Correct: a server that deletes its moves.
class Server {
public:
  Server(asio::io_context &Io, unsigned short Port)
      : Acceptor(Io, tcp::endpoint(tcp::v4(), Port)) {
    accept();
  }
  Server(Server &&) = delete;

private:
  void accept() {
    Acceptor.async_accept([this](std::error_code Ec, tcp::socket Socket) {
      if (!Ec)
        std::make_shared<Session>(std::move(Socket))->start();
      accept();
    });
  }
  tcp::acceptor Acceptor;
};

// The same server, movable: the pending accept keeps the old address.
class MovableServer {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: moving 'MovableServer' leaves the address its constructor hands to 'async_accept' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+11]]:27: note: the object's address escapes here: 'async_accept' keeps the callables it is given
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: implicit move constructor and move assignment operator do not hand out the new object's address
public:
  MovableServer(asio::io_context &Io, unsigned short Port)
      : Acceptor(Io, tcp::endpoint(tcp::v4(), Port)) {
    accept();
  }
// CHECK-FIXES: {{^}}  MovableServer(MovableServer &&) = delete;{{$}}

private:
  void accept() {
    Acceptor.async_accept([this](std::error_code, tcp::socket) { accept(); });
  }
  tcp::acceptor Acceptor;
};

// A pinned marker started, then moved into a vector that reallocates.
class PIN_PINNED Heartbeat {
public:
  explicit Heartbeat(asio::io_context &Io) : Timer(Io) {}
  void start() {
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](std::error_code) { ++Beats; });
  }

private:
  asio::steady_timer Timer;
  int Beats = 0;
};
void keep(asio::io_context &Io, std::vector<Heartbeat> &All) {
  Heartbeat H(Io);
  H.start();
  All.push_back(std::move(H));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 'H' of type 'Heartbeat' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'H' is pinned here: 'start' hands the object's address to 'async_wait': 'async_wait' keeps the callables it is given
}
// Negative twin: moved before it starts.
void keepFirst(asio::io_context &Io, std::vector<Heartbeat> &All) {
  Heartbeat H(Io);
  All.push_back(std::move(H));
  All.back().start();
}

int main() {
  asio::io_context Io(1);
  asio::steady_timer Timer(Io);
  asio::co_spawn(Io, listener(55555), asio::detached);
  asio::co_spawn(Io, ticks(Timer), asio::detached);
  Server S(Io, 55556);
  Io.run();
}
