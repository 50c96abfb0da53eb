#pragma once
#include "watcher.h"

struct Status {
  int Code = 0;
  Watcher Watch{*this};
};
