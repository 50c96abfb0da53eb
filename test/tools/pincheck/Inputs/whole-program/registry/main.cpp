#include "registry.h"
#include <utility>
#include <vector>

void build(std::vector<Widget> &All) {
  Widget W;
  enroll(&W);
  All.push_back(std::move(W));
}

void lookup(std::vector<Widget> &All) {
  Widget W;
  (void)idOf(&W);
  All.push_back(std::move(W));
}
