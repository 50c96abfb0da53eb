#pragma once

// A line being typed: End points into the object's own buffer.
struct Line {
  char Buf[32];
  char *End = Buf;
  void append(char C) { *End++ = C; }
};
