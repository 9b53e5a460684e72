// The one translation unit holding toml++'s implementation; see
// toml_parser.hpp for why it is compiled here.
#define TOML_IMPLEMENTATION
#include "toml_parser.hpp"
