// toml++ as papersite uses it: every file includes it through this header,
// and its implementation is compiled once, in toml_parser.cpp, with this
// project's flags instead of linked from Debian's shared library.
//
// toml++ 3.3 asserts on some malformed input ("[/" alone) where it should
// report an error, and with NDEBUG each assertion becomes an assumption
// the optimiser may build on. Both are off here in every build type, so
// such input gets the parse error that Debian's NDEBUG build of the
// library gives, and the Debug, sanitizer and fuzz builds run the parser
// they check with their own instrumentation.
#pragma once

#ifndef TOML_HEADER_ONLY
#define TOML_HEADER_ONLY 0
#endif
#include <toml++/impl/preprocessor.h>
#undef TOML_ASSERT
#define TOML_ASSERT(expr) static_assert(true)
#undef TOML_ASSERT_ASSUME
#define TOML_ASSERT_ASSUME(expr) static_assert(true)

#include <toml++/toml.h>
