# Finds the Debian packages papersite builds with. A missing one stops the
# configure step with the name of the package to install.

function(_papersite_require found package)
  if(NOT ${found})
    message(FATAL_ERROR
      "papersite: ${package} not found; install it with "
      "'apt-get install -y ${package}' (see README.md for the full line)")
  endif()
endfunction()

find_package(PkgConfig QUIET)
_papersite_require(PKG_CONFIG_FOUND pkg-config)
pkg_check_modules(libgit2 QUIET IMPORTED_TARGET libgit2)
_papersite_require(libgit2_FOUND libgit2-dev)

find_package(tomlplusplus 3 QUIET)
_papersite_require(tomlplusplus_FOUND libtomlplusplus-dev)

find_package(fmt QUIET)
_papersite_require(fmt_FOUND libfmt-dev)

find_path(PAPERSITE_MUSTACHE_INCLUDE kainjow/mustache.hpp)
_papersite_require(PAPERSITE_MUSTACHE_INCLUDE libkainjow-mustache-dev)
if(NOT TARGET mustache::mustache)
  add_library(mustache::mustache INTERFACE IMPORTED)
  target_include_directories(mustache::mustache INTERFACE
    "${PAPERSITE_MUSTACHE_INCLUDE}")
endif()

# The compiler reads, parses and renders on every core.
find_package(Threads REQUIRED)

find_package(CLI11 QUIET)
_papersite_require(CLI11_FOUND libcli11-dev)

if(PAPERSITE_TESTS)
  find_package(Boost QUIET COMPONENTS unit_test_framework)
  _papersite_require(Boost_FOUND libboost-test-dev)
endif()
