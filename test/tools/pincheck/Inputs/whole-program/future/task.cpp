#include "task.h"

bool Task::poll(Executor &E) {
  if (State == 0) {
    E.wait(this);
    return false;
  }
  return true;
}
