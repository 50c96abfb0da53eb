#pragma once
struct Box {
  char Buf[4];
  char *P = Buf;
};
