// With PINCHECK_TEST_CRASH=PINCHECK-TEST-CRASH in the environment, the
// analysis of this file crashes, and with PINCHECK_TEST_STACK_OVERFLOW set
// to the same, overflows the stack (tools/common/TestCrash.h).
struct Crashes {
  char buf[2];
  char *cur = buf;
};
