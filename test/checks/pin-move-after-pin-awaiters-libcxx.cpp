// pin-move-after-pin-awaiters.cpp against libc++'s <coroutine> (libc++-dev
// of the same LLVM): the same findings.
// REQUIRES: libcxx
// RUN: %check_pincheck --frontend=tidy %S/pin-move-after-pin-awaiters.cpp pin-move-after-pin %t -- -std=c++20 -stdlib=libc++
// RUN: %check_pincheck --frontend=cli %S/pin-move-after-pin-awaiters.cpp pin-move-after-pin %t -- -std=c++20 -stdlib=libc++
// RUN: %check_pincheck --frontend=plugin %S/pin-move-after-pin-awaiters.cpp pin-move-after-pin %t -- -std=c++20 -stdlib=libc++
