#include "layout.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>

#include "relance/formats/diagnostic.hpp"

namespace relance::letters::detail {

namespace {

constexpr double margin_left = 45;
constexpr double margin_right = 45;
constexpr double margin_top = 45;
constexpr double content_bottom = 62;  // the footer lives below
constexpr double content_width = a4_width - margin_left - margin_right;
constexpr double line_factor = 1.22;

constexpr double body_size = 9;
constexpr double small_size = 7.5;
constexpr double table_size = 8.5;
constexpr double label_gray = 0.35;

enum class Align { left, right, center };

std::size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

[[noreturn]] void markup_error(std::string_view template_name, const Instruction& ins,
                               const std::string& what) {
  throw Error(Diagnostic{
      "RL-RENDER-002",
      Severity::fatal,
      Location{std::string(template_name), {}, 0, 0},
      "line " + std::to_string(ins.line) + " of the rendered template ('" + ins.keyword + "'): " + what,
      {}});
}

struct Column {
  double weight = 1;
  Align align = Align::left;
};

struct BoxLine {
  FontStyle style = FontStyle::regular;
  std::string text;
};
struct Box {
  std::string heading;
  std::vector<BoxLine> lines;
};

class Layouter {
 public:
  Layouter(const FontSet& fonts, std::string_view template_name)
      : fonts_(fonts), template_name_(template_name) {
    new_page();
  }

  std::vector<PageContent> run(const std::vector<Instruction>& ins) {
    for (std::size_t i = 0; i < ins.size(); ++i) i = step(ins, i);
    finish_pages();
    return std::move(pages_);
  }

 private:
  const FontFace& face(FontStyle s) const { return s == FontStyle::bold ? fonts_.bold : fonts_.regular; }
  static double line_height(double size) { return size * line_factor; }

  void new_page() {
    pages_.emplace_back();
    y_ = a4_height - margin_top;
  }
  PageContent& page() { return pages_.back(); }
  // Starts a new page unless `height` still fits; true when it did.
  bool ensure(double height) {
    if (y_ - height >= content_bottom || y_ >= a4_height - margin_top - 0.01) return false;
    new_page();
    return true;
  }

  void text(double x, double top, double size, FontStyle style, std::string s, double gray = 0) {
    const double baseline = top - size * face(style).ascent() / 1000.0;
    page().texts.push_back(TextOp{x, baseline, size, style, gray, std::move(s)});
  }
  void aligned_text(double x, double width, double top, double size, FontStyle style, const std::string& s,
                    Align align, double gray = 0) {
    const double w = face(style).text_width(s, size);
    double at = x;
    if (align == Align::right) at = x + width - w;
    if (align == Align::center) at = x + (width - w) / 2;
    text(at, top, size, style, s, gray);
  }
  std::vector<std::string> wrap(FontStyle style, std::string_view s, double size, double width) const {
    // Line breaks first: printable_text() would turn them into '?'.
    auto lines = wrap_text(face(style), s, size, width);
    for (auto& l : lines) l = printable_text(face(style), l);
    return lines;
  }

  // One line of a cell, with the space to leave after it.
  struct Styled {
    FontStyle style = FontStyle::regular;
    double size = body_size;
    double gray = 0;
    std::string text;
    double after = 0;
  };
  struct Cell {
    double x = 0;
    double width = 0;
    Align align = Align::left;
    std::vector<Styled> lines;
  };
  void add_lines(Cell& cell, FontStyle style, double size, double gray, std::string_view s,
                 double after = 0) const {
    for (auto& l : wrap(style, s, size, cell.width))
      cell.lines.push_back(Styled{style, size, gray, std::move(l), 0});
    if (after > 0 && !cell.lines.empty()) cell.lines.back().after += after;
  }
  static double row_height_at(const std::vector<Cell>& cells, std::size_t k) {
    double h = 0;
    for (const auto& c : cells)
      if (k < c.lines.size()) h = std::max(h, line_height(c.lines[k].size) + c.lines[k].after);
    return h;
  }
  static std::size_t row_count(const std::vector<Cell>& cells) {
    std::size_t n = 0;
    for (const auto& c : cells) n = std::max(n, c.lines.size());
    return n;
  }
  static double cells_height(const std::vector<Cell>& cells) {
    double h = 0;
    for (std::size_t k = 0, n = row_count(cells); k < n; ++k) h += row_height_at(cells, k);
    return h;
  }
  static constexpr double page_capacity = a4_height - margin_top - content_bottom;
  // Starts a new page for a block that fits on one but not in what is left of this one.
  bool keep_together(double height) { return height <= page_capacity && ensure(height); }

