// Relocating containers of other libraries, against their real headers:
// LLVM's SmallVector (llvm-N-dev of the LLVM pincheck is built against) and
// Qt 6's QList (qt6-base-dev).
// REQUIRES: qt6
// RUN: %check_pincheck --frontend=tidy %s pin-relocating-container %t -- -std=c++17 -fPIC -idirafter %llvm_include -I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore
// RUN: %check_pincheck --frontend=cli %s pin-relocating-container %t -- -std=c++17 -fPIC -idirafter %llvm_include -I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore
// RUN: %check_pincheck --frontend=plugin %s pin-relocating-container %t -- -std=c++17 -fPIC -idirafter %llvm_include -I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore

#include <QtCore/QList>
#include <QtCore/QString>
#include <llvm/ADT/SmallVector.h>

struct Node {
  Node *self = this;
};

void grow(llvm::SmallVector<Node, 4> &small, QList<Node> &list) {
  small.push_back(Node{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'push_back' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-6]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
  small.reserve(16);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'reserve' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-10]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
  list.push_back(Node{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'push_back' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-14]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
  list.insert(0, Node{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'insert' relocates elements of type 'Node', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-18]]:9: note: 'Node' points 'self' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Node>>
}

// Negative twins: elements that move correctly.
void fine(llvm::SmallVector<int, 4> &ints, QList<QString> &strings) {
  ints.push_back(1);
  strings.push_back(QString());
}
