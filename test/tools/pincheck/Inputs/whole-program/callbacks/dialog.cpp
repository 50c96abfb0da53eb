#include "button.h"
#include <utility>
#include <vector>

struct Dialog {
  Button Ok;
  int Clicks = 0;
  void wire() {
    Ok.setCallback([this] { ++Clicks; });
  }
};

void open(std::vector<Dialog> &Open) {
  Dialog D;
  D.wire();
  Open.push_back(std::move(D));
}
