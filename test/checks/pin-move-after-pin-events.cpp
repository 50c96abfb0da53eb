// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// Each pin event of model section 4, each with a negative twin.

#include <functional>
#include <pincheck/pin.h>
#include <thread>
#include <utility>
#include <vector>

// Event 1: construction. The constructor points `cur` into the object.
struct Buffer {
  char buf[8];
  char *cur = buf;
};
void construction() {
  Buffer b;
  Buffer c = b;
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: copying 'b' of type 'Buffer' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: 'b' is pinned from its construction: 'Buffer' points 'cur' into itself when it is constructed
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: bind a reference to 'b' instead of copying it
}
// Negative twin: a type whose own copy re-seats the pointer.
struct Reseating {
  Reseating() = default;
  Reseating(const Reseating &o) : cur(buf + (o.cur - o.buf)) {}
  Reseating &operator=(const Reseating &) = delete;
  char buf[8];
  char *cur = buf;
};
void constructionFine() {
  Reseating r;
  Reseating s = r;
}

// Event 2: a pinning member function, computed from its body...
class Arena {
public:
  void start() { cur_ = buf_; }
  void restart() { start(); }
  void reset() { used_ = 0; }
private:
  char buf_[16];
  char *cur_ = nullptr;
  int used_ = 0;
};
void memberCall() {
  Arena a;
  a.start();
  Arena b = a;
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: copying 'a' of type 'Arena' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'a' is pinned here: 'start' points 'cur_' into the object
// CHECK-MESSAGES: :[[@LINE-3]]:9: note: bind a reference to 'a' instead of copying it
}
// ... transitively through another member function...
void transitiveMemberCall() {
  Arena a;
  a.restart();
  Arena b = std::move(a);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: moving 'a' of type 'Arena' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'a' is pinned here: 'restart' calls a function that pins it: 'start' points 'cur_' into the object
}
// ... or declared with PIN_PINS_THIS.
class Session {
public:
  PIN_PINS_THIS void open();
};
void declaredMemberCall() {
  Session s;
  s.open();
  Session t = s;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying 's' of type 'Session' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 's' is pinned here: 'open' is declared PIN_PINS_THIS
// CHECK-MESSAGES: :[[@LINE-3]]:11: note: bind a reference to 's' instead of copying it
}
// Negative twins: a member function that pins nothing, and a move before the
// pin, as in Rust.
void memberCallFine() {
  Arena a;
  a.reset();
  Arena b = a;
  Arena c;
  Arena d = std::move(c);
  d.start();
}

// Event 3: a pinning parameter: PIN_PINS, or a visible body that keeps the
// address.
struct PIN_PINNED Task {
  int id = 0;
};
void watch(PIN_PINS Task &task);
std::vector<Task *> Registry;
void enroll(Task *task) { Registry.push_back(task); }
void pinningParameter() {
  Task t;
  watch(t);
  Task u = t;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 't' instead of copying it
  Task v;
  enroll(&v);
  Task w = v;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: copying 'v' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'v' is pinned here: 'enroll' stores the address in a container ('push_back')
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 'v' instead of copying it
}
// Negative twins: a parameter that only reads, and a pin of another object.
int inspect(const Task &task) { return task.id; }
void pinningParameterFine() {
  Task t;
  inspect(t);
  Task u = t;
  Task other;
  watch(other);
  Task w = t;
}

// Event 4: pin::pin.
void pinFunction() {
  Task t;
  auto pinned = pin::pin(t);
  Task u = std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: moving 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:17: note: 't' is pinned here: 'pin::pin' pins it for the rest of its lifetime
}

// Event 5: the address stored outside the function...
Task *Current;
struct Queue {
  Task *head;
};
void escapes(Queue &q) {
  Task a;
  Current = &a;
  Task b = a;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: copying 'a' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'a' is pinned here: its address is stored in the global 'Current'
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 'a' instead of copying it
  Task c;
  q.head = &c;
  Task d = c;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: copying 'c' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'c' is pinned here: its address is stored in another object
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 'c' instead of copying it
}
// ... a thread started with `this`, and a callback capturing it handed to a
// type-erased callable.
void schedule(std::function<void()> callback);
class Worker {
public:
  void run();
  void spawn() { thread_ = std::thread(&Worker::run, this); }
  void later() { schedule([this] { run(); }); }
private:
  std::thread thread_;
};
void threadEscape() {
  Worker w;
  w.spawn();
  Worker x = std::move(w);
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: moving 'w' of type 'Worker' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'w' is pinned here: 'spawn' stores the object's address in 'thread_'
}
class Timer {
public:
  void later() { schedule([this] { fire(); }); }
  void fire();
};
void callbackEscape() {
  Timer t;
  t.later();
  Timer u = t;
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: copying 't' of type 'Timer' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is pinned here: 'later' hands the object's address to 'schedule'
// CHECK-MESSAGES: :[[@LINE-3]]:9: note: bind a reference to 't' instead of copying it
}
// ... and `this` as C user data.
extern "C" int register_userdata(void *handle, void *data);
class Client {
public:
  void attach(void *handle) { register_userdata(handle, this); }
};
void userData(void *handle) {
  Client c;
  c.attach(handle);
  Client d = c;
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: copying 'c' of type 'Client' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'c' is pinned here: 'attach' hands the object's address to 'register_userdata'
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: bind a reference to 'c' instead of copying it
}
// Negative twins: lambdas that are only called in place, and a callable
// taken by reference by a function whose body only calls it.
void visit(const std::function<void()> &callback) { callback(); }
class Visitor {
public:
  void now() {
    visit([this] { ++count_; });
    [this] { ++count_; }();
  }
private:
  int count_ = 0;
};
void lambdasInPlace() {
  Visitor v;
  v.now();
  Visitor w = v;
}

// Negative twin: a member function that points one member at another, in a
// class whose own copy re-seats the pointer, does not pin.
class Rewindable {
public:
  Rewindable() = default;
  Rewindable(const Rewindable &o) : cur_(buf_ + (o.cur_ - o.buf_)) {}
  Rewindable &operator=(const Rewindable &) = delete;
  void rewind() { cur_ = buf_; }
private:
  char buf_[8];
  char *cur_ = buf_;
};
void rewound() {
  Rewindable r;
  r.rewind();
  Rewindable copy = r;
}
