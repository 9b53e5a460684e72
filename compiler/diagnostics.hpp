// Diagnostics: content errors and warnings collected during a run, and the
// one place that prints anything (stderr only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace papersite {

enum class Severity { kError, kWarning };

// One problem in an input file. line/column are 1-based; 0 means unknown.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;  // as shown to the user (relative to the working dir)
  int line = 0;
  int column = 0;
  std::string message;
  std::string source_line;  // the offending line, shown under the message
};

// "path:line:col: error: message", then the source line and a caret when
// the source line is known. Ends with a newline.
std::string format_diagnostic(const Diagnostic& d);

// Collects every diagnostic of a run so that all are reported together.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string path, int line, int column, std::string message,
             std::string source_line = {});
  void warning(std::string path, int line, int column, std::string message,
               std::string source_line = {});

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }

  // Sorted by path, line, column so output is deterministic.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

// The lines of a text by number, for the source lines of diagnostics. The
// line starts are found once, so a file with thousands of diagnostics costs
// no more than one pass. `text` must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The line `line` (1-based), without its line ending; empty when out of
  // range.
  std::string line(int line) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// The line `line` (1-based) of `text`, without its line ending; empty when
// out of range.
std::string line_of(const std::string& text, int line);

enum class Verbosity { kQuiet, kNormal, kVerbose };

// Process-wide logger: "papersite: error: ...", "papersite: warning: ...".
// Only the CLI calls it; components return data.
class Log {
 public:
  static void set_verbosity(Verbosity v);
  static Verbosity verbosity();

  static void error(const std::string& message);
  static void warning(const std::string& message);
  static void info(const std::string& message);     // hidden by -q
  static void verbose(const std::string& message);  // shown with -v
  // Prints each diagnostic (warnings hidden by -q).
  static void print(const Diagnostics& diagnostics);
};

}  // namespace papersite
