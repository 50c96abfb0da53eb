// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// The API model against the real library headers (zlib1g-dev, libuv1-dev,
// libcurl4-openssl-dev): each entry's note says why.

#include <curl/curl.h>
#include <pthread.h>
#include <utility>
#include <uv.h>
#include <zlib.h>

// POSIX: a subobject's pin pins the enclosing object.
struct Counter {
  pthread_mutex_t mu;
  long value = 0;
};
void posix() {
  Counter c;
  pthread_mutex_init(&c.mu, nullptr);
  Counter copy = c;
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: copying 'c' of type 'Counter' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'c' is pinned here: 'pthread_mutex_init' keeps the address: POSIX leaves the use of a copy of an initialised object undefined
// CHECK-MESSAGES: :[[@LINE-3]]:11: note: bind a reference to 'c' instead of copying it
}

// zlib: deflateInit is a macro for deflateInit_.
void zlib() {
  z_stream stream{};
  deflateInit(&stream, Z_DEFAULT_COMPRESSION);
  z_stream moved = stream;
// Clang 22 prints the tag keyword of the type behind a typedef.
// CHECK-MESSAGES-LLVM19: :[[@LINE-2]]:20: warning: copying 'stream' of type 'z_stream' (aka 'z_stream_s') after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES-LLVM22: :[[@LINE-3]]:20: warning: copying 'stream' of type 'z_stream' (aka 'struct z_stream_s') after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'stream' is pinned here: 'deflateInit_' keeps the address: zlib's internal state points back at the stream
// CHECK-MESSAGES: zlib.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'deflateInit'
// CHECK-MESSAGES: :[[@LINE-6]]:12: note: bind a reference to 'stream' instead of copying it
}

// libuv: the handle is linked into the loop; a member of `*this`.
struct Slot {
  uv_timer_t timer;
};
class Scheduler {
public:
  void arm(uv_loop_t *loop) {
    uv_timer_init(loop, &slot_.timer);
    Slot taken = std::move(slot_);
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: moving 'slot_' of type 'Slot' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:5: note: 'slot_' is pinned here: 'uv_timer_init' keeps the address: libuv links the handle into the loop
  }
private:
  Slot slot_;
};

// libcurl: `this` as user data through `...`.
class Download {
public:
  explicit Download(CURL *easy) : easy_(easy) {}
  void start() { curl_easy_setopt(easy_, CURLOPT_WRITEDATA, this); }
private:
  CURL *easy_;
};
void curl(CURL *easy) {
  Download d(easy);
  d.start();
  Download copy = d;
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: copying 'd' of type 'Download' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'd' is pinned here: 'start' hands the object's address to 'curl_easy_setopt'
// CHECK-MESSAGES: :[[@LINE-3]]:12: note: bind a reference to 'd' instead of copying it
}

// Negative twins: the same calls on other objects, and copies made before
// the initialisation.
void negatives(uv_loop_t *loop) {
  Counter a;
  Counter before = a;
  Counter b;
  pthread_mutex_init(&b.mu, nullptr);
  Counter other = a;
  uv_timer_t timer;
  uv_timer_t early = timer;
  uv_timer_init(loop, &timer);
}
