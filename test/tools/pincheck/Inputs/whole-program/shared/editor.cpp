#include "line.h"

Line first() {
  Line L;
  L.append('a');
  return L;
}
