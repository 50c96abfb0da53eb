// RUN: %check_pincheck --frontend=tidy %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=cli %s pin-self-referential-type %t
// RUN: %check_pincheck --frontend=plugin %s pin-self-referential-type %t

// False positives found on real projects (docs/precision.md), reduced, each
// with a positive twin where the form can be wrong.

#include <string>
#include <vector>

// Reduced from spdlog's full_formatter: appending a range of a member's
// elements to another buffer copies them; it keeps no iterator.
struct Buffer {
  template <typename It> void append(It First, It Last);
};
class Formatter {
public:
  void format(Buffer &Dest) { Dest.append(Cached.begin(), Cached.end()); }
  void refill(const std::string &Other) {
    Cached.assign(Other.begin(), Other.end());
  }
private:
  std::string Cached;
};

// Reduced from gMock's MOCK_METHOD: a member whose class template is defined
// only by a partial specialization that deletes its copies; the mock
// registers `this` with it, but the mock cannot be copied or moved.
void registerOwner(const void *Owner);
template <typename F> class Mocker;
template <typename R, typename... Args> class Mocker<R(Args...)> {
public:
  Mocker() = default;
  Mocker(const Mocker &) = delete;
  Mocker &operator=(const Mocker &) = delete;
  void setOwner(const void *Owner) { registerOwner(Owner); }
};
template <typename T> struct MockVisitor {
  void visit(int Value) { Mock.setOwner(this); }
  mutable Mocker<void(int)> Mock;
};
// Positive twin: the same registration in a class that can be copied.
struct Registered {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'Registered' leaves the address 'visit' hands to 'registerOwner' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+2]]:41: note: the object's address escapes here to 'registerOwner'
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
  void visit(int Value) { registerOwner(this); }
  int Last = 0;
};

// Reduced from abseil's ProfileBuilder: dl_iterate_phdr gives its user data
// to the callback during the call only; the object's address is not kept.
extern "C" {
struct dl_phdr_info;
int dl_iterate_phdr(int (*Callback)(dl_phdr_info *, unsigned long, void *),
                    void *Data);
void on_signal(void (*Handler)(void *), void *Data);
}
struct MappingCollector {
  void collect() {
    dl_iterate_phdr(
        +[](dl_phdr_info *, unsigned long, void *Data) {
          static_cast<MappingCollector *>(Data)->Count++;
          return 0;
        },
        this);
  }
  int Count = 0;
};
// Twin: an unknown C function given a callback and user data may keep both.
struct SignalWatcher {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'SignalWatcher' leaves the address 'watch' hands to 'on_signal' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:15: note: the object's address escapes here to 'on_signal'
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
  void watch() {
    on_signal(+[](void *Data) { static_cast<SignalWatcher *>(Data)->Hits++; },
              this);
  }
  int Hits = 0;
};

// Reduced from Asio's call_stack<Key>::context: a C++03 `noncopyable` base
// declares its copy operations private and never defines them, so the
// derived class's implicit copy is deleted (also in a class template's
// member class, whose implicit members Clang has not declared yet).
class NonCopyable {
protected:
  NonCopyable() {}
  ~NonCopyable() {}

private:
  NonCopyable(const NonCopyable &);
  const NonCopyable &operator=(const NonCopyable &);
};
template <typename Key> class CallStack {
public:
  class Context : private NonCopyable {
  public:
    explicit Context(Key *K) : Key_(K), Next(Top) {
      Value = reinterpret_cast<unsigned char *>(this);
      Top = this;
    }
    ~Context() { Top = Next; }

  private:
    Key *Key_;
    unsigned char *Value;
    Context *Next;
  };
  static Context *Top;
};
struct IoContext {};
inline void runOnStack(IoContext *Io) { CallStack<IoContext>::Context C(Io); }
// A member whose class keeps its copy private blocks the implicit copy too.
class Guarded {
public:
  Guarded() {}

private:
  Guarded(const Guarded &);
  Guarded &operator=(const Guarded &);
};
struct HoldsGuarded {
  HoldsGuarded() : Self(this) {}
  Guarded G;
  HoldsGuarded *Self;
};
// Twin: a base whose copy is protected lets the derived class copy.
class ProtectedCopy {
protected:
  ProtectedCopy() {}
  ProtectedCopy(const ProtectedCopy &) {}
};
struct CopiesThroughBase : ProtectedCopy {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'CopiesThroughBase' leaves 'Self' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+4]]:22: note: interior pointer 'Self' declared here
// CHECK-MESSAGES: :[[@LINE+2]]:30: note: 'Self' is set here to the address of the object itself (inline storage)
// CHECK-MESSAGES: :[[@LINE-4]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator copy 'Self' unchanged
  CopiesThroughBase() : Self(this) {}
  CopiesThroughBase *Self;
};

// Reduced from Asio's co_composed_promise: a coroutine's promise lives in
// the frame and is reached by reference; its member functions hand out
// `this` without pinning anything that moves.
struct Frames {
  void add(void *P);
};
struct Promise {
  Frames *Registry;
  int get_return_object() { return 0; }
  void initial_suspend() {}
  void final_suspend() noexcept {}
  void unhandled_exception() { Registry->add(this); }
};
// Twin: the same class without a promise's members is reported.
struct NotAPromise {
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: copying or moving 'NotAPromise' leaves the address 'unhandled_exception' hands to 'add' pointing at the source object [pin-self-referential-type]
// CHECK-MESSAGES: :[[@LINE+3]]:46: note: the object's address escapes here to 'add'
// CHECK-MESSAGES: :[[@LINE-3]]:8: note: implicit copy constructor, copy assignment operator, move constructor and move assignment operator do not hand out the new object's address
  Frames *Registry;
  void unhandled_exception() { Registry->add(this); }
};
