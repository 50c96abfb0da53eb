#include "status.h"

Watcher::Watcher(const Status &Watched) : Target(nullptr) { (void)Watched.Code; }
