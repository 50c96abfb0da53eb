// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// A type whose interior pointer is set by its constructor: split, the class
// is in the header and the constructor in the members file, and the unit
// that compiles the constructor reports the class in the header.
class Cursor {
public:
  Cursor() : At(Buffer) {}
  void reset() { At = Buffer; }

private:
  char Buffer[8];
  char *At;
};
int use() {
  Cursor C;
  C.reset();
  return 0;
}
