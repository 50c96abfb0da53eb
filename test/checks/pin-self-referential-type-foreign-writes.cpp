// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// Writes from other classes: members of an object pointed into that same
// object by a function of another class or a friend, each with a negative
// twin.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A template whose views are filled in by a parser into its own text.
struct Template {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Template' leaves 'Parts' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:33: note: interior pointer 'Parts' declared here
// CHECK-MESSAGES: :[[@LINE+9]]:23: note: 'Parts' is set here to point into 'Text' (small-buffer storage: short contents live inside the object)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Parts' unchanged
  std::string Text;
  std::vector<std::string_view> Parts;
};
class Parser {
public:
  void parse(Template &T) {
    std::string_view Whole(T.Text);
    T.Parts.push_back(Whole.substr(0, 3));
  }
};
// Through a pointer, by a friend function.
class Frame {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Frame' leaves 'Top' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:9: note: interior pointer 'Top' declared here
// CHECK-MESSAGES: :[[@LINE+6]]:34: note: 'Top' is set here to the address of member 'Buffer' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Top' unchanged
  friend void rewind(Frame *F);
  char Buffer[32];
  char *Top = nullptr;
};
void rewind(Frame *F) { F->Top = F->Buffer; }

// Negative twins: views into another object's text, and a member set from
// a parameter.
struct Index {
  std::vector<std::string_view> Words;
};
void indexText(Index &I, const std::string &Text) {
  I.Words.push_back(std::string_view(Text).substr(0, 4));
}
struct Link {
  Link *Next = nullptr;
};
void chain(Link &A, Link &B) { A.Next = &B; }
