// Acceptance of the PDF renderer (issue 4): every official example renders as a Factur-X in
// fr, en and de that qpdf accepts, whose text says what the invoice says, whose fonts are all
// embedded and whose XML is the invoice; long invoices flow over pages; templates can be changed
// and their mistakes are named; customer data can never inject page markup.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "fonts.hpp"
#include "markup.hpp"
#include "relance/formats/cii.hpp"
#include "relance/formats/facturx.hpp"
#include "relance/formats/facturx_profile.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/letters/invoice_renderer.hpp"
#include "relance/letters/language.hpp"
#include "sample_invoice.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using relance::Diagnostics;
using relance::formats::Invoice;
using relance::letters::InvoiceRenderer;
using relance::letters::Language;
using relance::letters::RenderOptions;
using relance::testing::official_examples;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

constexpr const char* fixed_date = "D:20261123120000+00'00'";
constexpr const char* qpdf = "/usr/bin/qpdf";
constexpr const char* pdftotext = "/usr/bin/pdftotext";
constexpr const char* pdffonts = "/usr/bin/pdffonts";
constexpr const char* pdfinfo = "/usr/bin/pdfinfo";

#define RELANCE_REQUIRE_PDF_TOOLS()                                                                       \
  do {                                                                                                    \
    for (const char* tool : {qpdf, pdftotext, pdffonts, pdfinfo})                                         \
      if (!std::filesystem::exists(tool))                                                                 \
        GTEST_SKIP() << tool << " is missing: apt-get install qpdf poppler-utils (scripts/install-deps)"; \
  } while (0)

std::string dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += relance::format_diagnostic(d) + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

RenderOptions options_for(Language lang, bool facturx, const fs::path& templates = {}) {
  RenderOptions o;
  o.language = lang;
  o.facturx = facturx;
  o.templates_dir = templates;
  o.modification_date = fixed_date;
  return o;
}

// The PDF, or an empty string and a failed expectation naming the diagnostics.
std::string render(InvoiceRenderer& renderer, const Invoice& invoice, const std::string& name) {
  auto r = renderer.render(invoice, name);
  EXPECT_TRUE(r.value) << name << ": " << dump(r.diagnostics);
  EXPECT_FALSE(r.diagnostics.has_fatal()) << name << ": " << dump(r.diagnostics);
  return r.value.value_or(std::string());
}

std::string render(const Invoice& invoice, const RenderOptions& options,
                   const std::string& name = "test.xml") {
  InvoiceRenderer renderer(options);
  return render(renderer, invoice, name);
}

// pdftotext's UTF-8 text (pages separated by form feeds) and what it said on stderr.
relance::testing::CommandResult text_of(const fs::path& pdf) {
  return run_command({pdftotext, "-enc", "UTF-8", pdf.string(), "-"});
}

std::string text_of_bytes(const std::string& pdf_bytes, std::string* warnings = nullptr) {
  TempDir tmp;
  write_file(tmp / "doc.pdf", pdf_bytes);
  auto r = text_of(tmp / "doc.pdf");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  if (warnings) *warnings = r.err;
  return r.out;
}

// Text compared without any white space: pdftotext breaks lines where the layout wrapped them
// and writes the no-break spaces of amounts (U+00A0, U+202F) as it pleases.
std::string squeeze(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (s.compare(i, 2, "\xC2\xA0") == 0) {  // U+00A0
      ++i;
      continue;
    }
    if (s.compare(i, 3, "\xE2\x80\xAF") == 0) {  // U+202F
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) out.push_back(part);
  return out;
}

// Runs the commands two at a time (the tools are separate processes): the result of each, in order.
std::vector<relance::testing::CommandResult> run_all(const std::vector<std::vector<std::string>>& commands) {
  std::vector<relance::testing::CommandResult> results(commands.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < commands.size(); i = next++) {
      try {
        results[i] = run_command(commands[i]);
      } catch (const std::exception& e) {
        results[i].err = e.what();
      }
    }
  };
  std::thread other(worker);
  worker();
  other.join();
  return results;
}

