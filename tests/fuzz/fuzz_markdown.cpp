// Properties of the importer's markdown parser: it never fails on any
// page; a row it calls usable has a title, authors and a paper link, code
// link and extra links the loader accepts; and the TOML file written for
// it parses back to the same title.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "content_file.hpp"
#include "fuzz_check.hpp"
#include "markdown_import.hpp"
#include "paper_id.hpp"
#include "toml_parser.hpp"
#include "toml_writer.hpp"

using papersite::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  papersite::ParsedPage page = papersite::parse_page(text);
  for (const papersite::ParsedRow& row : page.rows) {
    check(row.line >= 1);
    if (!row.problem.empty())
      continue;
    const papersite::Paper& paper = row.paper;
    check(!paper.title.empty());
    check(!paper.authors.empty());
    check(papersite::is_http_url(paper.paper));
    check(!paper.code || papersite::is_http_url(*paper.code));
    for (const auto& [name, url] : paper.links)
      check(papersite::is_http_url(url));
    std::string file = papersite::paper_toml(paper);
    if (papersite::first_invalid_utf8(file) != std::string::npos)
      continue;  // the loader reports such a file at its line
    try {
      toml::table table = toml::parse(file);
      check(table["title"].value<std::string>() == paper.title);
    } catch (const toml::parse_error&) {
      check(false);
    }
  }
  return 0;
}
