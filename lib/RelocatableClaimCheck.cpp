//===--- RelocatableClaimCheck.cpp - pin-relocatable-claim ===//
//
// Part of pincheck. The check registers no matchers yet: see RelocatableClaimCheck.h.
//
//===----------------------------------------------------------------------===//

#include "RelocatableClaimCheck.h"
