// Boost (libboost-dev): container::small_vector re-points its inline buffer
// on move; intrusive::list links nodes that stay in place, with safe-mode
// and auto-unlink hooks whose copies start unlinked. Correct use is quiet;
// moving a linked node or copying a small_vector's bytes is not.
// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++17

#include <boost/container/small_vector.hpp>
#include <boost/container/static_vector.hpp>
#include <boost/intrusive/list.hpp>
#include <boost/intrusive/set.hpp>
#include <boost/intrusive/slist.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace bi = boost::intrusive;

struct Task : bi::list_base_hook<bi::link_mode<bi::safe_link>> {
  explicit Task(int Id) : Id(Id) {}
  int Id;
};

struct Session
    : bi::list_base_hook<bi::link_mode<bi::auto_unlink>> {
  std::string Name;
};

using TaskList = bi::list<Task>;
using SessionList = bi::list<Session, bi::constant_time_size<false>>;

boost::container::small_vector<int, 4> makeSmall() {
  boost::container::small_vector<int, 4> V{1, 2, 3};
  return V;
}

void correctUse() {
  boost::container::small_vector<int, 4> A = makeSmall();
  boost::container::small_vector<int, 4> B = A;
  boost::container::small_vector<int, 4> C = std::move(A);
  std::swap(B, C);
  std::vector<boost::container::small_vector<std::string, 2>> Rows(4);
  Rows.emplace_back(3, "x");
  std::sort(Rows.begin(), Rows.end());

  // The nodes stay where they are; the lists link them.
  std::vector<Task> Storage;
  Storage.reserve(3);
  for (int I = 0; I < 3; ++I)
    Storage.emplace_back(I);
  TaskList Queue;
  for (Task &T : Storage)
    Queue.push_back(T);
  TaskList Moved = std::move(Queue); // The list moves its sentinel.
  Moved.clear();

  Session First, Second;
  SessionList Sessions;
  Sessions.push_back(First);
  Sessions.push_back(Second);
  Sessions.clear();
}

// Misuse: a node linked into a list is moved into a vector that may
// reallocate; the list keeps pointing at the old node.
void moveLinkedNode(TaskList &Queue, std::vector<Task> &Archive) {
  Task Current(7);
  Queue.push_back(Current);
  Archive.push_back(std::move(Current));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 'Current' of type 'Task' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'Current' is pinned here: 'push_back' keeps the address: an intrusive container links the element in place
  Queue.clear();
}

// Negative twin: the archive gets a new node built from the linked one's
// data; the linked node stays where the list points.
void copyLinkedNodeData(TaskList &Queue, std::vector<Task> &Archive) {
  Task Current(8);
  Queue.push_back(Current);
  Queue.clear();
  Archive.push_back(Task(Current.Id));
}

// Misuse: copying the bytes of a small_vector.
void copyBytes(boost::container::small_vector<int, 4> &Dst,
               const boost::container::small_vector<int, 4> &Src) {
  std::memcpy(static_cast<void *>(&Dst), &Src, sizeof(Src));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'boost::container::small_vector<int, 4>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-2]]:3: note: 'boost::container::small_vector<int, 4>' keeps pointers into its own object (from pincheck's table of library types)
}

// Negative twin: a static_vector keeps its elements inline without a
// pointer to them.
void copyStaticBytes(boost::container::static_vector<int, 4> &Dst,
                     const boost::container::static_vector<int, 4> &Src) {
  std::memcpy(static_cast<void *>(&Dst), &Src, sizeof(Src));
}

// Other hooks and containers: a set linked by a base hook, a list by a
// member hook, an slist. Moving a linked element is reported; a copy of a
// linked element starts unlinked (the hooks' copy constructors), so it is
// a new node and the linked one stays in place.
struct Deadline : bi::set_base_hook<> {
  int At = 0;
  std::string Name;
  friend bool operator<(const Deadline &A, const Deadline &B) {
    return A.At < B.At;
  }
};
struct Job {
  std::string Name;
  bi::list_member_hook<> Hook;
};
using JobList =
    bi::list<Job, bi::member_hook<Job, bi::list_member_hook<>, &Job::Hook>>;
struct Frame : bi::slist_base_hook<> {
  int Depth = 0;
};

void moveLinkedDeadline(bi::set<Deadline> &Timers,
                        std::vector<Deadline> &Fired) {
  Deadline D;
  Timers.insert(D);
  Fired.push_back(std::move(D));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: moving 'D' of type 'Deadline' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'D' is pinned here: 'insert' keeps the address: an intrusive container links the element in place
  Timers.clear();
}
void moveLinkedJob(JobList &Jobs) {
  Job J;
  Jobs.push_front(J);
  Job Taken = std::move(J);
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: moving 'J' of type 'Job' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'J' is pinned here: 'push_front' keeps the address: an intrusive container links the element in place
  Jobs.clear();
}
void swapLinkedFrame(bi::slist<Frame> &Stack, Frame &Other) {
  Frame F;
  Stack.push_front(F);
  std::swap(F, Other);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: swapping 'F' of type 'Frame' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'F' is pinned here: 'push_front' keeps the address: an intrusive container links the element in place
  Stack.clear();
}

// Negative twins: an unlinked element moved before it is linked, a copy of
// a linked one, and an element moved after the container unlinked it.
void unlinkedMoved(bi::set<Deadline> &Timers, std::vector<Deadline> &Spare) {
  Deadline D;
  Spare.push_back(std::move(D));
  Timers.insert(Spare.back());
  Timers.clear();
}
void copyLinked(bi::set<Deadline> &Timers, std::vector<Deadline> &Log) {
  Deadline D;
  Timers.insert(D);
  Log.push_back(D);
  Deadline Snapshot = D;
  (void)Snapshot;
  Timers.clear();
}
