#include "fonts.hpp"

#include <gtest/gtest.h>
#include <hpdf.h>
#include <sys/stat.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "relance/formats/diagnostic.hpp"
#include "test_support.hpp"

namespace {

using relance::letters::detail::FontFace;
using relance::letters::detail::fonts;
using relance::letters::detail::FontStyle;
using relance::letters::detail::printable_text;

// Every character the brief promises documents can use, beyond ASCII.
const std::u32string french_and_german = U"éèêëàâçîïôûùœŒßüöäÄÖÜ€«»\u202F\u00A0’“”–—…№−";

TEST(Fonts, SubsetsAreSmallFilesOnDisk) {
  const auto& set = fonts();
  for (const FontFace* face : {&set.regular, &set.bold}) {
    ASSERT_TRUE(std::filesystem::is_regular_file(face->file_path())) << face->file_path();
    EXPECT_EQ(std::filesystem::file_size(face->file_path()), face->file_size());
    const auto original = std::filesystem::file_size(face->source_path());
    // Liberation Sans is about 400 KB a face; the cut about 50 KB.
    EXPECT_LT(face->file_size() * 4, original) << face->file_path();
    EXPECT_GT(face->file_size(), 10'000U);
  }
  EXPECT_NE(set.regular.file_path(), set.bold.file_path());
  EXPECT_EQ(std::filesystem::path(set.regular.source_path()).filename(), "LiberationSans-Regular.ttf");
  EXPECT_EQ(std::filesystem::path(set.bold.source_path()).filename(), "LiberationSans-Bold.ttf");
}

TEST(Fonts, SubsetsLiveInAPrivateTemporaryFolder) {
  const auto folder = std::filesystem::path(fonts().regular.file_path()).parent_path();
  const char* tmp = std::getenv("TMPDIR");
  const std::filesystem::path base = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  EXPECT_EQ(folder.parent_path(), base);
  EXPECT_EQ(folder.filename().string().rfind("relance-fonts-", 0), 0U) << folder;
  struct stat st {};
  ASSERT_EQ(::stat(folder.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777U, 0700U);
}

TEST(Fonts, TheSameSetForEveryCallerAndThread) {
  const auto* first = &fonts();
  std::vector<const relance::letters::detail::FontSet*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) threads.emplace_back([&seen, i] { seen[i] = &fonts(); });
  for (auto& t : threads) t.join();
  for (const auto* s : seen) EXPECT_EQ(s, first);
  EXPECT_EQ(&first->face(FontStyle::bold), &first->bold);
  EXPECT_EQ(&first->face(FontStyle::regular), &first->regular);
}

TEST(Fonts, BothFacesHaveTheCharactersDocumentsUse) {
  for (const FontFace* face : {&fonts().regular, &fonts().bold}) {
    for (char32_t c = 0x20; c <= 0x7E; ++c) EXPECT_TRUE(face->has(c)) << static_cast<unsigned>(c);
    for (char32_t c = 0xA0; c <= 0x17F; ++c) EXPECT_TRUE(face->has(c)) << static_cast<unsigned>(c);
    for (char32_t c : french_and_german) EXPECT_TRUE(face->has(c)) << static_cast<unsigned>(c);
    EXPECT_FALSE(face->has(U'中'));
    EXPECT_FALSE(face->has(U'\t'));
    EXPECT_FALSE(face->has(0x1F600));  // outside the BMP
    EXPECT_FALSE(face->has(0x110000));
  }
}

TEST(Fonts, Widths) {
  const auto& regular = fonts().regular;
  const auto& bold = fonts().bold;
  EXPECT_LT(regular.advance(U'i'), regular.advance(U'W'));
  EXPECT_LT(regular.advance(U'\u202F'), regular.advance(U' ') * 1.5);
  EXPECT_GE(bold.advance(U'a'), regular.advance(U'a'));
  EXPECT_DOUBLE_EQ(regular.text_width("AB", 10), (regular.advance(U'A') + regular.advance(U'B')) * 10 / 1000);
  EXPECT_DOUBLE_EQ(regular.text_width("", 10), 0);
  EXPECT_DOUBLE_EQ(regular.text_width("€é", 12), (regular.advance(U'€') + regular.advance(U'é')) * 12 / 1000);
  // A missing character is measured as the '?' that printable_text() draws in its place.
  EXPECT_DOUBLE_EQ(regular.advance(U'中'), regular.advance(U'?'));
  EXPECT_DOUBLE_EQ(regular.text_width("a中", 10), regular.text_width(printable_text(regular, "a中"), 10));
  // Liberation Sans is metric-compatible with Arial: 'W' is 943/1000 em, the digits 556.
  EXPECT_DOUBLE_EQ(regular.advance(U'W'), 943);
  EXPECT_DOUBLE_EQ(regular.advance(U'0'), 556);
  EXPECT_GT(regular.ascent(), 800);
  EXPECT_LT(regular.ascent(), 1000);
  EXPECT_LT(regular.descent(), -100);
  EXPECT_GT(regular.descent(), -300);
}

TEST(Fonts, PrintableTextReplacesWhatTheFontLacks) {
  const auto& face = fonts().regular;
  EXPECT_EQ(printable_text(face, "Café œuvre 1\u202F234,56\u00A0€ «ß»"),
            "Café œuvre 1\u202F234,56\u00A0€ «ß»");
  EXPECT_EQ(printable_text(face, "a中b"), "a?b");
  EXPECT_EQ(printable_text(face, "smile 😀"), "smile ?");
  EXPECT_EQ(printable_text(face, "tab\there"), "tab?here");
  // Invalid UTF-8: a stray continuation byte, a truncated €, an overlong '/', an encoded surrogate.
  EXPECT_EQ(printable_text(face, "a\x80z"), "a?z");
  EXPECT_EQ(printable_text(face, "a\xE2\x82z"), "a?z");
  EXPECT_EQ(printable_text(face, "\xC0\xAF"), "??");
  EXPECT_EQ(printable_text(face, "\xED\xA0\x80"), "???");
  EXPECT_EQ(printable_text(face, "end\xE2\x82"), "end?");
}

TEST(Fonts, Utf8Helpers) {
  using relance::letters::detail::append_utf8;
  using relance::letters::detail::next_code_point;
  std::string s;
  for (char32_t c : {U'A', U'é', U'€', U'\U0001F600'}) append_utf8(s, c);
  EXPECT_EQ(s, "Aé€😀");
  std::size_t pos = 0;
  EXPECT_EQ(next_code_point(s, pos), U'A');
  EXPECT_EQ(next_code_point(s, pos), U'é');
  EXPECT_EQ(next_code_point(s, pos), U'€');
  EXPECT_EQ(next_code_point(s, pos), U'\U0001F600');
  EXPECT_EQ(pos, s.size());
}

TEST(Fonts, AMissingFontIsRlRender001) {
  relance::testing::TempDir empty;
  try {
    (void)relance::letters::detail::load_font_set(empty.path());
    FAIL() << "no exception";
  } catch (const relance::Error& e) {
    EXPECT_EQ(e.diagnostic.rule_id, "RL-RENDER-001");
    EXPECT_EQ(e.diagnostic.severity, relance::Severity::fatal);
    const auto expected = (empty.path() / "LiberationSans-Regular.ttf").string();
    EXPECT_NE(e.diagnostic.message.find(expected), std::string::npos) << e.diagnostic.message;
    EXPECT_NE(e.diagnostic.message.find("fonts-liberation2"), std::string::npos) << e.diagnostic.message;
    EXPECT_EQ(e.diagnostic.where.source, expected);
  }
}

TEST(Fonts, AFileThatIsNoFontIsRlRender001) {
  relance::testing::TempDir dir;
  relance::testing::write_file(dir / "LiberationSans-Regular.ttf", "not a font");
  try {
    (void)relance::letters::detail::load_font_face(dir / "LiberationSans-Regular.ttf");
    FAIL() << "no exception";
  } catch (const relance::Error& e) {
    EXPECT_EQ(e.diagnostic.rule_id, "RL-RENDER-001");
  }
}

TEST(Fonts, TheFontFolderCanBeOverridden) {
  const char* before = std::getenv("RELANCE_FONT_DIR");
  const std::string saved = before != nullptr ? before : "";
  ::setenv("RELANCE_FONT_DIR", "/nowhere/fonts", 1);
  EXPECT_EQ(relance::letters::detail::font_dir(), std::filesystem::path("/nowhere/fonts"));
  ::setenv("RELANCE_FONT_DIR", "", 1);
  EXPECT_NE(relance::letters::detail::font_dir(), std::filesystem::path("/nowhere/fonts"));
  if (before != nullptr)
    ::setenv("RELANCE_FONT_DIR", saved.c_str(), 1);
  else
    ::unsetenv("RELANCE_FONT_DIR");
}

// libharu loads the cut, and the widths it writes in /W are the ones text_width() adds up.
TEST(Fonts, LibharuEmbedsTheSubsetWithTheMeasuredWidths) {
  const auto& face = fonts().bold;
  HPDF_Doc doc = HPDF_New(nullptr, nullptr);
  ASSERT_NE(doc, nullptr);
  const std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> guard(doc, &HPDF_Free);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(doc, face.file_path().c_str(), HPDF_TRUE);
  ASSERT_NE(name, nullptr);
  HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
  ASSERT_NE(font, nullptr);
  HPDF_Page page = HPDF_AddPage(doc);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, 10);
  HPDF_Page_TextOut(page, 50, 700, "Café œuvre 1\u202F234,56 € «ß»");
  HPDF_Page_EndText(page);
  ASSERT_EQ(HPDF_SaveToStream(doc), HPDF_OK);
  HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  std::string bytes(size, '\0');
  HPDF_ResetStream(doc);
  HPDF_GetContents(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);

  QPDF pdf;
  pdf.processMemoryFile("subset.pdf", bytes.data(), bytes.size());
  int checked = 0;
  for (auto& object : pdf.getAllObjects()) {
    if (!object.isDictionaryOfType("/Font", "/CIDFontType2")) continue;
    EXPECT_TRUE(object.getKey("/FontDescriptor").getKey("/FontFile2").isStream());
    // /W [ first [w w w ...] first [...] ... ]: the CID is the code point.
    auto w = object.getKey("/W");
    ASSERT_TRUE(w.isArray());
    for (int i = 0; i + 1 < w.getArrayNItems(); i += 2) {
      const auto first = w.getArrayItem(i).getIntValue();
      auto widths = w.getArrayItem(i + 1);
      ASSERT_TRUE(widths.isArray());
      for (int k = 0; k < widths.getArrayNItems(); ++k) {
        const auto cp = static_cast<char32_t>(first + k);
        if (!face.has(cp)) continue;
        EXPECT_DOUBLE_EQ(face.advance(cp), widths.getArrayItem(k).getNumericValue())
            << static_cast<unsigned>(cp);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 300);
}

TEST(Fonts, BuildingASetTakesMilliseconds) {
  const auto start = std::chrono::steady_clock::now();
  const auto set = relance::letters::detail::load_font_set(relance::letters::detail::font_dir());
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  std::printf("FontSet built in %.1f ms: regular %zu bytes, bold %zu bytes\n", took.count(),
              set.regular.file_size(), set.bold.file_size());
  EXPECT_LT(took.count(), 2000);
}

}  // namespace
