#pragma once

// The two faces every rendered document uses, cut once per process to the characters documents can
// need (architecture.md §8): libharu embeds the small cut instead of the whole 400 KB TrueType file.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace relance::letters::detail {

enum class FontStyle { regular, bold };

// An inclusive range of Unicode code points.
struct CodePointRange {
  char32_t first;
  char32_t last;
};

// What the subsets keep: U+0020–007E, U+00A0–017F (Latin-1, Latin Extended-A with œ Œ), ƒ ˆ ˜,
// U+2010–2027 (dashes, quotes ‘ ’ “ ” „, •, …), U+202F (narrow no-break space), ‰ ‹ › € ™ № −.
std::span<const CodePointRange> subset_code_points();

class FontFace {
 public:
  // Glyph present in the subset.
  bool has(char32_t code_point) const { return lookup(code_point) >= 0; }
  // Advance width in 1/1000 em, as libharu writes it in the font's /W array (the font unit width
  // times 1000 / units per em, truncated), so that measured and drawn text agree. A missing glyph
  // has the width of '?', which printable_text() draws in its place.
  double advance(char32_t code_point) const {
    const double a = lookup(code_point);
    return a >= 0 ? a : question_mark_;
  }
  // Width in points of UTF-8 text at size_pt, without kerning (libharu draws none either).
  double text_width(std::string_view utf8, double size_pt) const;
  // Ascender and descender of the horizontal metrics, 1/1000 em; descent is negative.
  double ascent() const { return ascent_; }
  double descent() const { return descent_; }
  // The subset TTF on disk that libharu loads (HPDF_LoadTTFontFromFile).
  const std::string& file_path() const { return file_path_; }
  std::size_t file_size() const { return file_size_; }
  // The TrueType file the subset was cut from.
  const std::string& source_path() const { return source_path_; }

 private:
  friend FontFace load_font_face(const std::filesystem::path& ttf);

  static constexpr std::uint8_t no_block = 0xFF;
  static constexpr std::array<std::uint8_t, 256> no_blocks() {
    std::array<std::uint8_t, 256> a{};
    a.fill(no_block);
    return a;
  }

  // Advance of a code point in the subset, or -1.
  double lookup(char32_t code_point) const {
    if (code_point > 0xFFFF) return -1;
    const std::uint8_t block = block_of_[code_point >> 8];
    if (block == no_block) return -1;
    return advances_[std::size_t{block} * 256 + (code_point & 0xFF)];
  }

  // The subset covers a few 256-code-point blocks of the BMP: block_of_[high byte] is the index of
  // its 256 advances in advances_ (-1 for code points the font lacks), or no_block.
  std::array<std::uint8_t, 256> block_of_ = no_blocks();
  std::vector<double> advances_;
  double question_mark_ = 0;
  double ascent_ = 0;
  double descent_ = 0;
  std::string file_path_;
  std::size_t file_size_ = 0;
  std::string source_path_;
};

struct FontSet {
  FontFace regular;
  FontFace bold;
  const FontFace& face(FontStyle style) const { return style == FontStyle::bold ? bold : regular; }
};

// Cuts one TrueType file to subset_code_points() with HarfBuzz (cmap kept, layout tables dropped)
// and writes the cut to a new file in the process's private temporary folder (mkdtemp under $TMPDIR
// or /tmp, removed at exit). Throws Error RL-RENDER-001 when the file is missing, unreadable, not a
// font, lacks '?', or cannot be cut, and RL-OUT-001 when the cut cannot be written.
FontFace load_font_face(const std::filesystem::path& ttf);

// LiberationSans-Regular.ttf and LiberationSans-Bold.ttf of `dir`, each cut by load_font_face().
// Every call cuts and writes again: fonts() is what the renderer uses.
FontSet load_font_set(const std::filesystem::path& dir);

// $RELANCE_FONT_DIR when set and not empty, else the folder relance was built with
// (/usr/share/fonts/truetype/liberation2, Debian's fonts-liberation2).
std::filesystem::path font_dir();

// The process's FontSet, built on first use from font_dir() (thread-safe). A failed build throws
// and is tried again on the next call.
const FontSet& fonts();

// The next code point of utf8 from pos (advanced past it); an invalid or truncated sequence, an
// overlong form, a surrogate or a value above U+10FFFF gives U+FFFD and skips one byte.
char32_t next_code_point(std::string_view utf8, std::size_t& pos);
void append_utf8(std::string& out, char32_t code_point);

// The text with every code point the face lacks (and every invalid sequence) replaced by '?', so that
// what is measured is what is drawn.
std::string printable_text(const FontFace& face, std::string_view utf8);

}  // namespace relance::letters::detail
