struct Buggy {
  char buf[4];
  char *cur = buf;
};
