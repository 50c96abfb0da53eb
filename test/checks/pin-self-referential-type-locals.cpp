// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t -- -std=c++20
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t -- -std=c++20
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t -- -std=c++20

// Addresses that reach a member through local variables: views, iterators,
// references and spans taken from a member, then stored (docs/model.md,
// "Vocabulary"), each with a negative twin.

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>

// A view built in a local and stored after a member call on it.
class Uri {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Uri' leaves 'Path' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+10]]:20: note: interior pointer 'Path' declared here
// CHECK-MESSAGES: :[[@LINE+5]]:12: note: 'Path' is set here to point into 'Text' (small-buffer storage: short contents live inside the object)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Path' unchanged
public:
  explicit Uri(std::string Text) : Text(std::move(Text)) {
    auto Whole = std::string_view{this->Text};
    Path = Whole.substr(1);
  }
private:
  std::string Text;
  std::string_view Path;
};
// Negative twin: the view is over a local copy (dangling, but not into the
// object).
class Snapshot {
public:
  explicit Snapshot(const std::string &Text) {
    std::string Copy = Text;
    auto Whole = std::string_view{Copy};
    (void)Whole;
    Length = Copy.size();
  }
private:
  std::size_t Length = 0;
};

// An iterator taken from a member into a local, then stored.
class Cursor {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Cursor' leaves 'Pos' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+10]]:32: note: interior pointer 'Pos' declared here
// CHECK-MESSAGES: :[[@LINE+5]]:11: note: 'Pos' is set here to point into 'Cells' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Pos' unchanged
public:
  Cursor() {
    auto It = Cells.begin();
    Pos = It;
  }
private:
  std::array<int, 8> Cells{};
  std::array<int, 8>::iterator Pos;
};
// A pointer through a local reference.
class Frame {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Frame' leaves 'Top' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+10]]:9: note: interior pointer 'Top' declared here
// CHECK-MESSAGES: :[[@LINE+5]]:11: note: 'Top' is set here to the address of member 'Buffer' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Top' unchanged
public:
  Frame() {
    auto &Bytes = Buffer;
    Top = &Bytes[0];
  }
private:
  char Buffer[16];
  char *Top;
};
// A span over a member, then a subspan of it.
class Window {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Window' leaves 'Visible' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+10]]:19: note: interior pointer 'Visible' declared here
// CHECK-MESSAGES: :[[@LINE+5]]:15: note: 'Visible' is set here to point into 'Storage' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Visible' unchanged
public:
  Window() {
    std::span<char> All(Storage);
    Visible = All.subspan(2);
  }
private:
  char Storage[32];
  std::span<char> Visible;
};
// Negative twin: a span over a parameter's buffer.
class Borrowed {
public:
  explicit Borrowed(std::span<char> Source) {
    std::span<char> All(Source);
    Visible = All.subspan(2);
  }
private:
  std::span<char> Visible;
};