  // Draws cells side by side one row of lines at a time: a block taller than a page goes on over
  // the next (on_new_page redraws what must be repeated there, a table's head).
  void draw_cells(const std::vector<Cell>& cells, double pad_top, double pad_bottom, double fill_gray,
                  const std::function<void()>& on_new_page) {
    auto fill = [&](double height) {
      if (fill_gray >= 0 && height > 0)
        page().rects.push_back(RectOp{margin_left, y_ - height, content_width, height, fill_gray});
    };
    fill(pad_top);
    y_ -= pad_top;
    const std::size_t rows = row_count(cells);
    for (std::size_t k = 0; k < rows; ++k) {
      const double h = row_height_at(cells, k);
      if (ensure(h + (k + 1 == rows ? pad_bottom : 0)) && on_new_page) on_new_page();
      fill(h);
      for (const auto& c : cells) {
        if (k >= c.lines.size()) continue;
        const Styled& l = c.lines[k];
        aligned_text(c.x, c.width, y_, l.size, l.style, l.text, c.align, l.gray);
      }
      y_ -= h;
    }
    fill(pad_bottom);
    y_ -= pad_bottom;
  }

  std::size_t step(const std::vector<Instruction>& ins, std::size_t i) {
    const Instruction& in = ins[i];
    const std::string& k = in.keyword;
    if (k == "title") return title(in), i;
    if (k == "heading") return heading(in), i;
    if (k == "para") return paragraph(in.field(0), FontStyle::regular, body_size, 0), i;
    if (k == "bold") return paragraph(in.field(0), FontStyle::bold, body_size, 0), i;
    if (k == "small") return paragraph(in.field(0), FontStyle::regular, small_size, label_gray), i;
    if (k == "space") return space(in), i;
    if (k == "rule") return rule(), i;
    if (k == "qr") return qr(in), i;
    if (k == "window") return window(in), i;
    if (k == "footer") return footer_ = in.field(0), i;
    if (k == "pages") return pages_pattern_ = in.field(0), i;
    if (k == "columns") return columns(ins, i);
    if (k == "fields") return fields(ins, i);
    if (k == "table") return table(ins, i);
    if (k == "totals") return totals(ins, i);
    markup_error(template_name_, in, "only allowed inside a block that it belongs to");
  }

  void title(const Instruction& in) {
    constexpr double size = 18;
    constexpr double right_size = 11;
    const double right_width = content_width * 0.45;
    Cell right{margin_left + content_width - right_width, right_width, Align::right, {}};
    add_lines(right, FontStyle::bold, right_size, 0, in.field(1));
    Cell left{margin_left, content_width - (right.lines.empty() ? 0 : right_width + 10), Align::left, {}};
    add_lines(left, FontStyle::bold, size, 0, in.field(0));
    std::vector<Cell> cells{left, right};
    keep_together(cells_height(cells) + 6);
    draw_cells(cells, 0, 6, -1, nullptr);
  }

  void heading(const Instruction& in) {
    constexpr double size = 10.5;
    y_ -= 6;
    Cell cell{margin_left, content_width, Align::left, {}};
    add_lines(cell, FontStyle::bold, size, 0, in.field(0), 2);
    // A heading alone at the foot of a page is useless: keep it with a few lines of what follows.
    keep_together(cells_height({cell}) + 4 * line_height(body_size));
    draw_cells({cell}, 0, 0, -1, nullptr);
  }

