// With the options, the listed functions pin their arguments:
// RUN: %check_pincheck --frontend=tidy --check-suffix=OPT --config-file=%S/Inputs/pin-move-after-pin-options.yaml %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli --check-suffix=OPT --config-file=%S/Inputs/pin-move-after-pin-options.yaml %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin --check-suffix=OPT --config-file=%S/Inputs/pin-move-after-pin-options.yaml %s pin-move-after-pin %t
// Without them, nothing is reported:
// RUN: %check_pincheck --frontend=tidy %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=cli %s pin-move-after-pin %t
// RUN: %check_pincheck --frontend=plugin %s pin-move-after-pin %t

struct Handle {
  int fd = -1;
};
struct Stream {
  char buffer[64];
};
extern "C" void register_handle(int loop, Handle *handle);
extern "C" void attach_stream(Stream *stream);
extern "C" void legacy_track(Stream *stream, int flags);

void pinningFunctions() {
  Handle h;
  register_handle(0, &h);
  Handle copy = h;
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:17: warning: copying 'h' of type 'Handle' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES-OPT: :[[@LINE-3]]:3: note: 'h' is pinned here: 'register_handle' keeps the address: it is listed in the PinningFunctions option
// CHECK-MESSAGES-OPT: :[[@LINE-3]]:10: note: bind a reference to 'h' instead of copying it
  Stream s;
  attach_stream(&s);
  Stream moved = static_cast<Stream &&>(s);
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:18: warning: moving 's' of type 'Stream' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES-OPT: :[[@LINE-3]]:3: note: 's' is pinned here: 'attach_stream' keeps the address: it is listed in the PinningFunctions option
}

void escapingFunctions() {
  Stream s;
  legacy_track(&s, 0);
  Stream copy = s;
// CHECK-MESSAGES-OPT: :[[@LINE-1]]:17: warning: copying 's' of type 'Stream' after it was pinned [pin-move-after-pin]
// CHECK-MESSAGES-OPT: :[[@LINE-3]]:3: note: 's' is pinned here: 'legacy_track' is listed in the EscapingFunctions option
// CHECK-MESSAGES-OPT: :[[@LINE-3]]:10: note: bind a reference to 's' instead of copying it
}

// Only the listed argument index pins.
void otherArgument() {
  Handle h;
  register_handle(0, nullptr);
  Handle copy = h;
}
