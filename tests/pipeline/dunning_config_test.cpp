// relance.toml: [dunning] (penalty rate, reference rates, levels, per-profile overrides), [ledger]
// and [company]; errors are RL-CONFIG-001 with file:line.

#include <gtest/gtest.h>

#include <string>

#include "config.hpp"
#include "test_support.hpp"

using relance::formats::Decimal;
using relance::letters::Channel;
using relance::letters::DunningLevel;
using relance::letters::Scenario;
using relance::pipeline::detail::Config;
using relance::pipeline::detail::load_config;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

relance::Result<Config> load_text(const TempDir& tmp, const std::string& text) {
  write_file(tmp / "relance.toml", text);
  return load_config((tmp / "relance.toml").string());
}

void expect_same_level(const DunningLevel& a, const DunningLevel& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.offset_days, b.offset_days) << a.name;
  EXPECT_EQ(a.channels, b.channels) << a.name;
  EXPECT_EQ(a.template_name, b.template_name) << a.name;
  EXPECT_EQ(a.min_amount, b.min_amount) << a.name;
  EXPECT_EQ(a.min_days_since_previous, b.min_days_since_previous) << a.name;
  EXPECT_EQ(a.before_due_only, b.before_due_only) << a.name;
  EXPECT_EQ(a.replaces, b.replaces) << a.name;
  EXPECT_EQ(a.profiles, b.profiles) << a.name;
  EXPECT_EQ(a.first_late_item_only, b.first_late_item_only) << a.name;
  EXPECT_EQ(a.requires_no_movement, b.requires_no_movement) << a.name;
  EXPECT_EQ(a.claims_interest, b.claims_interest) << a.name;
}

void expect_same_scenario(const Scenario& a, const Scenario& b) {
  ASSERT_EQ(a.levels.size(), b.levels.size());
  for (std::size_t i = 0; i < a.levels.size(); ++i) expect_same_level(a.levels[i], b.levels[i]);
  EXPECT_EQ(a.profile_overrides.size(), b.profile_overrides.size());
}

// The one RL-CONFIG-001 diagnostic of a rejected file, with its line.
void expect_error_at(const relance::Result<Config>& r, std::uint32_t line, const std::string& words) {
  EXPECT_FALSE(r.value.has_value());
  ASSERT_FALSE(r.diagnostics.empty());
  bool found = false;
  for (const auto& d : r.diagnostics.items()) {
    EXPECT_EQ(d.rule_id, "RL-CONFIG-001");
    if (d.where.line == line && d.message.find(words) != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << "no error at line " << line << " saying '" << words
                     << "'; first: " << relance::format_diagnostic(r.diagnostics.items()[0]);
}

}  // namespace

TEST(DunningConfig, DefaultsWithoutAFile) {
  TempDir tmp;
  const auto r = load_text(tmp, "[validation]\nmax_payment_days = 60\n");
  ASSERT_TRUE(r.value) << relance::format_diagnostic(r.diagnostics.items()[0]);
  expect_same_scenario(r.value->scenario, relance::letters::default_scenario());
  EXPECT_FALSE(r.value->penalty.fixed_rate_percent);
  EXPECT_EQ(r.value->penalty.margin_points, Decimal::from_integer(10));
  EXPECT_TRUE(r.value->reference_rates.empty());
  EXPECT_TRUE(r.value->ledger_path.empty());
}

TEST(DunningConfig, TheDocumentedFixtureIsTheDefault) {
  const auto path = relance::testing::fixtures_dir() / "config" / "relance.toml";
  const auto r = load_config(path.string());
  ASSERT_TRUE(r.value) << (r.diagnostics.empty() ? "" : relance::format_diagnostic(r.diagnostics.items()[0]));
  EXPECT_TRUE(r.diagnostics.empty());
  expect_same_scenario(r.value->scenario, relance::letters::default_scenario());
  EXPECT_TRUE(r.value->scenario.profile_overrides.empty());
  EXPECT_FALSE(r.value->penalty.fixed_rate_percent);
  EXPECT_EQ(r.value->penalty.margin_points, Decimal::from_integer(10));
  EXPECT_TRUE(r.value->reference_rates.empty());
  EXPECT_TRUE(r.value->ledger_path.empty());
}

TEST(DunningConfig, PenaltyRateAndReferenceRates) {
  TempDir tmp;
  auto r = load_text(tmp,
                     "[dunning]\n"
                     "penalty_rate_percent = 12.5\n"
                     "penalty_margin_points = \"8\"\n"
                     "reference_rates = \"rates/ecb.tsv\"\n");
  ASSERT_TRUE(r.value);
  ASSERT_TRUE(r.value->penalty.fixed_rate_percent);
  EXPECT_EQ(r.value->penalty.fixed_rate_percent->to_string(), "12.5");
  EXPECT_EQ(r.value->penalty.margin_points, Decimal::from_integer(8));
  EXPECT_EQ(r.value->reference_rates, tmp.path() / "rates" / "ecb.tsv");  // beside the file
  r = load_text(tmp, "[dunning]\nreference_rates = \"/srv/rates.tsv\"\npenalty_rate_percent = \"10.65\"\n");
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->reference_rates, std::filesystem::path("/srv/rates.tsv"));
  EXPECT_EQ(r.value->penalty.fixed_rate_percent->to_string(), "10.65");
  r = load_text(tmp, "[dunning]\npenalty_margin_points = 10\n");
  ASSERT_TRUE(r.value);
  EXPECT_FALSE(r.value->penalty.fixed_rate_percent);
}

