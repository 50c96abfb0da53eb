// Under Clang the macros of pin.h attach the annotate attributes that the
// analyzer reads (lib/Model/Annotations.h) to the declaration they are
// written on: the class, the parameter, the member function.
//
// The filter keeps the dump to this file's namespace (the whole dump, with
// <memory>, is megabytes); the second run looks at pin::PhantomPinned.
//
// clang-format off
// RUN: %clangxx -std=c++17 -fsyntax-only -Xclang -ast-dump -Xclang -ast-dump-filter -Xclang annotated -I%pincheck_include %s | FileCheck %s
// RUN: %clangxx -std=c++17 -fsyntax-only -Xclang -ast-dump -Xclang -ast-dump-filter -Xclang pin::PhantomPinned -I%pincheck_include %s | FileCheck --check-prefix=MARKER %s
// clang-format on

#include "pincheck/pin.h"

// MARKER: CXXRecordDecl {{.*}} struct PhantomPinned definition
// MARKER: AnnotateAttr {{.*}} "pin::pinned"{{$}}

namespace annotated {

// CHECK-LABEL: CXXRecordDecl {{.*}} class Socket definition
// CHECK: AnnotateAttr {{.*}} "pin::pinned"{{$}}
class PIN_PINNED Socket {
public:
  // CHECK-LABEL: CXXMethodDecl {{.*}} start 'void ()'
  // CHECK-NEXT: AnnotateAttr {{.*}} "pin::pins_this"{{$}}
  PIN_PINS_THIS void start();
  // CHECK-LABEL: CXXMethodDecl {{.*}} stop 'void ()'
  // CHECK-NOT: AnnotateAttr
  void stop();
};

// CHECK-LABEL: CXXRecordDecl {{.*}} struct Buffer definition
// CHECK: AnnotateAttr {{.*}} "pin::unpin"{{$}}
struct PIN_UNPIN Buffer {
  char *Cursor;
};

// CHECK-LABEL: CXXRecordDecl {{.*}} class Plain definition
// CHECK-NOT: AnnotateAttr
class Plain {};

// CHECK-LABEL: FunctionDecl {{.*}} watch 'void (Socket &)'
// CHECK-NEXT: ParmVarDecl {{.*}} S 'Socket &'
// CHECK-NEXT: AnnotateAttr {{.*}} "pin::pins"{{$}}
void watch(PIN_PINS Socket &S);

// Only the annotated parameter carries the attribute.
// CHECK-LABEL: FunctionDecl {{.*}} watchSecond 'void (int, Socket *)'
// CHECK-NEXT: ParmVarDecl {{.*}} Timeout 'int'
// CHECK-NEXT: ParmVarDecl {{.*}} S 'Socket *'
// CHECK-NEXT: AnnotateAttr {{.*}} "pin::pins"{{$}}
void watchSecond(int Timeout, PIN_PINS Socket *S);

// CHECK-LABEL: ClassTemplateDecl {{.*}} Future
// CHECK: CXXRecordDecl {{.*}} class Future definition
// CHECK: AnnotateAttr {{.*}} "pin::pinned"{{$}}
// CHECK: CXXMethodDecl {{.*}} poll 'void ()'
// CHECK-NEXT: AnnotateAttr {{.*}} "pin::pins_this"{{$}}
template <class T> class PIN_PINNED Future {
public:
  PIN_PINS_THIS void poll();
  T Value;
};

// CHECK-LABEL: CXXRecordDecl {{.*}} class Task definition
// CHECK-NOT: AnnotateAttr
// CHECK: FieldDecl {{.*}} Marker 'pin::PhantomPinned'
// CHECK-NEXT: NoUniqueAddressAttr
class Task {
  [[no_unique_address]] pin::PhantomPinned Marker;
};

} // namespace annotated
