#include "diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace papersite {

namespace {

Verbosity g_verbosity = Verbosity::kNormal;

const char* label(Severity s) {
  return s == Severity::kError ? "error" : "warning";
}

// The caret goes under the column counted in characters, so a multi-byte
// character before it counts once; tabs are kept so the caret lines up.
std::string caret_line(const std::string& source, int column) {
  std::string pad;
  int col = 1;
  for (std::size_t i = 0; i < source.size() && col < column; ++i) {
    auto c = static_cast<unsigned char>(source[i]);
    if ((c & 0xC0) == 0x80)
      continue;
    pad += c == '\t' ? '\t' : ' ';
    ++col;
  }
  return pad + "^";
}

// Control characters (a line break in a file name or a key) shown as
// escapes, so that one diagnostic stays one line and no text from content
// can pass for another diagnostic, or for a CI annotation.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if ((u < 0x20 && c != '\t') || u == 0x7f)
      out += fmt::format("\\x{:02x}", u);
    else
      out += c;
  }
  return out;
}

void print_line(const std::string& text) {
  std::fputs(one_line(text).c_str(), stderr);
  std::fputc('\n', stderr);
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = one_line(d.path);
  if (d.line > 0) {
    out += fmt::format(":{}", d.line);
    if (d.column > 0)
      out += fmt::format(":{}", d.column);
  }
  out += fmt::format(": {}: {}\n", label(d.severity), one_line(d.message));
  if (!d.source_line.empty()) {
    out += d.source_line + "\n";
    if (d.column > 0)
      out += caret_line(d.source_line, d.column) + "\n";
  }
  return out;
}

void Diagnostics::error(std::string path, int line, int column,
                        std::string message, std::string source_line) {
  items_.push_back({Severity::kError, std::move(path), line, column,
                    std::move(message), std::move(source_line)});
}

void Diagnostics::warning(std::string path, int line, int column,
                          std::string message, std::string source_line) {
  items_.push_back({Severity::kWarning, std::move(path), line, column,
                    std::move(message), std::move(source_line)});
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(
      items_.begin(), items_.end(),
      [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(items_.size()) - error_count();
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.path, a.line, a.column) <
                            std::tie(b.path, b.line, b.column);
                   });
}

LineIndex::LineIndex(std::string_view text) : text_(text), starts_{0} {
  for (std::size_t i = text.find('\n'); i != std::string_view::npos;
       i = text.find('\n', i + 1))
    starts_.push_back(i + 1);
}

std::string LineIndex::line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > starts_.size())
    return {};
  std::size_t start = starts_[static_cast<std::size_t>(line) - 1];
  std::size_t end = text_.find('\n', start);
  std::string result(
      text_.substr(start, end == std::string_view::npos ? end : end - start));
  if (!result.empty() && result.back() == '\r')
    result.pop_back();
  return result;
}

std::string line_of(const std::string& text, int line) {
  return LineIndex(text).line(line);
}

void Log::set_verbosity(Verbosity v) {
  g_verbosity = v;
}
Verbosity Log::verbosity() {
  return g_verbosity;
}

void Log::error(const std::string& message) {
  print_line("papersite: error: " + message);
}

void Log::warning(const std::string& message) {
  if (g_verbosity == Verbosity::kQuiet)
    return;
  print_line("papersite: warning: " + message);
}

void Log::info(const std::string& message) {
  if (g_verbosity == Verbosity::kQuiet)
    return;
  print_line("papersite: " + message);
}

void Log::verbose(const std::string& message) {
  if (g_verbosity != Verbosity::kVerbose)
    return;
  print_line("papersite: " + message);
}

void Log::print(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::kWarning && g_verbosity == Verbosity::kQuiet)
      continue;
    std::fputs(format_diagnostic(d).c_str(), stderr);
  }
}

}  // namespace papersite
