#include <gtest/gtest.h>
#include <hpdf.h>
#include <qpdf/Constants.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "pdf_fixture.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/pdf_finish.hpp"
#include "test_support.hpp"

namespace {

using relance::formats::finish_pdf;
using relance::formats::PdfFinishOptions;
using relance::testing::run_command;

// What a French invoice writes: narrow no-break space as thousands separator, no-break space before
// the currency, guillemets, œ and ß.
const std::string sample_text = "Caf\u00e9 \u0153uvre 1\u202f234,56\u00a0\u20ac \u00ab\u00df\u00bb";

std::string dump(const relance::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += relance::format_diagnostic(d) + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

std::filesystem::path liberation_sans() {
  const char* env = std::getenv("RELANCE_FONT_DIR");
  const std::filesystem::path dir =
      env != nullptr && *env != '\0' ? env : "/usr/share/fonts/truetype/liberation2";
  return dir / "LiberationSans-Regular.ttf";
}

bool have_tool(const char* path) {
  return std::filesystem::exists(path);
}

#define RELANCE_REQUIRE_PDF_TOOLS()                                                                    \
  do {                                                                                                 \
    if (!std::filesystem::exists(liberation_sans()))                                                   \
      GTEST_SKIP() << liberation_sans() << " is missing: apt-get install fonts-liberation2";           \
    for (const char* tool : {"/usr/bin/pdftotext", "/usr/bin/pdffonts", "/usr/bin/qpdf"})              \
      if (!have_tool(tool)) GTEST_SKIP() << tool << " is missing: apt-get install poppler-utils qpdf"; \
  } while (0)

struct HaruStatus {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = HPDF_OK;
};

void record_haru_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* status = static_cast<HaruStatus*>(user_data);
  if (status->error == HPDF_OK) {
    status->error = error_no;
    status->detail = detail_no;
  }
}

void check(const HaruStatus& status, const char* step) {
  if (status.error == HPDF_OK) return;
  char code[64];
  std::snprintf(code, sizeof code, "0x%04lX, detail %lu", status.error, status.detail);
  throw std::runtime_error(std::string("libharu failed at ") + step + ": error " + code);
}

// A one-page PDF drawn as the renderer draws: Liberation Sans embedded as a UTF-8 CID font, every
// stream compressed. libharu gives the font its malformed ToUnicode map.
std::string make_utf8_pdf(const std::vector<std::string>& lines) {
  HaruStatus status;
  HPDF_Doc doc = HPDF_New(record_haru_error, &status);
  if (!doc) throw std::runtime_error("libharu: HPDF_New failed");
  const std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> guard(doc, &HPDF_Free);
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(doc, liberation_sans().c_str(), HPDF_TRUE);
  check(status, "LoadTTFontFromFile");
  HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
  check(status, "GetFont");
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, 12);
  float y = 770;
  for (const auto& line : lines) {
    HPDF_Page_TextOut(page, 72, y, line.c_str());
    y -= 20;
  }
  HPDF_Page_EndText(page);
  check(status, "drawing");
  HPDF_SaveToStream(doc);
  check(status, "SaveToStream");
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  std::string out(size, '\0');
  HPDF_ResetStream(doc);
  HPDF_GetContents(doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  check(status, "GetContents");
  out.resize(size);
  return out;
}

PdfFinishOptions fixed_options() {
  PdfFinishOptions o;
  o.modification_date = "D:20261123120000+00'00'";
  return o;
}

std::string finished(const std::string& pdf) {
  const auto r = finish_pdf(pdf, fixed_options(), "letter.pdf");
  EXPECT_TRUE(r) << dump(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  return r.value.value_or(std::string());
}

// pdftotext's text without the page's trailing line feeds and form feed.
std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\f')) s.pop_back();
  return s;
}

// What pdftotext gives for text: poppler writes every Unicode space (no-break U+00A0, narrow
// no-break U+202F) as a plain space, whatever the ToUnicode map says.
std::string as_poppler_extracts(std::string s) {
  for (const std::string space : {"\u00a0", "\u202f"})
    for (auto at = s.find(space); at != std::string::npos; at = s.find(space, at))
      s.replace(at, space.size(), " ");
  return s;
}

struct FontRow {
  std::string type;
  std::string encoding;
  std::string emb, sub, uni;
};

// pdffonts' rows (after the two header lines), read from the right: the columns after the name
// are type (two words), encoding, emb, sub, uni, object number, generation.
std::vector<FontRow> pdffonts(const std::filesystem::path& file) {
  const auto r = run_command({"/usr/bin/pdffonts", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<FontRow> rows;
  std::istringstream in(r.out);
  std::string line;
  for (int skip = 0; skip < 2 && std::getline(in, line); ++skip) {
  }
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string word; words >> word;) w.push_back(word);
    if (w.size() < 8) continue;
    const std::size_t n = w.size();
    rows.push_back({w[n - 8] + " " + w[n - 7], w[n - 6], w[n - 5], w[n - 4], w[n - 3]});
  }
  return rows;
}

// /FlateDecode, or [/FlateDecode] as libharu writes it.
bool is_flate(QPDFObjectHandle filter) {
  if (filter.isArray() && filter.getArrayNItems() == 1) filter = filter.getArrayItem(0);
  return filter.isNameAndEquals("/FlateDecode");
}

// The /ToUnicode streams of the Type0 fonts, decoded, and whether each is flate-compressed.
struct ToUnicode {
  std::string text;
  bool flate = false;
};
std::vector<ToUnicode> tounicode_maps(const std::string& pdf_bytes) {
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("finished.pdf", pdf_bytes.data(), pdf_bytes.size());
  std::vector<ToUnicode> maps;
  for (auto& object : pdf.getAllObjects()) {
    if (!object.isDictionaryOfType("/Font", "/Type0")) continue;
    auto stream = object.getKey("/ToUnicode");
    if (!stream.isStream()) continue;
    auto data = stream.getStreamData(qpdf_dl_generalized);
    maps.push_back({std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()),
                    is_flate(stream.getDict().getKey("/Filter"))});
  }
  return maps;
}

