#pragma once

struct Status;

class Watcher {
public:
  explicit Watcher(const Status &Watched);

private:
  const Status *Target;
};
