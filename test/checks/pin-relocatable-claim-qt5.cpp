// Qt's Q_DECLARE_TYPEINFO against the real Qt 5 headers (qtbase5-dev).
// REQUIRES: qt5
// RUN: %check_pincheck --frontend=tidy %s pin-relocatable-claim %t -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore
// RUN: %check_pincheck --frontend=cli %s pin-relocatable-claim %t -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore
// RUN: %check_pincheck --frontend=plugin %s pin-relocatable-claim %t -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore

#include <QtCore/QString>
#include <QtCore/qtypeinfo.h>

// A self-referential type declared relocatable: the fix-it turns the flag
// into Q_COMPLEX_TYPE.
struct Cursor {
  char data[16];
  char *at = data;
};
Q_DECLARE_TYPEINFO(Cursor, Q_RELOCATABLE_TYPE);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'Q_DECLARE_TYPEINFO' declares 'Cursor' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE-4]]:9: note: 'Cursor' points 'at' into itself
// CHECK-FIXES: {{^}}Q_DECLARE_TYPEINFO(Cursor, Q_COMPLEX_TYPE);{{$}}

struct Ring {
  Ring *next = this;
};
Q_DECLARE_TYPEINFO(Ring, Q_MOVABLE_TYPE);
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'Q_DECLARE_TYPEINFO' declares 'Ring' relocatable, but its objects must not move [pin-relocatable-claim]
// CHECK-MESSAGES: :[[@LINE-4]]:9: note: 'Ring' points 'next' into itself
// CHECK-FIXES: {{^}}Q_DECLARE_TYPEINFO(Ring, Q_COMPLEX_TYPE);{{$}}

// Negative twins: relocatable in fact (a QString member, a heap pointer),
// and a self-referential type declared complex.
struct Label {
  QString text;
  int width = 0;
};
Q_DECLARE_TYPEINFO(Label, Q_RELOCATABLE_TYPE);
struct Handle {
  int *resource = nullptr;
};
Q_DECLARE_TYPEINFO(Handle, Q_PRIMITIVE_TYPE);
struct Sentinel {
  Sentinel *self = this;
};
Q_DECLARE_TYPEINFO(Sentinel, Q_COMPLEX_TYPE);
