// Qt 6 (qt6-base-dev): QString and QList share their buffers between
// copies; QVarLengthArray points at its inline storage and re-points on
// move; QObjects never move, and a lambda capturing 'this' connected to a
// signal keeps the object's address. Correct use is quiet.
// Qt's directories are system include directories, as CMake's Qt6::Core
// target makes them: LLVM 22's default header filter ('.*') would otherwise
// show the findings inside Qt's own code, which headers/qt6.test covers.
// REQUIRES: qt6
// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++17 -fPIC -isystem /usr/include/x86_64-linux-gnu/qt6 -isystem /usr/include/x86_64-linux-gnu/qt6/QtCore
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++17 -fPIC -isystem /usr/include/x86_64-linux-gnu/qt6 -isystem /usr/include/x86_64-linux-gnu/qt6/QtCore
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++17 -fPIC -isystem /usr/include/x86_64-linux-gnu/qt6 -isystem /usr/include/x86_64-linux-gnu/qt6/QtCore

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QTimer>
#include <QtCore/QVarLengthArray>

#include <cstring>
#include <utility>
#include <vector>

// A QObject subclass reacting to a timer with a lambda capturing 'this'.
// QObject disables copies and moves, so the address stays valid.
class Ticker : public QObject {
public:
  explicit Ticker(QObject *Parent = nullptr) : QObject(Parent) {
    connect(&Timer, &QTimer::timeout, this, [this] { ++Ticks; });
    Timer.start(10);
  }
  int ticks() const { return Ticks; }

private:
  QTimer Timer;
  int Ticks = 0;
};

struct Record {
  QString Name;
  QList<int> Values;
  QVarLengthArray<int, 8> Scratch;
};

QVarLengthArray<int, 4> makeArray() {
  QVarLengthArray<int, 4> A;
  A.append(1);
  A.append(2);
  return A;
}

void correctUse() {
  QString Text = QStringLiteral("hello");
  const QChar *Chars = Text.constData();
  QString Copy = Text; // Shares the buffer.
  (void)Chars;
  QString Moved = std::move(Copy);
  QList<QString> Names{Text, Moved};
  QList<QString> NamesCopy = Names;
  Names.append(QStringLiteral("x"));
  std::sort(Names.begin(), Names.end());

  QVarLengthArray<int, 4> A = makeArray();
  QVarLengthArray<int, 4> B = A;
  QVarLengthArray<int, 4> C = std::move(A);
  C.append(3);
  std::vector<QVarLengthArray<int, 4>> Rows;
  for (int I = 0; I < 20; ++I)
    Rows.push_back(makeArray());

  std::vector<Record> Records(2);
  Records.push_back(Record{Text, {1, 2}, {}});
  QList<Record> Shared;
  Shared.append(Records.front());

  Ticker T;
  (void)T.ticks();
}

// Misuse: a plain class connects a lambda capturing 'this' to a timer's
// signal; moving it into a vector leaves the connection calling the old
// object.
class Listener {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: copying or moving 'Listener' leaves the address its constructor hands to 'connect' pointing at the source object [pin-self-referential-type]
public:
  explicit Listener(QTimer &Timer) {
    QObject::connect(&Timer, &QTimer::timeout, [this] { ++Count; });
// CHECK-MESSAGES: :[[@LINE-1]]:48: note: the object's address escapes here: 'connect' keeps the callables it is given
// CHECK-MESSAGES: :[[@LINE-6]]:7: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
// CHECK-MESSAGES: :[[@LINE+7]]:7: note: moving 'Listener' inside 'std::vector<Listener>::push_back' will not compile once the fix-it deletes the move constructor
  }
  int Count = 0;
};

void keepListeners(QTimer &Timer, std::vector<Listener> &All) {
  Listener L(Timer);
  All.push_back(std::move(L));
// One mistake, one finding: the relocation, with the pin of the object it
// moves in (pin-move-after-pin leaves the statement to this check).
// CHECK-MESSAGES: :[[@LINE-3]]:3: warning: 'push_back' relocates elements of type 'Listener', whose moves leave them broken [pin-relocating-container]
// CHECK-MESSAGES: :[[@LINE-18]]:7: note: the constructor of 'Listener' hands out its address
// CHECK-MESSAGES: :[[@LINE-6]]:12: note: 'L' is pinned from its construction: the constructor of 'Listener' hands its address to 'connect'
// CHECK-MESSAGES: :[[@LINE-6]]:3: note: keep the elements in place with std::deque (insertion at the ends only), std::list, or std::vector<std::unique_ptr<Listener>>
}

// Misuse: copying the bytes of a QVarLengthArray.
void copyBytes(QVarLengthArray<int, 4> &Dst, const QVarLengthArray<int, 4> &Src) {
  std::memcpy(static_cast<void *>(&Dst), &Src, sizeof(Src));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'QVarLengthArray<int, 4>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: qvarlengtharray.h:{{[0-9]+}}:{{[0-9]+}}: note: 'QVarLengthArray<int, 4>' points 'ptr' into itself
}

// Negative twin: a QString's bytes are a pointer to shared data.
void copyStringBytes(QString &Dst, const QString &Src) {
  std::memcpy(static_cast<void *>(&Dst), &Src, sizeof(Src));
}
