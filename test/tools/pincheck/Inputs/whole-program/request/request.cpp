#include "request.h"

Request::Request(std::string Text) : text_(std::move(Text)) {
  method_ = std::string_view(text_).substr(0, text_.find(' '));
}
