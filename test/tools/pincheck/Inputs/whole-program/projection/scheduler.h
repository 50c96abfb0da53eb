#pragma once

struct Handle {
  int Fd = -1;
};

void keep(Handle *H);

class Scheduler {
public:
  void start();
  Handle Timer;
  Handle Spare;
};
