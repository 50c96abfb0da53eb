// RUN: %check_pincheck --frontend=tidy --fix-notes %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli --fix-notes %s pin-move-after-pin %t
// No compiler-plugin run: this file checks only fix-its on notes, and
// clang's -fixit applies the fix-its of warnings alone (as --fix does).

// The repairs that change meaning are fix-its on notes: applied by
// --fix-notes (and editor quick fixes), never by --fix.

#include <pincheck/pin.h>
#include <vector>

struct PIN_PINNED Task {
  int id = 0;
};
void watch(PIN_PINS Task &task);
int use(const Task &task) { return task.id; }

int sink(Task task) { return task.id; }
// CHECK-FIXES: {{^}}int sink(const Task& task) { return task.id; }{{$}}

int copies() {
  Task t;
  watch(t);
  auto copy = t;
  // CHECK-FIXES: {{^}}  auto& copy = t;{{$}}
  Task named = t;
  // CHECK-FIXES: {{^}}  Task& named = t;{{$}}
  auto lambda = [t] { return t.id; };
  // CHECK-FIXES: {{^}}  auto lambda = [&t] { return t.id; };{{$}}
  return sink(t) + use(copy) + use(named) + lambda();
}

int elements() {
  std::vector<Task> tasks(2);
  watch(tasks[0]);
  int sum = 0;
  for (auto task : tasks)
    sum += use(task);
  // CHECK-FIXES: {{^}}  for (const auto& task : tasks){{$}}
  return sum;
}
