// A theme is read whole before anything is rendered: theme.toml, each
// template it names and every file of partials/, never following symbolic
// links, and each is compiled once so a syntax error names its own file.
// Rendering builds the data model once, and its lists of papers per output
// (render_model.hpp), inlines the partials into each template and renders
// the outputs on every core, each through a context of our own: values are
// looked up as kainjow does, but a partial is only ever taken from the
// theme's partials, so a value of the content can never be taken for a
// template.
#include "render.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <kainjow/mustache.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "content_file.hpp"
#include "parallel.hpp"
#include "render_model.hpp"
#include "strings.hpp"
#include "toml_parser.hpp"

namespace papersite {

namespace fs = std::filesystem;
namespace mustache = kainjow::mustache;

namespace {

Error theme_error(std::string message) {
  return Error{ExitCode::kEnvironment, std::move(message)};
}

// Themes come from strangers too; these bounds keep one from making the
// render run out of memory or time. Real templates are a few KiB, nest
// sections a few levels and include a partial a few times.
constexpr std::uintmax_t kMaxThemeFileBytes = std::uintmax_t{256} * 1024;
constexpr int kMaxSectionDepth = 64;
constexpr std::size_t kMaxExpandedBytes = std::size_t{8} * 1024 * 1024;

// Regular files only: a symbolic link could lead out of the theme.
Result<std::string> read_theme_file(const fs::path& file) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(file, ec);
  if (fs::is_symlink(status))
    return theme_error(fmt::format(
        "'{}' is a symbolic link; themes are read without following links, "
        "copy the file into the theme",
        file.string()));
  if (!fs::is_regular_file(status))
    return theme_error(
        fmt::format("cannot read '{}': no such file", file.string()));
  std::uintmax_t size = fs::file_size(file, ec);
  if (!ec && size > kMaxThemeFileBytes)
    return theme_error(
        fmt::format("'{}' is {} bytes, over the limit of {} "
                    "for a theme file",
                    file.string(), size, kMaxThemeFileBytes));
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return theme_error(fmt::format("cannot read '{}': {}", file.string(),
                                   std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "line L, column C" of byte `offset` of `text`.
std::string line_and_column(const std::string& text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return fmt::format("line {}, column {}", line, offset - line_start + 1);
}

// kainjow reports byte offsets ("Unclosed tag at 57"); add line and column.
std::string locate_mustache_error(const std::string& message,
                                  const std::string& text) {
  static const std::regex kAt(R"( at (\d+)$)");
  std::smatch match;
  if (!std::regex_search(message, match, kAt))
    return message;
  std::size_t offset = std::stoul(match[1].str());
  if (offset > text.size())
    return message;
  return fmt::format("{} ({})", message, line_and_column(text, offset));
}

// kainjow parses and renders nested sections recursively, so a template
// nesting thousands of them exhausts memory; the depth is bounded. A
// set-delimiter tag ({{=<% %>=}}) is refused: partials included under
// other delimiters would escape the checks on includes (a partial
// including itself overflowed the stack). A malformed tag ends the scan
// and is left for kainjow to report.
Status check_tags(const fs::path& file, const std::string& text) {
  int depth = 0;
  for (std::size_t at = text.find("{{"); at != std::string::npos;
       at = text.find("{{", at)) {
    char kind = at + 2 < text.size() ? text[at + 2] : '\0';
    if (kind == '=')
      return theme_error(fmt::format(
          "template '{}' changes the tag delimiters ({}); papersite themes "
          "write every tag with {{{{ }}}}",
          file.string(), line_and_column(text, at)));
    if ((kind == '#' || kind == '^') && ++depth > kMaxSectionDepth)
      return theme_error(fmt::format(
          "template '{}' nests sections more than {} deep ({}); a page "
          "needs a few levels",
          file.string(), kMaxSectionDepth, line_and_column(text, at)));
    if (kind == '/')
      --depth;
    std::size_t end = text.find(kind == '{' ? "}}}" : "}}", at + 2);
    if (end == std::string::npos)
      return ok_status();
    at = end + 2;
  }
  return ok_status();
}

Status check_compiles(const fs::path& file, const std::string& text) {
  Status tags = check_tags(file, text);
  if (!tags.ok())
    return tags;
  mustache::mustache compiled{text};
  if (compiled.is_valid())
    return ok_status();
  return theme_error(
      fmt::format("template '{}' does not compile: {}", file.string(),
                  locate_mustache_error(compiled.error_message(), text)));
}

// The mustache spec drops a line that holds only a section, inverted, end
// or comment tag. kainjow drops such a line only when a section on it was
// rendered, and keeps it as a blank line when the section is false, empty
// or a comment. Every such line therefore gets an empty section of a value
// that is always true (kStandaloneMark, set in the output's value), which
// makes kainjow drop the line in every case, so templates can put each of
// these tags on its own line, as the page reads.
constexpr const char* kStandaloneMark = "papersite_standalone_line";

std::string drop_standalone_lines(const std::string& text) {
  static const std::regex kStandalone(
      R"(^[ \t]*(\{\{[#^/!][^{}]*\}\})[ \t]*(\r?)$)");
  static const std::string kMark =
      std::string("{{#") + kStandaloneMark + "}}{{/" + kStandaloneMark + "}}";
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::size_t next = end == std::string::npos ? text.size() : end + 1;
    std::string line = text.substr(
        start, (end == std::string::npos ? text.size() : end) - start);
    std::smatch match;
    if (std::regex_match(line, match, kStandalone)) {
      out += kMark + match[1].str() + match[2].str();
      if (end != std::string::npos)
        out += '\n';
    } else {
      out.append(text, start, next - start);
    }
    start = next;
  }
  return out;
}

// Each {{> name}} replaced by the partial's text, recursively. kainjow
// parses a partial again at every inclusion, thousands of times for the
// rows of a long list; inlining parses it once. The output is the same
// because partials see the context of their inclusion either way.
std::string inline_partials(const std::string& text,
                            const std::map<std::string, std::string>& partials,
                            int depth = 0) {
  static const std::regex kInclude(R"(\{\{\s*>\s*([^}]*?)\s*\}\})");
  if (depth > 32)
    return text;  // a loop; check_includes refuses it when loading
  std::string out;
  auto last = text.cbegin();
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kInclude);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& match = *it;
    out.append(last, match[0].first);
    auto partial = partials.find(match[1].str());
    if (partial == partials.end())
      out += match[0].str();  // left to the render, which reports it
    else
      out += inline_partials(partial->second, partials, depth + 1);
    last = match[0].second;
  }
  out.append(last, text.cend());
  return out;
}

bool is_plain_file_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find('/') == std::string_view::npos &&
         name.find('\\') == std::string_view::npos;
}

