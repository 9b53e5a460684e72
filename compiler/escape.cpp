#include "escape.hpp"

namespace papersite {

// Stub: replaced by the render component.
std::string escape_markdown(std::string_view text) {
  return std::string(text);
}
std::string escape_xml(std::string_view text) {
  return std::string(text);
}
std::string strip_xml_illegal(std::string_view text) {
  return std::string(text);
}
bool is_valid_utf8(std::string_view, std::size_t*) {
  return true;
}
std::string escape(EscapeMode mode, std::string_view text) {
  switch (mode) {
    case EscapeMode::kMarkdown:
      return escape_markdown(text);
    case EscapeMode::kXml:
      return escape_xml(text);
    case EscapeMode::kNone:
      break;
  }
  return std::string(text);
}

}  // namespace papersite
