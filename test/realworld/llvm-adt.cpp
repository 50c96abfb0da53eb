// LLVM ADT (llvm-N-dev): SmallVector, SmallString, StringMap, simple_ilist,
// iplist and DenseMap used as applications use them. Their inline buffers
// and sentinels are handled by their own copies and moves, so correct use
// is quiet; copying their bytes is not.
// RUN: %check_pincheck --frontend=tidy %s 'pin-*' %t -- -std=c++17 -idirafter %llvm_include
// RUN: %check_pincheck --frontend=cli %s 'pin-*' %t -- -std=c++17 -idirafter %llvm_include
// RUN: %check_pincheck --frontend=plugin %s 'pin-*' %t -- -std=c++17 -idirafter %llvm_include

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/ilist.h>
#include <llvm/ADT/ilist_node.h>
#include <llvm/ADT/simple_ilist.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

struct Item : llvm::ilist_node<Item> {
  explicit Item(int Value) : Value(Value) {}
  int Value;
};

// A class of the application holding ADT members: its implicit copies and
// moves are those of the members, which re-point their inline buffers.
class Symbols {
public:
  void add(llvm::StringRef Name) {
    Names.push_back(Name.str());
    Index[Name] = Names.size();
    Scratch.append(Name);
  }

private:
  llvm::SmallVector<std::string, 4> Names;
  llvm::StringMap<size_t> Index;
  llvm::SmallString<32> Scratch;
  llvm::DenseMap<int, llvm::SmallVector<int, 2>> Uses;
};

llvm::SmallVector<int, 8> makeSmall() {
  llvm::SmallVector<int, 8> V = {3, 1, 2};
  return V; // NRVO or a move: both re-point the buffer.
}

Symbols makeSymbols() {
  Symbols S;
  S.add("main");
  return S;
}

void correctUse() {
  llvm::SmallVector<int, 8> A = makeSmall();
  llvm::SmallVector<int, 8> B = A;
  llvm::SmallVector<int, 8> C = std::move(A);
  std::swap(B, C);
  B = C;
  C = std::move(B);

  llvm::SmallString<16> Path("/tmp");
  llvm::SmallString<16> Copy = Path;
  Copy.append("/x");
  llvm::SmallString<16> Moved = std::move(Copy);
  (void)Moved;

  // Growth and sorting of containers of self-referential elements: the
  // elements' own moves re-point their buffers.
  std::vector<llvm::SmallVector<int, 4>> Rows;
  for (int I = 0; I < 100; ++I)
    Rows.push_back(llvm::SmallVector<int, 4>{I, I + 1});
  std::sort(Rows.begin(), Rows.end(),
            [](const auto &L, const auto &R) { return L[0] > R[0]; });
  llvm::SmallVector<llvm::SmallString<8>, 2> Strings;
  Strings.emplace_back("a");
  Strings.emplace_back("b");
  Strings.emplace_back("c");

  llvm::StringMap<int> Counts;
  Counts["x"] = 1;
  llvm::StringMap<int> CountsCopy = Counts;
  llvm::StringMap<int> CountsMoved = std::move(CountsCopy);
  (void)CountsMoved;

  llvm::DenseMap<int, llvm::SmallVector<int, 2>> Map;
  for (int I = 0; I < 64; ++I)
    Map[I].push_back(I);
  auto MapCopy = Map;
  (void)MapCopy;

  std::vector<Symbols> Tables;
  Tables.push_back(makeSymbols());
  Tables.resize(10);

  std::optional<llvm::SmallVector<int, 4>> Maybe;
  Maybe = llvm::SmallVector<int, 4>{1, 2};
  Maybe = makeSmall();
  std::variant<int, llvm::SmallString<8>> Either = 1;
  Either = llvm::SmallString<8>("text");

  // Intrusive lists link nodes that stay where they are; the lists move
  // their sentinels correctly.
  Item First(1), Second(2);
  llvm::simple_ilist<Item> List;
  List.push_back(First);
  List.push_back(Second);
  llvm::simple_ilist<Item> Other = std::move(List);
  Other.clear();
  llvm::iplist<Item> Owning;
  Owning.push_back(new Item(3));
  llvm::iplist<Item> OwningMoved = std::move(Owning);
  OwningMoved.clear();
}

// Misuse: copying the bytes of a SmallVector leaves the copy's begin
// pointer aimed at the source's inline buffer.
void copyBytes(llvm::SmallVector<int, 4> &Dst,
               const llvm::SmallVector<int, 4> &Src) {
  std::memcpy(&Dst, &Src, sizeof(Src));
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'llvm::SmallVector<int, 4>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: SmallVector.h:{{[0-9]+}}:{{[0-9]+}}: note: 'llvm::SmallVector<int, 4>' derives from 'SmallVectorImpl': 'llvm::SmallVectorImpl<int>' derives from 'SmallVectorTemplateBase': 'llvm::SmallVectorTemplateBase<int>' derives from 'SmallVectorTemplateCommon': 'llvm::SmallVectorTemplateCommon<int>' points 'BeginX' into itself
}

// Negative twin: an ArrayRef is a view; its bytes are the view.
void copyView(llvm::ArrayRef<int> &Dst, const llvm::ArrayRef<int> &Src) {
  std::memcpy(&Dst, &Src, sizeof(Src));
}

// Negative twin: realloc of an array of integers.
int *growInts(int *Values, size_t Count) {
  return static_cast<int *>(std::realloc(Values, 2 * Count * sizeof(int)));
}

// Misuse: realloc moves an array of std::string (libstdc++'s short strings
// point into themselves) without running their moves.
std::string *growNames(std::string *Names, size_t Count) {
  return static_cast<std::string *>(
      std::realloc(Names, 2 * Count * sizeof(std::string)));
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'realloc' moves objects of type 'std::basic_string<char>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES: :[[@LINE-2]]:7: note: 'std::string' keeps pointers into its own object (derived from the standard library's code)
}
