#include "render.hpp"

#include <boost/test/unit_test.hpp>

#include "render_fixture.hpp"
#include "render_model.hpp"
#include "test_util.hpp"

using namespace papersite;
using namespace papersite::test;
namespace fs = std::filesystem;

namespace {

// The list of the expected README: every kind of row the seed shows, and
// one row whose title holds each character a cell must escape.
SampleList rich_list() {
  SampleList list;
  auto& papers = list.content.papers;

  Paper finercut =
      sample_paper("pruning", "finercut", "2405.18218",
                   "FinerCut: Finer-grained Layer Pruning", "2024-05-29");
  finercut.image = "https://arxiv.org/html/2405.18218v1/x1.png";
  finercut.image_width = 1002;
  papers.push_back(finercut);

  Paper slope = sample_paper("pruning", "slope", "2405.16325",
                             "SLoPe: Double-Pruned Sparse Plus Lazy Low-Rank",
                             "2024-05-29");
  slope.code = "https://github.com/Mohammad-Mozaffari/slope";
  slope.image = "https://arxiv.org/html/2405.16325v1/x1.png";
  papers.push_back(slope);

  Paper old = sample_paper("pruning", "old-prune", "2301.00001",
                           "An Old Pruning Paper", "2023-01-10");
  old.venue = "NeurIPS'23";
  old.tags = {"Structural", "Semi_Structured 2-4"};
  papers.push_back(old);

  Paper pv = sample_paper("quantization", "pv-tuning", "2405.14852",
                          "PV-Tuning: Beyond Straight-Through Estimation",
                          "2024-05-31");
  pv.code = "https://github.com/Vahe1994/AQLM/tree/pv-tuning";
  pv.venue = "ICML'24 Oral";
  pv.image = "content/figures/pv tuning.png";
  pv.image_width = 800;
  pv.links = {{"Project", "https://example.org/pv?a=1&b=2"},
              {"Slides", "https://example.org/slides (v2).pdf"}};
  pv.recommended = true;
  papers.push_back(pv);

  Paper tricky =
      sample_paper("quantization", "tricky", "2405.10000",
                   "A | B <c> & \"q\" {{x}} [d] `e` \\ end", "2024-05-30");
  tricky.authors = {"O'Neil | Q", "R. <Roe>"};
  tricky.also = {"pruning"};
  papers.push_back(tricky);
  return list;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)

BOOST_AUTO_TEST_CASE(renders_every_output_of_the_markdown_theme) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  SampleList list = rich_list();
  auto files = render_or_fail(theme, list.view());
  std::vector<std::string> paths;
  for (const RenderedFile& f : files)
    paths.push_back(f.path);
  std::vector<std::string> expected = {"README.md",
                                       "pruning.md",
                                       "quantization.md",
                                       "survey.md",
                                       "feed.xml",
                                       "feeds/pruning.xml",
                                       "feeds/quantization.xml",
                                       "feeds/survey.xml"};
  BOOST_TEST(paths == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
