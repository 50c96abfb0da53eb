//===--- pincheck/pin.h - Annotations for objects that must not move ------===//
//
// Part of pincheck. The annotation header of the pinning model
// (docs/model.md, "The annotation header"): the C++ counterparts of Rust's
// `PhantomPinned`, `Pin`, `pin!`, `Box::pin`, `Pin::set` and pin projection
// (the `pin-project` crate), and the attributes pincheck reads.
//
// Header-only, C++17, no cost at run time: `Pin` is exactly as large as the
// pointer it wraps and every function is inline (and `constexpr` where the
// standard allows it). On compilers other than
// Clang the attribute macros expand to nothing, so annotated code compiles
// there unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef PINCHECK_PIN_H
#define PINCHECK_PIN_H

#include <memory>
#include <new>
#include <type_traits>
#include <utility>

// The analyzer finds these attributes by their annotation strings; keep the
// strings in sync with lib/Model/Annotations.h. Other compilers would warn
// about the unknown `clang::` attribute, so there they expand to nothing.
#if defined(__clang__)
/// Class attribute: a pinned marker, like a Rust type that is `!Unpin`.
#define PIN_PINNED [[clang::annotate("pin::pinned")]]
/// Class attribute: moving the class is safe, like Rust's `impl Unpin`.
#define PIN_UNPIN [[clang::annotate("pin::unpin")]]
/// Parameter attribute: the callee keeps the address, like `Pin<&mut T>`.
#define PIN_PINS [[clang::annotate("pin::pins")]]
/// Member function attribute: pins `*this`, like `self: Pin<&mut Self>`.
#define PIN_PINS_THIS [[clang::annotate("pin::pins_this")]]
/// Data member attribute: pinned with its object, like `#[pin]` of the
/// `pin-project` crate (docs/model.md, "Pin projection").
#define PIN_STRUCTURAL [[clang::annotate("pin::structural")]]
#else
#define PIN_PINNED
#define PIN_UNPIN
#define PIN_PINS
#define PIN_PINS_THIS
#define PIN_STRUCTURAL
#endif

// `Pin::set` constructs in place with `std::construct_at` where it is
// `constexpr` (C++20), with placement new before.
#if defined(__cpp_lib_constexpr_dynamic_alloc)
#define PINCHECK_CONSTEXPR_SET constexpr
#else
#define PINCHECK_CONSTEXPR_SET
#endif

