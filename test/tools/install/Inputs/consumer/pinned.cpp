// A pinned type used correctly: it is never copied or moved.
#include <pincheck/pin.h>

class PIN_PINNED Node {
public:
  Node() : next_(this) {}
  Node(const Node &) = delete;
  Node &operator=(const Node &) = delete;

private:
  Node *next_;
};

void useNode() {
  Node node;
  (void)node;
}
