#include <utility>
#include <vector>

struct Waiter;
struct Event {
  Waiter *Head = nullptr;
};
struct Waiter {
  Event *E = nullptr;
  void wait(Event &On);
};
void keep(void *W);

void Waiter::wait(Event &On) {
  E = &On;
  keep(this);
}

void moved(Event &On) {
  Waiter W;
  W.wait(On);
  Waiter Other = std::move(W);
  (void)Other;
}

struct Buffer {
  char Data[8];
  char *Cursor = Data;
};

void relocated(std::vector<Buffer> &All) {
  All.push_back(Buffer());
}
