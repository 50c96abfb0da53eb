// RUN: %check_pincheck --frontend=tidy %s pin-relocating-container %t
// RUN: %check_pincheck --frontend=cli %s pin-relocating-container %t
// RUN: %check_pincheck --frontend=plugin %s pin-relocating-container %t

// Pins belong to the object pinned (docs/model.md, "Pin events"): a pinned
// element of one member is not an element of another member, and a pin of
// the container object is not a pin of its elements.

#include <pincheck/pin.h>
#include <vector>

struct Item {
  int Id = 0;
};
void watch(Item &I PIN_PINS);
struct Lists {
  std::vector<Item> Active;
  std::vector<Item> Done;
};

// A pinned element of one member's container: growing that container is
// wrong...
void sameMember(Lists &L) {
  Lists Local;
  watch(Local.Active[0]);
  Local.Active.push_back(Item{});
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'push_back' relocates the elements of 'Local.Active', one of which is pinned [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: an element of 'Local.Active' is pinned here: parameter 'I' of 'watch' is declared PIN_PINS
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Item>>
}
// ... growing another member's container is not.
void otherMember(Lists &L) {
  Lists Local;
  watch(Local.Active[0]);
  Local.Done.push_back(Item{});
}
// A pin of the container object itself is not a pin of its elements.
void keepVector(std::vector<Item> &V PIN_PINS);
void wholeContainer() {
  std::vector<Item> V(2);
  keepVector(V);
  V.push_back(Item{});
}
