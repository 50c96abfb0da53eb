#include <utility>

void keep(void *P);
struct Op {
  int State = 0;
  void start() { keep(this); }
};

// The same move on the same line, pinned by another event.
void first() {
  Op A;
  keep(&A);
  Op Moved = std::move(A);
  (void)Moved;
}

void second() {
  Op B;
  B.start();
  Op Moved = std::move(B);
  (void)Moved;
}