// pdffonts lists every font of the PDF; the "emb" column is the fifth from the right.
void expect_all_fonts_embedded(const relance::testing::CommandResult& r, const std::string& what) {
  ASSERT_EQ(r.exit_code, 0) << what << ": " << r.err;
  const auto lines = split(r.out, '\n');
  std::size_t fonts = 0;
  for (std::size_t i = 2; i < lines.size(); ++i) {
    std::vector<std::string> tokens;
    std::stringstream in(lines[i]);
    for (std::string t; in >> t;) tokens.push_back(t);
    if (tokens.empty()) continue;
    ++fonts;
    ASSERT_GE(tokens.size(), 6U) << what << ": cannot read pdffonts line '" << lines[i] << "'";
    EXPECT_EQ(tokens[tokens.size() - 5], "yes") << what << ": font not embedded: " << lines[i];
  }
  EXPECT_GT(fonts, 0U) << what << ": pdffonts lists no font\n" << r.out;
}
void expect_all_fonts_embedded(const fs::path& pdf, const std::string& what) {
  expect_all_fonts_embedded(run_command({pdffonts, pdf.string()}), what);
}

void expect_qpdf_check(const relance::testing::CommandResult& r, const std::string& what) {
  EXPECT_EQ(r.exit_code, 0) << what << ": qpdf --check\n" << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos)
      << what << ": " << r.out;
}
void expect_qpdf_check(const fs::path& pdf, const std::string& what) {
  expect_qpdf_check(run_command({qpdf, "--check", pdf.string()}), what);
}

