// An in-memory list for the render and feed suites: a Content built by hand
// (dates given as `added`, so no repository is needed) and a copy of the
// markdown theme whose partials owned by other components are replaced by
// fixed text, so expected outputs change only with this component.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "content.hpp"
#include "history.hpp"
#include "render.hpp"
#include "view.hpp"

namespace papersite::test {

// Midnight UTC of "YYYY-MM-DD".
TimePoint day(const std::string& ymd);

// A paper of `topic` with the required fields; id "arxiv:<arxiv>" and the
// arXiv abs URL.
Paper sample_paper(const std::string& topic, const std::string& slug,
                   const std::string& arxiv, const std::string& title,
                   const std::string& added);

// Site "Sample List" at https://example.org/list/ (recent_min 2, so the
// recent window is the 30 days before the reference time 2024-06-01),
// topics "pruning" (Network Pruning), "quantization" and "survey"; no
// papers yet.
struct SampleList {
  Content content;
  History history;

  SampleList();
  View view() const { return build_view(content, history); }
  Paper& paper(const std::string& slug);
};

// The markdown theme of the source tree copied into `dir`, with the
// partials of other components replaced by one fixed line each.
std::filesystem::path copy_markdown_theme(const std::filesystem::path& dir);

// Loads the theme and renders `view`; fails the test on an error.
std::vector<RenderedFile> render_or_fail(const std::filesystem::path& theme,
                                         const View& view);

// The bytes of the rendered file at `path`; empty when absent.
std::string file_of(const std::vector<RenderedFile>& files,
                    const std::string& path);

}  // namespace papersite::test
