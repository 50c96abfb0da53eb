#include "scheduler.h"

Handle *Kept = nullptr;
void keep(Handle *H) { Kept = H; }
