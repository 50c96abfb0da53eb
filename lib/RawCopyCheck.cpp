//===--- RawCopyCheck.cpp - pin-raw-copy ===//
//
// Part of pincheck. The check registers no matchers yet: see RawCopyCheck.h.
//
//===----------------------------------------------------------------------===//

#include "RawCopyCheck.h"
