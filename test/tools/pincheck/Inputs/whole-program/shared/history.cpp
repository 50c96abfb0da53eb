#include "line.h"

void remember(Line &Last, const Line &Typed) { Last = Typed; }