TEST(PdfFinish, PopplerExtractsTheSameTextWithoutCMapWarnings) {
  RELANCE_REQUIRE_PDF_TOOLS();
  relance::testing::TempDir tmp;
  // Every sign the font subsets keep beyond Latin-1, on a line of its own.
  const std::string signs =
      "\u0152\u0153\u0160\u017d\u0192\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2022\u2026"
      "\u2030\u2039\u203a\u20ac\u2116\u2122\u2212";
  const std::string raw = make_utf8_pdf({sample_text, signs});
  relance::testing::write_file(tmp / "raw.pdf", raw);
  // The premise: libharu's own map draws poppler's warning.
  const auto before = run_command({"/usr/bin/pdftotext", "-enc", "UTF-8", (tmp / "raw.pdf").string(), "-"});
  EXPECT_NE(before.err.find("Invalid 'begincidrange'"), std::string::npos) << before.err;

  const std::string pdf = finished(raw);
  ASSERT_FALSE(pdf.empty());
  relance::testing::write_file(tmp / "finished.pdf", pdf);
  const auto after =
      run_command({"/usr/bin/pdftotext", "-enc", "UTF-8", (tmp / "finished.pdf").string(), "-"});
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.err.find("begincidrange"), std::string::npos) << after.err;
  EXPECT_EQ(after.err, "");
  EXPECT_EQ(trimmed(after.out), as_poppler_extracts(sample_text) + "\n" + signs);
}

TEST(PdfFinish, QpdfCheckPasses) {
  RELANCE_REQUIRE_PDF_TOOLS();
  relance::testing::TempDir tmp;
  relance::testing::write_file(tmp / "finished.pdf", finished(make_utf8_pdf({sample_text})));
  const auto r = run_command({"/usr/bin/qpdf", "--check", (tmp / "finished.pdf").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
}

TEST(PdfFinish, PdffontsReportsTheFontEmbeddedWithAUnicodeMap) {
  RELANCE_REQUIRE_PDF_TOOLS();
  relance::testing::TempDir tmp;
  relance::testing::write_file(tmp / "finished.pdf", finished(make_utf8_pdf({sample_text})));
  const auto rows = pdffonts(tmp / "finished.pdf");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].type, "CID TrueType");
  EXPECT_EQ(rows[0].encoding, "Identity-H");
  EXPECT_EQ(rows[0].emb, "yes");
  EXPECT_EQ(rows[0].uni, "yes");
}

