// Dunning emails from templates/<lang>/email_<level>.*.mustache: every level in every language says
// what is claimed and who claims it, values are escaped for HTML only, the subject cannot carry a
// header, and a broken templates folder stops with RL-RENDER-002 instead of sending a blank email.
#include <gtest/gtest.h>

#include <filesystem>

#include "relance/formats/diagnostic.hpp"
#include "relance/letters/email.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using relance::formats::Date;
using relance::formats::Decimal;
using namespace relance::letters;
using relance::testing::read_file;
using relance::testing::write_file;

const fs::path shipped_templates = fs::path(RELANCE_SOURCE_DIR) / "templates";

EmailFacts sample_facts() {
  EmailFacts f;
  f.debtor_name = "Bâtiments Réunis SA";
  f.creditor_name = "Atelier Dupont SARL";
  f.creditor_email = "recouvrement@dupont.example";
  f.creditor_phone = "+33 4 72 00 00 00";
  f.item_numbers = {"FA-2026-0042", "FA-2026-0043", "FA-2026-0044", "FA-2026-0045"};
  f.total = *Decimal::parse("1234.5");
  f.currency = "EUR";
  f.as_of = *Date::from_ymd(2026, 11, 23);
  return f;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The one diagnostic of a render that must fail.
relance::Diagnostic render_failure(EmailRenderer& renderer, std::string_view level) {
  try {
    renderer.render(level, Language::fr, sample_facts());
  } catch (const relance::Error& e) {
    return e.diagnostic;
  }
  ADD_FAILURE() << "rendered although the templates are broken";
  return {};
}

struct TemplateCopy {
  relance::testing::TempDir dir;
  fs::path root = dir / "templates";
  TemplateCopy() { fs::copy(shipped_templates, root, fs::copy_options::recursive); }
  fs::path fr(const std::string& name) const { return root / "fr" / name; }
};

class EveryLevelAndLanguage : public ::testing::TestWithParam<std::tuple<const char*, Language>> {};

TEST_P(EveryLevelAndLanguage, SaysWhatIsClaimedAndWhoClaimsIt) {
  const auto [level, language] = GetParam();
  EmailRenderer renderer(shipped_templates);
  const EmailTexts t = renderer.render(level, language, sample_facts());
  const std::string amount = format_amount(*Decimal::parse("1234.50"), "EUR", language);
  const std::string contact = "recouvrement@dupont.example – +33 4 72 00 00 00";

  EXPECT_TRUE(contains(t.subject, "FA-2026-0042, FA-2026-0043, FA-2026-0044, …")) << t.subject;
  EXPECT_FALSE(contains(t.subject, "FA-2026-0045")) << t.subject;
  EXPECT_TRUE(contains(t.subject, "(Atelier Dupont SARL)")) << t.subject;
  for (const std::string* body : {&t.text, &t.html}) {
    EXPECT_TRUE(contains(*body, amount)) << *body;
    EXPECT_TRUE(contains(*body, "FA-2026-0042, FA-2026-0043, FA-2026-0044, FA-2026-0045")) << *body;
    EXPECT_TRUE(contains(*body, "Atelier Dupont SARL")) << *body;
    EXPECT_TRUE(contains(*body, contact)) << *body;
  }
  EXPECT_TRUE(contains(t.html, "<html lang=\"" + std::string(language_code(language)) + "\">")) << t.html;
  EXPECT_TRUE(contains(t.html, "<title>" + t.subject + "</title>")) << t.html;
  EXPECT_EQ(t.text.back(), '\n');
  EXPECT_FALSE(contains(t.text, "\n\n\n")) << t.text;
}

INSTANTIATE_TEST_SUITE_P(Emails, EveryLevelAndLanguage,
                         ::testing::Combine(::testing::Values("pre_reminder", "reminder_1", "reminder_2",
                                                              "formal_notice", "agency"),
                                            ::testing::Values(Language::fr, Language::en, Language::de)));

TEST(EmailRenderer, KeepsTheWordingOfAPlainReminder) {
  EmailRenderer renderer(shipped_templates);
  const EmailTexts t = renderer.render("reminder_1", Language::fr, sample_facts());
  EXPECT_EQ(t.subject,
            "Relance : factures échues – FA-2026-0042, FA-2026-0043, FA-2026-0044, … (Atelier Dupont SARL)");
  EXPECT_EQ(t.text,
            "Madame, Monsieur,\n\n"
            "Sauf erreur de notre part, les factures ci-dessous restent impayées alors que leur échéance est "
            "passée.\n\n"
            "Factures : FA-2026-0042, FA-2026-0043, FA-2026-0044, FA-2026-0045\n"
            "Montant dû : 1\u202f234,50\u00a0€\n\n"
            "Nous vous remercions de bien vouloir procéder à leur règlement dans les meilleurs délais.\n"
            "Vous trouverez ci-joint notre courrier et votre relevé de compte.\n"
            "Si votre règlement a croisé ce message, merci de ne pas en tenir compte.\n\n"
            "Cordialement,\n"
            "Atelier Dupont SARL\n"
            "recouvrement@dupont.example – +33 4 72 00 00 00\n");
}

TEST(EmailRenderer, LeavesOutWhatIsNotKnown) {
  EmailRenderer renderer(shipped_templates);
  EmailFacts f = sample_facts();
  f.item_numbers.clear();
  f.creditor_name.clear();
  f.creditor_email.clear();
  f.currency.clear();
  const EmailTexts t = renderer.render("reminder_2", Language::en, f);
  EXPECT_EQ(t.subject, "Second reminder: unpaid invoices");
  EXPECT_FALSE(contains(t.text, "Invoices:")) << t.text;
  EXPECT_TRUE(contains(t.text, "Amount due: 1234.50\n")) << t.text;
  EXPECT_TRUE(contains(t.text, "\n+33 4 72 00 00 00\n")) << t.text;
  EXPECT_FALSE(contains(t.html, "Invoices:")) << t.html;
  EXPECT_FALSE(contains(t.html, " – ")) << t.html;
}

TEST(EmailRenderer, EscapesValuesForHtmlOnly) {
  EmailRenderer renderer(shipped_templates);
  EmailFacts f = sample_facts();
  f.creditor_name = "Dupont & Fils <script>\"'";
  const EmailTexts t = renderer.render("formal_notice", Language::fr, f);
  EXPECT_TRUE(contains(t.text, "\nDupont & Fils <script>\"'\n")) << t.text;
  EXPECT_TRUE(contains(t.subject, "(Dupont & Fils <script>\"')")) << t.subject;
  EXPECT_TRUE(contains(t.html, "Dupont &amp; Fils &lt;script&gt;&quot;&apos;")) << t.html;
  EXPECT_FALSE(contains(t.html, "<script>")) << t.html;
  EXPECT_FALSE(contains(t.html, "Dupont & Fils")) << t.html;
}

TEST(EmailRenderer, EscapesEveryValueAnHtmlTemplateUses) {
  TemplateCopy copy;
  write_file(copy.fr("email_reminder_1.html.mustache"), "<p>{{debtor_name}} / {{{debtor_name}}}</p>\n");
  write_file(copy.fr("email_reminder_1.txt.mustache"), "{{debtor_name}} / {{{debtor_name}}}\n");
  EmailRenderer renderer(copy.root);
  EmailFacts f = sample_facts();
  f.debtor_name = "Dupont & Fils <script>\"";
  const EmailTexts t = renderer.render("reminder_1", Language::fr, f);
  EXPECT_EQ(t.html,
            "<p>Dupont &amp; Fils &lt;script&gt;&quot; / Dupont &amp; Fils &lt;script&gt;&quot;</p>\n");
  EXPECT_EQ(t.text, "Dupont & Fils <script>\" / Dupont & Fils <script>\"\n");
}

TEST(EmailRenderer, SubjectStaysOneLine) {
  EmailRenderer renderer(shipped_templates);
  EmailFacts f = sample_facts();
  f.creditor_name = "Atelier\r\nBcc: x@y";
  f.item_numbers = {"FA-1\nX-Injected: 1"};
  const EmailTexts t = renderer.render("reminder_1", Language::en, f);
  EXPECT_EQ(t.subject.find_first_of("\r\n"), std::string::npos) << t.subject;
  EXPECT_EQ(t.subject, "Reminder: overdue invoices – FA-1 X-Injected: 1 (Atelier  Bcc: x@y)");
}

TEST(EmailRenderer, AnUnknownLevelGetsThePlainReminderWording) {
  EmailRenderer renderer(shipped_templates);
  for (const char* level : {"reminder_3", "../fr/email_agency", ""}) {
    const EmailTexts t = renderer.render(level, Language::de, sample_facts());
    const EmailTexts plain = renderer.render("reminder_1", Language::de, sample_facts());
    EXPECT_EQ(t.subject, plain.subject) << level;
    EXPECT_EQ(t.text, plain.text) << level;
    EXPECT_EQ(t.html, plain.html) << level;
    EXPECT_TRUE(contains(t.subject, "Zahlungserinnerung: überfällige Rechnungen")) << t.subject;
  }
}

TEST(EmailRenderer, AMissingTemplateIsNamed) {
  TemplateCopy copy;
  for (const auto& entry : fs::directory_iterator(copy.root / "fr"))
    if (entry.path().filename().string().rfind("email_", 0) == 0) fs::remove(entry.path());
  EmailRenderer renderer(copy.root);
  const auto d = render_failure(renderer, "reminder_2");
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), copy.fr("email_reminder_1.subject.mustache"))
      << relance::format_diagnostic(d);
}

