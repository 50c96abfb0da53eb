// std-containers.cpp under libc++ (libc++-dev of the same LLVM).
// REQUIRES: libcxx
// RUN: %check_pincheck --frontend=tidy --check-suffix=LIBCXX %S/std-containers.cpp 'pin-*' %t -- -std=c++17 -stdlib=libc++
// RUN: %check_pincheck --frontend=cli --check-suffix=LIBCXX %S/std-containers.cpp 'pin-*' %t -- -std=c++17 -stdlib=libc++
// RUN: %check_pincheck --frontend=plugin --check-suffix=LIBCXX %S/std-containers.cpp 'pin-*' %t -- -std=c++17 -stdlib=libc++
