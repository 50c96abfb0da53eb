//===--- RelocatingContainerCheck.cpp - pin-relocating-container ===//
//
// Part of pincheck. The check registers no matchers yet: see RelocatingContainerCheck.h.
//
//===----------------------------------------------------------------------===//

#include "RelocatingContainerCheck.h"
