//===--- button.cpp - A callback capturing this, stored in a member -------===//
//
// Part of the pincheck examples. Bug shape: a std::function member holding a
// lambda that captured `this` (model section 1).
//
//===----------------------------------------------------------------------===//

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace buggy {

// A push button that counts its clicks and shows the count in its caption.
//
// BUG: the click handler captures `this`. The implicit copy and move copy the
// std::function, whose lambda still holds the source button's address:
// clicking a button of the toolbar below updates the temporary it was built
// from, which is already destroyed.
class Button {
public:
  explicit Button(std::string Label) : Label(std::move(Label)) {
    OnClick = [this] {
      ++Clicks;
      Caption = this->Label + " (" + std::to_string(Clicks) + ")";
    };
  }

  void click() { OnClick(); }
  const std::string &caption() const { return Caption; }

private:
  std::string Label;
  std::string Caption;
  int Clicks = 0;
  std::function<void()> OnClick;
};

std::vector<Button> makeToolbar() {
  std::vector<Button> Toolbar;
  Toolbar.push_back(Button("Open"));
  Toolbar.push_back(Button("Save"));
  return Toolbar;
}

} // namespace buggy

namespace fixed {

// The same button. The handler is told which button was clicked instead of
// capturing `this`, so a copy's handler updates the copy, and the implicit
// copy and move are right.
class Button {
public:
  using Handler = std::function<void(Button &)>;

  explicit Button(std::string Label, Handler OnClick = countClick)
      : Label(std::move(Label)), OnClick(std::move(OnClick)) {}

  void click() { OnClick(*this); }
  const std::string &caption() const { return Caption; }

private:
  static void countClick(Button &B) {
    ++B.Clicks;
    B.Caption = B.Label + " (" + std::to_string(B.Clicks) + ")";
  }

  std::string Label;
  std::string Caption;
  int Clicks = 0;
  Handler OnClick;
};

std::vector<Button> makeToolbar() {
  std::vector<Button> Toolbar;
  Toolbar.push_back(Button("Open"));
  Toolbar.push_back(Button("Save"));
  return Toolbar;
}

} // namespace fixed
