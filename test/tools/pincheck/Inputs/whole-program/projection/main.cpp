#include "scheduler.h"

void run() {
  Scheduler S;
  S.start();
  Handle Timer = S.Timer;
  Handle Spare = S.Spare;
}
