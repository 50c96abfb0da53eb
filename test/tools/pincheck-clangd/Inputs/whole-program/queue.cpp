#include "request.h"
#include <vector>

void enqueue(std::vector<Request> &Queue, const Request &R) {
  Queue.push_back(R);
}
