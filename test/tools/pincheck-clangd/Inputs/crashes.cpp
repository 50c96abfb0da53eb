// PINCHECK-TEST-CRASH
struct Crashes {
  char Buf[2];
  char *At = Buf;
};
