#pragma once

// leveldb's SnapshotList, reduced: a sentinel linked to itself.
struct Node {
  Node* prev_;
  Node* next_;
};

class SnapshotList {
 public:
  SnapshotList() {
    head_.prev_ = &head_;
    head_.next_ = &head_;
  }

 private:
  Node head_;
};
