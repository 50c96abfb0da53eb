//===--- connection.cpp - this handed to a C library as user data ---------===//
//
// Part of the pincheck examples. Bug shape: `this` handed to a C library,
// which keeps it and passes it back to callbacks, as with
// `curl_easy_setopt(h, CURLOPT_WRITEDATA, this)` (model section 1).
//
//===----------------------------------------------------------------------===//

#include "pincheck/pin.h"

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// A C networking library in the style of libcurl, declared here so that the
// example needs no third-party headers. net_set_userdata() stores its third
// argument; net_perform() hands it back to the write callback.
extern "C" {
void *net_open(const char *url);
void net_close(void *handle);
int net_set_userdata(void *handle, int option, ...);
int net_perform(void *handle);
}
enum NetOption { NET_OPT_USERDATA = 1, NET_OPT_WRITE_FUNCTION = 2 };

namespace {
struct NetCloser {
  void operator()(void *Handle) const { net_close(Handle); }
};
using NetHandle = std::unique_ptr<void, NetCloser>;
} // namespace

namespace buggy {

// A download: the library calls onData() with chunks of the response.
//
// BUG: the constructor hands `this` to the library. The implicit move
// (NetHandle makes the class move-only) gives the handle to the new object,
// but the library still holds the old address: the pool below moves the
// connections when it grows, and onData() then appends to a dead Connection.
class Connection {
public:
  explicit Connection(const std::string &Url) : Handle(net_open(Url.c_str())) {
    net_set_userdata(Handle.get(), NET_OPT_USERDATA, this);
    net_set_userdata(Handle.get(), NET_OPT_WRITE_FUNCTION, &onData);
  }

  int perform() { return net_perform(Handle.get()); }
  const std::string &received() const { return Received; }

private:
  static std::size_t onData(const char *Data, std::size_t Size, void *User) {
    static_cast<Connection *>(User)->Received.append(Data, Size);
    return Size;
  }

  NetHandle Handle;
  std::string Received;
};

void addToPool(std::vector<Connection> &Pool, const std::string &Url) {
  Pool.emplace_back(Url);
}

} // namespace buggy

namespace fixed {

// The same download. The constructor only opens the handle, so a Connection
// can be created and moved freely; open() registers `this`, and from then on
// it must stay put, as PIN_PINNED and PIN_PINS_THIS tell pincheck.
class PIN_PINNED Connection {
public:
  explicit Connection(const std::string &Url) : Handle(net_open(Url.c_str())) {}

  PIN_PINS_THIS void open() {
    net_set_userdata(Handle.get(), NET_OPT_USERDATA, this);
    net_set_userdata(Handle.get(), NET_OPT_WRITE_FUNCTION, &onData);
  }

  int perform() { return net_perform(Handle.get()); }
  const std::string &received() const { return Received; }

private:
  static std::size_t onData(const char *Data, std::size_t Size, void *User) {
    static_cast<Connection *>(User)->Received.append(Data, Size);
    return Size;
  }

  NetHandle Handle;
  std::string Received;
};

using PinnedConnection = pin::Pin<std::unique_ptr<Connection>>;

// Each connection is pinned on the heap, like Box::pin; the pool moves the
// pointers when it grows, never the connections.
void addToPool(std::vector<PinnedConnection> &Pool, const std::string &Url) {
  PinnedConnection C = pin::make_pinned<Connection>(Url);
  C->open();
  Pool.push_back(std::move(C));
}

// A one-shot download on the stack: pin::pin marks the local pinned, like
// Rust's pin!.
std::string download(const std::string &Url) {
  Connection C(Url);
  pin::Pin<Connection *> Pinned = pin::pin(C);
  Pinned->open();
  Pinned->perform();
  return Pinned->received();
}

} // namespace fixed

namespace buggy {

// BUG: open() pins C (the library now holds its address), and the move into
// the pool leaves the library pointing at this function's dead local.
void openAndPool(std::vector<fixed::Connection> &Pool, const std::string &Url) {
  fixed::Connection C(Url);
  C.open();
  Pool.push_back(std::move(C));
}

} // namespace buggy
