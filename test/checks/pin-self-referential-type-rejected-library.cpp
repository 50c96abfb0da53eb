// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// The copies and moves the standard library makes on the user's behalf,
// inside the templates the user's calls instantiate, are rejected by the
// fix-it too: the notes list them at the user's call, naming the library
// function. (Through the CLI, check_pincheck.py applies the fix-it and
// compiles the file: its only errors must be at the listed calls.)

#include <deque>
#include <list>
#include <utility>
#include <vector>

struct Entry {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Entry' leaves 'End' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+9]]:9: note: interior pointer 'End' declared here
// CHECK-MESSAGES: :[[@LINE+8]]:15: note: 'End' is set here to the address of member 'Text' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'End' unchanged
// CHECK-MESSAGES: :[[@LINE+10]]:57: note: moving 'Entry' inside 'std::vector<Entry>::emplace_back<>' will not compile once the fix-it deletes the move constructor
// CHECK-MESSAGES: :[[@LINE+15]]:10: note: moving 'Entry' inside 'std::vector<Entry>::emplace_back<>' will not compile once the fix-it deletes the move constructor
// CHECK-MESSAGES: :[[@LINE+15]]:8: note: copying 'Entry' inside 'std::list<Entry>::push_back' will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+15]]:29: note: copying 'Entry' inside 'std::vector<Entry>::vector' will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+15]]:3: note: moving 'Entry' inside 'std::swap<Entry>' will not compile once the fix-it deletes the move constructor
  char Text[8];
  char *End = Text;
};

// In a template of the user's: listed at the call in its body.
template <class T> void grow(std::vector<T> &All) { All.emplace_back(); }

void containers(std::vector<Entry> &Vector, std::list<Entry> &List,
                std::deque<Entry> &Deque, const Entry &One, Entry &A,
                Entry &B) {
  grow(Vector);
  Vector.emplace_back();
  List.push_back(One);
  std::vector<Entry> Copy = Vector;
  std::swap(A, B);
  // Negative twins: constructed in place and never moved (a deque grows
  // without relocating; a list links nodes), and reads.
  Deque.emplace_back();
  Deque.emplace_front();
  List.emplace_back();
  (void)Vector.size(), (void)Vector.front().End, (void)Copy;
}

// A class template is judged on its pattern; the copies are of its
// instantiations.
template <class T> struct Ring {
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: copying or moving 'Ring' leaves 'Head' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+6]]:6: note: interior pointer 'Head' declared here
// CHECK-MESSAGES: :[[@LINE+5]]:13: note: 'Head' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:27: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Head' unchanged
// CHECK-MESSAGES: :[[@LINE+6]]:20: note: copying 'Ring<int>' here will not compile once the fix-it deletes the copy constructor
// CHECK-MESSAGES: :[[@LINE+6]]:5: note: moving 'Ring<char>' inside 'std::vector<Ring<char>>::emplace_back<>' will not compile once the fix-it deletes the move constructor
  T Buf[4];
  T *Head = Buf;
};
void rings(Ring<int> &R, std::vector<Ring<char>> &V) {
  Ring<int> Copy = R;
  V.emplace_back();
  // Negative twin: a reference.
  Ring<int> &Same = R;
  (void)Copy, (void)Same;
}
