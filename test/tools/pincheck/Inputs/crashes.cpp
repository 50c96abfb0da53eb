// With PINCHECK_TEST_CRASH=PINCHECK-TEST-CRASH in the environment, the
// analysis of this file crashes (tools/common/TestCrash.h).
struct Crashes {
  char buf[2];
  char *cur = buf;
};
