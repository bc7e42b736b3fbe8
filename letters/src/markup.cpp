#include "markup.hpp"

#include <algorithm>
#include <array>

#include "relance/formats/diagnostic.hpp"

namespace relance::letters::detail {

namespace {

constexpr std::array<std::string_view, 22> known_keywords = {
    "title", "columns", "box",   "line",  "end",  "fields", "field", "heading", "table", "head", "row",
    "note",  "totals",  "total", "grand", "para", "bold",   "small", "qr",      "space", "rule", "window"};
constexpr std::array<std::string_view, 2> page_keywords = {"footer", "pages"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits on unescaped '|' and resolves the escapes: "\|" is '|', "\\" is '\', "\n" a line break.
std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      const char next = line[++i];
      fields.back() += next == 'n' ? '\n' : next;
    } else if (c == '|') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  for (auto& f : fields) f = std::string(trim(f));
  return fields;
}

bool is_known(std::string_view keyword) {
  return std::find(known_keywords.begin(), known_keywords.end(), keyword) != known_keywords.end() ||
         std::find(page_keywords.begin(), page_keywords.end(), keyword) != page_keywords.end();
}

}  // namespace

const std::string& Instruction::field(std::size_t i) const {
  static const std::string empty;
  return i < fields.size() ? fields[i] : empty;
}

std::vector<Instruction> parse_markup(std::string_view text, std::string_view template_name) {
  std::vector<Instruction> out;
  int line_number = 0;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    const std::string_view raw = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    ++line_number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto fields = split_fields(line);
    Instruction ins;
    ins.keyword = std::move(fields.front());
    ins.fields.assign(std::make_move_iterator(fields.begin() + 1), std::make_move_iterator(fields.end()));
    ins.line = line_number;
    if (!is_known(ins.keyword)) {
      throw Error(Diagnostic{"RL-RENDER-002",
                             Severity::fatal,
                             Location{std::string(template_name), {}, 0, 0},
                             "line " + std::to_string(line_number) +
                                 " of the rendered template starts with '" + ins.keyword +
                                 "', which is not a page instruction (title, columns, box, line, fields, "
                                 "field, heading, table, head, row, note, totals, total, grand, para, bold, "
                                 "small, qr, space, rule, window, footer, pages, end)",
                             {}});
    }
    out.push_back(std::move(ins));
  }
  return out;
}

std::string markup_escape(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '|':
        out += "\\|";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace relance::letters::detail
