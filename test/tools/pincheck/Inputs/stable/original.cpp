#include <utility>

void keep(void *P);
struct Op {
  int State = 0;
  void start() { keep(this); }
};

void first() {
  Op A;
  A.start();
  Op Moved = std::move(A);
  (void)Moved;
}

void second() {
  Op B;
  B.start();
  Op Moved = std::move(B);
  (void)Moved;
}
