#include "fonts.hpp"

#include <hb-subset.h>
#include <hb.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <system_error>
#include <utility>

#include "relance/formats/diagnostic.hpp"

#ifndef RELANCE_FONT_DIR
#define RELANCE_FONT_DIR "/usr/share/fonts/truetype/liberation2"
#endif

namespace relance::letters::detail {
namespace {

constexpr char32_t replacement_character = 0xFFFD;

constexpr std::array<CodePointRange, 14> kept_code_points{{
    {0x0020, 0x007E},  // ASCII
    {0x00A0, 0x017F},  // Latin-1 Supplement, Latin Extended-A (œ Œ)
    {0x0192, 0x0192},  // ƒ
    {0x02C6, 0x02C6},  // ˆ
    {0x02DC, 0x02DC},  // ˜
    {0x2010, 0x2027},  // dashes, quotes ‘ ’ “ ” „, †, •, …
    {0x202F, 0x202F},  // narrow no-break space (French thousands separator)
    {0x2030, 0x2030},  // ‰
    {0x2039, 0x2039},  // ‹
    {0x203A, 0x203A},  // ›
    {0x20AC, 0x20AC},  // €
    {0x2116, 0x2116},  // №
    {0x2122, 0x2122},  // ™
    {0x2212, 0x2212},  // − (minus sign)
}};

[[noreturn]] void fail(std::string rule, const std::string& path, std::string message) {
  throw Error(Diagnostic{std::move(rule), Severity::fatal, Location{path, {}, 0, 0}, std::move(message), {}});
}

[[noreturn]] void render_error(const std::string& path, const std::string& what) {
  fail("RL-RENDER-001", path,
       "the font file " + path + " " + what +
           "; install the Debian package fonts-liberation2 or point RELANCE_FONT_DIR to Liberation Sans");
}

struct HbDeleter {
  void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
  void operator()(hb_face_t* p) const { hb_face_destroy(p); }
  void operator()(hb_font_t* p) const { hb_font_destroy(p); }
  void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};
template <class T>
using HbPtr = std::unique_ptr<T, HbDeleter>;

// The private folder of this process's subsets, removed when the process exits normally.
class SubsetFolder {
 public:
  static SubsetFolder& instance() {
    static SubsetFolder folder;
    return folder;
  }

  SubsetFolder(const SubsetFolder&) = delete;
  SubsetFolder& operator=(const SubsetFolder&) = delete;

  ~SubsetFolder() {
    // A forked child that exits must not take its parent's fonts with it.
    if (::getpid() != owner_) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  // Writes bytes to a new file named after stem; returns its path.
  std::string write(const std::string& stem, const char* data, std::size_t size) {
    std::string path;
    {
      const std::lock_guard lock(mutex_);
      path = path_ + "/" + stem + "-" + std::to_string(++files_) + ".ttf";
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(size));
    out.close();
    if (!out)
      fail("RL-OUT-001", path, "the font subset " + path + " cannot be written: " + std::strerror(errno));
    return path;
  }

 private:
  SubsetFolder() : owner_(::getpid()) {
    const char* tmp = std::getenv("TMPDIR");
    std::string base = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
    std::string pattern = base + "/relance-fonts-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr)
      fail("RL-OUT-001", base,
           "no temporary folder for the font subsets can be made in " + base + ": " + std::strerror(errno));
    path_ = std::move(pattern);
  }

  std::string path_;
  pid_t owner_;
  std::mutex mutex_;
  unsigned files_ = 0;
};

}  // namespace

std::span<const CodePointRange> subset_code_points() {
  return kept_code_points;
}

FontFace load_font_face(const std::filesystem::path& ttf) {
  const std::string path = ttf.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(ttf, ec)) render_error(path, "is missing");

  const HbPtr<hb_blob_t> blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) render_error(path, "cannot be read");
  const HbPtr<hb_face_t> face(hb_face_create(blob.get(), 0));
  if (hb_face_get_glyph_count(face.get()) == 0) render_error(path, "is not a TrueType font");

