// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

// A pin ends when the holder dies (docs/model.md, "How long a pin lasts"):
// an address kept by a local object or container pins only while it lives.

#include <string>
#include <utility>
#include <vector>

struct Status {
  std::string Message;
};
struct LogReporter {
  const Status *Reported = nullptr;
};
struct Watcher {
  explicit Watcher(Status &S) : Target(&S) {}
  Status *Target;
};
void log(const LogReporter &R);

// An address kept by a local object pins only while that object lives.
void reporterInBlock() {
  Status S;
  {
    LogReporter Reporter;
    Reporter.Reported = &S;
    log(Reporter);
  }
  Status T = std::move(S);
}
// Positive twin: the reporter is still alive at the move.
void reporterAlive() {
  Status S;
  LogReporter Reporter;
  Reporter.Reported = &S;
  Status T = std::move(S);
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: moving 'S' of type 'Status' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'S' is pinned here: its address is stored in 'Reporter'
  log(Reporter);
}
// A local container, and a local object constructed with the address.
void containerInBlock() {
  Status S;
  {
    std::vector<Status *> Pending;
    Pending.push_back(&S);
  }
  Status T = S;
}
void watcherInBlock() {
  Status S;
  {
    Watcher W(S);
  }
  Status T = S;
}
void watcherAlive() {
  Status S;
  Watcher W(S);
  Status T = S;
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: copying 'S' of type 'Status' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:11: note: 'S' is pinned here: 'Watcher' stores the address in member 'Target'
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: bind a reference to 'S' instead of copying it
}
// A callee that keeps the address in its own locals pins nothing after the
// call.
void inspect(Status &S) {
  LogReporter Local;
  Local.Reported = &S;
  log(Local);
}
void callee() {
  Status S;
  inspect(S);
  Status T = S;
}