TEST(EmailRenderer, ALevelWithOnlySomeOfItsTemplatesIsAnError) {
  TemplateCopy copy;
  fs::remove(copy.fr("email_agency.html.mustache"));
  EmailRenderer renderer(copy.root);
  const auto d = render_failure(renderer, "agency");
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), copy.fr("email_agency.html.mustache")) << relance::format_diagnostic(d);
}

TEST(EmailRenderer, ANameTheViewLacksIsNamed) {
  TemplateCopy copy;
  const auto txt = copy.fr("email_reminder_2.txt.mustache");
  write_file(txt, read_file(txt) + "{{creditor_nmae}}\n");
  EmailRenderer renderer(copy.root);
  const auto d = render_failure(renderer, "reminder_2");
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_TRUE(contains(d.message, "creditor_nmae")) << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), txt) << relance::format_diagnostic(d);
}

TEST(EmailRenderer, AMalformedTemplateIsNamed) {
  TemplateCopy copy;
  const auto subject = copy.fr("email_pre_reminder.subject.mustache");
  write_file(subject, "{{#has_numbers}}unclosed\n");
  EmailRenderer renderer(copy.root);
  const auto d = render_failure(renderer, "pre_reminder");
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), subject) << relance::format_diagnostic(d);
}

TEST(EmailRenderer, ATemplateThatRendersNothingIsAnError) {
  TemplateCopy copy;
  const auto text = copy.fr("email_reminder_1.txt.mustache");
  write_file(text, "{{! nothing to say }}\n\n");
  EmailRenderer renderer(copy.root);
  const auto d = render_failure(renderer, "reminder_1");
  EXPECT_EQ(d.rule_id, "RL-RENDER-002") << relance::format_diagnostic(d);
  EXPECT_EQ(fs::path(d.where.source), text) << relance::format_diagnostic(d);
}

}  // namespace
