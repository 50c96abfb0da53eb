// RUN: %check_pincheck --frontend=tidy %s pin-relocating-container %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli %s pin-relocating-container %t -- -std=c++20
// RUN: %check_pincheck --frontend=plugin %s pin-relocating-container %t -- -std=c++20

#include <algorithm>
#include <deque>
#include <list>
#include <memory>
#include <pincheck/pin.h>
#include <string>
#include <vector>

// Elements whose own move is wrong: any relocation is reported.
struct Node {
  Node *self = this;
  int value = 0;
};
void alwaysWrong(std::vector<Node> &nodes, std::deque<Node> &queue) {
  nodes.push_back(Node{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'push_back' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-6]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
  nodes.reserve(100);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'reserve' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-10]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
  nodes.erase(nodes.begin());
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'erase' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-14]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
  std::sort(nodes.begin(), nodes.end(),
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::sort' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-18]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
            [](const Node &a, const Node &b) { return a.value < b.value; });
  queue.insert(queue.begin() + 1, Node{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'insert' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-23]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
}
// Negative twins: containers that keep elements in place, and deque's ends.
void inPlace(std::list<Node> &list, std::deque<Node> &queue,
             std::vector<std::unique_ptr<Node>> &owned) {
  list.push_back(Node{});
  list.sort([](const Node &a, const Node &b) { return a.value < b.value; });
  queue.push_back(Node{});
  queue.push_front(Node{});
  queue.insert(queue.end(), Node{});
  queue.erase(queue.begin());
  owned.push_back(std::make_unique<Node>());
}

// Pinned-marker elements: reported only after one of them was pinned.
struct PIN_PINNED Task {
  int id = 0;
};
void watch(PIN_PINS Task &task);
void pinnedElement(std::vector<Task> &tasks, bool urgent) {
  tasks.push_back(Task{});
  std::ranges::sort(tasks, {}, &Task::id);
  watch(tasks[0]);
  tasks.push_back(Task{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'push_back' relocates the elements of 'tasks', one of which is pinned [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: an element of 'tasks' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Task>>
  std::ranges::sort(tasks, {}, &Task::id);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::ranges::sort' relocates the elements of 'tasks', one of which is pinned [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-7]]:3: note: an element of 'tasks' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Task>>
}
void maybePinned(std::vector<Task> &tasks, bool urgent) {
  if (urgent)
    watch(tasks.front());
  tasks.emplace_back();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'emplace_back' relocates the elements of 'tasks', one of which may be pinned [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-3]]:5: note: an element of 'tasks' is pinned here: parameter 'task' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Task>>
}
// Negative twins: a pin of another container, and elements whose moves are
// fine (std::string re-seats its buffer).
void otherContainer(std::vector<Task> &a, std::vector<Task> &b,
                    std::vector<std::string> &names) {
  watch(a[0]);
  b.push_back(Task{});
  names.push_back("x");
  names.insert(names.begin(), "y");
}

// Negative twins: a properly pinned type (copies and moves deleted) held
// where elements stay in place.
struct Anchored {
  Anchored() = default;
  Anchored(const Anchored &) = delete;
  Anchored &operator=(const Anchored &) = delete;
  Anchored *self = this;
};
void anchored(std::deque<Anchored> &queue, std::list<Anchored> &list,
              std::vector<std::unique_ptr<Anchored>> &owned) {
  queue.emplace_back();
  queue.emplace_front();
  list.emplace_back();
  list.emplace(list.begin());
  owned.push_back(std::make_unique<Anchored>());
  owned.erase(owned.begin());
}

// A relocation inside a lambda is reported once.
void inLambda(std::vector<Node> &nodes) {
  auto add = [&] { nodes.push_back(Node{}); };
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'push_back' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-96]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:20: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
  add();
}