// Where theme.toml says something wrong: "'theme.toml' line 3: ...".
std::string at(const fs::path& file, const toml::node& node) {
  return fmt::format("'{}' line {}", file.string(), node.source().begin.line);
}

Result<std::string> string_key(const fs::path& file, const toml::table& table,
                               std::string_view key, bool required) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (!required)
      return std::string();
    return theme_error(
        fmt::format("{}: [[output]] needs '{}'", at(file, table), key));
  }
  if (!node->is_string())
    return theme_error(
        fmt::format("{}: '{}' must be a string", at(file, *node), key));
  return std::string(*node->value<std::string>());
}

Status check_output_path(const fs::path& file, const toml::table& table,
                         const ThemeOutput& output) {
  const std::string& path = output.path;
  if (!output.per_topic) {
    if (path.find("{{") != std::string::npos || !is_safe_output_path(path))
      return theme_error(fmt::format(
          "{}: path '{}' must be a relative path inside the output folder "
          "without '..' or '.git'; only per-topic outputs use {{{{slug}}}} "
          "or {{{{page}}}}",
          at(file, table), path));
    return ok_status();
  }
  Topic sample{"x", "x", "x"};
  Result<std::string> expanded = topic_output_path(path, sample);
  bool names_topic = path.find("{{slug}}") != std::string::npos ||
                     path.find("{{page}}") != std::string::npos;
  if (!names_topic || !expanded.ok() ||
      expanded->find("{{") != std::string::npos)
    return theme_error(fmt::format(
        "{}: per-topic path '{}' must name the topic with {{{{slug}}}} or "
        "{{{{page}}}} and stay inside the output folder",
        at(file, table), path));
  return ok_status();
}

