#include "session.h"
#include <vector>

void grow(std::vector<Session> &Pool) { Pool.emplace_back(); }