int page_count(const fs::path& pdf) {
  const auto r = run_command({pdfinfo, pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const auto& line : split(r.out, '\n'))
    if (line.rfind("Pages:", 0) == 0) return std::atoi(line.substr(6).c_str());
  ADD_FAILURE() << "pdfinfo gives no page count:\n" << r.out;
  return 0;
}

// What the renderer writes into factur-x.xml: the invoice's own guideline when Factur-X knows
// it, else EN 16931 (see letters/src/invoice_renderer.cpp).
relance::formats::CiiWriteOptions embedded_cii_options(const Invoice& invoice) {
  relance::formats::CiiWriteOptions o;
  if (relance::formats::facturx_conformance_level(invoice.specification_identifier).empty())
    o.guideline_id = std::string(relance::formats::guideline::en16931);
  return o;
}

// The view shows BG-15 when it is not the buyer's own address under the buyer's own name.
bool shows_deliver_to(const Invoice& inv) {
  const auto& d = inv.delivery;
  if (d.deliver_to.empty()) return false;
  return !(d.deliver_to == inv.buyer.postal_address &&
           (d.deliver_to_name.empty() || d.deliver_to_name == inv.buyer.name));
}

std::string first_address_line(const relance::formats::Address& a) {
  for (const auto* s : {&a.line_one, &a.line_two, &a.line_three})
    if (!s->empty()) return *s;
  return a.city;
}

struct Example {
  std::string key;  // "cii/CII_example1.xml"
  bool cii = false;
  Invoice invoice;
};

std::vector<Example> official_invoices() {
  std::vector<Example> out;
  for (const std::string sub : {"cii", "ubl"}) {
    for (const auto& f : official_examples(sub)) {
      auto r = relance::formats::read_invoice(read_file(f), f.string());
      EXPECT_TRUE(r.value) << f << ": " << dump(r.diagnostics);
      if (r.value) out.push_back({sub + "/" + f.filename().string(), sub == "cii", std::move(*r.value)});
    }
  }
  return out;
}

// Renders every official example as a Factur-X in one language and checks each PDF: in process
// first, then with qpdf, pdffonts and pdftotext, two at a time.
void check_official_examples(Language lang) {
  RELANCE_REQUIRE_EN16931_DIR();
  RELANCE_REQUIRE_PDF_TOOLS();
  using relance::letters::detail::FontStyle;
  const auto examples = official_invoices();
  ASSERT_GT(examples.size(), 50U) << "the official examples are incomplete";
  InvoiceRenderer renderer(options_for(lang, true));
  TempDir tmp;
  std::vector<const Example*> rendered;
  std::vector<std::vector<std::string>> commands;
  for (const auto& ex : examples) {
    SCOPED_TRACE(ex.key);
    const Invoice& inv = ex.invoice;
    const std::string pdf = render(renderer, inv, ex.key);
    if (pdf.empty()) continue;
    const fs::path file = tmp / (std::to_string(rendered.size()) + ".pdf");
    write_file(file, pdf);
    rendered.push_back(&ex);
    commands.push_back({qpdf, "--check", file.string()});
    commands.push_back({pdffonts, file.string()});
    commands.push_back({pdftotext, "-enc", "UTF-8", file.string(), "-"});

    // The attachment is exactly the CII the writer gives for this invoice.
    const auto cii_options = embedded_cii_options(inv);
    const std::string expected_xml = relance::formats::write_cii(inv, cii_options);
    const auto embedded = relance::formats::extract_invoice_xml(pdf, ex.key);
    ASSERT_TRUE(embedded.value) << dump(embedded.diagnostics);
    EXPECT_EQ(embedded.value->filename, "factur-x.xml");
    EXPECT_TRUE(embedded.value->xml == expected_xml) << "factur-x.xml differs from write_cii(invoice)";

    // Reading the PDF back gives the invoice.
    const auto back = relance::formats::read_invoice(pdf, ex.key + ".pdf");
    ASSERT_TRUE(back.value) << dump(back.diagnostics);
    EXPECT_FALSE(back.diagnostics.has_fatal()) << dump(back.diagnostics);
    const auto round_trip = relance::formats::read_cii(expected_xml, "written.xml");
    ASSERT_TRUE(round_trip.value) << dump(round_trip.diagnostics);
    EXPECT_TRUE(back.value->same_business_content(*round_trip.value))
        << "the Factur-X read back differs from read_cii(write_cii(invoice))";
    if (ex.cii) {
      Invoice original = inv;
      // Only an id Factur-X does not know is replaced (by EN 16931), on purpose.
      if (!cii_options.guideline_id.empty()) original.specification_identifier = cii_options.guideline_id;
      EXPECT_TRUE(back.value->same_business_content(original))
          << "the Factur-X read back differs from the CII source";
    }
  }
  EXPECT_EQ(rendered.size(), examples.size());

  const auto results = run_all(commands);
  const auto& fonts = relance::letters::detail::fonts();
  std::size_t deliver_to_checked = 0;
  for (std::size_t i = 0; i < rendered.size(); ++i) {
    const Example& ex = *rendered[i];
    const Invoice& inv = ex.invoice;
    SCOPED_TRACE(ex.key);
    expect_qpdf_check(results[3 * i], ex.key);
    expect_all_fonts_embedded(results[3 * i + 1], ex.key);
    const auto& text = results[3 * i + 2];
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_EQ(text.err.find("begincidrange"), std::string::npos) << "ToUnicode CMap rejected:\n" << text.err;
    const std::string flat = squeeze(text.out);
    // What the layout draws: each line of the value with the characters the font lacks as '?'.
    auto expect_text = [&](const std::string& what, const std::string& value, FontStyle style) {
      std::string drawn;
      for (const auto& line : split(value, '\n'))
        drawn += relance::letters::detail::printable_text(fonts.face(style), line);
      drawn = squeeze(drawn);
      if (drawn.empty()) return;
      EXPECT_NE(flat.find(drawn), std::string::npos) << what << " '" << value << "' is not in the text:\n"
                                                     << text.out;
    };
    expect_text("invoice number", inv.number, FontStyle::bold);
    ASSERT_TRUE(inv.totals.payable_amount.has_value()) << "no BT-115";
    expect_text("amount due", relance::letters::format_amount(*inv.totals.payable_amount, inv.currency, lang),
                FontStyle::bold);
    expect_text("buyer name", inv.buyer.name, FontStyle::bold);
    if (shows_deliver_to(inv)) {
      ++deliver_to_checked;
      expect_text("deliver-to name", inv.delivery.deliver_to_name, FontStyle::bold);
      expect_text("deliver-to address", first_address_line(inv.delivery.deliver_to), FontStyle::regular);
    }
  }
  EXPECT_GT(deliver_to_checked, 0U) << "no example shows a delivery address: the check checked nothing";
}

TEST(InvoiceRendererOfficialExamples, FacturXInFrench) {
  check_official_examples(Language::fr);
}
TEST(InvoiceRendererOfficialExamples, FacturXInEnglish) {
  check_official_examples(Language::en);
}
TEST(InvoiceRendererOfficialExamples, FacturXInGerman) {
  check_official_examples(Language::de);
}

TEST(InvoiceRendererOfficialExamples, StructuralCheckerPassesOnEveryFrenchFacturX) {
  RELANCE_REQUIRE_EN16931_DIR();
  const char* checker = std::getenv("RELANCE_FACTURX_CHECK");
  if (!checker || !*checker)
    GTEST_SKIP() << "RELANCE_FACTURX_CHECK is not set: point it at facturx-check "
                    "(/work/shared/tools/facturx-check/facturx-check)";
  TempDir tmp;
  InvoiceRenderer renderer(options_for(Language::fr, true));
  std::vector<std::string> argv = {"/usr/bin/python3", checker, "-j", "2", "--summary"};
  std::size_t n = 0;
  for (const auto& ex : official_invoices()) {
    const std::string pdf = render(renderer, ex.invoice, ex.key);
    if (pdf.empty()) continue;
    const fs::path file = tmp / (std::to_string(n++) + "-" + fs::path(ex.key).stem().string() + ".pdf");
    write_file(file, pdf);
    argv.push_back(file.string());
  }
  ASSERT_GT(n, 50U);
  const auto r = run_command(argv);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
  // The one warning allowed: a CIUS guideline (Peppol BIS, XRechnung) kept as the invoice's BT-24,
  // which Factur-X readers take as EN 16931.
  for (const auto& line : split(r.out, '\n'))
    if (line.find("~ warning") != std::string::npos) {
      EXPECT_NE(line.find("is a CIUS of EN 16931; accepted as EN 16931"), std::string::npos) << line;
    }
  EXPECT_NE(r.out.find(std::to_string(n) + " passed"), std::string::npos) << r.out;
}

TEST(InvoiceRendererOfficialExamples, OfficialValidatorFindsNoNewFatalInTheEmbeddedXml) {
  RELANCE_REQUIRE_EN16931_DIR();
  const char* tool = std::getenv("RELANCE_EN16931_VALIDATE");
  if (!tool || !fs::exists(tool))
    GTEST_SKIP() << "RELANCE_EN16931_VALIDATE is not set to the official validator (en16931-validate)";
  if (run_command({"/usr/bin/env", "java", "-version"}).exit_code != 0)
    GTEST_SKIP() << "java is not installed";

  // file -> fatal ids the official validator gives the source (expected.tsv)
  std::map<std::string, std::set<std::string>> expected;
  {
    std::ifstream in(*relance::testing::en16931_dir() / "expected.tsv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      const auto cols = split(line, '\t');
      if (cols.size() < 4) continue;
      for (const auto& id : split(cols[3], ','))
        if (!id.empty() && id != "-") expected[cols[0]].insert(id);
      expected[cols[0]];
    }
  }
  const std::set<std::string> handful = {"cii/CII_example1.xml",         "cii/CII_business_example_01.xml",
                                         "cii/XRechnung-O.xml",          "ubl/ubl-tc434-example1.xml",
                                         "ubl/Invoice-Max_content.xml",  "ubl/CreditNote-Max_content.xml",
                                         "ubl/BIS3_Invoice_positive.XML"};
  TempDir tmp;
  InvoiceRenderer renderer(options_for(Language::de, true));
  std::map<std::string, std::string> source_of;
  std::vector<std::string> argv = {tool};
  for (const auto& ex : official_invoices()) {
    if (!handful.count(ex.key)) continue;
    const std::string pdf = render(renderer, ex.invoice, ex.key);
    const auto embedded = relance::formats::extract_invoice_xml(pdf, ex.key);
    ASSERT_TRUE(embedded.value) << ex.key << ": " << dump(embedded.diagnostics);
    const fs::path file = tmp / (fs::path(ex.key).stem().string() + ".factur-x.xml");
    write_file(file, embedded.value->xml);
    source_of[file.string()] = ex.key;
    argv.push_back(file.string());
  }
  ASSERT_EQ(source_of.size(), handful.size()) << "some examples of the handful are missing";
  const auto result = run_command(argv);
  ASSERT_NE(result.exit_code, 3) << "validator set-up problem: " << result.err;
  std::size_t checked = 0;
  for (const auto& line : split(result.out, '\n')) {
    const auto cols = split(line, '\t');
    if (cols.size() < 3 || !source_of.count(cols[0])) continue;
    ++checked;
    const std::string& source = source_of[cols[0]];
    ASSERT_NE(cols[1], "error") << source << ": " << cols[2];
    EXPECT_EQ(cols.size() > 4 ? cols[4] : "", "CII") << source;
    for (const auto& id : split(cols[2], ',')) {
      if (id.empty() || id == "-") continue;
      EXPECT_TRUE(expected[source].count(id))
          << source << ": the embedded XML fires " << id << ", which the source does not";
    }
  }
  EXPECT_EQ(checked, source_of.size()) << result.out << result.err;
}

TEST(InvoiceRenderer, AThousandLinesFlowOverPagesWithHeadAndPageNumbers) {
  RELANCE_REQUIRE_PDF_TOOLS();
  const Invoice inv = relance::samples::make_invoice(1000, 7);
  // make_invoice names its lines "Article n° <i> — chêne": unique, none a part of another.
  std::set<std::string> names;
  for (const auto& l : inv.lines) names.insert(l.item.name);
  ASSERT_EQ(names.size(), 1000U);

  const std::string pdf = render(inv, options_for(Language::fr, true), "thousand.xml");
  ASSERT_FALSE(pdf.empty());
  TempDir tmp;
  write_file(tmp / "thousand.pdf", pdf);
  const int pages = page_count(tmp / "thousand.pdf");
  ASSERT_GT(pages, 1);
  expect_qpdf_check(tmp / "thousand.pdf", "1,000 lines");

  const auto text = text_of(tmp / "thousand.pdf");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const auto& l : inv.lines) EXPECT_EQ(count_of(text.out, l.item.name), 1U) << l.item.name;

  // pdftotext ends every page with a form feed.
  auto page_texts = split(text.out, '\f');
  while (!page_texts.empty() && squeeze(page_texts.back()).empty()) page_texts.pop_back();
  ASSERT_EQ(page_texts.size(), static_cast<std::size_t>(pages));
  int pages_with_lines = 0;
  for (int p = 0; p < pages; ++p) {
    const std::string& t = page_texts[static_cast<std::size_t>(p)];
    const std::string label = "Page " + std::to_string(p + 1) + " / " + std::to_string(pages);
    EXPECT_EQ(count_of(t, label), 1U) << "page " << p + 1 << " lacks '" << label << "'";
    if (t.find("Article n° ") == std::string::npos) continue;
    ++pages_with_lines;
    EXPECT_NE(t.find("Désignation"), std::string::npos) << "page " << p + 1 << " has lines but no table head";
    EXPECT_NE(t.find("Montant HT"), std::string::npos) << "page " << p + 1 << " has lines but no table head";
  }
  EXPECT_GT(pages_with_lines, 1);
}

