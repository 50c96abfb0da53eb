// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// Each NOLINT form silences the finding; a NOLINT for another check does not.

struct Silenced { // NOLINT(pin-self-referential-type)
  char buf[8];
  char *top = buf;
};

// NOLINTNEXTLINE(pin-self-referential-type)
struct SilencedNext {
  char buf[8];
  char *top = buf;
};

// NOLINTBEGIN(pin-*)
struct SilencedBlock {
  char buf[8];
  char *top = buf;
};
// NOLINTEND(pin-*)

struct OtherCheck { // NOLINT(bugprone-use-after-move)
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'OtherCheck' leaves 'top' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:9: note: interior pointer 'top' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:15: note: 'top' is set here to the address of member 'buf' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'top' unchanged
  char buf[8];
  char *top = buf;
};