Result<ThemeOutput> parse_output(const fs::path& file,
                                 const toml::table& table) {
  static const std::set<std::string, std::less<>> kKeys = {
      "name", "template", "path", "per_topic", "escape"};
  for (const auto& [key, node] : table) {
    if (kKeys.count(key.str()) == 0)
      return theme_error(fmt::format(
          "{}: unknown key '{}' in [[output]]; expected name, template, path, "
          "per_topic or escape",
          at(file, node), key.str()));
  }

  ThemeOutput output;
  auto name = string_key(file, table, "name", true);
  auto template_name = string_key(file, table, "template", true);
  auto path = string_key(file, table, "path", true);
  auto escape_name = string_key(file, table, "escape", true);
  for (const auto* r : {&name, &template_name, &path, &escape_name}) {
    if (!r->ok())
      return r->error();
  }
  output.name = *name;
  output.template_name = *template_name;
  output.path = *path;

  if (output.name.empty() ||
      output.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") !=
          std::string::npos)
    return theme_error(
        fmt::format("{}: name '{}' must be made of a-z, 0-9 "
                    "and '_'",
                    at(file, table), output.name));
  if (!is_plain_file_name(output.template_name))
    return theme_error(fmt::format(
        "{}: template '{}' must be a file name inside the theme folder",
        at(file, table), output.template_name));
  if (*escape_name == "markdown") {
    output.escape = EscapeMode::kMarkdown;
  } else if (*escape_name == "xml") {
    output.escape = EscapeMode::kXml;
  } else if (*escape_name == "none") {
    output.escape = EscapeMode::kNone;
  } else {
    return theme_error(
        fmt::format("{}: escape '{}' must be 'markdown', 'xml' or 'none'",
                    at(file, *table.get("escape")), *escape_name));
  }
  if (const toml::node* per_topic = table.get("per_topic")) {
    if (!per_topic->is_boolean())
      return theme_error(fmt::format("{}: 'per_topic' must be true or false",
                                     at(file, *per_topic)));
    output.per_topic = *per_topic->value<bool>();
  }
  Status path_ok = check_output_path(file, table, output);
  if (!path_ok.ok())
    return path_ok.error();
  return output;
}

Result<std::vector<ThemeOutput>> parse_theme_toml(const fs::path& file,
                                                  const std::string& text) {
  FileText screened = screen_toml_text(text);
  if (!screened.problem.empty())
    return theme_error(fmt::format("cannot parse '{}' line {}, column {}: {}",
                                   file.string(), screened.line,
                                   screened.column, screened.problem));
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    return theme_error(fmt::format("cannot parse '{}' line {}, column {}: {}",
                                   file.string(), e.source().begin.line,
                                   e.source().begin.column, e.description()));
  }
  for (const auto& [key, node] : root) {
    if (key.str() != "output")
      return theme_error(fmt::format(
          "{}: unknown key '{}'; a theme.toml holds [[output]] tables",
          at(file, node), key.str()));
  }
  const toml::array* array = root["output"].as_array();
  if (array == nullptr || array->empty())
    return theme_error(fmt::format(
        "'{}' names no output; add an [[output]] table", file.string()));

  std::vector<ThemeOutput> outputs;
  std::set<std::string> names;
  for (const toml::node& node : *array) {
    const toml::table* table = node.as_table();
    if (table == nullptr)
      return theme_error(fmt::format("{}: 'output' must be [[output]] tables",
                                     at(file, node)));
    auto output = parse_output(file, *table);
    if (!output.ok())
      return output.error();
    if (!names.insert(output->name).second)
      return theme_error(fmt::format("{}: a second output named '{}'",
                                     at(file, *table), output->name));
    outputs.push_back(std::move(*output));
  }
  return outputs;
}

