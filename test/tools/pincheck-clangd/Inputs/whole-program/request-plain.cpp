#include "request.h"

Request::Request(std::string Text) : text_(std::move(Text)) {}
