#include "pdf_tounicode.hpp"

#include <qpdf/Constants.h>
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdio>
#include <exception>
#include <memory>
#include <string_view>

namespace relance::formats::detail {
namespace {

// CMap blocks hold at most 100 entries (PDF 32000-1 9.10.3, Adobe Technical Note 5099).
constexpr int entries_per_block = 100;

std::string build_identity_ucs_cmap() {
  std::string c;
  c.reserve(6000);
  c += "/CIDInit /ProcSet findresource begin\n";
  c += "12 dict begin\n";
  c += "begincmap\n";
  c += "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n";
  c += "/CMapName /Adobe-Identity-UCS def\n";
  c += "/CMapType 2 def\n";
  c += "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // Each CID is its own UTF-16 code unit: one range per high byte, except the surrogates D8-DF,
  // which are no characters on their own.
  int high_bytes[256];
  int count = 0;
  for (int high = 0; high < 256; ++high)
    if (high < 0xD8 || high > 0xDF) high_bytes[count++] = high;
  for (int first = 0; first < count; first += entries_per_block) {
    const int n = count - first < entries_per_block ? count - first : entries_per_block;
    c += std::to_string(n) + " beginbfrange\n";
    for (int i = first; i < first + n; ++i) {
      char line[32];
      std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high_bytes[i], high_bytes[i],
                    high_bytes[i]);
      c += line;
    }
    c += "endbfrange\n";
  }
  c += "endcmap\n";
  c += "CMapName currentdict /CMap defineresource pop\n";
  c += "end\n";
  c += "end\n";
  return c;
}

std::string deflate(std::string_view data) {
  Pl_Buffer buffer("relance ToUnicode");
  Pl_Flate flate("relance ToUnicode deflate", &buffer, Pl_Flate::a_deflate);
  flate.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  flate.finish();
  auto b = buffer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

// The CMap, compressed once per process.
const std::string& deflated_identity_ucs_cmap() {
  static const std::string deflated = deflate(identity_ucs_cmap());
  return deflated;
}

// libharu's map: a stream that says begincidrange. One that cannot be decoded is left as it is.
bool is_libharu_tounicode(QPDFObjectHandle stream) {
  if (!stream.isStream()) return false;
  try {
    const auto data = stream.getStreamData(qpdf_dl_generalized);
    const std::string_view text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    return text.find("begincidrange") != std::string_view::npos;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

const std::string& identity_ucs_cmap() {
  static const std::string cmap = build_identity_ucs_cmap();
  return cmap;
}

std::size_t repair_tounicode(QPDF& pdf) {
  std::size_t repaired = 0;
  QPDFObjectHandle replacement;
  for (auto& object : pdf.getAllObjects()) {
    if (!object.isDictionaryOfType("/Font", "/Type0")) continue;
    if (!object.getKey("/Encoding").isNameAndEquals("/Identity-H")) continue;
    if (!is_libharu_tounicode(object.getKey("/ToUnicode"))) continue;
    if (!replacement.isInitialized()) {
      replacement = QPDFObjectHandle::newStream(&pdf);
      replacement.replaceStreamData(deflated_identity_ucs_cmap(), QPDFObjectHandle::newName("/FlateDecode"),
                                    QPDFObjectHandle::newNull());
    }
    object.replaceKey("/ToUnicode", replacement);
    ++repaired;
  }
  return repaired;
}

}  // namespace relance::formats::detail
