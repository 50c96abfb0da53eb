//===--- timer_list.cpp - An intrusive list with a sentinel ---------------===//
//
// Part of the pincheck examples. Bug shape: an intrusive list whose sentinel
// points at itself, `Head.Next = &Head` (model section 1).
//
//===----------------------------------------------------------------------===//

#include "pincheck/pin.h"

#include <cstdint>

// The links of an intrusive doubly linked list. A node's neighbours point at
// it, so a linked node must not move.
struct ListLink {
  ListLink *Prev = nullptr;
  ListLink *Next = nullptr;
};

// A pending timer, linked into a TimerList through its base. PhantomPinned
// makes it a pinned marker: it may move until it is linked, never after.
struct Timer : ListLink {
  [[no_unique_address]] pin::PhantomPinned Pinned;
  std::uint64_t DeadlineMs = 0;
  void (*Fire)(Timer &) = nullptr;
};

namespace buggy {

// The timers of an event loop, in deadline order. The empty list is a
// sentinel whose links point at itself.
//
// BUG: the implicit copy and move copy Head's links unchanged. An empty copy
// points at the source's Head, so it is never empty; a non-empty copy shares
// the source's timers, whose links still lead back to the source's Head, and
// unlinking a timer through the copy corrupts the source.
class TimerList {
public:
  TimerList() { Head.Next = Head.Prev = &Head; }

  bool empty() const { return Head.Next == &Head; }

  void add(Timer &T) {
    T.Prev = Head.Prev;
    T.Next = &Head;
    Head.Prev->Next = &T;
    Head.Prev = &T;
  }

  void remove(Timer &T) {
    T.Prev->Next = T.Next;
    T.Next->Prev = T.Prev;
    T.Prev = T.Next = nullptr;
  }

private:
  ListLink Head;
};

} // namespace buggy

namespace fixed {

// The same list. A timer is in one list at a time, so copying is deleted; the
// move constructor and assignment re-seat the sentinel: they point the first
// and last timers at the new Head and leave the source empty.
class TimerList {
public:
  TimerList() { Head.Next = Head.Prev = &Head; }
  TimerList(const TimerList &) = delete;
  TimerList &operator=(const TimerList &) = delete;

  TimerList(TimerList &&Other) noexcept {
    Head.Next = Head.Prev = &Head;
    takeOver(Other);
  }

  TimerList &operator=(TimerList &&Other) noexcept {
    if (this != &Other) {
      clear();
      takeOver(Other);
    }
    return *this;
  }

  ~TimerList() { clear(); }

  bool empty() const { return Head.Next == &Head; }

  // The list keeps T's address: PIN_PINS tells pincheck that T is pinned
  // from this call on.
  void add(PIN_PINS Timer &T) {
    T.Prev = Head.Prev;
    T.Next = &Head;
    Head.Prev->Next = &T;
    Head.Prev = &T;
  }

  void remove(Timer &T) {
    T.Prev->Next = T.Next;
    T.Next->Prev = T.Prev;
    T.Prev = T.Next = nullptr;
  }

  // Unlinks every timer, so that none points at Head any more.
  void clear() {
    for (ListLink *L = Head.Next; L != &Head;) {
      ListLink *Next = L->Next;
      L->Prev = L->Next = nullptr;
      L = Next;
    }
    Head.Next = Head.Prev = &Head;
  }

private:
  void takeOver(TimerList &Other) {
    if (Other.empty())
      return;
    Head.Next = Other.Head.Next;
    Head.Prev = Other.Head.Prev;
    Head.Next->Prev = &Head;
    Head.Prev->Next = &Head;
    Other.Head.Next = Other.Head.Prev = &Other.Head;
  }

  ListLink Head;
};

// The timer lives as long as the connection that owns it; adding it pins it.
struct IdleTimeout {
  Timer T;
  void arm(TimerList &Timers, std::uint64_t Now) {
    T.DeadlineMs = Now + 30000;
    Timers.add(T);
  }
};

} // namespace fixed
