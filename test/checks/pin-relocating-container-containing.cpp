// RUN: %check_pincheck --frontend=tidy %s pin-relocating-container %t
// RUN: %check_pincheck --frontend=cli %s pin-relocating-container %t
// RUN: %check_pincheck --frontend=plugin %s pin-relocating-container %t

// Containers of classes that contain a class whose moves are wrong, as a
// member or a base: relocating them relocates the contained object just the
// same. Each with a negative twin.

#include <algorithm>
#include <string>
#include <vector>

// A class whose own moves are wrong.
struct Node {
  Node *Next = this;
};
// Containing classes: by member and by base.
struct Holder {
  int Id = 0;
  Node Link;
};
struct Derived : Node {
  int Id = 0;
};
struct Outer {
  Holder Inner;
};
void grow(std::vector<Holder> &Holders, std::vector<Derived> &All,
          std::vector<Outer> &Outers) {
  Holders.push_back(Holder{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'push_back' relocates elements of type 'Holder', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-12]]:8: note: 'Holder' contains 'Link': 'Node' points 'Next' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Holder>>
  All.emplace_back();
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'emplace_back' relocates elements of type 'Derived', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-14]]:8: note: 'Derived' derives from 'Node': 'Node' points 'Next' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Derived>>
  std::sort(Outers.begin(), Outers.end(),
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::sort' relocates elements of type 'Outer', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-14]]:10: note: 'Outer' contains 'Inner': 'Holder' contains 'Link': 'Node' points 'Next' into itself
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Outer>>
            [](const Outer &A, const Outer &B) { return A.Inner.Id < B.Inner.Id; });
}
// Negative twins: a containing class whose own moves re-seat, and one that
// contains a standard string (whose moves are right).
struct Relinking {
  Relinking() = default;
  Relinking(Relinking &&Other) noexcept : Id(Other.Id) {}
  Relinking &operator=(Relinking &&Other) noexcept {
    Id = Other.Id;
    return *this;
  }
  int Id = 0;
  Node Link;
};
struct Named {
  std::string Name;
};
void fine(std::vector<Relinking> &Relinkings, std::vector<Named> &Names) {
  Relinkings.emplace_back();
  Names.push_back(Named{"n"});
}
