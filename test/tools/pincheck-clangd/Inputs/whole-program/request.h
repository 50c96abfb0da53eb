#pragma once
#include <string>
#include <string_view>

class Request {
public:
  explicit Request(std::string Text);
  std::string_view method() const { return method_; }

private:
  std::string text_;
  std::string_view method_;
};
