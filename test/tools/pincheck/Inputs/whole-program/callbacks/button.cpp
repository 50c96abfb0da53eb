#include "button.h"

void Button::setCallback(const std::function<void()> &Callback) {
  OnClick = Callback;
}