// Every partial of partials/: regular files named NAME.mustache.
Status read_partials(const fs::path& dir, Theme& theme) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(dir, ec);
  if (fs::is_symlink(status))
    return theme_error(fmt::format(
        "'{}' is a symbolic link; themes are read without following links",
        dir.string()));
  if (!fs::exists(status))
    return ok_status();
  if (!fs::is_directory(status))
    return theme_error(
        fmt::format("'{}' must be a folder of partials", dir.string()));
  theme.files_read.push_back(fs::absolute(dir).lexically_normal());

  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".mustache")
      files.push_back(entry.path());
  }
  if (ec)
    return theme_error(
        fmt::format("cannot read '{}': {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto text = read_theme_file(file);
    if (!text.ok())
      return text.error();
    Status compiles = check_compiles(file, *text);
    if (!compiles.ok())
      return compiles;
    if (!text->empty() && text->back() == '\n')
      text->pop_back();
    if (!text->empty() && text->back() == '\r')
      text->pop_back();
    theme.partials[file.stem().string()] = std::move(*text);
    theme.files_read.push_back(fs::absolute(file).lexically_normal());
  }
  return ok_status();
}

// Names of the partials `text` includes ({{> name}}, default delimiters).
std::vector<std::string> included_partials(const std::string& text) {
  static const std::regex kInclude(R"(\{\{\s*>\s*([^}]*?)\s*\}\})");
  std::vector<std::string> names;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kInclude);
       it != std::sregex_iterator(); ++it)
    names.push_back((*it)[1].str());
  return names;
}

Status check_includes(const Theme& theme) {
  auto check_one = [&](const fs::path& file,
                       const std::string& text) -> Status {
    for (const std::string& name : included_partials(text)) {
      if (!is_plain_file_name(name) || name.find("..") != std::string::npos)
        return theme_error(fmt::format(
            "'{}' includes partial '{}'; a partial is named by its file in "
            "partials/, without '/' or '..'",
            file.string(), name));
      if (theme.partials.count(name) == 0)
        return theme_error(fmt::format(
            "'{}' includes partial '{}', but '{}' does not exist",
            file.string(), name,
            (theme.dir / "partials" / (name + ".mustache")).string()));
    }
    return ok_status();
  };
  for (const auto& [name, text] : theme.templates) {
    Status s = check_one(theme.dir / name, text);
    if (!s.ok())
      return s;
  }
  for (const auto& [name, text] : theme.partials) {
    Status s = check_one(theme.dir / "partials" / (name + ".mustache"), text);
    if (!s.ok())
      return s;
  }

  // A partial that reaches itself would render forever.
  std::map<std::string, int> state;  // 1: on the path, 2: done
  std::function<Status(const std::string&)> visit =
      [&](const std::string& name) -> Status {
    state[name] = 1;
    for (const std::string& next : included_partials(theme.partials.at(name))) {
      if (state[next] == 1)
        return theme_error(fmt::format(
            "partial '{}' includes itself through '{}'; a partial cannot "
            "recurse",
            next, name));
      if (state[next] == 0) {
        Status s = visit(next);
        if (!s.ok())
          return s;
      }
    }
    state[name] = 2;
    return ok_status();
  };
  for (const auto& [name, text] : theme.partials) {
    if (state[name] == 0) {
      Status s = visit(name);
      if (!s.ok())
        return s;
    }
  }

  // The render inlines a partial at each inclusion: partials that each
  // include the next twice would double the text at every level.
  std::map<std::string, std::size_t> expanded;
  std::function<std::size_t(const std::string&)> size_of =
      [&](const std::string& text) {
        std::size_t total = text.size();
        for (const std::string& name : included_partials(text)) {
          auto [it, fresh] = expanded.try_emplace(name, 0);
          if (fresh)
            it->second = size_of(theme.partials.at(name));
          total = std::min(total + it->second, kMaxExpandedBytes + 1);
        }
        return total;
      };
  for (const auto& [name, text] : theme.templates) {
    if (size_of(text) > kMaxExpandedBytes)
      return theme_error(fmt::format(
          "template '{}' with its partials inlined is over {} bytes; include "
          "each partial a few times, not in a chain that multiplies them",
          (theme.dir / name).string(), kMaxExpandedBytes));
  }
  return ok_status();
}

// kainjow's lookup of names through the stack of contexts, with partials
// taken only from the theme and the deferred lists of the model built on
// first use. A partial it cannot find is remembered, so the render fails
// instead of silently printing nothing.
class ThemeContext : public mustache::basic_context<std::string> {
 public:
  ThemeContext(const TemplateData* model, const mustache::data* partials)
      : model_(model), partials_(partials) {}

  void push(const mustache::data* data) override {
    items_.insert(items_.begin(), data);
  }
  void pop() override { items_.erase(items_.begin()); }

