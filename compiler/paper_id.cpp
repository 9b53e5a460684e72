#include "paper_id.hpp"

namespace papersite {

// Stub: replaced by the content component.
std::optional<std::string> arxiv_id(std::string_view) {
  return std::nullopt;
}
std::string normalise_url(std::string_view url) {
  return std::string(url);
}
std::string paper_identifier(std::string_view url) {
  return "url:" + normalise_url(url);
}
bool is_http_url(std::string_view) {
  return false;
}

}  // namespace papersite
