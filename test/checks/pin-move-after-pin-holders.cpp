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

// The address reaches the holder through a by-value argument of its
// constructor: `Sink S(&Out)` converts `&Out` to the `RawSink` that
// `Sink(RawSink)` keeps (abseil's FormatSinkImpl and FormatRawSinkImpl).
// The converted object lives no longer than `S`, so neither does the pin.
class RawSink {
public:
  template <class T> RawSink(T *P) : P(P) {}

private:
  void *P;
};
class Sink {
public:
  explicit Sink(RawSink R) : R(R) {}

private:
  RawSink R;
};
bool fill(Sink *S);
std::string sinkInBlock() {
  std::string Out;
  {
    Sink S(&Out);
    if (!fill(&S))
      return "";
  }
  return Out;
}
// Twin: moved while the sink still holds the address.
std::string sinkStillHolds() {
  std::string Out;
  Sink S(&Out);
  std::string Taken = std::move(Out);
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: moving 'Out' of type 'std::string' (aka 'basic_string<char>') after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES: :[[@LINE-3]]:10: note: 'Out' is pinned here: 'RawSink' stores the address in member 'P'
  fill(&S);
  return Taken;
}
