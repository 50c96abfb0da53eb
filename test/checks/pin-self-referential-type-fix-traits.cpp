// RUN: %check_pincheck --frontend=tidy --fix-notes %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli --fix-notes %s pin-self-referential-type %t

// Deleting a class's copies and moves changes what type traits say of it.
// Where the user's code asks (`if constexpr`, `enable_if`, a builtin), the
// program could change meaning without failing to compile: the fix-it moves
// from the warning to a note at the question, for the user to apply after
// checking what depends on the answer. Applied (--fix-notes), the program
// still compiles (check_pincheck.py compiles the fixed file).

#include <cstring>
#include <type_traits>

struct Packet {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Packet' leaves 'Cur' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:9: note: interior pointer 'Cur' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:15: note: 'Cur' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Cur' unchanged
// CHECK-MESSAGES: :[[@LINE+12]]:17: note: 'std::is_trivially_copyable_v' asks about 'Packet' here, and deleting its copy and move operations changes the answer; check what depends on it before applying this fix-it
  char Buf[16];
  char *Cur = Buf;
};
// CHECK-FIXES:      {{^}}struct Packet {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Packet() = default;{{$}}
// CHECK-FIXES-NEXT: {{^}}  Packet(const Packet &) = delete;{{$}}

// Copied with memcpy when trivially copyable, by assignment otherwise: after
// the fix, the other branch (which no longer compiles for a Packet, but is
// discarded) would be taken.
template <class T> void store(T &To, const T &From) {
  if constexpr (std::is_trivially_copyable_v<T>)
    std::memcpy(static_cast<void *>(&To), &From, sizeof(T));
}
void storePacket(Packet &To, const Packet &From) { store(To, From); }

// The class form, in a SFINAE condition.
struct Frame {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Frame' leaves 'Cur' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:9: note: interior pointer 'Cur' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:15: note: 'Cur' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Cur' unchanged
// CHECK-MESSAGES: :[[@LINE+8]]:18: note: 'std::is_copy_constructible' asks about 'Frame' here, and deleting its copy and move operations changes the answer; check what depends on it before applying this fix-it
  char Buf[16];
  char *Cur = Buf;
};
// CHECK-FIXES:      {{^}}struct Frame {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Frame() = default;{{$}}

template <class T>
std::enable_if_t<std::is_copy_constructible<T>::value, int> kind(const T &) {
  return 1;
}
template <class T>
std::enable_if_t<!std::is_copy_constructible<T>::value, int> kind(const T &) {
  return 0;
}
int frameKind(const Frame &F) { return kind(F); }

// Clang's builtin.
struct Slot {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Slot' leaves 'Cur' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+5]]:9: note: interior pointer 'Cur' declared here
// CHECK-MESSAGES: :[[@LINE+4]]:15: note: 'Cur' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Cur' unchanged
// CHECK-MESSAGES: :[[@LINE+6]]:29: note: '__is_trivially_copyable' asks about 'Slot' here, and deleting its copy and move operations changes the answer; check what depends on it before applying this fix-it
  char Buf[16];
  char *Cur = Buf;
};
// CHECK-FIXES:      {{^}}struct Slot {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Slot() = default;{{$}}
constexpr bool SlotIsFlat = __is_trivially_copyable(Slot);

// Negative twins: questions the fix-it does not change (whether it is a
// class, its size, default construction), and questions about another
// class. The fix-it stays on the warning.
struct Plain {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Plain' leaves 'Cur' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:9: note: interior pointer 'Cur' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:15: note: 'Cur' is set here to the address of member 'Buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Cur' unchanged
  char Buf[16];
  char *Cur = Buf;
};
// CHECK-FIXES:      {{^}}struct Plain {{{$}}
// CHECK-FIXES-NEXT: {{^}}  Plain() = default;{{$}}
static_assert(std::is_class_v<Plain>, "");
static_assert(sizeof(Plain) > 16, "");
static_assert(std::is_default_constructible<Plain>::value, "");
static_assert(std::is_constructible_v<Plain>, "");
static_assert(std::is_trivially_copyable_v<int>, "");
static_assert(!std::is_constructible_v<Plain, int>, "");
