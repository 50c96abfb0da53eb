#pragma once
#include <vector>

class Task;

class Executor {
public:
  void wait(Task *Waiting);
  void wakeAll();

private:
  std::vector<Task *> Queue;
};
