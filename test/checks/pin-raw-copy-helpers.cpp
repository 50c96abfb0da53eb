// RawCopyFunctions names helpers that copy bytes for their callers; the
// type is the pointee of the named argument at each call.
// RUN: %check_pincheck --frontend=tidy --check-suffix=HELPERS --config-file=%S/Inputs/raw-copy-functions.yaml %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=cli --check-suffix=HELPERS --config-file=%S/Inputs/raw-copy-functions.yaml %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=plugin --check-suffix=HELPERS --config-file=%S/Inputs/raw-copy-functions.yaml %s pin-raw-copy %t
// Without the option the helpers are ordinary functions:
// RUN: %check_pincheck --frontend=cli %s pin-raw-copy %t
// RUN: %check_pincheck --frontend=plugin %s pin-raw-copy %t

#include <cstdlib>
#include <cstring>
#include <string>

// Memory helpers that copy bytes for their callers (RawCopyFunctions).
void *resize_array(void *Array, int Count, int Size);
void CopyBlocks(void *Dest, const void *Source, int Count);

struct Entry {
  std::string Name;
};
struct Point {
  int X, Y;
};

void grow(Entry *Entries, Point *Points, Entry *Out) {
  Entries = static_cast<Entry *>(resize_array(Entries, 16, sizeof(Entry)));
// CHECK-MESSAGES-HELPERS: :[[@LINE-1]]:34: warning: 'resize_array' copies objects of type 'Entry' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-HELPERS: :[[@LINE-9]]:15: note: 'Entry' contains 'Name': 'std::string' keeps pointers into its own object (derived from the standard library's code)
  CopyBlocks(Out, Entries, 4);
// CHECK-MESSAGES-HELPERS: :[[@LINE-1]]:3: warning: 'CopyBlocks' copies objects of type 'Entry' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-HELPERS: :[[@LINE-12]]:15: note: 'Entry' contains 'Name': 'std::string' keeps pointers into its own object (derived from the standard library's code)
  // Negative twins: arrays of plain data, and an argument the option does
  // not name.
  Points = static_cast<Point *>(resize_array(Points, 16, sizeof(Point)));
  CopyBlocks(Out, Points, 4);
}
