// RUN: %check_pincheck --frontend=tidy %s pin-raw-copy,pin-relocating-container %t
// RUN: %check_pincheck --frontend=cli %s pin-raw-copy,pin-relocating-container %t
// RUN: %check_pincheck --frontend=plugin %s pin-raw-copy,pin-relocating-container %t

// Code that cannot run: a byte copy or a relocation in a branch whose
// condition is a constant for the instantiation is not reported for it.

#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

// A copy helper that takes the byte path only for trivially copyable types.
template <class T> void copyAll(T *Dest, const T *Source, int N) {
  if (std::is_trivially_copyable<T>::value)
    std::memcpy(Dest, Source, N * sizeof(T));
  else
    for (int I = 0; I < N; ++I)
      Dest[I] = Source[I];
}
// The same with a conditional expression and with `if constexpr`.
template <class T> void copyOne(T &Dest, const T &Source) {
  sizeof(T) <= sizeof(long) && std::is_trivially_copyable<T>::value
      ? (void)std::memcpy(&Dest, &Source, sizeof(T))
      : (void)(Dest = Source);
}
template <class T> void copyConstexpr(T *Dest, const T *Source, int N) {
  if constexpr (std::is_trivially_copyable_v<T>)
    std::memcpy(Dest, Source, N * sizeof(T));
  else
    for (int I = 0; I < N; ++I)
      Dest[I] = Source[I];
}
// A relocation the instantiation cannot reach.
struct Node {
  Node *Self = this;
};
template <class T> void keep(std::vector<T> &All, const T &Item) {
  if (!std::is_same<T, Node>::value)
    All.push_back(Item);
}

void use(std::string *A, const std::string *B, int *C, const int *D,
         std::vector<Node> &Nodes, std::vector<int> &Ints) {
  copyAll(A, B, 2);
  copyAll(C, D, 2);
  copyOne(*A, *B);
  copyOne(*C, *D);
  copyConstexpr(A, B, 2);
  keep(Nodes, Node{});
  keep(Ints, 1);
}
// Positive twin: a byte copy the instantiation does run.
template <class T> void alwaysBytes(T *Dest, const T *Source) {
  if (sizeof(T) > 0)
    std::memcpy(Dest, Source, sizeof(T));
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'memcpy' copies objects of type 'std::basic_string<char>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'std::basic_string<char>' keeps pointers into its own object (derived from the standard library's code)
}
void wrong(std::string *A, const std::string *B) { alwaysBytes(A, B); }
