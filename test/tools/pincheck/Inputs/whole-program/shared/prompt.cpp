#include "line.h"

int typed(const Line &L) { return static_cast<int>(L.End - L.Buf); }
