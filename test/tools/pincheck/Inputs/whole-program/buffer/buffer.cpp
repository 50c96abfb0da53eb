#include "buffer.h"

Buffer::Buffer(const Buffer &Other) : Cursor(Other.Cursor) {
  for (int I = 0; I < 64; ++I)
    Data[I] = Other.Data[I];
}