TEST(DunningConfig, LevelsReplaceTheDefaultList) {
  TempDir tmp;
  const auto r = load_text(tmp,
                           "[dunning]\n"
                           "[[dunning.level]]\n"
                           "name = \"gentle\"\n"
                           "offset_days = -3\n"
                           "channels = [\"email\"]\n"
                           "before_due_only = true\n"
                           "[[dunning.level]]\n"
                           "name = \"firm\"\n"
                           "offset_days = 10\n"
                           "channels = [\"postal\", \"email\"]\n"
                           "template = \"reminder_2\"\n"
                           "min_amount = \"50.00\"\n"
                           "min_days_since_previous = 5\n"
                           "[[dunning.level]]\n"
                           "name = \"call\"\n"
                           "offset_days = 10\n"
                           "channels = [\"phone\"]\n"
                           "replaces = \"firm\"\n"
                           "profiles = [\"regular\", \"at-risk\"]\n"
                           "first_late_item_only = true\n"
                           "min_amount = 20\n"
                           "[[dunning.level]]\n"
                           "name = \"notice\"\n"
                           "offset_days = 30\n"
                           "channels = [\"registered\"]\n"
                           "min_amount = 100.5\n"
                           "claims_interest = true\n"
                           "[[dunning.level]]\n"
                           "name = \"handover\"\n"
                           "offset_days = 60\n"
                           "channels = [\"agency\"]\n"
                           "requires_no_movement = true\n");
  ASSERT_TRUE(r.value) << relance::format_diagnostic(r.diagnostics.items()[0]);
  const auto& levels = r.value->scenario.levels;
  ASSERT_EQ(levels.size(), 5u);
  EXPECT_EQ(levels[0].name, "gentle");
  EXPECT_EQ(levels[0].offset_days, -3);
  EXPECT_EQ(levels[0].template_name, "gentle");  // the name unless told
  EXPECT_TRUE(levels[0].before_due_only);
  EXPECT_EQ(levels[0].min_days_since_previous, 0);
  EXPECT_EQ(levels[0].min_amount.to_string(), "0.00");
  EXPECT_EQ(levels[1].channels, (std::vector<Channel>{Channel::postal, Channel::email}));
  EXPECT_EQ(levels[1].template_name, "reminder_2");
  EXPECT_EQ(levels[1].min_amount.to_string(), "50.00");
  EXPECT_EQ(levels[1].min_days_since_previous, 5);
  EXPECT_EQ(levels[2].replaces, "firm");
  EXPECT_EQ(levels[2].profiles, (std::vector<std::string>{"regular", "at-risk"}));
  EXPECT_TRUE(levels[2].first_late_item_only);
  EXPECT_EQ(levels[2].min_amount, dec("20"));
  EXPECT_EQ(levels[3].channels, std::vector<Channel>{Channel::registered_postal});
  EXPECT_EQ(levels[3].min_amount.to_string(), "100.5");
  EXPECT_EQ(levels[4].channels, std::vector<Channel>{Channel::agency});
  EXPECT_TRUE(levels[4].requires_no_movement);
  // Interest is claimed where the file says so, whatever the level's name.
  EXPECT_TRUE(levels[3].claims_interest);
  EXPECT_FALSE(levels[4].claims_interest);
  EXPECT_FALSE(levels[1].claims_interest);
}

TEST(DunningConfig, ProfileOverridesChangeOneLevelForOneProfile) {
  TempDir tmp;
  const auto r = load_text(tmp,
                           "[dunning.profile.public-sector.reminder_1]\n"
                           "offset_days = 15\n"
                           "channels = [\"postal\"]\n"
                           "[dunning.profile.consumer.formal_notice]\n"
                           "template = \"formal_notice_consumer\"\n"
                           "min_amount = \"30.00\"\n");
  ASSERT_TRUE(r.value) << relance::format_diagnostic(r.diagnostics.items()[0]);
  const Scenario& s = r.value->scenario;
  expect_same_scenario(Scenario{s.levels, {}}, relance::letters::default_scenario());  // the levels stay
  const auto pub = s.levels_for("public-sector");
  EXPECT_EQ(pub[1].name, "reminder_1");
  EXPECT_EQ(pub[1].offset_days, 15);
  EXPECT_EQ(pub[1].channels, std::vector<Channel>{Channel::postal});
  EXPECT_EQ(pub[1].template_name, "reminder_1");  // what is not overridden stays
  const auto consumer = s.levels_for("consumer");
  EXPECT_EQ(consumer[3].name, "formal_notice");
  EXPECT_EQ(consumer[3].template_name, "formal_notice_consumer");
  EXPECT_EQ(consumer[3].min_amount.to_string(), "30.00");
  EXPECT_EQ(consumer[3].offset_days, 35);
  EXPECT_EQ(s.levels_for("new")[1].offset_days, 7);
}

