// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// Addresses that constructors and member functions hand out, directly, to a
// pinning parameter or through the functions they call (docs/model.md,
// "Pin events"), each with a negative twin.

#include <pincheck/pin.h>
#include <thread>
#include <uv.h>
#include <vector>

// A constructor hands a member's address to the API model.
class Timer {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Timer' leaves the address its constructor hands to 'uv_timer_init' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:57: note: the address of member 'handle_' escapes here: 'uv_timer_init' keeps the address: libuv links the handle into the loop
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
public:
  explicit Timer(uv_loop_t *loop) { uv_timer_init(loop, &handle_); }
private:
  uv_timer_t handle_;
};
// Negative twin: the same constructor in a class that cannot be copied or
// moved.
class PinnedTimer {
public:
  explicit PinnedTimer(uv_loop_t *loop) { uv_timer_init(loop, &handle_); }
  PinnedTimer(const PinnedTimer &) = delete;
  PinnedTimer &operator=(const PinnedTimer &) = delete;
private:
  uv_timer_t handle_;
};

// A PIN_PINS parameter.
struct Widget;
void track(Widget *w PIN_PINS);
struct Widget {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Widget' leaves the address its constructor hands to 'track' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+2]]:20: note: the object's address escapes here: parameter 'w' of 'track' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
  Widget() { track(this); }
  int id = 0;
};
// A visible body that keeps its argument, and its negative twin that only
// reads it.
struct Node;
std::vector<Node *> Registry;
void enroll(Node *n) { Registry.push_back(n); }
void inspect(const Node *n);
struct Node {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Node' leaves the address its constructor hands to 'enroll' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+2]]:19: note: the object's address escapes here: 'enroll' stores the address in a container ('push_back')
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
  Node() { enroll(this); }
  int id = 0;
};
struct Probe {
  Probe() { look(this); }
  static void look(const Probe *p) { (void)p->id; }
  int id = 0;
};

// A member function that lets `this` escape into a thread.
class Worker {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Worker' leaves the address 'start' hands to a thread pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:19: note: the object's address escapes here to a thread
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
public:
  void start() {
    std::thread t([this] { ++runs_; });
    t.detach();
  }
private:
  int runs_ = 0;
};

// Through calls: a constructor that calls a member function that registers
// `this`, and one that calls a static helper around a C function.
struct Proxy;
std::vector<Proxy *> Proxies;
struct Proxy {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Proxy' leaves the address its constructor hands to a container ('push_back') pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:44: note: the object's address escapes here to a container ('push_back')
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
  Proxy() { registerProxy(); }
  void registerProxy() { Proxies.push_back(this); }
};
extern "C" void glfw_set_user_pointer(void *window, void *user);
struct Window {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Window' leaves the address its constructor hands to 'attach' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+2]]:59: note: the object's address escapes here: 'attach' stores the address in 'glfw_set_user_pointer'
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
  explicit Window(void *w) : handle_(w) { attach(handle_, this); }
  static void attach(void *w, void *user) { glfw_set_user_pointer(w, user); }
  void *handle_;
};

// Negative twin: a pinned marker whose member function pins it may move
// before that call.
class PIN_PINNED Session {
public:
  void open() { glfw_set_user_pointer(nullptr, this); }
};