  const HbPtr<hb_subset_input_t> input(hb_subset_input_create_or_fail());
  if (!input) render_error(path, "cannot be cut to the characters documents use (out of memory)");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (const auto& range : subset_code_points()) hb_set_add_range(unicodes, range.first, range.last);
  // libharu embeds neither layout nor kerning tables and draws without them: leave them out.
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "kern"}) hb_set_add(dropped, hb_tag_from_string(tag, 4));
  // Hinting (cvt, fpgm, prep) and the cmap stay: libharu maps code points through the cmap.
  const HbPtr<hb_face_t> subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) render_error(path, "cannot be cut to the characters documents use");
  const HbPtr<hb_blob_t> bytes(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(bytes.get(), &length);
  if (data == nullptr || length == 0) render_error(path, "cannot be cut to the characters documents use");

  FontFace result;
  const HbPtr<hb_font_t> font(hb_font_create(subset.get()));
  const unsigned upem = hb_face_get_upem(subset.get());
  hb_font_set_scale(font.get(), static_cast<int>(upem), static_cast<int>(upem));
  for (const auto& range : subset_code_points()) {
    for (char32_t cp = range.first; cp <= range.last; ++cp) {
      hb_codepoint_t glyph = 0;
      if (!hb_font_get_nominal_glyph(font.get(), cp, &glyph)) continue;
      auto& block = result.block_of_[cp >> 8];
      if (block == FontFace::no_block) {
        block = static_cast<std::uint8_t>(result.advances_.size() / 256);
        result.advances_.resize(result.advances_.size() + 256, -1.0);
      }
      const hb_position_t advance = hb_font_get_glyph_h_advance(font.get(), glyph);
      // libharu's /W entries: advance * 1000 / units per em in integers.
      const auto width = advance > 0 ? static_cast<std::uint32_t>(advance) * 1000U / upem : 0U;
      result.advances_[std::size_t{block} * 256 + (cp & 0xFF)] = static_cast<double>(width);
    }
  }
  if (!result.has(U'?')) render_error(path, "has no '?' glyph to stand for missing characters");
  result.question_mark_ = result.advance(U'?');
  hb_font_extents_t extents{};
  hb_font_get_h_extents(font.get(), &extents);
  result.ascent_ = extents.ascender * 1000.0 / upem;
  result.descent_ = extents.descender * 1000.0 / upem;

  result.source_path_ = path;
  result.file_path_ = SubsetFolder::instance().write(ttf.stem().string(), data, length);
  result.file_size_ = length;
  return result;
}

FontSet load_font_set(const std::filesystem::path& dir) {
  FontSet set;
  set.regular = load_font_face(dir / "LiberationSans-Regular.ttf");
  set.bold = load_font_face(dir / "LiberationSans-Bold.ttf");
  return set;
}

std::filesystem::path font_dir() {
  const char* env = std::getenv("RELANCE_FONT_DIR");
  return env != nullptr && *env != '\0' ? std::filesystem::path(env)
                                        : std::filesystem::path(RELANCE_FONT_DIR);
}

const FontSet& fonts() {
  static const FontSet set = load_font_set(font_dir());
  return set;
}

char32_t next_code_point(std::string_view utf8, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(utf8[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = 0;
  char32_t cp = 0;
  // The second byte's range excludes overlong forms, surrogates and values above U+10FFFF.
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1FU;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0FU;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07U;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    ++pos;
    return replacement_character;
  }
  // An ill-formed sequence counts once, up to the first byte that cannot continue it.
  for (std::size_t i = 1; i < length; ++i) {
    if (pos + i >= utf8.size()) {
      pos += i;
      return replacement_character;
    }
    const auto byte = static_cast<unsigned char>(utf8[pos + i]);
    if (byte < low || byte > high) {
      pos += i;
      return replacement_character;
    }
    cp = (cp << 6) | (byte & 0x3FU);
    low = 0x80;
    high = 0xBF;
  }
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0U | (cp >> 6));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0U | (cp >> 12));
    out += static_cast<char>(0x80U | ((cp >> 6) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18));
    out += static_cast<char>(0x80U | ((cp >> 12) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
}

double FontFace::text_width(std::string_view utf8, double size_pt) const {
  double total = 0;
  for (std::size_t pos = 0; pos < utf8.size();) total += advance(next_code_point(utf8, pos));
  return total * size_pt / 1000.0;
}

std::string printable_text(const FontFace& face, std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(utf8, pos);
    // Well-formed sequences are copied as they are: next_code_point() accepts no overlong forms.
    if (face.has(cp))
      out.append(utf8.substr(start, pos - start));
    else
      out += '?';
  }
  return out;
}

}  // namespace relance::letters::detail
