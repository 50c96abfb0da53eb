//===--- PluginLoader.cpp - Load a plugin only into its own LLVM ----------===//
//
// Part of pincheck. A plugin built against one LLVM major cannot run in a
// host of another: the C++ API differs, so loading it fails with undefined
// symbols at best and crashes at worst (model section 8). This file is the
// .so that users name (pincheck-tidy.so, pincheck-plugin.so). It links
// nothing from LLVM, so it loads into any host. When it is loaded it finds
// the host's LLVM major; if that is the major this build is for, it loads the
// real plugin (PINCHECK_PLUGIN_MODULE, in the same directory), whose static
// constructors register it with the host. Otherwise it prints one line,
// clang-style, naming both majors and where to get the right build, and ends
// the process with status 1: the run the user asked for cannot happen, and a
// host that went on without the plugin would report success.
//
// Compile-time parameters: PINCHECK_PLUGIN_NAME (this file's name),
// PINCHECK_PLUGIN_MODULE (the real plugin's file name), PINCHECK_PLUGIN_HOST
// (the program that loads it, without the -N suffix).
//
//===----------------------------------------------------------------------===//

#include "pincheck/Version.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <unistd.h>

namespace {

/// The LLVM majors pincheck builds for.
bool isSupported(unsigned Major) {
  for (unsigned Supported : {PINCHECK_SUPPORTED_LLVM_MAJORS})
    if (Major == Supported)
      return true;
  return false;
}

/// The major in a shared library's file name: libLLVM.so.19.1,
/// libLLVM-19.so.1, libLLVM-19.so or libclang-cpp.so.19.1; 0 if the name is
/// none of those.
unsigned majorFromLibraryName(const char *Path) {
  const char *Slash = std::strrchr(Path, '/');
  std::string Name = Slash ? Slash + 1 : Path;
  for (const char *Prefix : {"libLLVM.so.", "libLLVM-", "libclang-cpp.so."}) {
    size_t Length = std::strlen(Prefix);
    if (Name.compare(0, Length, Prefix) == 0)
      return static_cast<unsigned>(
          std::strtoul(Name.c_str() + Length, nullptr, 10));
  }
  return 0;
}

int findLoadedLLVM(dl_phdr_info *Info, size_t, void *Data) {
  unsigned Major = Info->dlpi_name ? majorFromLibraryName(Info->dlpi_name) : 0;
  if (Major == 0)
    return 0;
  *static_cast<unsigned *>(Data) = Major;
  return 1;
}

/// The LLVM major of the process, 0 if unknown. LLVM 16 and later export
/// LLVMGetVersion from the LLVM library; for older ones, and for hosts that
/// link LLVM statically without exporting it, the name of a loaded LLVM or
/// Clang library tells.
unsigned hostLLVMMajor() {
  using GetVersion = void (*)(unsigned *, unsigned *, unsigned *);
  if (auto *Get =
          reinterpret_cast<GetVersion>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    Get(&Major, &Minor, &Patch);
    if (Major != 0)
      return Major;
  }
  unsigned Major = 0;
  dl_iterate_phdr(findLoadedLLVM, &Major);
  return Major;
}

/// Prints "NAME: error: MESSAGE" on standard error and ends the process
/// with status 1, without running the host's exit handlers (it is in the
/// middle of loading this file).
[[noreturn]] void fail(const std::string &Message) {
  std::string Line =
      std::string(PINCHECK_PLUGIN_NAME) + ": error: " + Message + "\n";
  std::fflush(stdout);
  std::fputs(Line.c_str(), stderr);
  std::fflush(stderr);
  _exit(1);
}

/// The directory this file was loaded from, with a trailing '/'.
std::string ownDirectory() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&ownDirectory), &Info) ||
      !Info.dli_fname)
    return "";
  std::string Path = Info.dli_fname;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "./" : Path.substr(0, Slash + 1);
}

std::string whereToGet(unsigned Host) {
  std::string Major = std::to_string(Host);
  if (!isSupported(Host))
    return "pincheck supports LLVM " PINCHECK_SUPPORTED_LLVM_TEXT
           "; use " PINCHECK_PLUGIN_HOST "-" +
           std::to_string(PINCHECK_LLVM_VERSION_MAJOR) + " with this build";
  return "use pincheck built for LLVM " + Major + ": the pincheck-llvm-" +
         Major +
         " package, or a source build with -DPINCHECK_LLVM_VERSION=" + Major;
}

__attribute__((constructor)) void loadPlugin() {
  const unsigned Built = PINCHECK_LLVM_VERSION_MAJOR;
  const unsigned Host = hostLLVMMajor();
  if (Host != 0 && Host != Built)
    fail("built for LLVM " + std::to_string(Built) + ", loaded into LLVM " +
         std::to_string(Host) + "; " + whereToGet(Host));
  // Resolve every symbol now: a host whose major could not be determined
  // and lacks one gets a message instead of a crash at the first call.
  std::string Module = ownDirectory() + PINCHECK_PLUGIN_MODULE;
  if (!dlopen(Module.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
    const char *Error = dlerror();
    fail("cannot load the plugin built for LLVM " + std::to_string(Built) +
         ": " + (Error ? Error : Module));
  }
}

} // namespace