  void paragraph(std::string_view s, FontStyle style, double size, double gray) {
    for (auto& l : wrap(style, s, size, content_width)) {
      ensure(line_height(size));
      text(margin_left, y_, size, style, l, gray);
      y_ -= line_height(size);
    }
    y_ -= size * 0.4;
  }

  void space(const Instruction& in) {
    double points = 0;
    const auto& f = in.field(0);
    auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), points);
    if (ec != std::errc{} || p != f.data() + f.size() || points < 0 || points > 400)
      markup_error(template_name_, in, "expects a number of points between 0 and 400, got '" + f + "'");
    y_ -= points;
    if (y_ < content_bottom) new_page();
  }

  void rule() {
    ensure(6);
    page().lines.push_back(LineOp{margin_left, y_ - 2, margin_left + content_width, y_ - 2, 0.5, 0.6});
    y_ -= 6;
  }

  // The recipient's address in the window of a right-window DL/C5 envelope (NF EN ISO 269: the
  // window sits about 100 mm from the left edge and 45-90 mm from the top of the folded A4), so
  // a postal service prints and posts the page as it is. The text that follows starts below it.
  void window(const Instruction& in) {
    constexpr double mm = 72.0 / 25.4;
    const double x = 105 * mm;
    const double top = a4_height - 50 * mm;
    const double bottom = a4_height - 88 * mm;
    const double width = a4_width - margin_right - x;
    double line_top = top;
    for (auto& l : wrap(FontStyle::regular, in.field(0), 10, width)) {
      if (line_top - line_height(10) < bottom) break;  // never outside the window
      text(x, line_top, 10, FontStyle::regular, l);
      line_top -= line_height(10);
    }
    y_ = std::min(y_, bottom - 10);
  }

  void qr(const Instruction& in) {
    if (in.field(0).empty()) return;
    const QrMatrix matrix = encode_qr(in.field(0));
    constexpr double side = 78;  // about 2.75 cm: EPC asks for at least 2.5 cm so phones read it
    const double module = side / matrix.size;
    const double caption_x = margin_left + side + 12;
    auto caption = wrap(FontStyle::regular, in.field(1), small_size, content_width - side - 12);
    const double height = std::max(side, static_cast<double>(caption.size()) * line_height(small_size)) + 4;
    ensure(height);
    page().qr_codes.push_back(QrOp{margin_left, y_ - side, module, matrix});
    double top = y_;
    for (auto& l : caption) {
      text(caption_x, top, small_size, FontStyle::regular, l, label_gray);
      top -= line_height(small_size);
    }
    y_ -= height + 4;
  }

  // Collects box / line / bold until 'end'.
  std::size_t columns(const std::vector<Instruction>& ins, std::size_t i) {
    std::vector<Box> boxes;
    std::size_t j = i + 1;
    for (; j < ins.size() && ins[j].keyword != "end"; ++j) {
      const auto& in = ins[j];
      if (in.keyword == "box") {
        boxes.push_back(Box{in.field(0), {}});
      } else if (in.keyword == "line" || in.keyword == "bold") {
        if (boxes.empty()) markup_error(template_name_, in, "a line needs a 'box' before it");
        boxes.back().lines.push_back(
            BoxLine{in.keyword == "bold" ? FontStyle::bold : FontStyle::regular, in.field(0)});
      } else {
        markup_error(template_name_, in, "inside 'columns' only box, line, bold and end are allowed");
      }
    }
    if (j == ins.size()) markup_error(template_name_, ins[i], "has no matching 'end'");
    if (boxes.empty()) return j;
    constexpr double gap = 14;
    const double count = static_cast<double>(boxes.size());
    const double width = (content_width - gap * (count - 1)) / count;
    std::vector<Cell> cells;
    for (std::size_t b = 0; b < boxes.size(); ++b) {
      Cell cell{margin_left + static_cast<double>(b) * (width + gap), width, Align::left, {}};
      add_lines(cell, FontStyle::bold, small_size, label_gray, boxes[b].heading, 3);
      for (auto& l : boxes[b].lines) add_lines(cell, l.style, body_size, 0, l.text);
      cells.push_back(std::move(cell));
    }
    keep_together(cells_height(cells) + 4);
    for (const auto& c : cells) page().lines.push_back(LineOp{c.x, y_ + 2, c.x + c.width, y_ + 2, 0.4, 0.7});
    draw_cells(cells, 0, 10, -1, nullptr);
    return j;
  }

