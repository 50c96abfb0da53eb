struct C {
  int value = 0;
};
