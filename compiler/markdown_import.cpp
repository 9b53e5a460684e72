#include "markdown_import.hpp"