TEST(InvoiceRenderer, Utf8NamesRenderAsWrittenAndCjkBecomesAQuestionMark) {
  RELANCE_REQUIRE_PDF_TOOLS();
  Invoice inv = relance::samples::make_invoice(3, 2);
  inv.seller.name = "Œuvres Françaises é ç";
  inv.buyer.name = "Müller Straße œ ü";
  inv.lines[0].item.name = "« Crème brûlée » 5 €";
  inv.lines[1].item.name = "Thé vert 茶 Sencha";
  for (const bool facturx : {false, true}) {
    const std::string pdf = render(inv, options_for(Language::fr, facturx), "utf8.xml");
    ASSERT_FALSE(pdf.empty());
    std::string warnings;
    const std::string text = text_of_bytes(pdf, &warnings);
    for (const std::string s :
         {"Œuvres Françaises é ç", "Müller Straße œ ü", "« Crème brûlée » 5 €", "Thé vert ? Sencha"})
      EXPECT_NE(text.find(s), std::string::npos)
          << (facturx ? "Factur-X" : "plain") << ": '" << s << "' not in\n"
          << text;
    EXPECT_EQ(text.find("茶"), std::string::npos);
    EXPECT_EQ(warnings.find("begincidrange"), std::string::npos) << warnings;
  }
}

