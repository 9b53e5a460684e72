#include "render_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

namespace papersite::test {

namespace fs = std::filesystem;

TimePoint day(const std::string& ymd) {
  auto t = parse_time(ymd);
  BOOST_REQUIRE_MESSAGE(t.has_value(), "bad date " + ymd);
  return *t;
}

Paper sample_paper(const std::string& topic, const std::string& slug,
                   const std::string& arxiv, const std::string& title,
                   const std::string& added) {
  Paper p;
  p.file = "/list/content/papers/" + topic + "/" + slug + ".toml";
  p.display_path = "content/papers/" + topic + "/" + slug + ".toml";
  p.topic = topic;
  p.slug = slug;
  p.id = "arxiv:" + arxiv;
  p.title = title;
  p.authors = {"Ada Lovelace", "Alan Turing"};
  p.paper = "https://arxiv.org/abs/" + arxiv;
  p.added = day(added);
  return p;
}

SampleList::SampleList() {
  content.dir = "/list/content";
  Site& site = content.site;
  site.title = "Sample List";
  site.tagline = "A curated list for **efficient models**";
  site.base_url = "https://example.org/list/";
  site.repository = "https://github.com/example/list";
  site.recent_min = 2;
  site.updates = {{day("2023-05-29"), "We've reorganised the list."},
                  {day("2023-09-27"), "Add [project/](project/) pages."}};
  content.topics = {{"pruning", "Network Pruning", "pruning.md"},
                    {"quantization", "Quantization", "quantization.md"},
                    {"survey", "Survey", "survey.md"}};
  history.now = day("2024-06-01");
}

Paper& SampleList::paper(const std::string& slug) {
  for (Paper& p : content.papers) {
    if (p.slug == slug)
      return p;
  }
  BOOST_FAIL("no paper " + slug);
  return content.papers.front();
}

fs::path copy_markdown_theme(const fs::path& dir) {
  fs::path theme = dir / "markdown";
  fs::copy(source_dir() / "themes" / "markdown", theme,
           fs::copy_options::recursive);
  for (const char* name : {"contributing", "about_dates"})
    write_file(theme / "partials" / (std::string(name) + ".mustache"),
               std::string("(") + name + ")\n");
  return theme;
}

std::vector<RenderedFile> render_or_fail(const fs::path& theme,
                                         const View& view) {
  auto loaded = load_theme(theme);
  BOOST_REQUIRE_MESSAGE(loaded.ok(),
                        (loaded.ok() ? "" : loaded.error().message));
  auto files = render_site(*loaded, view);
  BOOST_REQUIRE_MESSAGE(files.ok(), (files.ok() ? "" : files.error().message));
  return *files;
}

std::string file_of(const std::vector<RenderedFile>& files,
                    const std::string& path) {
  for (const RenderedFile& f : files) {
    if (f.path == path)
      return f.bytes;
  }
  return {};
}

}  // namespace papersite::test
