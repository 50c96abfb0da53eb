// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t -- -std=c++20
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t -- -std=c++20

// Loans (issue 16): `std::atomic_ref<T> R(x)` refers to `x` for R's whole
// lifetime, so `x` (or the object it is a member of) is pinned until R's
// scope ends. Moving it meanwhile leaves R updating the old object.

#include <atomic>
#include <boost/atomic/atomic_ref.hpp>
#include <utility>
#include <vector>

struct Counter {
  int Hits = 0;
  long Bytes = 0;
};

void memberOnLoan() {
  Counter C;
  std::atomic_ref<int> Hits(C.Hits);
  Hits.fetch_add(1);
  Counter Moved = std::move(C);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: moving 'C' of type 'Counter' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'C' is pinned here: 'atomic_ref' keeps the address: an atomic_ref refers to the object for its whole lifetime
  (void)Moved;
}

void wholeOnLoan(std::vector<Counter> &Out) {
  Counter C;
  std::atomic_ref<Counter> Ref(C);
  Out.push_back(C);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: copying 'C' of type 'Counter' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:28: note: 'C' is pinned here: 'atomic_ref' keeps the address: an atomic_ref refers to the object for its whole lifetime
  Ref.store(Counter{});
}

void boostLoan() {
  Counter C;
  boost::atomic_ref<long> Bytes(C.Bytes);
  Bytes.fetch_add(8);
  Counter Moved = std::move(C);
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: moving 'C' of type 'Counter' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-4]]:27: note: 'C' is pinned here: 'atomic_ref' keeps the address: an atomic_ref refers to the object for its whole lifetime
  (void)Moved;
}

// Negative twins: the loan ended before the move, the move came before the
// loan, a temporary atomic_ref (its loan ends with the statement), and a
// copy of another object.
void loanEnded() {
  Counter C;
  {
    std::atomic_ref<int> Hits(C.Hits);
    Hits.fetch_add(1);
  }
  Counter Moved = std::move(C);
  (void)Moved;
}
void movedBeforeLoan() {
  Counter C;
  Counter Moved = std::move(C);
  std::atomic_ref<int> Hits(Moved.Hits);
  Hits.fetch_add(1);
}
void temporaryLoan() {
  Counter C;
  std::atomic_ref<int>(C.Hits).fetch_add(1);
  Counter Moved = std::move(C);
  (void)Moved;
}
void otherObject() {
  Counter C, D;
  std::atomic_ref<int> Hits(C.Hits);
  Hits.fetch_add(1);
  Counter Moved = std::move(D);
  (void)Moved;
}