TEST(InvoiceRenderer, OnePageInvoiceIsSmall) {
  RELANCE_REQUIRE_PDF_TOOLS();
  const auto fixture = relance::testing::fixtures_dir() / "invoices" / "cii" / "fr-delivery-elsewhere.xml";
  const auto inv = relance::formats::read_invoice(read_file(fixture), fixture.string());
  ASSERT_TRUE(inv.value) << dump(inv.diagnostics);
  TempDir tmp;
  for (const bool facturx : {false, true}) {
    const std::string pdf = render(*inv.value, options_for(Language::fr, facturx), fixture.string());
    ASSERT_FALSE(pdf.empty());
    const auto file = tmp / (facturx ? "facturx.pdf" : "plain.pdf");
    write_file(file, pdf);
    EXPECT_EQ(page_count(file), 1);
    EXPECT_LT(pdf.size(), 100U * 1024)
        << (facturx ? "Factur-X" : "plain PDF") << " of one page is " << pdf.size() << " bytes";
  }
}

TEST(InvoiceRenderer, PlainPdfPassesQpdfAndHasReadableToUnicode) {
  RELANCE_REQUIRE_PDF_TOOLS();
  Invoice inv = relance::samples::make_invoice(5, 3);
  TempDir tmp;
  // Windows-1252 text (simple fonts), then text beyond it (CID fonts): both must extract.
  for (const std::string buyer : {"Müller Großhandel GmbH", "Łódź Wrocław Kőbánya GmbH"}) {
    inv.buyer.name = buyer;
    const std::string pdf = render(inv, options_for(Language::fr, false), "plain.xml");
    ASSERT_FALSE(pdf.empty());
    EXPECT_EQ(pdf.find("/AF"), std::string::npos) << "a plain PDF is no Factur-X";
    const auto file = tmp / "plain.pdf";
    write_file(file, pdf);
    expect_qpdf_check(file, buyer);
    expect_all_fonts_embedded(file, buyer);
    const auto text = text_of(file);
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_EQ(text.err.find("Invalid 'begincidrange'"), std::string::npos) << buyer << ":\n" << text.err;
    EXPECT_EQ(text.err, "") << buyer << ": pdftotext warns";
    EXPECT_NE(text.out.find(buyer), std::string::npos) << text.out;
    EXPECT_NE(text.out.find(inv.number), std::string::npos) << text.out;
    EXPECT_NE(squeeze(text.out).find(
                  squeeze(relance::letters::format_amount(*inv.totals.payable_amount, "EUR", Language::fr))),
              std::string::npos)
        << text.out;
  }
}

