#pragma once

struct Widget {
  int Id = 0;
};

void enroll(Widget *W);
int idOf(const Widget *W);