  const mustache::data* get(const std::string& name) const override {
    if (name == ".")
      return items_.front();
    if (name.find('.') == std::string::npos) {
      for (const mustache::data* item : items_) {
        if (const mustache::data* value = member(*item, name))
          return value;
      }
      return nullptr;
    }
    std::vector<std::string> parts;
    for (std::string_view part : split(name, '.'))
      parts.emplace_back(part);
    for (const mustache::data* item : items_) {
      const mustache::data* value = item;
      for (const std::string& part : parts) {
        value = member(*value, part);
        if (value == nullptr)
          break;
      }
      if (value != nullptr)
        return value;
    }
    return nullptr;
  }

  const mustache::data* get_partial(const std::string& name) const override {
    const mustache::data* partial = partials_->get(name);
    if (partial == nullptr && missing_.empty())
      missing_ = name;
    return partial;
  }

  const std::string& missing() const { return missing_; }

 private:
  const mustache::data* member(const mustache::data& owner,
                               const std::string& name) const {
    return model_->member(owner, name, made_);
  }

  const TemplateData* model_;
  const mustache::data* partials_;
  std::vector<const mustache::data*> items_;
  mutable DeferredValues made_;
  mutable std::string missing_;
};

struct RenderJob {
  const ThemeOutput* output;
  std::string path;
  std::optional<std::size_t> topic;  // per-topic outputs: index in view
};

// Every file to write, in theme order and topics in display order. Fails
// when a topic's page leaves the output folder or two outputs would write
// the same file.
Result<std::vector<RenderJob>> plan_jobs(const Theme& theme, const View& view) {
  std::vector<RenderJob> jobs;
  std::map<std::string, std::string> path_owner;
  for (const ThemeOutput& output : theme.outputs) {
    std::vector<RenderJob> mine;
    if (!output.per_topic) {
      mine.push_back({&output, output.path, std::nullopt});
    } else {
      for (std::size_t i = 0; i < view.topics.size(); ++i) {
        auto path = topic_output_path(output.path, *view.topics[i].topic);
        if (!path.ok())
          return path.error();
        mine.push_back({&output, *path, i});
      }
    }
    for (RenderJob& job : mine) {
      auto [it, fresh] = path_owner.emplace(job.path, output.template_name);
      if (!fresh)
        return theme_error(fmt::format(
            "templates '{}' and '{}' both write '{}'; give each output its "
            "own path",
            it->second, output.template_name, job.path));
      jobs.push_back(std::move(job));
    }
  }
  // A page named like another output's folder ("feeds") could not be both.
  for (const auto& [path, owner] : path_owner) {
    auto inside = path_owner.lower_bound(path + "/");
    if (inside != path_owner.end() && inside->first.starts_with(path + "/"))
      return theme_error(fmt::format(
          "template '{}' writes '{}', which template '{}' needs as the "
          "folder of '{}'; rename one of them",
          owner, path, inside->second, inside->first));
  }
  return jobs;
}

// The theme's partials, prepared once: as text to inline into templates,
// and as values for the includes only found while rendering.
class Partials {
 public:
  explicit Partials(const Theme& theme)
      : dir_(theme.dir / "partials"), values_(mustache::data::type::object) {
    for (const auto& [name, text] : theme.partials) {
      texts_[name] = drop_standalone_lines(text);
      values_.set(name, texts_[name]);
    }
  }

  std::string inline_into(const std::string& text) const {
    return inline_partials(drop_standalone_lines(text), texts_);
  }
  const mustache::data* values() const { return &values_; }
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
  std::map<std::string, std::string> texts_;
  mustache::data values_;
};

// One file: the output's value above the topic's (per-topic outputs) above
// the root.
Result<std::string> render_job(mustache::mustache& compiled,
                               const RenderJob& job, const TemplateData& data,
                               const Partials& partials, const View& view,
                               const fs::path& file) {
  mustache::data layer = output_value(view.content->site, job.path);
  layer.set(kStandaloneMark, true);
  ThemeContext context(&data, partials.values());
  context.push(&data.root());
  if (job.topic)
    context.push(&data.topic(*job.topic));
  context.push(&layer);

  std::string bytes = compiled.render(context);
  if (!compiled.is_valid())
    return theme_error(fmt::format("template '{}' failed to render '{}': {}",
                                   file.string(), job.path,
                                   compiled.error_message()));
  if (!context.missing().empty())
    return theme_error(fmt::format(
        "template '{}' includes partial '{}', which is not a file of '{}'",
        file.string(), context.missing(), partials.dir().string()));
  return bytes;
}

}  // namespace

