//===--- MoveAfterPinCheck.cpp - pin-move-after-pin ===//
//
// Part of pincheck. The check registers no matchers yet: see MoveAfterPinCheck.h.
//
//===----------------------------------------------------------------------===//

#include "MoveAfterPinCheck.h"
