#pragma once
#include <functional>

class Button {
public:
  void setCallback(const std::function<void()> &Callback);

private:
  std::function<void()> OnClick;
};