TEST(PdfFinish, TheToUnicodeMapIsACompressedBfrangeCMap) {
  RELANCE_REQUIRE_PDF_TOOLS();
  const auto maps = tounicode_maps(finished(make_utf8_pdf({sample_text})));
  ASSERT_EQ(maps.size(), 1U);
  const auto& cmap = maps[0].text;
  EXPECT_TRUE(maps[0].flate);
  EXPECT_EQ(cmap.find("begincidrange"), std::string::npos);
  EXPECT_NE(cmap.find("/CIDInit /ProcSet findresource begin"), std::string::npos);
  EXPECT_NE(cmap.find("/CMapName /Adobe-Identity-UCS def"), std::string::npos);
  EXPECT_NE(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange"), std::string::npos);
  // 248 high bytes (00-FF without the surrogates D8-DF), at most 100 per block.
  EXPECT_NE(cmap.find("100 beginbfrange\n<0000> <00FF> <0000>\n"), std::string::npos);
  EXPECT_NE(cmap.find("48 beginbfrange\n"), std::string::npos);
  EXPECT_NE(cmap.find("<2000> <20FF> <2000>\n"), std::string::npos);
  EXPECT_NE(cmap.find("<D700> <D7FF> <D700>\n<E000> <E0FF> <E000>\n"), std::string::npos);
  EXPECT_EQ(cmap.find("<D800>"), std::string::npos);
  EXPECT_EQ(cmap.find("<DF00>"), std::string::npos);
  EXPECT_NE(cmap.find("<FF00> <FFFF> <FF00>\nendbfrange"), std::string::npos);
}

TEST(PdfFinish, IsDeterministicAndWritesATrailerId) {
  RELANCE_REQUIRE_PDF_TOOLS();
  const std::string raw = make_utf8_pdf({sample_text, "Relance n\u00b0 2"});
  const std::string first = finished(raw);
  EXPECT_EQ(first, finished(raw));
  QPDF pdf;
  pdf.processMemoryFile("finished.pdf", first.data(), first.size());
  auto id = pdf.getTrailer().getKey("/ID");
  ASSERT_TRUE(id.isArray());
  EXPECT_EQ(id.getArrayNItems(), 2);
  auto info = pdf.getTrailer().getKey("/Info");
  EXPECT_EQ(info.getKey("/ModDate").getStringValue(), "D:20261123120000+00'00'");
  // The content stream stays as libharu compressed it.
  auto page = pdf.getAllPages().at(0);
  EXPECT_TRUE(is_flate(page.getKey("/Contents").getDict().getKey("/Filter")));
}

TEST(PdfFinish, AFinishedPdfIsLeftAsItIs) {
  RELANCE_REQUIRE_PDF_TOOLS();
  const std::string once = finished(make_utf8_pdf({sample_text}));
  EXPECT_EQ(finished(once), once);
}

TEST(PdfFinish, GarbageIsRlPdf001) {
  for (const std::string& bytes : {std::string("not a PDF at all"), std::string()}) {
    const auto r = finish_pdf(bytes, fixed_options(), "garbage.pdf");
    EXPECT_FALSE(r);
    ASSERT_EQ(r.diagnostics.size(), 1U) << dump(r.diagnostics);
    EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-PDF-001");
    EXPECT_EQ(r.diagnostics.items()[0].where.source, "garbage.pdf");
  }
}

TEST(PdfFinish, EncryptedIsRlPdf002) {
  const auto encrypted = relance::testing::encrypt_pdf(relance::testing::make_plain_pdf());
  const auto r = finish_pdf(encrypted, fixed_options(), "locked.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(r.diagnostics.size(), 1U) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-PDF-002");
}

TEST(PdfFinish, AnUnusableDateIsRlPdf005) {
  PdfFinishOptions o;
  o.modification_date = "23/11/2026";
  const auto r = finish_pdf(relance::testing::make_plain_pdf(), o, "letter.pdf");
  EXPECT_FALSE(r);
  ASSERT_EQ(r.diagnostics.size(), 1U) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-PDF-005");
}

TEST(PdfFinish, APdfWithoutCidFontsOnlyGetsItsId) {
  const auto r = finish_pdf(relance::testing::make_plain_pdf(), PdfFinishOptions{}, "plain.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  EXPECT_TRUE(tounicode_maps(*r.value).empty());
}

TEST(PdfFinish, EmbedFacturxRepairsTheToUnicodeMapToo) {
  RELANCE_REQUIRE_PDF_TOOLS();
  if (!std::filesystem::exists(std::string(relance::formats::srgb_icc_profile_path)))
    GTEST_SKIP() << "no sRGB ICC profile: apt-get install icc-profiles-free";
  relance::formats::FacturxEmbedOptions options;
  options.modification_date = "D:20261123120000+00'00'";
  const auto r = relance::formats::embed_facturx(
      make_utf8_pdf({sample_text}), relance::testing::minimal_cii_invoice(), options, "invoice.pdf");
  ASSERT_TRUE(r) << dump(r.diagnostics);
  const auto maps = tounicode_maps(*r.value);
  ASSERT_EQ(maps.size(), 1U);
  EXPECT_NE(maps[0].text.find("beginbfrange"), std::string::npos);
  relance::testing::TempDir tmp;
  relance::testing::write_file(tmp / "facturx.pdf", *r.value);
  const auto text = run_command({"/usr/bin/pdftotext", "-enc", "UTF-8", (tmp / "facturx.pdf").string(), "-"});
  EXPECT_EQ(text.err, "");
  EXPECT_EQ(trimmed(text.out), as_poppler_extracts(sample_text));
}

}  // namespace