  std::size_t fields(const std::vector<Instruction>& ins, std::size_t i) {
    int per_row = 4;
    const auto& f = ins[i].field(0);
    if (!f.empty()) {
      auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), per_row);
      if (ec != std::errc{} || p != f.data() + f.size() || per_row < 1 || per_row > 6)
        markup_error(template_name_, ins[i], "expects 1 to 6 fields per row, got '" + f + "'");
    }
    std::vector<std::pair<std::string, std::string>> entries;
    std::size_t j = i + 1;
    for (; j < ins.size() && ins[j].keyword != "end"; ++j) {
      if (ins[j].keyword != "field")
        markup_error(template_name_, ins[j], "inside 'fields' only field and end are allowed");
      entries.emplace_back(ins[j].field(0), ins[j].field(1));
    }
    if (j == ins.size()) markup_error(template_name_, ins[i], "has no matching 'end'");
    constexpr double gap = 10;
    const double cols = static_cast<double>(per_row);
    const double width = (content_width - gap * (cols - 1)) / cols;
    for (std::size_t start = 0; start < entries.size(); start += static_cast<std::size_t>(per_row)) {
      const std::size_t stop = std::min(entries.size(), start + static_cast<std::size_t>(per_row));
      std::vector<Cell> cells;
      for (std::size_t e = start; e < stop; ++e) {
        Cell cell{margin_left + static_cast<double>(e - start) * (width + gap), width, Align::left, {}};
        add_lines(cell, FontStyle::regular, small_size, label_gray, entries[e].first);
        add_lines(cell, FontStyle::bold, body_size, 0, entries[e].second);
        cells.push_back(std::move(cell));
      }
      keep_together(cells_height(cells) + 6);
      draw_cells(cells, 0, 6, -1, nullptr);
    }
    y_ -= 4;
    return j;
  }

  std::vector<Column> parse_columns(const Instruction& in) {
    std::vector<Column> cols;
    for (const auto& spec : in.fields) {
      Column c;
      std::string_view s = spec;
      const auto space = s.find(' ');
      const std::string_view number = s.substr(0, space);
      const std::string_view align =
          space == std::string_view::npos ? std::string_view{} : s.substr(space + 1);
      auto [p, ec] = std::from_chars(number.data(), number.data() + number.size(), c.weight);
      if (ec != std::errc{} || p != number.data() + number.size() || c.weight <= 0)
        markup_error(template_name_, in, "column '" + spec + "' should be a relative width and l, r or c");
      if (align == "r")
        c.align = Align::right;
      else if (align == "c")
        c.align = Align::center;
      else if (!align.empty() && align != "l")
        markup_error(template_name_, in, "column '" + spec + "' should be a relative width and l, r or c");
      cols.push_back(c);
    }
    if (cols.empty()) markup_error(template_name_, in, "needs at least one column");
    return cols;
  }

  struct TableGeometry {
    std::vector<double> x, width;
    std::vector<Align> align;
  };
  static constexpr double cell_pad = 3;

  std::vector<Cell> table_cells(const TableGeometry& g, const std::vector<std::string>& fields,
                                FontStyle style, double size) const {
    std::vector<Cell> cells;
    for (std::size_t c = 0; c < g.x.size(); ++c) {
      Cell cell{g.x[c] + cell_pad, g.width[c] - 2 * cell_pad, g.align[c], {}};
      if (c < fields.size()) add_lines(cell, style, size, 0, fields[c]);
      cells.push_back(std::move(cell));
    }
    return cells;
  }

  std::size_t table(const std::vector<Instruction>& ins, std::size_t i) {
    const auto cols = parse_columns(ins[i]);
    TableGeometry g;
    double total = 0;
    for (auto& c : cols) total += c.weight;
    double x = margin_left;
    for (auto& c : cols) {
      const double w = content_width * c.weight / total;
      g.x.push_back(x);
      g.width.push_back(w);
      g.align.push_back(c.align);
      x += w;
    }
    std::vector<Cell> head;
    std::function<void()> draw_head = [&] {
      if (!head.empty()) draw_cells(head, cell_pad, cell_pad, 0.92, nullptr);
    };
    std::size_t j = i + 1;
    bool first_row = true;
    for (; j < ins.size() && ins[j].keyword != "end"; ++j) {
      const auto& in = ins[j];
      if (in.keyword == "head") {
        head = table_cells(g, in.fields, FontStyle::bold, small_size);
        // A head alone at the foot of a page is useless: keep it with two rows.
        keep_together(cells_height(head) + 2 * cell_pad + 2 * line_height(table_size) + 2 * cell_pad);
        draw_head();
      } else if (in.keyword == "row") {
        const auto cells = table_cells(g, in.fields, FontStyle::regular, table_size);
        if (keep_together(cells_height(cells) + 2 * cell_pad)) draw_head();
        if (!first_row)
          page().lines.push_back(LineOp{margin_left, y_, margin_left + content_width, y_, 0.3, 0.8});
        first_row = false;
        draw_cells(cells, cell_pad, cell_pad, -1, draw_head);
      } else if (in.keyword == "note") {
        // Spans the row from the second column: details of the line above (note, allowances).
        const std::size_t from = g.x.size() > 1 ? 1 : 0;
        const double left = g.x[from] + cell_pad;
        Cell cell{left, margin_left + content_width - left - cell_pad, Align::left, {}};
        add_lines(cell, FontStyle::regular, small_size, label_gray, in.field(0));
        y_ += cell_pad / 2 + 1;  // a note belongs to the row above: pull it up into its padding
        draw_cells({cell}, 0, cell_pad, -1, draw_head);
      } else {
        markup_error(template_name_, in, "inside 'table' only head, row, note and end are allowed");
      }
    }
    if (j == ins.size()) markup_error(template_name_, ins[i], "has no matching 'end'");
    page().lines.push_back(LineOp{margin_left, y_, margin_left + content_width, y_, 0.5, 0.6});
    y_ -= 8;
    return j;
  }

  std::size_t totals(const std::vector<Instruction>& ins, std::size_t i) {
    const double width = content_width * 0.5;
    const double x = margin_left + content_width - width;
    const double value_width = width * 0.42;
    struct Entry {
      bool grand;
      std::vector<Cell> cells;
    };
    std::vector<Entry> entries;
    double height = 0;
    std::size_t j = i + 1;
    for (; j < ins.size() && ins[j].keyword != "end"; ++j) {
      const auto& in = ins[j];
      if (in.keyword != "total" && in.keyword != "grand")
        markup_error(template_name_, in, "inside 'totals' only total, grand and end are allowed");
      const bool grand = in.keyword == "grand";
      const FontStyle style = grand ? FontStyle::bold : FontStyle::regular;
      const double size = grand ? 10.5 : body_size;
      Cell label{x, width - value_width - 6, Align::left, {}};
      add_lines(label, style, size, 0, in.field(0));
      // An amount is never cut: one too wide for its column gets a smaller size.
      Cell value{x, width, Align::right, {}};
      const std::string text = printable_text(face(style), in.field(1));
      const double w = face(style).text_width(text, size);
      value.lines.push_back(Styled{style, w > width - 4 ? size * (width - 4) / w : size, 0, text, 0});
      Entry e{grand, {std::move(label), std::move(value)}};
      height += cells_height(e.cells) + (grand ? 5 : 1);
      entries.push_back(std::move(e));
    }
    if (j == ins.size()) markup_error(template_name_, ins[i], "has no matching 'end'");
    keep_together(height + 4);
    for (auto& e : entries) {
      if (e.grand) {
        ensure(4 + cells_height(e.cells));
        page().lines.push_back(LineOp{x, y_ - 1, x + width, y_ - 1, 0.6, 0.3});
        y_ -= 4;
      }
      draw_cells(e.cells, 0, 1, -1, nullptr);
    }
    y_ -= 8;
    return j;
  }

  void finish_pages() {
    const std::string pattern = pages_pattern_.empty() ? std::string("{page} / {pages}") : pages_pattern_;
    const std::string count = std::to_string(pages_.size());
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      std::string label = pattern;
      for (auto [key, value] : {std::pair<std::string, std::string>{"{page}", std::to_string(p + 1)},
                                std::pair<std::string, std::string>{"{pages}", count}}) {
        for (auto at = label.find(key); at != std::string::npos; at = label.find(key, at + value.size()))
          label.replace(at, key.size(), value);
      }
      PageContent& pc = pages_[p];
      const double top = content_bottom - 14;
      pc.lines.push_back(LineOp{margin_left, top + 6, margin_left + content_width, top + 6, 0.4, 0.7});
      label = printable_text(fonts_.regular, label);
      const double label_w = fonts_.regular.text_width(label, small_size);
      const double y_label = top - small_size * fonts_.regular.ascent() / 1000.0;
      pc.texts.push_back(TextOp{margin_left + content_width - label_w, y_label, small_size,
                                FontStyle::regular, label_gray, label});
      double line_top = top;
      for (auto& l : wrap(FontStyle::regular, footer_, small_size, content_width - label_w - 20)) {
        pc.texts.push_back(TextOp{margin_left, line_top - small_size * fonts_.regular.ascent() / 1000.0,
                                  small_size, FontStyle::regular, label_gray, l});
        line_top -= line_height(small_size);
        if (line_top < 12) break;
      }
    }
  }

  const FontSet& fonts_;
  std::string_view template_name_;
  std::vector<PageContent> pages_;
  double y_ = 0;
  std::string footer_;
  std::string pages_pattern_;
};

}  // namespace

