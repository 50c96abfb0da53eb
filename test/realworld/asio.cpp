// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++17
// Boost.Asio (libboost-dev): completion handlers and posted functions are
// kept until they run, so a handler capturing `this` pins the object.
// Correct use is quiet: a session owned by a shared_ptr that it keeps alive
// (enable_shared_from_this), a class that deletes its copies and moves, and
// a pinned marker moved before it starts. A movable class that hands `this`
// to a handler is reported, and so is moving a started pinned marker.
#include <boost/asio.hpp>

#include <pincheck/pin.h>

#include <deque>
#include <memory>
#include <utility>
#include <vector>

namespace asio = boost::asio;

// Correct: the classic session, owned by a shared_ptr and kept alive by the
// handlers.
class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(asio::ip::tcp::socket Socket) : Socket(std::move(Socket)) {}
  void start() { read(); }

private:
  void read() {
    auto Self = shared_from_this();
    Socket.async_read_some(asio::buffer(Data),
                           [this, Self](boost::system::error_code Ec,
                                        std::size_t Length) {
                             if (!Ec)
                               write(Length);
                           });
  }
  void write(std::size_t Length) {
    auto Self = shared_from_this();
    asio::async_write(Socket, asio::buffer(Data, Length),
                      [this, Self](boost::system::error_code Ec, std::size_t) {
                        if (!Ec)
                          read();
                      });
  }
  asio::ip::tcp::socket Socket;
  char Data[1024];
};

// Correct: a class that cannot move once it has started.
class Ticker {
public:
  explicit Ticker(asio::io_context &Io) : Timer(Io) {}
  Ticker(const Ticker &) = delete;
  Ticker &operator=(const Ticker &) = delete;
  void start() {
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](boost::system::error_code) { ++Ticks; });
  }

private:
  asio::steady_timer Timer;
  int Ticks = 0;
};

// A movable class whose start() hands `this` to a handler.
class Pinger {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: moving 'Pinger' leaves the address 'start' hands to 'async_wait' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+7]]:22: note: the object's address escapes here: 'async_wait' keeps the callables it is given
// CHECK-MESSAGES: :[[@LINE+9]]:20: note: the object's address escapes here: 'post' keeps the callables it is given
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit move constructor and move assignment operator do not hand out the new object's address
public:
  explicit Pinger(asio::io_context &Io) : Timer(Io) {}
  void start() {
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](boost::system::error_code) { ++Pings; });
  }
  void later(asio::io_context &Io) {
    asio::post(Io, [this] { ++Pings; });
  }

private:
  asio::steady_timer Timer;
  int Pings = 0;
};

void run(asio::io_context &Io) {
  Ticker T(Io);
  T.start();
  Io.run();
}

// The same class as a pinned marker: it may move until start() pins it.
class PIN_PINNED Beacon {
public:
  explicit Beacon(asio::io_context &Io) : Timer(Io) {}
  void start() {
    Timer.expires_after(std::chrono::seconds(1));
    Timer.async_wait([this](boost::system::error_code) { ++Beeps; });
  }

private:
  asio::steady_timer Timer;
  int Beeps = 0;
};

// Moving a started Beacon leaves the pending handler with the old address.
void misuse(asio::io_context &Io, std::deque<Beacon> &All) {
  Beacon B(Io);
  B.start();
  All.push_back(std::move(B));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 'B' of type 'Beacon' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'B' is pinned here: 'start' hands the object's address to 'async_wait': 'async_wait' keeps the callables it is given
}
// Negative twin: moved before it starts.
void beforeStart(asio::io_context &Io, std::deque<Beacon> &All) {
  Beacon B(Io);
  All.push_back(std::move(B));
  All.back().start();
}
