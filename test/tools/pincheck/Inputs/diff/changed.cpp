#include <utility>

void keep(void *P);
struct Op {
  int State = 0;
  void start() { keep(this); }
};

void first() {
  Op A;
  A.start();
  Op Moved = std::move(A); // edited: the move's line changed
  (void)Moved;
}

void second() {
  Op B;
  B.start(); // edited: the pin's line changed
  Op Moved = std::move(B);
  (void)Moved;
}

void third() {
  Op C;
  C.start();
  Op Moved = std::move(C);
  (void)Moved;
}