std::vector<std::string> wrap_text(const FontFace& face, std::string_view text, double size, double width) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  const double space_w = face.text_width(" ", size);
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto nl = text.find('\n', start);
    const std::string_view paragraph =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    std::string current;
    double current_w = 0;
    std::size_t pos = 0;
    while (pos < paragraph.size()) {
      while (pos < paragraph.size() && paragraph[pos] == ' ') ++pos;
      if (pos >= paragraph.size()) break;
      auto end = paragraph.find(' ', pos);
      if (end == std::string_view::npos) end = paragraph.size();
      std::string_view word = paragraph.substr(pos, end - pos);
      pos = end;
      double word_w = face.text_width(word, size);
      if (!current.empty() && current_w + space_w + word_w <= width) {
        current += ' ';
        current += word;
        current_w += space_w + word_w;
        continue;
      }
      if (!current.empty()) lines.push_back(std::move(current)), current.clear(), current_w = 0;
      // Too wide on a line of its own (an IBAN in a narrow column, a 60-digit amount): cut it.
      while (word_w > width && !word.empty()) {
        std::size_t cut = 0;
        double cut_w = 0;
        while (cut < word.size()) {
          const std::size_t n =
              std::min(utf8_length(static_cast<unsigned char>(word[cut])), word.size() - cut);
          const double w = face.text_width(word.substr(cut, n), size);
          if (cut > 0 && cut_w + w > width) break;
          cut += n;
          cut_w += w;
        }
        lines.emplace_back(word.substr(0, cut));
        word.remove_prefix(cut);
        word_w = face.text_width(word, size);
      }
      current = std::string(word);
      current_w = word_w;
    }
    if (!current.empty() || paragraph.empty()) lines.push_back(std::move(current));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  if (lines.size() > 1 && lines.back().empty()) lines.pop_back();
  return lines;
}

std::vector<PageContent> lay_out(const std::vector<Instruction>& instructions, const FontSet& fonts,
                                 std::string_view template_name) {
  return Layouter(fonts, template_name).run(instructions);
}

}  // namespace relance::letters::detail
