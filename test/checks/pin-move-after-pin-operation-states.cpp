// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t -- -std=c++20 -I%S/Inputs
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t -- -std=c++20 -I%S/Inputs
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t -- -std=c++20 -I%S/Inputs
// RUN: %check_pincheck --frontend=tidy --check-suffix=RELOCATING %s pin-relocating-container %t -- -std=c++20 -I%S/Inputs
// RUN: %check_pincheck --frontend=cli --check-suffix=RELOCATING %s pin-relocating-container %t -- -std=c++20 -I%S/Inputs

// Sender/receiver operation states (issue 16): `start(op)` begins the
// operation, which then links `op` where others find it; moving `op` after
// that is undefined behaviour. `start` is a customisation point object
// (Inputs/p2300.h: stdexec's calls the member `op.start()`, unifex's
// dispatches to `tag_invoke(start, op)`), a wrapper whose body pins its
// argument: calling it pins the operation state.

#include "p2300.h"
#include <deque>
#include <vector>

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
struct Sink {
  void set_value() noexcept {}
};

// A user-written operation state, movable by default: start() links it
// into the queue.
template <class Receiver> struct QueueOp : Task {
  Queue *Q;
  Receiver R;
  QueueOp(Queue *Q, Receiver R) : Q(Q), R(std::move(R)) {}
  void start() noexcept { Q->push(this); }
};
struct QueueSender {
  Queue *Q;
  template <class Receiver> QueueOp<Receiver> connect(Receiver R) && {
    return {Q, std::move(R)};
  }
};

// The unifex shape: started through tag_invoke.
struct TimerOp : Task {
  Queue *Q;
  friend void tag_invoke(unifex::start_t, TimerOp &Op) noexcept {
    Op.Q->push(&Op);
  }
};

void viaStdexec(Queue &Q) {
  auto Op = stdexec::connect(QueueSender{&Q}, Sink{});
  stdexec::start(Op);
  auto Moved = std::move(Op);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: moving 'Op' of type 'QueueOp<Sink>' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'Op' is pinned here: 'start' began the operation, and 'start' hands the object's address to a container ('push')
}

void viaStdExecution(Queue &Q, QueueOp<Sink> &Other) {
  auto Op = std::execution::connect(QueueSender{&Q}, Sink{});
  std::execution::start(Op);
  std::swap(Op, Other);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: swapping 'Op' of type 'QueueOp<Sink>' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'Op' is pinned here: 'start' began the operation, and 'start' hands the object's address to a container ('push')
}

QueueOp<Sink> returnedAfterStart(Queue &Q, bool Early) {
  auto Started = stdexec::connect(QueueSender{&Q}, Sink{});
  auto Spare = stdexec::connect(QueueSender{&Q}, Sink{});
  stdexec::start(Started);
  if (Early)
    return Started;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: moving 'Started' of type 'QueueOp<Sink>' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'Started' is pinned here: 'start' began the operation, and 'start' hands the object's address to a container ('push')
  return Spare;
}

void relocated(Queue &Q, std::vector<QueueOp<Sink>> &Ops) {
  Ops.push_back(stdexec::connect(QueueSender{&Q}, Sink{}));
// CHECK-MESSAGES-RELOCATING: :[[@LINE-1]]:3: warning: 'push_back' relocates elements of type 'QueueOp<Sink>', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES-RELOCATING: :[[@LINE-51]]:34: note: 'start' hands out the address of 'QueueOp<Sink>'
// CHECK-MESSAGES-RELOCATING: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<QueueOp<Sink>>>
  stdexec::start(Ops.back());
  Ops.push_back(stdexec::connect(QueueSender{&Q}, Sink{}));
// CHECK-MESSAGES-RELOCATING: :[[@LINE-1]]:3: warning: 'push_back' relocates elements of type 'QueueOp<Sink>', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES-RELOCATING: :[[@LINE-56]]:34: note: 'start' hands out the address of 'QueueOp<Sink>'
// CHECK-MESSAGES-RELOCATING: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<QueueOp<Sink>>>
}

void viaMemberStart(Queue &Q) {
  auto Op = stdexec::connect(QueueSender{&Q}, Sink{});
  Op.start();
  auto Copied = Op;
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: copying 'Op' of type 'QueueOp<Sink>' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'Op' is pinned here: 'start' began the operation, and 'start' hands the object's address to a container ('push')
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 'Op' instead of copying it
}

void viaUnifex(Queue &Q) {
  TimerOp Op;
  Op.Q = &Q;
  unifex::start(Op);
  TimerOp Moved = std::move(Op);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: moving 'Op' of type 'TimerOp' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'Op' is pinned here: 'start' began the operation, and 'tag_invoke' stores the address in a container ('push')
}

// Negative twins: moved before start (the moved-to object is the one
// started), never started, and started in place.
void movedBeforeStart(Queue &Q) {
  auto Op = stdexec::connect(QueueSender{&Q}, Sink{});
  auto Moved = std::move(Op);
  stdexec::start(Moved);
}
void neverStarted(Queue &Q) {
  auto Op = stdexec::connect(QueueSender{&Q}, Sink{});
  auto Moved = std::move(Op);
  (void)Moved;
}
void startedInPlace(Queue &Q) {
  auto Op = stdexec::connect(QueueSender{&Q}, Sink{});
  stdexec::start(Op);
}
// A deque's emplace_back at the end keeps its elements in place.
void keptInPlace(Queue &Q, std::deque<QueueOp<Sink>> &Ops) {
  Ops.emplace_back(&Q, Sink{});
  stdexec::start(Ops.back());
  Ops.emplace_back(&Q, Sink{});
}
