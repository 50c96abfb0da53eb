//===--- small_vector.h - A vector with inline storage ----------*- C++ -*-===//
//
// Part of the pincheck examples. A vector that keeps its first N elements
// inside the object and points at them with Data. Pointing into your own
// inline storage is fine when every copy and move re-seats the pointer from
// the new object, as this class does (model section 3).
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_EXAMPLES_SMALL_VECTOR_H
#define PINCHECK_EXAMPLES_SMALL_VECTOR_H

#include <algorithm>
#include <cstddef>
#include <type_traits>

// Trivially copyable elements only, to keep the example short.
template <class T, std::size_t N> class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>,
                "SmallVector holds trivially copyable elements");

public:
  SmallVector() = default;

  // Data is not in the initializer list: its default initializer aims it at
  // this object's Inline, never at Other's.
  SmallVector(const SmallVector &Other) { assign(Other); }

  SmallVector(SmallVector &&Other) noexcept {
    if (Other.isSmall()) {
      // Inline elements are copied into our own Inline.
      std::copy(Other.Data, Other.Data + Other.Size, Inline);
    } else {
      // A heap buffer is taken over: it does not move, so Data stays valid.
      Data = Other.Data;
      Capacity = Other.Capacity;
      Other.Data = Other.Inline;
      Other.Capacity = N;
    }
    Size = Other.Size;
    Other.Size = 0;
  }

  SmallVector &operator=(const SmallVector &Other) {
    if (this != &Other)
      assign(Other);
    return *this;
  }

  SmallVector &operator=(SmallVector &&Other) noexcept {
    if (this == &Other)
      return *this;
    if (Other.isSmall()) {
      assign(Other);
    } else {
      freeHeap();
      Data = Other.Data;
      Capacity = Other.Capacity;
      Size = Other.Size;
      Other.Data = Other.Inline;
      Other.Capacity = N;
    }
    Other.Size = 0;
    return *this;
  }

  ~SmallVector() { freeHeap(); }

  std::size_t size() const { return Size; }
  bool isSmall() const { return Data == Inline; }
  T *data() { return Data; }
  const T *data() const { return Data; }
  T &operator[](std::size_t I) { return Data[I]; }
  const T &operator[](std::size_t I) const { return Data[I]; }

  void insert(std::size_t Pos, const T &Value) {
    if (Size == Capacity)
      grow(Capacity * 2);
    std::copy_backward(Data + Pos, Data + Size, Data + Size + 1);
    Data[Pos] = Value;
    ++Size;
  }

  void erase(std::size_t Pos) {
    std::copy(Data + Pos + 1, Data + Size, Data + Pos);
    --Size;
  }

private:
  void assign(const SmallVector &Other) {
    if (Other.Size > Capacity)
      grow(Other.Size);
    std::copy(Other.Data, Other.Data + Other.Size, Data);
    Size = Other.Size;
  }

  void grow(std::size_t NewCapacity) {
    T *NewData = new T[NewCapacity];
    std::copy(Data, Data + Size, NewData);
    freeHeap();
    Data = NewData;
    Capacity = NewCapacity;
  }

  void freeHeap() {
    if (!isSmall())
      delete[] Data;
    Data = Inline;
    Capacity = N;
  }

  T *Data = Inline; // This object's Inline, or a heap buffer once full.
  std::size_t Size = 0;
  std::size_t Capacity = N;
  T Inline[N];
};

#endif // PINCHECK_EXAMPLES_SMALL_VECTOR_H
