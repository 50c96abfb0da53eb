// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t -- -std=c++20 -I%S/Inputs
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t -- -std=c++20 -I%S/Inputs
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t -- -std=c++20 -I%S/Inputs

// Objects that must not move once started (issue 16): an operation state
// whose `start` links it somewhere, an awaiter whose `await_suspend` does,
// a registration whose constructor does. Movable, they are reported with
// the escaping statement and the conventional fix-it; a type that already
// forbids its moves (directly, through an immovable base, or with Qt's
// macro) is fine, and so is one that lets nothing escape.

#include "p2300.h"
#include <coroutine>

// Qt's macro, as qglobal.h spells it.
#define Q_DISABLE_COPY_MOVE(Class)                                             \
  Class(const Class &) = delete;                                               \
  Class &operator=(const Class &) = delete;                                    \
  Class(Class &&) = delete;                                                    \
  Class &operator=(Class &&) = delete;

struct Task {
  Task *Next = nullptr;
};
struct Queue {
  Task *Head = nullptr;
  void push(Task *T) {
    T->Next = Head;
    Head = T;
  }
};

// stdexec's shape: a member `start` links the operation into a queue.
template <class Receiver> class QueueOp : public Task {
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: copying or moving 'QueueOp' leaves the address 'start' hands to 'push' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:35: note: the object's address escapes here: 'push' stores the address in a member of '*this'
// CHECK-MESSAGES: :[[@LINE-3]]:33: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
public:
  QueueOp(Queue *Q, Receiver R) : Q(Q), R(static_cast<Receiver &&>(R)) {}
// CHECK-FIXES: {{^}}  QueueOp(const QueueOp &) = delete;{{$}}
  void start() noexcept { Q->push(this); }

private:
  Queue *Q;
  Receiver R;
};

// unifex's shape: `tag_invoke(start, op)` stores the address through the
// operation's pointer to its queue.
class TimerOp : public Task {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'TimerOp' leaves the object's address that 'tag_invoke' stores through 'Q' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+6]]:16: note: the object's address is stored here in the object that 'Q' points to
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Q' unchanged
public:
  explicit TimerOp(Queue *Q) : Q(Q) {}
// CHECK-FIXES: {{^}}  TimerOp(const TimerOp &) = delete;{{$}}
  friend void tag_invoke(unifex::start_t, TimerOp &Op) noexcept {
    Op.Q->push(&Op);
  }

private:
  Queue *Q;
};

// An async mutex's lock awaiter: `await_suspend` links the awaiter into the
// mutex's wait list through its pointer to the mutex.
struct AsyncMutex;
class LockAwaiter {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'LockAwaiter' leaves the object's address that 'await_suspend' stores through 'M' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+21]]:16: note: the object's address is stored here in the object that 'M' points to
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'M' unchanged
public:
  explicit LockAwaiter(AsyncMutex *M) : M(M) {}
// CHECK-FIXES: {{^}}  LockAwaiter(const LockAwaiter &) = delete;{{$}}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) noexcept;
  void await_resume() noexcept {}

private:
  AsyncMutex *M;
  LockAwaiter *Next = nullptr;
  std::coroutine_handle<> Waiting;
};
struct AsyncMutex {
  LockAwaiter *Waiters = nullptr;
  LockAwaiter lock() { return LockAwaiter(this); }
};
inline void LockAwaiter::await_suspend(std::coroutine_handle<> H) noexcept {
  Waiting = H;
  Next = M->Waiters;
  M->Waiters = this;
}

// A scoped registration: the constructor registers `this`, the destructor
// unregisters it. The defaulted move constructor makes both objects
// unregister the same address.
struct Registry {
  void add(void *P);
  void remove(void *P);
};
class Registration {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: moving 'Registration' leaves the address its constructor hands to 'add' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:54: note: the object's address escapes here to 'add'
// CHECK-MESSAGES: :[[@LINE+4]]:3: note: defaulted move constructor does not hand out the new object's address
public:
  explicit Registration(Registry &R) : R(&R) { R.add(this); }
  ~Registration() { R->remove(this); }
  Registration(Registration &&) = default;
// CHECK-FIXES: {{^}}  Registration(Registration &&) = delete;{{$}}

private:
  Registry *R;
};

// A stop_callback polyfill: the callback is linked into the stop state.
struct StopState {
  struct Node {
    Node *Next = nullptr;
    virtual void run() = 0;
  } *Callbacks = nullptr;
};
template <class F> class StopCallback : StopState::Node {
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: copying or moving 'StopCallback' leaves the object's address that its constructor stores through 'State' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+6]]:24: note: the object's address is stored here in the object that 'State' points to
// CHECK-MESSAGES: :[[@LINE-3]]:26: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'State' unchanged
public:
  StopCallback(StopState &S, F Fn) : State(&S), Fn(static_cast<F &&>(Fn)) {
// CHECK-FIXES: {{^}}  StopCallback(const StopCallback &) = delete;{{$}}
    Next = State->Callbacks;
    State->Callbacks = this;
  }
  void run() override { Fn(); }

private:
  StopState *State;
  F Fn;
};

// Negative twins.

// Immovable through a base, as stdexec's `__immovable`.
struct Immovable {
  Immovable() = default;
  Immovable(Immovable &&) = delete;
};
template <class Receiver>
class ImmovableOp : public Task, private Immovable {
public:
  ImmovableOp(Queue *Q, Receiver R) : Q(Q), R(static_cast<Receiver &&>(R)) {}
  void start() noexcept { Q->push(this); }

private:
  Queue *Q;
  Receiver R;
};

// Deleted directly, and by Qt's macro.
class DeletedAwaiter {
public:
  explicit DeletedAwaiter(AsyncMutex *M) : M(M) {}
  DeletedAwaiter(DeletedAwaiter &&) = delete;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) noexcept {
    Waiting = H;
    M->Waiters = reinterpret_cast<LockAwaiter *>(this);
  }
  void await_resume() noexcept {}

private:
  AsyncMutex *M;
  std::coroutine_handle<> Waiting;
};
class QtRegistration {
  Q_DISABLE_COPY_MOVE(QtRegistration)
public:
  explicit QtRegistration(Registry &R) : R(&R) { R.add(this); }
  ~QtRegistration() { R->remove(this); }

private:
  Registry *R;
};

// Lets nothing escape: completes inline, and an awaiter that resumes at
// once.
template <class Receiver> class InlineOp {
public:
  explicit InlineOp(Receiver R) : R(static_cast<Receiver &&>(R)) {}
  void start() noexcept { R.set_value(); }

private:
  Receiver R;
};
struct Yield {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> H) noexcept { H.resume(); }
  void await_resume() noexcept {}
};

// A registration whose move constructor registers the new object.
class MovableRegistration {
public:
  explicit MovableRegistration(Registry &R) : R(&R) { R.add(this); }
  MovableRegistration(MovableRegistration &&Other) noexcept : R(Other.R) {
    R->add(this);
  }
  MovableRegistration &operator=(MovableRegistration &&) = delete;
  ~MovableRegistration() { R->remove(this); }

private:
  Registry *R;
};
