#include "scheduler.h"

void Scheduler::start() { keep(&Timer); }