namespace pin {

/// Member or base that makes a class a pinned marker, like `PhantomPinned`.
///
/// Empty and copyable, as in Rust: the class may move freely until it is
/// pinned. Use it as a base or as a `[[no_unique_address]]` member so that it
/// takes no space. pincheck recognizes it by its name, `pin::PhantomPinned`.
struct PIN_PINNED PhantomPinned {};

/// Member that makes its class neither copyable nor movable while keeping it
/// an aggregate: the repair for an aggregate that must not move, where
/// declaring deleted copy and move operations would end its aggregate
/// initialisation (C++20). Declare it last, as
/// `[[no_unique_address]] pin::Immovable immovable{};`, so that every brace
/// initialisation stays as it was (the initializer keeps
/// `-Wmissing-field-initializers` quiet) and it takes no space.
struct Immovable {
  Immovable() = default;
  Immovable(const Immovable &) = delete;
  Immovable &operator=(const Immovable &) = delete;
};

/// Whether objects of `T` may move after being pinned, like Rust's `Unpin`,
/// as far as the type system can tell: not for a class derived from
/// `PhantomPinned`, nor for a type that can be neither copied nor moved.
/// Specialise it as `std::false_type` for a `PIN_PINNED` class (an attribute
/// is invisible to templates) so that `project` pins its members.
template <class T>
struct is_unpin : std::bool_constant<!std::is_base_of_v<PhantomPinned, T> &&
                                     (std::is_move_constructible_v<T> ||
                                      std::is_copy_constructible_v<T>)> {};
template <class T> inline constexpr bool is_unpin_v = is_unpin<T>::value;

/// A pointer whose pointee never moves again, like Rust's `Pin<Ptr>`.
///
/// `Ptr` is `T *`, `std::unique_ptr<T>` or `std::shared_ptr<T>` (another
/// smart pointer with `element_type` and `get()` works too). Moving or copying
/// the `Pin` moves or copies the pointer, never the `T`. There is no way to get
/// the pointer back out (no `release()`, no conversion to `Ptr`), so the owner
/// of a `Pin<std::unique_ptr<T>>` cannot hand the `T` to code that would move
/// it. `*P` is a `T &`: moving from it is what pincheck reports.
template <class Ptr> class Pin {
public:
  using pointer = Ptr;
  using element_type = typename std::pointer_traits<Ptr>::element_type;

  static_assert(!std::is_array_v<element_type>,
                "pin::Pin holds a single object, not an array");

  /// Adopts `P`: from now on its pointee must not move, like Rust's
  /// `Pin::new_unchecked` (or `Box::into_pin` for an owning pointer). Prefer
  /// `pin::pin` and `pin::make_pinned`, which cannot be misused this way.
  constexpr explicit Pin(Ptr P) noexcept(
      std::is_nothrow_move_constructible_v<Ptr>)
      : Pointer(std::move(P)) {}

  /// Converts between pointer kinds that keep the same pointee, such as
  /// `Pin<std::unique_ptr<T>>` to `Pin<std::shared_ptr<T>>` or
  /// `Pin<Derived *>` to `Pin<Base *>`: the pointee stays where it is.
  template <class U, std::enable_if_t<!std::is_same_v<U, Ptr> &&
                                          std::is_convertible_v<const U &, Ptr>,
                                      int> = 0>
  constexpr Pin(const Pin<U> &Other) : Pointer(Other.Pointer) {}
  template <class U, std::enable_if_t<!std::is_same_v<U, Ptr> &&
                                          std::is_convertible_v<U &&, Ptr>,
                                      int> = 0>
  constexpr Pin(Pin<U> &&Other) noexcept(
      std::is_nothrow_constructible_v<Ptr, U &&>)
      : Pointer(std::move(Other.Pointer)) {}

  // Copy and move are the pointer's own: `Pin<T *>` and
  // `Pin<std::shared_ptr<T>>` copy, `Pin<std::unique_ptr<T>>` only moves.

  /// The pinned object. Don't move from it: that is the bug pincheck finds.
  constexpr element_type &operator*() const noexcept { return *get(); }
  constexpr element_type *operator->() const noexcept { return get(); }

  /// The address of the pinned object, like Rust's `Pin::get_ref`. Null
  /// only if the `Pin` was moved from or adopted a null pointer.
  constexpr element_type *get() const noexcept {
    if constexpr (std::is_pointer_v<Ptr>)
      return Pointer;
    else
      return Pointer.get();
  }

  /// Replaces the pinned object in place, like Rust's `Pin::set`: destroys
  /// it and constructs `element_type(Arguments...)` at the same address, so
  /// nothing moves and whoever holds the address sees the new object. For
  /// pincheck this re-initialises the pinned object; it is not a move.
  ///
  /// A constructor that throws would leave a destroyed object at a pinned
  /// address, which nothing could repair: `set` is `noexcept`, and such an
  /// exception ends the program.
  template <
      class... Args,
      std::enable_if_t<!std::is_const_v<element_type> &&
                           std::is_constructible_v<element_type, Args &&...>,
                       int> = 0>
  PINCHECK_CONSTEXPR_SET void set(Args &&...Arguments) const noexcept {
    element_type *Place = get();
    std::destroy_at(Place);
#if defined(__cpp_lib_constexpr_dynamic_alloc)
    std::construct_at(Place, std::forward<Args>(Arguments)...);
#else
    ::new (static_cast<void *>(Place))
        element_type(std::forward<Args>(Arguments)...);
#endif
  }

private:
  template <class> friend class Pin;

  Ptr Pointer;
};

/// Pins `Value` where it is, like Rust's `pin!`: from this call on `Value`
/// must not be copied or moved until its lifetime ends.
///
/// Not `[[nodiscard]]`: `pin::pin(Obj);` alone is a pin event for pincheck.
template <class T> constexpr Pin<T *> pin(T &Value) noexcept {
  return Pin<T *>(std::addressof(Value));
}

/// A temporary dies at the end of the full expression; pinning it would
/// leave a dangling `Pin`.
template <class T> void pin(const T &&) = delete;

/// Constructs a `T` on the heap and pins it there, like Rust's `Box::pin`.
template <class T, class... Args>
[[nodiscard]] Pin<std::unique_ptr<T>> make_pinned(Args &&...Arguments) {
  static_assert(!std::is_array_v<T>,
                "pin::make_pinned constructs a single object");
  return Pin<std::unique_ptr<T>>(
      std::make_unique<T>(std::forward<Args>(Arguments)...));
}

/// Pin projection, like the `project` method of the `pin-project` crate:
/// the member `Member` of the object `Pinned` points to. A member that must
/// not move once its object is pinned (`is_unpin_v` is false for its type)
/// comes back pinned, as `Pin<M *>`; any other member as a plain `M &`,
/// which may be moved from, swapped or assigned.
///
/// A member marked `PIN_STRUCTURAL` whose type the type system cannot tell
/// apart (a C handle whose address was handed out, a `PIN_PINNED` class
/// without an `is_unpin` specialisation) is reached with `project_pinned`.
template <class Ptr, class M, class C>
constexpr decltype(auto) project(const Pin<Ptr> &Pinned,
                                 M C::*Member) noexcept {
  static_assert(!std::is_function_v<M>,
                "pin::project takes a pointer to a data member");
  auto &Field = (*Pinned).*Member;
  using FieldType = std::remove_reference_t<decltype(Field)>;
  if constexpr (is_unpin_v<std::remove_cv_t<FieldType>>)
    return Field;
  else
    return Pin<FieldType *>(std::addressof(Field));
}

/// The member `Member` of the object `Pinned` points to, pinned with it:
/// the projection of a `PIN_STRUCTURAL` member, whatever its type.
template <class Ptr, class M, class C>
constexpr auto project_pinned(const Pin<Ptr> &Pinned, M C::*Member) noexcept {
  static_assert(!std::is_function_v<M>,
                "pin::project_pinned takes a pointer to a data member");
  auto &Field = (*Pinned).*Member;
  return Pin<std::remove_reference_t<decltype(Field)> *>(std::addressof(Field));
}

} // namespace pin

#undef PINCHECK_CONSTEXPR_SET

#endif // PINCHECK_PIN_H
