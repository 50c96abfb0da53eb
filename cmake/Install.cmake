# Installation (cmake --install), the CMake package that lets a consuming
# project find_package(pincheck), and the Debian package (cpack -G DEB).
# Included by the top-level CMakeLists.txt after the tools, whose
# pincheck_add_tool and pincheck_add_plugin calls install the binaries.

include(CMakePackageConfigHelpers)

install(FILES include/pincheck/pin.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pincheck)

# The README beside docs/, so that its links into docs/ keep working.
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
  FILES_MATCHING PATTERN "*.md" PATTERN "*.schema.json")

# pincheckConfig.cmake sets pincheck_<TOOL>_EXECUTABLE for every installed
# tool: pincheck_EXECUTABLE for pincheck, pincheck_CLANGD_EXECUTABLE for
# pincheck-clangd, and so on.
get_property(tools GLOBAL PROPERTY PINCHECK_TOOLS)
set(PINCHECK_CONFIG_TOOLS "")
foreach(tool ${tools})
  string(REGEX REPLACE "^pincheck-?" "" suffix "${tool}")
  string(TOUPPER "${suffix}" suffix)
  string(REPLACE "-" "_" suffix "${suffix}")
  if(suffix)
    set(suffix "${suffix}_")
  endif()
  string(APPEND PINCHECK_CONFIG_TOOLS
    "set_and_check(pincheck_${suffix}EXECUTABLE "
    "\"\${PACKAGE_PREFIX_DIR}/${CMAKE_INSTALL_BINDIR}/${tool}\")\n")
endforeach()

configure_package_config_file(cmake/pincheckConfig.cmake.in
  ${CMAKE_BINARY_DIR}/pincheckConfig.cmake
  INSTALL_DESTINATION ${PINCHECK_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR PINCHECK_INSTALL_PLUGINDIR)
# pincheck is at 0.x: a consumer asking for 0.1 accepts 0.1.y only.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/pincheckConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${CMAKE_BINARY_DIR}/pincheckConfig.cmake
  ${CMAKE_BINARY_DIR}/pincheckConfigVersion.cmake
  DESTINATION ${PINCHECK_INSTALL_CMAKEDIR})

# The Debian package: one per LLVM major, named pincheck-llvm-N. They install
# the same files, so they conflict with each other through the virtual
# package pincheck that each provides.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pincheck-llvm-${PINCHECK_LLVM_VERSION})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "pincheck developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "C++ analyzer for objects that must not move (Rust's Pin), for LLVM ${PINCHECK_LLVM_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION
  "pincheck finds copies and moves of C++ objects that point into themselves
or whose address was handed out, as clang-tidy checks with fix-its.
This package is built for LLVM ${PINCHECK_LLVM_VERSION}. It holds the pincheck
command-line tool, the clang-tidy plugin, the compiler plugin, the
pincheck/pin.h annotation header and a CMake package for find_package.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# dpkg-shlibdeps derives the run-time dependencies from the executables
# (libllvmN and libclang-cppN, with the C and C++ runtimes). The plugins run
# in clang-tidy-N and clang-N, which are recommended.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "clang-tidy-${PINCHECK_LLVM_VERSION}, clang-${PINCHECK_LLVM_VERSION}")
set(CPACK_DEBIAN_PACKAGE_PROVIDES pincheck)
set(CPACK_DEBIAN_PACKAGE_CONFLICTS pincheck)
set(CPACK_DEBIAN_PACKAGE_REPLACES pincheck)
include(CPack)
