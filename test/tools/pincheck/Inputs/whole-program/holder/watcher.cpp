#include "status.h"

Watcher::Watcher(const Status &Watched) : Target(&Watched) {}
