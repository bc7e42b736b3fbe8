// The aged balance as a PDF: every language renders, and the text a person reads (pdftotext)
// carries the customers, the totals, the DSO, the chase list and the weekly cash-in.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "relance/letters/language.hpp"
#include "relance/letters/report.hpp"
#include "test_support.hpp"

namespace {

using relance::formats::Decimal;
using namespace relance::letters;

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}

constexpr const char* pdftotext = "/usr/bin/pdftotext";

#define RELANCE_REQUIRE_PDFTOTEXT()                                                                     \
  do {                                                                                                  \
    if (!std::filesystem::exists(pdftotext))                                                            \
      GTEST_SKIP() << pdftotext << " is missing: apt-get install poppler-utils (scripts/install-deps)"; \
  } while (0)

// pdftotext writes no-break and narrow no-break spaces as spaces; compare without any space.
std::string squeeze(std::string s) {
  for (const char* space : {"\u202f", "\u00a0"}) {
    for (auto at = s.find(space); at != std::string::npos; at = s.find(space))
      s.erase(at, std::string(space).size());
  }
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\f'; }),
          s.end());
  return s;
}

std::string pdf_text(const std::string& pdf) {
  relance::testing::TempDir dir;
  const auto path = dir.path() / "aging.pdf";
  relance::testing::write_file(path, pdf);
  auto r = relance::testing::run_command({pdftotext, "-enc", "UTF-8", path.string(), "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

AgingReportDocument sample(Language l) {
  auto money = [l](const char* d) { return format_amount(dec(d), "EUR", l); };
  AgingReportDocument doc;
  doc.company = "Atelier Dupont SARL";
  doc.as_of = format_date(*relance::formats::Date::from_ymd(2026, 11, 23), l);
  AgingCurrencySection s;
  s.currency = "EUR";
  s.rows.push_back(AgingReportRow{"Bâtiments Réunis SA (C042)", money("1000.00"), "", money("500.00"), "", "",
                                  money("1500.00"), money("500.00"), "53"});
  s.rows.push_back(
      AgingReportRow{"Pipe | Co (C7)", "", "", "", "", money("300.50"), money("300.50"), "", "114"});
  s.totals = AgingReportRow{"Total EUR",      money("1000.00"), money("0"),
                            money("500.00"),  money("0"),       money("300.50"),
                            money("1800.50"), money("500.00"),  "114"};
  s.dso_days = format_number(dec("54.4"), l);
  s.chase_first.push_back(AgingChaseRow{"1", "Pipe | Co (C7)", money("300.50"), money("300.50"), "114"});
  for (int w = 48; w < 53; ++w)
    s.cash_in.push_back(AgingCashInWeek{"2026-W" + std::to_string(w), "", money(w == 49 ? "1000.00" : "0")});
  s.overdue_unknown = money("300.50");
  s.later = money("0");
  s.disputed = money("500.00");
  doc.currencies.push_back(s);
  return doc;
}

struct Expectation {
  Language language;
  std::vector<std::string> texts;
};

class AgingPdf : public ::testing::TestWithParam<Expectation> {};

TEST_P(AgingPdf, CarriesTheTotalsAndTheLists) {
  RELANCE_REQUIRE_PDFTOTEXT();
  const auto& e = GetParam();
  const AgingReportDocument doc = sample(e.language);
  auto pdf = render_aging_pdf(doc, e.language, {});
  ASSERT_TRUE(pdf.value) << (pdf.diagnostics.empty() ? "" : pdf.diagnostics.items().front().message);
  ASSERT_EQ(pdf.value->rfind("%PDF-", 0), 0u);
  const std::string text = squeeze(pdf_text(*pdf.value));
  for (const std::string& t :
       {doc.currencies[0].totals.total, doc.currencies[0].totals.over_90, doc.currencies[0].totals.not_due,
        std::string("Bâtiments Réunis SA"), std::string("Pipe | Co (C7)"), std::string("2026-W49"),
        doc.currencies[0].dso_days, doc.as_of, doc.company})
    EXPECT_NE(text.find(squeeze(t)), std::string::npos) << "missing: " << t << "\n" << text;
  for (const auto& t : e.texts)
    EXPECT_NE(text.find(squeeze(t)), std::string::npos) << "missing: " << t << "\n" << text;
}

INSTANTIATE_TEST_SUITE_P(
    Languages, AgingPdf,
    ::testing::Values(Expectation{Language::fr,
                                  {"Balance âgée", "1 800,50 €", "Clients à relancer en priorité",
                                   "DSO : 54,4 jours", "Échu, date inconnue", "dont en litige"}},
                      Expectation{Language::en,
                                  {"Aged balance", "€1,800.50", "Customers to chase first", "DSO: 54.4 days",
                                   "Overdue, date unknown", "of which disputed"}},
                      Expectation{
                          Language::de,
                          {"Altersstruktur der Forderungen", "1.800,50 €", "Zuerst zu mahnende Kunden",
                           "DSO: 54,4 Tage", "Überfällig, Datum unbekannt", "davon strittig"}}));

TEST(AgingPdf, SaysWhenNothingIsOwedAndWhenNobodyIsLate) {
  RELANCE_REQUIRE_PDFTOTEXT();
  AgingReportDocument empty;
  empty.as_of = "2026-11-23";
  auto pdf = render_aging_pdf(empty, Language::en, {});
  ASSERT_TRUE(pdf.value);
  EXPECT_NE(squeeze(pdf_text(*pdf.value)).find(squeeze("Nothing is outstanding")), std::string::npos);

  AgingReportDocument calm = sample(Language::en);
  calm.currencies[0].chase_first.clear();
  pdf = render_aging_pdf(calm, Language::en, {});
  ASSERT_TRUE(pdf.value);
  EXPECT_NE(squeeze(pdf_text(*pdf.value)).find(squeeze("No customer is late")), std::string::npos);
}

TEST(AgingPdf, AMissingTemplateIsADiagnostic) {
  relance::testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "en" / "partials");
  auto pdf = render_aging_pdf(sample(Language::en), Language::en, dir.path());
  EXPECT_FALSE(pdf.value);
  ASSERT_FALSE(pdf.diagnostics.empty());
  EXPECT_EQ(pdf.diagnostics.items().front().rule_id, "RL-RENDER-002");
}

}  // namespace
