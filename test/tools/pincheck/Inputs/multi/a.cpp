#include "shared.h"
struct A {
  char data[4];
  char *top = data;
};
