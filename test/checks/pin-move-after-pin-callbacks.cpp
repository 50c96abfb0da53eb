// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// Callbacks that capture `this` and are kept by the callee, whatever the
// parameter type, and addresses constructors hand out (docs/model.md, "Pin
// events"), each with a negative twin.

#include <functional>
#include <utility>
#include <uv.h>
#include <vector>

// A setter whose visible body keeps the callback it is given by `const &`.
class Button {
public:
  void setCallback(const std::function<void()> &cb) { cb_ = cb; }
  void click() { cb_(); }
private:
  std::function<void()> cb_;
};
class Dialog {
public:
  void wire(Button &b) { b.setCallback([this] { ++clicks_; }); }
private:
  int clicks_ = 0;
};
void setter(Button &b) {
  Dialog d;
  d.wire(b);
  Dialog e = d;
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: copying 'd' of type 'Dialog' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'd' is pinned here: 'wire' hands the object's address to 'setCallback': 'setCallback' stores its parameter 'cb' beyond the call
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: bind a reference to 'd' instead of copying it
}
// Negative twin: a visible body that only calls it.
void runNow(const std::function<void()> &cb) { cb(); }
class Job {
public:
  void run() { runNow([this] { ++done_; }); }
private:
  int done_ = 0;
};
void callsInPlace() {
  Job j;
  j.run();
  Job k = j;
}

// Out of sight: a `const &` to a type-erased callable is assumed kept.
class Bus {
public:
  void subscribe(const std::function<void(int)> &handler);
};
class Listener {
public:
  void listen(Bus &bus) { bus.subscribe([this](int v) { last_ = v; }); }
private:
  int last_ = 0;
};
void assumed(Bus &bus) {
  Listener l;
  l.listen(bus);
  Listener m = l;
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: copying 'l' of type 'Listener' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'l' is pinned here: 'listen' hands the object's address to 'subscribe': 'subscribe' takes it as 'const std::function<void (int)> &' and is assumed to keep it (its definition is out of sight)
// CHECK-MESSAGES: :[[@LINE-3]]:12: note: bind a reference to 'l' instead of copying it
}
// Negative twin: a plain function pointer parameter out of sight.
void forEach(void (*fn)(int));
class Counter {
public:
  void count() { forEach([](int) {}); }
};
void notACallback() {
  Counter c;
  c.count();
  Counter d = c;
}

// Through a member: the handler is kept by the object a member points to.
class Impl {
public:
  void setHandler(std::function<void()> h) { h_ = std::move(h); }
private:
  std::function<void()> h_;
};
class Facade {
public:
  void init() { impl_->setHandler([this] { ++events_; }); }
private:
  Impl *impl_ = nullptr;
  int events_ = 0;
};
void throughMember() {
  Facade f;
  f.init();
  Facade g = std::move(f);
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: moving 'f' of type 'Facade' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'f' is pinned here: 'init' hands the object's address to 'setHandler'
}

// Forwarded through a function template into a virtual function that takes
// a type-erased callable.
class Sink {
public:
  virtual ~Sink() = default;
  virtual void sink(std::function<void()> f) = 0;
  template <class F> void on(F &&f) { sink(std::forward<F>(f)); }
};
class Source {
public:
  void connect(Sink &s) { s.on([this] { ++fired_; }); }
private:
  int fired_ = 0;
};
void forwarded(Sink &s) {
  Source a;
  a.connect(s);
  Source b = a;
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: copying 'a' of type 'Source' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'a' is pinned here: 'connect' hands the object's address to 'on': 'on' hands its parameter 'f' on: 'sink' takes it as a type-erased callable that may outlive the call
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: bind a reference to 'a' instead of copying it
}
// Negative twin: a template that only calls what it is given.
template <class F> void invoke(F &&f) { std::forward<F>(f)(); }
class Direct {
public:
  void go() { invoke([this] { ++n_; }); }
private:
  int n_ = 0;
};
void notForwarded() {
  Direct a;
  a.go();
  Direct b = a;
}

// Construction pins from an address a constructor hands out.
class Timer {
public:
  explicit Timer(uv_loop_t *loop) { uv_timer_init(loop, &handle_); }
private:
  uv_timer_t handle_;
};
void constructed(uv_loop_t *loop) {
  Timer t(loop);
  Timer u = std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:13: warning: moving 't' of type 'Timer' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:9: note: 't' is pinned from its construction: the constructor of 'Timer' hands its address to 'uv_timer_init'
}
