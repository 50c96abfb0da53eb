#pragma once

class Buffer {
public:
  Buffer() : Cursor(Data) {}
  Buffer(const Buffer &Other);
  Buffer &operator=(const Buffer &) = delete;

private:
  char Data[64];
  char *Cursor;
};