// A copy of the shipped templates to change.
struct TemplateCopy {
  TempDir dir;
  fs::path root = dir / "templates";
  TemplateCopy() { fs::copy(fs::path(RELANCE_SOURCE_DIR) / "templates", root, fs::copy_options::recursive); }
  fs::path invoice() const { return root / "fr" / "invoice.mustache"; }
  void replace(const std::string& from, const std::string& to) const {
    std::string t = read_file(invoice());
    const auto at = t.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    t.replace(at, from.size(), to);
    write_file(invoice(), t);
  }
  void append(const std::string& text) const { write_file(invoice(), read_file(invoice()) + text); }
};

// The one diagnostic of a render that must fail.
relance::Diagnostic render_failure(const TemplateCopy& copy, const Invoice& inv) {
  InvoiceRenderer renderer(options_for(Language::fr, false, copy.root));
  const auto r = renderer.render(inv, "inv.xml");
  EXPECT_FALSE(r.value) << "rendered although the template is broken";
  EXPECT_TRUE(r.diagnostics.has_fatal()) << dump(r.diagnostics);
  if (r.diagnostics.empty()) return {};
  EXPECT_EQ(r.diagnostics.size(), 1U) << dump(r.diagnostics);
  return r.diagnostics.items().front();
}

TEST(InvoiceRendererTemplates, ChangedWordingChangesThePdf) {
  RELANCE_REQUIRE_PDF_TOOLS();
  const Invoice inv = relance::samples::make_invoice(2, 4);
  TemplateCopy copy;
  const std::string before = text_of_bytes(render(inv, options_for(Language::fr, false, copy.root)));
  EXPECT_NE(before.find("Net à payer"), std::string::npos) << before;
  copy.replace("Net à payer", "Reste dû zorglub");
  const std::string after = text_of_bytes(render(inv, options_for(Language::fr, false, copy.root)));
  EXPECT_NE(after.find("Reste dû zorglub"), std::string::npos) << after;
  EXPECT_EQ(after.find("Net à payer"), std::string::npos) << after;
  // The other languages are untouched.
  const std::string german = text_of_bytes(render(inv, options_for(Language::de, false, copy.root)));
  EXPECT_EQ(german.find("zorglub"), std::string::npos);
}

TEST(InvoiceRendererTemplates, MissingTemplateIsNamed) {
  const Invoice inv = relance::samples::make_invoice(2, 5);
  TemplateCopy copy;
  fs::remove(copy.invoice());
  const auto d = render_failure(copy, inv);
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), copy.invoice()) << relance::format_diagnostic(d);
}

