#pragma once
#include <uv.h>

class Timer {
public:
  void start(uv_loop_t *Loop);
  bool active() const;

private:
  uv_timer_t Handle;
};
