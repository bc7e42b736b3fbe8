// Dunning letters and statements: every level in every language renders, and the text a person
// reads (pdftotext) carries the amounts, the deadline and the legal mentions of that level.
#include <gtest/gtest.h>

#include <algorithm>

#include "relance/letters/language.hpp"
#include "relance/letters/letter.hpp"
#include "test_support.hpp"

namespace {

using relance::formats::Date;
using relance::formats::Decimal;
using namespace relance::letters;

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}
Date day(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

Letter sample_letter(std::string level, Language language, std::string profile = "regular") {
  Letter l;
  l.level = level;
  l.template_name = level;
  l.profile = std::move(profile);
  l.language = language;
  l.as_of = day(2026, 11, 23);
  l.reference = "R-2026-11-23-C042";
  l.creditor =
      LetterParty{"Atelier Dupont SARL", {}, "901234567", "FR15901234567", "recouvrement@dupont.example",
                  "+33 4 72 00 00 00"};
  l.creditor.address.line_one = "8 quai Saint-Antoine";
  l.creditor.address.post_code = "69002";
  l.creditor.address.city = "Lyon";
  l.creditor.address.country_code = "FR";
  l.debtor = LetterParty{"Bâtiments Réunis SA", {}, "812345676", "", "", ""};
  l.debtor.address.line_one = "5 avenue Foch";
  l.debtor.address.post_code = "75116";
  l.debtor.address.city = "Paris";
  l.debtor.address.country_code = "FR";
  l.customer_id = "C042";
  LetterItem item;
  item.number = "FA-2026-0042";
  item.issue_date = day(2026, 9, 1);
  item.due_date = day(2026, 10, 1);
  item.amount = dec("6000.00");
  item.paid = dec("1000.00");
  item.outstanding = dec("5000.00");
  item.days_late = 53;
  InterestLine line;
  line.from = day(2026, 10, 2);
  line.to = day(2026, 11, 23);
  line.days = 53;
  line.base = dec("5000.00");
  line.rate_percent = dec("12.15");
  line.amount = dec("88.21");
  item.interest.lines.push_back(line);
  item.interest.total = dec("88.21");
  l.items.push_back(item);
  l.principal = dec("5000.00");
  const bool claims = level == "formal_notice" || level == "agency";
  l.interest = claims ? dec("88.21") : Decimal{};
  l.indemnity = claims && l.profile != "consumer" ? dec("40.00") : Decimal{};
  l.total = l.principal + l.interest + l.indemnity;
  l.creditor_iban = "FR76 3000 6000 0112 3456 7890 189";
  l.creditor_bic = "AGRIFRPP";
  l.penalty_rate_text = "12,15 %";
  return l;
}

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
  const auto path = dir.path() / "letter.pdf";
  relance::testing::write_file(path, pdf);
  auto r = relance::testing::run_command({"/usr/bin/pdftotext", "-enc", "UTF-8", path.string(), "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

struct Expectation {
  Language language;
  const char* level;
  const char* profile;
  std::vector<std::string> texts;  // each must appear (spaces ignored)
};

class LetterTexts : public ::testing::TestWithParam<Expectation> {};

TEST_P(LetterTexts, CarryTheAmountsAndTheLegalMentions) {
  const auto& e = GetParam();
  LetterRenderer renderer({{}, "D:20261123000000+00'00'"});
  const Letter letter = sample_letter(e.level, e.language, e.profile);
  auto pdf = renderer.render_letter(letter);
  ASSERT_TRUE(pdf.value) << (pdf.diagnostics.empty() ? "" : pdf.diagnostics.items().front().message);
  const std::string text = squeeze(pdf_text(*pdf.value));
  EXPECT_NE(text.find(squeeze("FA-2026-0042")), std::string::npos);
  EXPECT_NE(text.find(squeeze(format_amount(letter.principal, "EUR", e.language))), std::string::npos)
      << text;
  EXPECT_NE(text.find(squeeze("Bâtiments Réunis SA")), std::string::npos);
  for (const auto& t : e.texts)
    EXPECT_NE(text.find(squeeze(t)), std::string::npos) << "missing: " << t << "\n" << text;
}

const Expectation expectations[] = {
    {Language::fr,
     "pre_reminder",
     "regular",
     {"arrive prochainement à échéance", "Il ne s'agit pas d'une relance"}},
    {Language::fr, "reminder_1", "regular", {"Rappel", "reste impayée"}},
    {Language::fr, "reminder_2", "regular", {"Deuxième rappel", "40,00 €", "L441-10", "D441-5"}},
    {Language::fr,
     "formal_notice",
     "regular",
     {"Mise en demeure de payer", "88,21 €", "40,00 €", "5 128,21 €", "01/12/2026", "L441-10", "D441-5",
      "article 1344 du Code civil", "12,15 %", "53"}},
    {Language::fr, "formal_notice", "consumer", {"Mise en demeure de payer", "5 088,21 €", "1231-6"}},
    {Language::fr,
     "formal_notice",
     "public-sector",
     {"intérêts moratoires", "L2192-13", "D2192-35", "5 128,21 €"}},
    {Language::fr, "agency", "regular", {"partenaire de recouvrement", "5 128,21 €"}},
    {Language::en, "pre_reminder", "regular", {"falls due shortly", "This is not a reminder"}},
    {Language::en, "reminder_1", "regular", {"Reminder", "remains unpaid"}},
    {Language::en, "reminder_2", "regular", {"Second reminder", "€40.00", "L441-10"}},
    {Language::en,
     "formal_notice",
     "regular",
     {"Formal notice to pay", "€88.21", "€40.00", "€5,128.21", "2026-12-01", "article 1344"}},
    {Language::en, "formal_notice", "consumer", {"statutory rate", "€5,088.21"}},
    {Language::en, "formal_notice", "public-sector", {"default interest", "L2192-13", "D2192-35"}},
    {Language::en, "agency", "regular", {"debt recovery partner", "€5,128.21"}},
    {Language::de, "pre_reminder", "regular", {"demnächst fällig", "Dies ist keine Mahnung"}},
    {Language::de, "reminder_1", "regular", {"Zahlungserinnerung", "noch offen"}},
    {Language::de, "reminder_2", "regular", {"Zweite Mahnung", "40,00 €", "L441-10"}},
    {Language::de,
     "formal_notice",
     "regular",
     {"Inverzugsetzung", "88,21 €", "40,00 €", "5.128,21 €", "01.12.2026", "Art. 1344"}},
    {Language::de, "formal_notice", "consumer", {"gesetzlichen Zinssatz", "5.088,21 €"}},
    {Language::de, "formal_notice", "public-sector", {"Verzugszinsen", "L2192-13", "D2192-35"}},
    {Language::de, "agency", "regular", {"Inkassopartner", "5.128,21 €"}},
};

INSTANTIATE_TEST_SUITE_P(EveryLevelAndLanguage, LetterTexts, ::testing::ValuesIn(expectations),
                         [](const ::testing::TestParamInfo<Expectation>& param_info) {
                           std::string name = std::string(language_code(param_info.param.language)) + "_" +
                                              param_info.param.level + "_" + param_info.param.profile;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(LetterRenderer, StatementListsTheOpenItemsAndTheBalance) {
  for (Language language : {Language::fr, Language::en, Language::de}) {
    const Letter l = sample_letter("reminder_1", language);
    Statement s{l.creditor, l.debtor, l.customer_id, language, l.as_of, "EUR", l.items, dec("5000.00")};
    LetterRenderer renderer({{}, {}});
    auto pdf = renderer.render_statement(s);
    ASSERT_TRUE(pdf.value);
    const std::string text = squeeze(pdf_text(*pdf.value));
    EXPECT_NE(text.find("FA-2026-0042"), std::string::npos);
    EXPECT_NE(text.find(squeeze(format_amount(dec("5000.00"), "EUR", language))), std::string::npos);
  }
}

TEST(LetterRenderer, TheRecipientAddressSitsInTheEnvelopeWindow) {
  LetterRenderer renderer({{}, {}});
  auto pdf = renderer.render_letter(sample_letter("reminder_1", Language::fr));
  ASSERT_TRUE(pdf.value);
  relance::testing::TempDir dir;
  const auto path = dir.path() / "letter.pdf";
  relance::testing::write_file(path, *pdf.value);
  // -x -y -W -H in points at 72 dpi: the window of a right-window envelope, 105-200 mm x 50-88 mm.
  auto r = relance::testing::run_command({"/usr/bin/pdftotext", "-r", "72", "-x", "297", "-y", "141", "-W",
                                          "270", "-H", "108", path.string(), "-"});
  EXPECT_NE(r.out.find("Bâtiments Réunis SA"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("75116 Paris"), std::string::npos) << r.out;
}

TEST(LetterRenderer, AMissingLevelTemplateIsNamed) {
  LetterRenderer renderer({{}, {}});
  Letter l = sample_letter("reminder_1", Language::fr);
  l.template_name = "reminder_9";
  auto pdf = renderer.render_letter(l);
  ASSERT_FALSE(pdf.value);
  ASSERT_FALSE(pdf.diagnostics.empty());
  EXPECT_EQ(pdf.diagnostics.items().front().rule_id, "RL-RENDER-002");
  EXPECT_NE(pdf.diagnostics.items().front().where.source.find("reminder_9.mustache"), std::string::npos);
}

}  // namespace
