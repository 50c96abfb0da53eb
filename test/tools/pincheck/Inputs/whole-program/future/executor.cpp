#include "executor.h"

void Executor::wait(Task *Waiting) { Queue.push_back(Waiting); }

void Executor::wakeAll() { Queue.clear(); }