Result<Theme> load_theme(const fs::path& dir) {
  Theme theme;
  theme.dir = dir;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec)))
    return theme_error(fmt::format(
        "theme folder '{}' does not exist or is not a folder; pass --theme "
        "with a folder holding theme.toml",
        dir.string()));
  theme.files_read.push_back(fs::absolute(dir).lexically_normal());

  fs::path toml_file = dir / "theme.toml";
  auto toml_text = read_theme_file(toml_file);
  if (!toml_text.ok())
    return toml_text.error();
  theme.files_read.push_back(fs::absolute(toml_file).lexically_normal());
  auto outputs = parse_theme_toml(toml_file, *toml_text);
  if (!outputs.ok())
    return outputs.error();
  theme.outputs = std::move(*outputs);

  for (const ThemeOutput& output : theme.outputs) {
    if (theme.templates.count(output.template_name) != 0)
      continue;
    fs::path file = dir / output.template_name;
    auto text = read_theme_file(file);
    if (!text.ok())
      return text.error();
    Status compiles = check_compiles(file, *text);
    if (!compiles.ok())
      return compiles.error();
    theme.templates[output.template_name] = std::move(*text);
    theme.files_read.push_back(fs::absolute(file).lexically_normal());
  }

  Status partials = read_partials(dir / "partials", theme);
  if (!partials.ok())
    return partials.error();
  Status includes = check_includes(theme);
  if (!includes.ok())
    return includes.error();
  return theme;
}

Result<std::vector<RenderedFile>> render_site(const Theme& theme,
                                              const View& view) {
  // A Theme may come from elsewhere than load_theme: check its includes
  // before inlining them, and every path before rendering anything.
  Status includes = check_includes(theme);
  if (!includes.ok())
    return includes.error();
  auto jobs = plan_jobs(theme, view);
  if (!jobs.ok())
    return jobs.error();

  TemplateData data(view, theme.outputs);
  Partials partials(theme);

  // Each output's template with its partials inlined, checked first so
  // that an error names the template's own file.
  std::vector<std::string> inlined;
  for (const ThemeOutput& output : theme.outputs) {
    fs::path file = theme.dir / output.template_name;
    auto found = theme.templates.find(output.template_name);
    if (found == theme.templates.end())
      return theme_error(
          fmt::format("template '{}' is named in theme.toml but was not loaded",
                      file.string()));
    Status compiles = check_compiles(file, found->second);
    if (!compiles.ok())
      return compiles.error();
    inlined.push_back(partials.inline_into(found->second));
  }

  // Jobs share nothing they write to: each thread compiles its own copy of
  // a template (kainjow keeps state in it while rendering) and each job
  // builds the lists it names in its own context.
  std::vector<std::vector<std::optional<mustache::mustache>>> compiled(
      worker_count(),
      std::vector<std::optional<mustache::mustache>>(theme.outputs.size()));
  std::vector<Result<std::string>> rendered(jobs->size(), std::string());
  parallel_for(jobs->size(), [&](std::size_t i, std::size_t worker) {
    const RenderJob& job = (*jobs)[i];
    auto index = static_cast<std::size_t>(job.output - theme.outputs.data());
    std::optional<mustache::mustache>& mine = compiled[worker][index];
    if (!mine) {
      mine.emplace(inlined[index]);
      EscapeMode mode = job.output->escape;
      mine->set_custom_escape(
          [mode](const std::string& text) { return escape(mode, text); });
    }
    rendered[i] = render_job(*mine, job, data, partials, view,
                             theme.dir / job.output->template_name);
  });

  std::vector<RenderedFile> files;
  for (std::size_t i = 0; i < jobs->size(); ++i) {
    if (!rendered[i].ok())
      return rendered[i].error();
    files.push_back({(*jobs)[i].path, std::move(*rendered[i])});
  }
  return files;
}

}  // namespace papersite
