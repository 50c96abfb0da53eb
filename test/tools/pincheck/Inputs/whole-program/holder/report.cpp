#include "status.h"
#include <vector>

void record(std::vector<Status> &Log) { Log.emplace_back(); }
