#include "toml_writer.hpp"

#include <fmt/format.h>

namespace papersite {

namespace {

std::string string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += ", ";
    out += toml_string(items[i]);
  }
  return out + "]";
}

std::string inline_table(
    const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out = "{ ";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0)
      out += ", ";
    out += toml_key(entries[i].first) + " = " + toml_string(entries[i].second);
  }
  return out + " }";
}

}  // namespace

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (u < 0x20 || u == 0x7F)
          out += fmt::format("\\u{:04X}", u);
        else
          out += c;
    }
  }
  return out + "\"";
}

std::string toml_key(std::string_view key) {
  bool bare = !key.empty();
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-';
    bare = bare && ok;
  }
  return bare ? std::string(key) : toml_string(key);
}

std::string paper_toml(const Paper& p) {
  std::string out;
  auto line = [&out](std::string_view key, const std::string& value) {
    out += fmt::format("{} = {}\n", key, value);
  };

  line("title", toml_string(p.title));
  line("authors", string_array(p.authors));
  line("paper", toml_string(p.paper));
  if (p.code)
    line("code", toml_string(*p.code));
  if (p.venue)
    line("venue", toml_string(*p.venue));
  if (!p.tags.empty())
    line("tags", string_array(p.tags));
  if (p.image)
    line("image", toml_string(*p.image));
  if (p.image_width)
    line("image_width", std::to_string(*p.image_width));
  if (!p.links.empty())
    line("links", inline_table(p.links));
  if (p.recommended)
    line("recommended", "true");
  if (!p.also.empty())
    line("also", string_array(p.also));
  if (p.added)
    line("added", format_iso(*p.added));
  if (p.summary)
    line("summary", toml_string(*p.summary));
  return out;
}

}  // namespace papersite
