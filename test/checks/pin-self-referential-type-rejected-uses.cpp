// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// Before the fix-it is applied, the notes list what it will reject: the
// copies and moves in the unit that use an operation it deletes, directly or
// through the memberwise copy of a class that holds the type. Applied, the
// program fails to compile exactly there, and nowhere else.
// RUN: sed -e '/CHECK-MESSAGES/d' %s > %t.fixed.cpp
// RUN: %pincheck --checks='-*,pin-self-referential-type' --fix %t.fixed.cpp -- -std=c++17 > /dev/null 2>&1 || true
// RUN: not %clangxx -std=c++17 -fsyntax-only %t.fixed.cpp 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERRORS --implicit-check-not=error:

#include <utility>
#include <vector>

struct Scratch {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Scratch' leaves 'Top' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+9]]:9: note: interior pointer 'Top' declared here
// CHECK-MESSAGES: :[[@LINE+8]]:15: note: 'Top' is set here to the address of member 'Buffer' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Top' unchanged
// CHECK-MESSAGES: :[[@LINE+28]]:15: note: copying 'Scratch' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+28]]:15: note: moving 'Scratch' here will not compile once the fix-it deletes the move constructor
// CHECK-MESSAGES: :[[@LINE+28]]:5: note: copying 'Scratch' here will not compile once the fix-it deletes the copy assignment operator
// CHECK-MESSAGES: :[[@LINE+28]]:8: note: copying 'Scratch' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+31]]:17: note: copying 'Holder' here will not compile once the fix-it deletes the copy constructor
  char Buffer[16];
  char *Top = Buffer;
};

// Only copies are wrong: the fix-it keeps the moves (defaulted).
struct Tokens {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying 'Tokens' leaves 'Cursor' pointing into the buffer of the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:8: note: interior pointer 'Cursor' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:17: note: 'Cursor' is set here to point into the heap buffer owned by 'Items' (owned heap storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor and copy assignment operator copy 'Cursor' unchanged
// CHECK-MESSAGES: :[[@LINE+18]]:19: note: copying 'Tokens' here will not compile once the fix-it deletes the copy constructor
  std::vector<int> Items;
  int *Cursor = Items.data();
};

struct Holder {
  Scratch Inner;
};

Scratch make();
void take(Scratch S);

void uses(Scratch &A, Tokens &T) {
  Scratch B = A;
  Scratch C = std::move(A);
  B = A;
  take(A);
  Tokens Moved = std::move(T);
  Tokens Copied = T;
  Holder H{};
  Holder Copy = H;
  // Negative twins: a prvalue (no copy since C++17), references.
  Scratch D = make();
  Scratch &Ref = A;
  const Tokens &View = T;
  (void)C, (void)D, (void)Ref, (void)View, (void)Moved, (void)Copied,
      (void)Copy;
}

// Beyond eight sites, the rest are counted.
struct Many {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Many' leaves 'At' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+13]]:9: note: interior pointer 'At' declared here
// CHECK-MESSAGES: :[[@LINE+12]]:14: note: 'At' is set here to the address of member 'Buffer' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'At' unchanged
// CHECK-MESSAGES: :[[@LINE+13]]:12: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+12]]:19: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+11]]:26: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+10]]:33: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+9]]:40: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+8]]:47: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+7]]:54: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+6]]:61: note: copying 'Many' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE-13]]:8: note: and 2 more copies or moves of 'Many'
  char Buffer[4];
  char *At = Buffer;
};
void many(const Many &M) {
  Many A = M, B = M, C = M, D = M, E = M, F = M, G = M, H = M, I = M, J = M;
  (void)A, (void)B, (void)C, (void)D, (void)E, (void)F, (void)G, (void)H,
      (void)I, (void)J;
}

// ERRORS:      error: call to deleted constructor of 'Scratch'
// ERRORS-NEXT: Scratch B = A;
// ERRORS:      error: call to deleted constructor of 'Scratch'
// ERRORS-NEXT: Scratch C = std::move(A);
// ERRORS:      error: overload resolution selected deleted operator '='
// ERRORS-NEXT: B = A;
// ERRORS:      error: call to deleted constructor of 'Scratch'
// ERRORS-NEXT: take(A);
// ERRORS:      error: call to deleted constructor of 'Tokens'
// ERRORS-NEXT: Tokens Copied = T;
// ERRORS:      error: call to implicitly-deleted copy constructor of 'Holder'
// ERRORS-NEXT: Holder Copy = H;
// ERRORS-COUNT-10: error: call to deleted constructor of 'Many'