TEST(InvoiceRendererTemplates, MalformedTemplateIsNamed) {
  const Invoice inv = relance::samples::make_invoice(2, 6);
  TemplateCopy copy;
  copy.append("{{#lines}}\npara | unclosed section\n");
  const auto d = render_failure(copy, inv);
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), copy.invoice()) << relance::format_diagnostic(d);
}

TEST(InvoiceRendererTemplates, NameTheViewLacksIsNamed) {
  const Invoice inv = relance::samples::make_invoice(2, 7);
  TemplateCopy copy;
  copy.append("para | {{seller.nmae}}\n");
  const auto d = render_failure(copy, inv);
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_NE(d.message.find("seller.nmae"), std::string::npos) << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), copy.invoice()) << relance::format_diagnostic(d);
}

TEST(InvoiceRendererTemplates, UnknownMarkupKeywordIsNamedWithItsLine) {
  const Invoice inv = relance::samples::make_invoice(2, 8);
  TemplateCopy copy;
  copy.append("frobnicate | {{number}}\n");
  // Where the instruction lands in the rendered markup.
  InvoiceRenderer renderer(options_for(Language::fr, false, copy.root));
  const auto markup = renderer.markup(inv, "inv.xml");
  ASSERT_TRUE(markup.value) << dump(markup.diagnostics);
  int line = 0;
  {
    const auto lines = split(*markup.value, '\n');
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (lines[i].rfind("frobnicate", 0) == 0) line = static_cast<int>(i) + 1;
  }
  ASSERT_GT(line, 0) << *markup.value;
  const auto d = render_failure(copy, inv);
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_NE(d.message.find("frobnicate"), std::string::npos) << relance::format_diagnostic(d);
  EXPECT_NE(d.message.find("line " + std::to_string(line) + " "), std::string::npos)
      << "expected line " << line << ": " << relance::format_diagnostic(d);
  EXPECT_NE(d.where.source.find("invoice.mustache"), std::string::npos) << relance::format_diagnostic(d);
}

TEST(InvoiceRenderer, MarkupCharactersInDataRenderLiterally) {
  RELANCE_REQUIRE_PDF_TOOLS();
  Invoice inv = relance::samples::make_invoice(2, 9);
  // A '|', a line break, a backslash before 'n', a doubled and a lone backslash, and what would be
  // instructions if they reached the markup unescaped.
  const std::string name = "Dupont | Fils\nrow | injected \\n C:\\\\share\\ end";
  inv.buyer.name = name;
  inv.lines[0].item.name = "title | Pirate\nend\npages | hacked {page}";

  InvoiceRenderer renderer(options_for(Language::fr, false));
  const auto markup = renderer.markup(inv, "inv.xml");
  ASSERT_TRUE(markup.value) << dump(markup.diagnostics);
  const auto instructions = relance::letters::detail::parse_markup(*markup.value, "invoice.mustache");
  bool buyer_found = false, item_found = false;
  int titles = 0, pages = 0;
  for (const auto& in : instructions) {
    if (in.keyword == "bold" && in.field(0) == name) buyer_found = true;
    if (in.keyword == "row" && in.field(1) == inv.lines[0].item.name) item_found = true;
    titles += in.keyword == "title" ? 1 : 0;
    pages += in.keyword == "pages" ? 1 : 0;
  }
  EXPECT_TRUE(buyer_found) << "the buyer name is not one field of one instruction:\n" << *markup.value;
  EXPECT_TRUE(item_found) << "the item name is not one field of its row:\n" << *markup.value;
  EXPECT_EQ(titles, 1);
  EXPECT_EQ(pages, 1);

  const std::string text = text_of_bytes(render(renderer, inv, "inv.xml"));
  const std::string flat = squeeze(text);
  // The line break is a line break; everything else is drawn as written.
  EXPECT_NE(flat.find(squeeze("Dupont | Fils") + squeeze("row | injected \\n C:\\\\share\\ end")),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Dupont | Fils\n"), std::string::npos) << text;
  EXPECT_NE(flat.find("title|Pirate"), std::string::npos) << text;
  EXPECT_NE(flat.find("pages|hacked{page}"), std::string::npos) << text;
  EXPECT_EQ(text.find("hacked 1"), std::string::npos) << text;
}

}  // namespace
