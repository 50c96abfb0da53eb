// The standard containers under libstdc++ (here) and libc++
// (std-containers-libcxx.cpp runs this file with -stdlib=libc++): copies,
// moves, swaps, returns, growth, sorting and optional/variant assignment
// are quiet. libstdc++'s std::string points into itself (its short
// buffer); libc++'s does not; both lists keep their sentinel inline.
// RUN: %check_pincheck --frontend=tidy --check-suffix=GNU %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=cli --check-suffix=GNU %s 'pin-*' %t -- -std=c++17
// RUN: %check_pincheck --frontend=plugin --check-suffix=GNU %s 'pin-*' %t -- -std=c++17

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

struct Customer {
  std::string Name;
  std::vector<std::string> Tags;
  std::list<int> History;
  std::map<std::string, int> Scores;
};

std::string greeting() {
  std::string S = "hi";
  return S;
}

Customer makeCustomer(const std::string &Name) {
  Customer C{Name, {"new"}, {1}, {{"a", 1}}};
  return C;
}

void correctUse() {
  std::string A = greeting();
  std::string B = A;
  std::string C = std::move(A);
  std::swap(B, C);
  B = C;
  C = std::move(B);

  std::vector<std::string> Names;
  for (int I = 0; I < 100; ++I)
    Names.push_back(std::to_string(I));
  std::sort(Names.begin(), Names.end());
  Names.insert(Names.begin(), "first");
  Names.erase(Names.begin());

  std::vector<Customer> Customers;
  Customers.push_back(makeCustomer("ann"));
  Customers.emplace_back();
  Customers.resize(10);
  std::stable_sort(Customers.begin(), Customers.end(),
                   [](const Customer &L, const Customer &R) {
                     return L.Name < R.Name;
                   });

  std::list<std::string> List{"a", "b"};
  std::list<std::string> ListCopy = List;
  std::list<std::string> ListMoved = std::move(ListCopy);
  List.swap(ListMoved);
  std::deque<std::list<int>> Queue(3);
  Queue.push_front(std::list<int>{1});

  std::map<int, std::string> Map;
  Map[1] = "one";
  auto MapCopy = Map;
  std::set<std::string> Set{"x"};
  std::unordered_map<std::string, std::list<int>> Index;
  for (int I = 0; I < 100; ++I) // Rehashing keeps the nodes in place.
    Index[std::to_string(I)].push_back(I);

  std::optional<std::string> Maybe;
  Maybe = greeting();
  Maybe = std::nullopt;
  std::variant<int, std::string, std::list<int>> Either = 1;
  Either = std::string("text");
  Either = std::list<int>{1, 2};
}

// Misuse: realloc moves the strings without their moves.
std::string *growNames(std::string *Names, size_t Count) {
  return static_cast<std::string *>(
      std::realloc(Names, 2 * Count * sizeof(std::string)));
// CHECK-MESSAGES-GNU: :[[@LINE-1]]:7: warning: 'realloc' moves objects of type 'std::basic_string<char>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-GNU: :[[@LINE-2]]:7: note: 'std::string' keeps pointers into its own object (derived from the standard library's code)
}

// Misuse: the bytes of a list copy its sentinel, which the nodes point at.
void copyList(std::list<int> &Dst, const std::list<int> &Src) {
  std::memcpy(static_cast<void *>(&Dst), &Src, sizeof(Src));
// CHECK-MESSAGES-GNU: :[[@LINE-1]]:3: warning: 'memcpy' copies objects of type 'std::list<int>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-GNU: :[[@LINE-2]]:3: note: 'std::list<int>' keeps pointers into its own object (derived from the standard library's code)
// CHECK-MESSAGES-LIBCXX: :[[@LINE-3]]:3: warning: 'memcpy' copies objects of type 'std::list<int>' byte by byte, but they must not move [pin-raw-copy]
// CHECK-MESSAGES-LIBCXX-LLVM19: :[[@LINE-4]]:3: note: 'std::list<int>' keeps pointers into its own object (from pincheck's table for this standard library)
// CHECK-MESSAGES-LIBCXX-LLVM22: :[[@LINE-5]]:3: note: 'std::list<int>' keeps pointers into its own object (derived from the standard library's code)
// (libc++ 22's list code shows its sentinel to the model; libc++ 19's hides it behind casts.)
}

// Negative twin: a vector's bytes point at its heap buffer, not at itself.
void copyVector(std::vector<int> &Dst, const std::vector<int> &Src) {
  std::memcpy(static_cast<void *>(&Dst), &Src, sizeof(Src));
}
