#include "timer.h"

void Timer::start(uv_loop_t *Loop) {
  uv_timer_init(Loop, &Handle);
}

bool Timer::active() const { return uv_is_active((const uv_handle_t *)&Handle); }
