// The splitter's rules, one construct each (test/split/splitter.test).
#include <vector>

namespace app {
// Member functions of a class move out of line, qualified; specifiers only
// a declaration in the class may have are dropped, and default arguments
// stay in the header.
class Buffer {
public:
  using Iter = char *;
  explicit Buffer(int Size = 8) : Cursor(Data), Size(Size) {}
  virtual ~Buffer() { Cursor = nullptr; }
  virtual int size() const { return Size; }
  static int twice(int X = 2) { return 2 * X; }
  [[nodiscard]] const Iter &begin() const { return Cursor; }
  Buffer &operator=(const Buffer &Other) {
    Cursor = Data + (Other.Cursor - Other.Data);
    return *this;
  }
  operator bool() const { return Size != 0; } // NOLINT(some-check)
  struct Chunk {
    int length() const { return 4; }
  };
  void reset();

  // These stay in the class.
  Buffer(const Buffer &) = default;
  constexpr int zero() const { return 0; }
  auto deduced() const { return Size; }
  template <class T> T as() const { return T(Size); }

private:
  char Data[16];
  char *Cursor;
  int Size;
  static int Count;
};
int Buffer::Count = 0;
void Buffer::reset() { Cursor = Data; }

class Derived : public Buffer {
  int size() const override final { return 1; }
};
} // namespace app

// Templates stay whole in the header.
template <class T> struct Box {
  T get() const { return Value; }
  T Value;
};

// Internal linkage, inline and constexpr stay whole in the header.
static int helper() { return 1; }
namespace {
int hidden() { return 2; }
struct Local {
  int f() { return 3; }
};
} // namespace
inline int inlined() { return 4; }
constexpr int folded() { return 5; }
const int Limit = 6;

// Global variables are declared extern in the header.
std::vector<int> Registry;
int Counter = 3, Other;

extern "C" void c_function(int X) { (void)X; }

int use(int A, int B = 2) {
  app::Buffer Buf;
  return A + B + helper() + hidden() + inlined() + folded() + Limit +
         Counter + Buf.size();
}
