// A warning with its own fix-it (delete the copy and move operations), and
// warnings whose repairs are fix-its on notes.
// pincheck/pin.h's annotations, spelled out: no standard header to parse.
#define PIN_PINNED [[clang::annotate("pin::pinned")]]
#define PIN_PINS [[clang::annotate("pin::pins")]]

struct Buffer {
  char Data[8];
  char *Cursor = Data;
};

struct PIN_PINNED Task {
  int Id = 0;
};
void watch(PIN_PINS Task &T);
int use(const Task &T) { return T.Id; }

int copies() {
  Task T;
  watch(T);
  auto Copy = T;
  return use(Copy);
}
