// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t -- -std=c++20
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t -- -std=c++20

// Each move event of model section 5 on a pinned object, with negative
// twins.

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <future>
#include <pincheck/pin.h>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

struct PIN_PINNED Task {
  int id = 0;
};
void watch(PIN_PINS Task &task);
void consume(Task task);
void run(const Task &task);

void constructions() {
  Task t;
  watch(t);
  Task copy = t;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 't' instead of copying it
  Task moved = std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: moving 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  auto lambda = [t] { return t.id; };
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-10]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:18: note: capture 't' by reference instead
  auto init = [u = t] { return u.id; };
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-14]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  auto [id] = t;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-17]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: bind a reference to 't' instead of copying it
}

void arguments() {
  Task t;
  watch(t);
  consume(t);
// CHECK-MESSAGES: :[[@LINE-1]]:11: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-32]]:19: note: take the parameter by reference to leave 't' in place
}

Task returns() {
  Task t;
  watch(t);
  return t;
}
// Negative twin: the same with NRVO, and a return of an unpinned object.
Task nrvo() {
  Task t;
  t.id = 1;
  return t;
}

void throws() {
  Task t;
  watch(t);
  throw t;
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: moving 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
}

void assignments() {
  Task t;
  watch(t);
  Task other;
  other = t;
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  other = std::move(t);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
}

void swaps() {
  Task t;
  watch(t);
  Task other;
  std::swap(t, other);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: swapping 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  Task old = std::exchange(t, Task());
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: swapping 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  std::ranges::swap(t, other);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: swapping 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-10]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
}

void byteCopies() {
  Task t;
  watch(t);
  Task raw;
  std::memcpy(&raw, &t, sizeof(Task));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: copying the bytes of 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  std::memmove(&raw, &t, sizeof(Task));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: copying the bytes of 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  auto bytes = std::bit_cast<std::array<char, sizeof(Task)>>(t);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: copying the bytes of 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-10]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
}

void handOffs() {
  Task t;
  watch(t);
  std::thread worker(run, t);
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  auto bound = std::bind(run, t);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  auto tuple = std::make_tuple(t);
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-9]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  auto future = std::async(run, t);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-12]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  worker.join();
}
// Negative twin: handing over a reference keeps the object in place.
void handOffsByReference() {
  Task t;
  watch(t);
  std::thread worker(run, std::ref(t));
  auto bound = std::bind(run, std::cref(t));
  worker.join();
}

void rangeFor() {
  std::vector<Task> tasks(3);
  watch(tasks[0]);
  for (Task task : tasks)
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: copying an element of 'tasks' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: an element of 'tasks' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:13: note: iterate by reference to leave the elements in place
    run(task);
}
// Negative twin: iterating by reference.
void rangeForByReference() {
  std::vector<Task> tasks(3);
  watch(tasks[0]);
  for (const Task &task : tasks)
    run(task);
}

// The pointee of a pin::Pin is always pinned.
void pinned() {
  auto owned = pin::make_pinned<Task>();
  Task out = std::move(*owned);
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: moving the object owned by 'owned', which is pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: 'owned' owns the object through 'pin::Pin', which pins it for its lifetime
  Task copy = *owned;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: copying the object owned by 'owned', which is pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-6]]:8: note: 'owned' owns the object through 'pin::Pin', which pins it for its lifetime
}
// Negative twin: moving the Pin moves the pointer, not the object.
void pinnedPointerMoves() {
  auto owned = pin::make_pinned<Task>();
  auto other = std::move(owned);
}

// Inserting into a container copies or moves the object into it.
void insertions(std::vector<Task> &pool) {
  Task t;
  watch(t);
  pool.push_back(t);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: copying 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  pool.push_back(std::move(t));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
  pool.emplace_back(std::move(t));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 't' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-9]]:3: note: 't' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
}
// Negative twin: emplace_back constructs from other arguments.
struct Job {
  explicit Job(int id);
};
void emplaceFromArguments(std::vector<Job> &jobs) {
  Task t;
  watch(t);
  jobs.emplace_back(t.id);
}
