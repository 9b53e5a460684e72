// Properties of URL normalisation: idempotent, and the paper identifier of
// a normalised URL names the same paper.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_check.hpp"
#include "paper_id.hpp"

using papersite::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string url(reinterpret_cast<const char*>(data), size);
  std::string once = papersite::normalise_url(url);
  check(papersite::normalise_url(once) == once);

  auto id = papersite::arxiv_id(url);
  if (id)
    check(papersite::arxiv_id("https://arxiv.org/abs/" + *id) == id);
  if (papersite::is_http_url(url)) {
    std::string paper = papersite::paper_identifier(url);
    check(!paper.empty());
    check(papersite::paper_identifier(url) == paper);
  }
  return 0;
}
