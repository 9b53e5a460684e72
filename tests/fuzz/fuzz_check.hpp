// What every fuzz target does when a property fails: abort, which libFuzzer
// reports as a finding and the corpus replay as a failed test.
#pragma once

#include <cstdlib>

namespace papersite::fuzz {

inline void check(bool ok) {
  if (!ok)
    std::abort();
}

}  // namespace papersite::fuzz
