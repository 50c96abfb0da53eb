#include "timer.h"
#include <utility>

void run(uv_loop_t *Loop) {
  Timer T;
  T.start(Loop);
  Timer Moved = std::move(T);
  (void)Moved;
}

void checkOnly(const Timer &T) {
  Timer Copy = T;
  (void)Copy.active();
}
