#include "task.h"
#include <utility>
#include <vector>

void drive(Executor &E, std::vector<Task> &Done) {
  Task T;
  if (!T.poll(E))
    Done.push_back(std::move(T));
}
