#ifndef NEEDED
#error compiled without -DNEEDED
#endif
struct Needed {
  char b[2];
  char *p = b;
};