TEST(DunningConfig, LedgerPathAndCompany) {
  TempDir tmp;
  const auto r = load_text(tmp,
                           "[ledger]\n"
                           "path = \"books/relance.db\"\n"
                           "[company]\n"
                           "name = \"Atelier Dupont SARL\"\n"
                           "line_one = \"12 rue des Lilas\"\n"
                           "city = \"Lyon\"\n"
                           "post_code = \"69003\"\n"
                           "country_code = \"FR\"\n"
                           "siren = \"732829320\"\n"
                           "iban = \"FR7630006000011234567890189\"\n"
                           "bic = \"AGRIFRPP\"\n");
  ASSERT_TRUE(r.value) << relance::format_diagnostic(r.diagnostics.items()[0]);
  EXPECT_EQ(r.value->ledger_path, (tmp.path() / "books" / "relance.db").string());
  EXPECT_EQ(r.value->company.party.name, "Atelier Dupont SARL");
  EXPECT_EQ(r.value->company.party.address.city, "Lyon");
  EXPECT_EQ(r.value->company.party.address.country_code, "FR");
  EXPECT_EQ(r.value->company.party.siren, "732829320");
  EXPECT_EQ(r.value->company.iban, "FR7630006000011234567890189");
  EXPECT_EQ(r.value->company.bic, "AGRIFRPP");
}

TEST(DunningConfig, ErrorsNameTheLine) {
  TempDir tmp;
  expect_error_at(load_text(tmp, "[dunning]\npenalty_rate = 12\n"), 2, "unknown key [dunning] penalty_rate");
  expect_error_at(load_text(tmp, "[dunning]\n\npenalty_rate_percent = \"douze\"\n"), 3,
                  "penalty_rate_percent");
  expect_error_at(load_text(tmp, "[dunning]\npenalty_margin_points = -1\n"), 2, "penalty_margin_points");
  expect_error_at(load_text(tmp, "[dunning]\nreference_rates = 3\n"), 2, "reference_rates");
  const std::string level = "[[dunning.level]]\nname = \"r1\"\noffset_days = 7\n";
  expect_error_at(load_text(tmp, level + "channels = [\"email\", \"fax\"]\n"), 4, "'fax'");
  expect_error_at(load_text(tmp, level + "channels = []\n"), 4, "channels");
  expect_error_at(load_text(tmp, level + "channels = [\"email\"]\nmin_amount = \"abc\"\n"), 5, "min_amount");
  expect_error_at(load_text(tmp, level + "channels = [\"email\"]\nmin_amount = \"-5\"\n"), 5, "min_amount");
  expect_error_at(load_text(tmp, level + "channels = [\"email\"]\nmin_days_since_previous = 3.5\n"), 5,
                  "min_days_since_previous");
  expect_error_at(load_text(tmp, level + "channels = [\"email\"]\nbefore_due_only = \"yes\"\n"), 5,
                  "before_due_only");
  expect_error_at(load_text(tmp, level + "channels = [\"email\"]\ncolour = \"red\"\n"), 5, "colour");
  expect_error_at(load_text(tmp, level + "channels = [\"email\"]\nreplaces = \"r0\"\n"), 5, "replaces 'r0'");
  expect_error_at(load_text(tmp, "[[dunning.level]]\nname = \"r1\"\nchannels = [\"email\"]\n"), 1,
                  "offset_days");
  expect_error_at(load_text(tmp, level + "channels = [\"email\"]\n" + level + "channels = [\"email\"]\n"), 6,
                  "two levels");
  expect_error_at(load_text(tmp, "[dunning]\nlevel = 3\n"), 2, "[[dunning.level]]");
  expect_error_at(load_text(tmp, "[dunning.profile.consumer.reminder_9]\noffset_days = 3\n"), 1,
                  "reminder_9");
  expect_error_at(load_text(tmp, "[dunning.profile.consumer.reminder_1]\nname = \"other\"\n"), 2, "rename");
  expect_error_at(load_text(tmp, "[dunning.profile.consumer.reminder_1]\n\noffset_days = \"7\"\n"), 3,
                  "offset_days");
  expect_error_at(load_text(tmp, "[dunning.profile]\nconsumer = 1\n"), 2, "[dunning.profile.consumer]");
  expect_error_at(load_text(tmp, "[ledger]\npath = \"\"\n"), 2, "[ledger] path");
  expect_error_at(load_text(tmp, "[ledger]\nfile = \"x.db\"\n"), 2, "unknown key [ledger] file");
  expect_error_at(load_text(tmp, "[company]\nname = 3\n"), 2, "[company] name");
  expect_error_at(load_text(tmp, "[company]\nmotto = \"x\"\n"), 2, "unknown key [company] motto");
  // The file is named too.
  const auto r = load_text(tmp, "[dunning]\npenalty_rate = 12\n");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.items()[0].where.source, (tmp / "relance.toml").string());
}
