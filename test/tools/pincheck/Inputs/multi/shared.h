// Included by two translation units: its finding is reported once.
#pragma once
class Shared {
public:
  Shared() : cur_(buf_) {}

private:
  char buf_[8];
  char *cur_;
};
