// Forms of correct self-reference found in library headers (docs/precision.md),
// reduced to their essentials, with their positive twins.
// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

#include <utility>
#include <vector>

// A trivially copyable view owns nothing: a pointer into what it views is
// not a pointer into the object (llvm::CombinationGenerator).
struct IntView {
  const int *Data = nullptr;
  unsigned long Size = 0;
  const int *begin() const { return Data; }
};
struct ViewCursor {
  IntView Range;
  const int *Position = nullptr;
  void rewind() { Position = Range.begin(); }
};

// A pointer member's pointee is another object (Qt's mutable iterators).
struct ExternalCursor {
  std::vector<int> *Container;
  std::vector<int>::iterator Position;
  explicit ExternalCursor(std::vector<int> &C) : Container(&C) {
    Position = Container->begin();
  }
};

// Reading the element a reference accessor returns is not an address into
// the container, also under a template's dependent cast (BumpPtrAllocator).
template <class T> struct InlineSlabs {
  void *Slots[4];
  void *&front() { return Slots[0]; }
};
template <class T = int> class Arena {
  InlineSlabs<T> Slabs;
  char *Current = nullptr;

public:
  Arena() = default;
  Arena(Arena &&Other) : Slabs(Other.Slabs), Current(Other.Current) {}
  void start() { Current = (char *)Slabs.front(); }
};

// A re-seat on one path is the small-buffer move; the copy of the pointer
// on the other path is the heap case (libc++'s basic_filebuf).
class SmallBuffer {
public:
  SmallBuffer() : Data(Inline) {}
  SmallBuffer(SmallBuffer &&Other) {
    if (Other.Data == Other.Inline)
      Data = Inline;
    else
      Data = Other.Data;
  }
  SmallBuffer &operator=(SmallBuffer &&) = delete;

private:
  char Inline[16];
  char *Data;
};

// Positive twin: the heap path only.
class HeapPathOnly {
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: moving 'HeapPathOnly' leaves 'Data' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+13]]:9: note: interior pointer 'Data' declared here
// CHECK-MESSAGES: :[[@LINE+3]]:25: note: 'Data' is set here to the address of member 'Inline' (inline storage)
// CHECK-MESSAGES: :[[@LINE+5]]:14: note: move constructor copies 'Data' from the source object instead of re-seating it
public:
  HeapPathOnly() : Data(Inline) {}
  HeapPathOnly(HeapPathOnly &&Other) {
    if (Other.Data != nullptr)
      Data = Other.Data;
  }
  HeapPathOnly &operator=(HeapPathOnly &&) = delete;

private:
  char Inline[16];
  char *Data;
};

// Assigning through a reference member writes the referent (libstdc++'s
// regex executor).
class Executor {
public:
  explicit Executor(std::vector<int> &Results) : Results(Results) {}
  void commit() { Results = Current; }

private:
  std::vector<int> Current;
  std::vector<int> &Results;
};

// A constructor that takes the object as a tag keeps nothing (libstdc++'s
// stop_source).
struct Self;
struct StateRef {
  explicit StateRef(const Self &) : State(new int(0)) {}
  int *State;
};
struct Self {
  StateRef Ref{*this};
};

// Positive twin: a constructor that keeps the reference.
struct Keeper {
  explicit Keeper(const struct KeptSelf &Owner) : Owner(&Owner) {}
  const KeptSelf *Owner;
};
struct KeptSelf {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'KeptSelf' leaves 'Keep' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:10: note: interior pointer 'Keep' declared here
// CHECK-MESSAGES: :[[@LINE+2]]:14: note: 'Keep' is set here to an object that holds the address of the object itself
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Keep' unchanged
  Keeper Keep{*this};
};

// A pointer set through a member of a dependent base, with the argument
// as its value (fmt's basic_memory_buffer): found, and the user-written
// move that re-seats through the same member is correct.
template <class T> class BufferBase {
  T *Ptr = nullptr;

protected:
  void set(T *Data) { Ptr = Data; }
};
template <class T> class ResettingBuffer : public BufferBase<T> {
  T Store[8];

public:
  ResettingBuffer() { this->set(Store); }
  ResettingBuffer(ResettingBuffer &&) { this->set(Store); }
  ResettingBuffer &operator=(ResettingBuffer &&) = delete;
};
template <class T> class CopiedBuffer : public BufferBase<T> {
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: copying or moving 'CopiedBuffer' leaves 'Ptr' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE-15]]:6: note: interior pointer 'Ptr' declared here
// CHECK-MESSAGES: :[[@LINE+5]]:30: note: 'Ptr' is set here to the address of member 'Store' (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:26: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Ptr' unchanged
  T Store[8];

public:
  CopiedBuffer() { this->set(Store); }
};

// A class template whose members re-seat through helpers called on `*this`
// (plain calls in the pattern) and whose move constructor relies on the
// default member initializer (examples/small_vector.h).
template <class T, unsigned N> class TemplateSmallVector {
public:
  TemplateSmallVector() = default;
  TemplateSmallVector(TemplateSmallVector &&Other) {
    if (Other.Data != Other.Inline)
      Data = Other.Data;
    Other.Data = Other.Inline;
  }
  TemplateSmallVector &operator=(TemplateSmallVector &&Other) {
    if (Other.Data == Other.Inline) {
      assign(Other);
    } else {
      release();
      Data = Other.Data;
    }
    return *this;
  }
  TemplateSmallVector(const TemplateSmallVector &) = delete;
  TemplateSmallVector &operator=(const TemplateSmallVector &) = delete;

private:
  void assign(const TemplateSmallVector &Other) { Inline[0] = Other.Inline[0]; }
  void release() {
    if (Data != Inline)
      delete[] Data;
    Data = Inline;
  }
  T *Data = Inline;
  T Inline[N];
};

// Positive twin: the move assignment copies the pointer on every path.
template <class T, unsigned N> class TemplateCopiedPointer {
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: moving 'TemplateCopiedPointer' leaves 'Data' pointing into the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+14]]:6: note: interior pointer 'Data' declared here
// CHECK-MESSAGES: :[[@LINE+13]]:13: note: 'Data' is set here to the address of member 'Inline' (inline storage)
// CHECK-MESSAGES: :[[@LINE+5]]:12: note: move assignment operator copies 'Data' from the source object instead of re-seating it
public:
  TemplateCopiedPointer() = default;
  TemplateCopiedPointer(TemplateCopiedPointer &&) = delete;
  TemplateCopiedPointer &operator=(TemplateCopiedPointer &&Other) {
    Data = Other.Data;
    return *this;
  }
  TemplateCopiedPointer(const TemplateCopiedPointer &) = delete;
  TemplateCopiedPointer &operator=(const TemplateCopiedPointer &) = delete;

private:
  T *Data = Inline;
  T Inline[N];
};
