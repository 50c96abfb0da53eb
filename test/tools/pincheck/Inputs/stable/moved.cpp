#include <utility>

// Unrelated lines above everything.
int Unrelated = 0;
int AlsoUnrelated = 1;

void keep(void *P);
struct Op {
  int State = 0;
  void start() { keep(this); }
};

// The functions swapped, with code between them.
void second() {
  Op B;
  B.start();
  Op Moved = std::move(B);
  (void)Moved;
}

int between() { return Unrelated + AlsoUnrelated; }

void first() {
  Op A;
  A.start();
  Op Moved = std::move(A);
  (void)Moved;
}
