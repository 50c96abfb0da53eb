#pragma once
#include "executor.h"

class Task {
public:
  bool poll(Executor &E);

private:
  int State = 0;
};
