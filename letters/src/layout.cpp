#include "layout.hpp"

#include <algorithm>
#include <charconv>
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
    ensure(line_height(size) + 6);
    const double right_width = content_width * 0.45;
    const auto right = wrap(FontStyle::bold, in.field(1), right_size, right_width);
    const auto left =
        wrap(FontStyle::bold, in.field(0), size, content_width - (right.empty() ? 0 : right_width + 10));
    double top = y_;
    for (auto& l : left) {
      text(margin_left, top, size, FontStyle::bold, l);
      top -= line_height(size);
    }
    double right_top = y_ - 3;
    for (auto& l : right) {
      aligned_text(margin_left + content_width - right_width, right_width, right_top, right_size,
                   FontStyle::bold, l, Align::right);
      right_top -= line_height(right_size);
    }
    y_ = std::min(top, right_top) - 6;
  }

  void heading(const Instruction& in) {
    constexpr double size = 10.5;
    y_ -= 6;
    // A heading alone at the foot of a page is useless: keep it with a few lines of what follows.
    ensure(line_height(size) + 4 * line_height(body_size));
    for (auto& l : wrap(FontStyle::bold, in.field(0), size, content_width)) {
      text(margin_left, y_, size, FontStyle::bold, l);
      y_ -= line_height(size);
    }
    y_ -= 2;
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
    const double width =
        (content_width - gap * static_cast<double>(boxes.size() - 1)) / static_cast<double>(boxes.size());
    struct Wrapped {
      std::vector<std::string> heading;
      std::vector<std::pair<FontStyle, std::string>> lines;
    };
    std::vector<Wrapped> wrapped;
    double height = 0;
    for (auto& b : boxes) {
      Wrapped w;
      w.heading = wrap(FontStyle::bold, b.heading, small_size, width);
      for (auto& l : b.lines)
        for (auto& part : wrap(l.style, l.text, body_size, width)) w.lines.emplace_back(l.style, part);
      height = std::max(height, static_cast<double>(w.heading.size()) * line_height(small_size) + 3 +
                                    static_cast<double>(w.lines.size()) * line_height(body_size));
      wrapped.push_back(std::move(w));
    }
    ensure(height + 4);
    for (std::size_t b = 0; b < wrapped.size(); ++b) {
      const double x = margin_left + static_cast<double>(b) * (width + gap);
      double top = y_;
      page().lines.push_back(LineOp{x, top + 2, x + width, top + 2, 0.4, 0.7});
      for (auto& h : wrapped[b].heading) {
        text(x, top, small_size, FontStyle::bold, h, label_gray);
        top -= line_height(small_size);
      }
      top -= 3;
      for (auto& [style, l] : wrapped[b].lines) {
        text(x, top, body_size, style, l);
        top -= line_height(body_size);
      }
    }
    y_ -= height + 10;
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
      std::vector<std::vector<std::string>> labels, values;
      double height = 0;
      for (std::size_t e = start; e < stop; ++e) {
        labels.push_back(wrap(FontStyle::regular, entries[e].first, small_size, width));
        values.push_back(wrap(FontStyle::bold, entries[e].second, body_size, width));
        height = std::max(height, static_cast<double>(labels.back().size()) * line_height(small_size) +
                                      static_cast<double>(values.back().size()) * line_height(body_size));
      }
      ensure(height + 6);
      for (std::size_t e = 0; e < labels.size(); ++e) {
        const double x = margin_left + static_cast<double>(e) * (width + gap);
        double top = y_;
        for (auto& l : labels[e])
          text(x, top, small_size, FontStyle::regular, l, label_gray), top -= line_height(small_size);
        for (auto& v : values[e]) text(x, top, body_size, FontStyle::bold, v), top -= line_height(body_size);
      }
      y_ -= height + 6;
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

  double row_height(const TableGeometry& g, const std::vector<std::string>& cells, FontStyle style,
                    double size, std::vector<std::vector<std::string>>& wrapped) const {
    wrapped.assign(g.x.size(), {});
    std::size_t most = 1;
    for (std::size_t c = 0; c < g.x.size(); ++c) {
      if (c < cells.size()) wrapped[c] = wrap(style, cells[c], size, g.width[c] - 2 * cell_pad);
      most = std::max(most, wrapped[c].size());
    }
    return static_cast<double>(most) * line_height(size) + 2 * cell_pad;
  }

  void draw_row(const TableGeometry& g, const std::vector<std::vector<std::string>>& wrapped, FontStyle style,
                double size, double height, bool filled, double gray) {
    if (filled) page().rects.push_back(RectOp{margin_left, y_ - height, content_width, height, 0.92});
    for (std::size_t c = 0; c < wrapped.size(); ++c) {
      double top = y_ - cell_pad;
      for (auto& l : wrapped[c]) {
        aligned_text(g.x[c] + cell_pad, g.width[c] - 2 * cell_pad, top, size, style, l, g.align[c], gray);
        top -= line_height(size);
      }
    }
    y_ -= height;
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
    std::vector<std::string> head;
    std::vector<std::vector<std::string>> wrapped;
    auto draw_head = [&] {
      if (head.empty()) return;
      const double h = row_height(g, head, FontStyle::bold, small_size, wrapped);
      draw_row(g, wrapped, FontStyle::bold, small_size, h, true, 0);
    };
    std::size_t j = i + 1;
    bool first_row = true;
    for (; j < ins.size() && ins[j].keyword != "end"; ++j) {
      const auto& in = ins[j];
      if (in.keyword == "head") {
        head = in.fields;
        std::vector<std::vector<std::string>> w;
        const double h = row_height(g, head, FontStyle::bold, small_size, w);
        ensure(h + line_height(table_size) * 2 + 2 * cell_pad);
        draw_head();
      } else if (in.keyword == "row") {
        const double h = row_height(g, in.fields, FontStyle::regular, table_size, wrapped);
        if (ensure(h)) draw_head(), row_height(g, in.fields, FontStyle::regular, table_size, wrapped);
        if (!first_row)
          page().lines.push_back(LineOp{margin_left, y_, margin_left + content_width, y_, 0.3, 0.8});
        first_row = false;
        draw_row(g, wrapped, FontStyle::regular, table_size, h, false, 0);
      } else if (in.keyword == "note") {
        // Spans the row from the second column: details of the line above (note, allowances).
        const std::size_t from = g.x.size() > 1 ? 1 : 0;
        const double left = g.x[from] + cell_pad;
        const double width = margin_left + content_width - left - cell_pad;
        auto lines = wrap(FontStyle::regular, in.field(0), small_size, width);
        const double h = static_cast<double>(lines.size()) * line_height(small_size) + cell_pad;
        if (ensure(h)) draw_head();
        double top = y_ + cell_pad / 2 - 1;
        for (auto& l : lines)
          text(left, top, small_size, FontStyle::regular, l, label_gray), top -= line_height(small_size);
        y_ -= h;
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
    struct Entry {
      bool grand;
      std::vector<std::string> label;
      std::string value;
    };
    const double width = content_width * 0.5;
    const double x = margin_left + content_width - width;
    const double value_width = width * 0.42;
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
      Entry e{grand, wrap(style, in.field(0), size, width - value_width - 6),
              printable_text(face(style), in.field(1))};
      height += static_cast<double>(e.label.size()) * line_height(size) + (grand ? 5 : 1);
      entries.push_back(std::move(e));
    }
    if (j == ins.size()) markup_error(template_name_, ins[i], "has no matching 'end'");
    ensure(height + 4);
    for (auto& e : entries) {
      const FontStyle style = e.grand ? FontStyle::bold : FontStyle::regular;
      const double size = e.grand ? 10.5 : body_size;
      if (e.grand) {
        page().lines.push_back(LineOp{x, y_ - 1, x + width, y_ - 1, 0.6, 0.3});
        y_ -= 4;
      }
      double top = y_;
      // A value too wide for its column gets the whole row: it shrinks rather than leaves the page.
      double value_size = size;
      const double value_w = face(style).text_width(e.value, size);
      if (value_w > width - 4) value_size = size * (width - 4) / value_w;
      aligned_text(x, width, top, value_size, style, e.value, Align::right);
      for (auto& l : e.label) text(x, top, size, style, l), top -= line_height(size);
      y_ = top - 1;
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
