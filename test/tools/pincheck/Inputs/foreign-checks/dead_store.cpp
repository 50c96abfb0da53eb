// A dead store the static analyzer reports, and a self-referential struct.
int compute(int x) {
  int unused = x * 2;
  unused = 3;
  return x;
}
struct Frame {
  char data[8];
  char *top = data;
};
