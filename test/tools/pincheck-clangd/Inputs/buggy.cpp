// A self-referential class, and a warning of clangd's own (-Wall).
class Cursor {
public:
  void reset() { At = Data; }

private:
  char Data[16];
  char *At = Data;
};

int unusedVariable() {
  int Unused = 0;
  return 1;
}
