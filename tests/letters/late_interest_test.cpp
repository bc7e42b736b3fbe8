// Late-payment interest and the recovery indemnity, every expected value worked out by hand:
// amount = base x rate / 100 x days / 365, rounded half-up to the cent.

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "relance/letters/late_interest.hpp"
#include "test_support.hpp"

using relance::formats::Date;
using relance::formats::Decimal;
using namespace relance::letters;

namespace {

Date d(const char* iso) {
  return *Date::parse_iso(iso);
}

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

std::filesystem::path shipped_rates() {
  return std::filesystem::path(RELANCE_SOURCE_DIR) / "data" / "ecb_main_refinancing_rates.tsv";
}

const ReferenceRates& rates() {
  static const ReferenceRates r = [] {
    auto loaded = ReferenceRates::load(shipped_rates());
    if (!loaded) throw std::runtime_error("the shipped rate table does not load");
    return *loaded.value;
  }();
  return r;
}

DunningItem item(const char* amount, const char* due) {
  DunningItem i;
  i.id = 1;
  i.number = "F-1";
  i.amount = dec(amount);
  i.due_date = d(due);
  i.issue_date = i.due_date.plus_days(-30);
  return i;
}

InterestComputation compute(const DunningItem& i, const char* as_of, const PenaltyRatePolicy& policy = {},
                            const ReferenceRates& table = rates()) {
  auto r = late_interest(i, d(as_of), policy, table);
  EXPECT_TRUE(r.value.has_value()) << (r.diagnostics.empty() ? "" : r.diagnostics.items()[0].message);
  return r.value.value_or(InterestComputation{});
}

void expect_line(const InterestLine& l, const char* from, const char* to, int days, const char* base,
                 const char* rate, const char* amount) {
  EXPECT_EQ(l.from, d(from));
  EXPECT_EQ(l.to, d(to));
  EXPECT_EQ(l.days, days);
  EXPECT_EQ(l.base, dec(base)) << l.base.to_string();
  EXPECT_EQ(l.rate_percent, dec(rate)) << l.rate_percent.to_string();
  EXPECT_EQ(l.amount.to_string(), amount);
}

}  // namespace

TEST(LateInterest, DomainExampleTwentyDaysIn2025H1) {
  // EUR 5,000.00 due 2025-03-01, unpaid on 2025-03-21: days 2025-03-02..2025-03-21 = 20.
  // Rate 2025 H1: ECB 3.15 (since 2024-12-18) + 10 = 13.15.
  // 5000.00 x 13.15 / 100 x 20 / 365 = 1,315,000 / 36,500 = 36.0274 -> 36.03
  const auto c = compute(item("5000.00", "2025-03-01"), "2025-03-21");
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2025-03-02", "2025-03-21", 20, "5000.00", "13.15", "36.03");
  EXPECT_EQ(c.total.to_string(), "36.03");
}

TEST(LateInterest, SpansAHalfYearChangeOfRate) {
  // EUR 12,000.00 due 2024-05-15, as of 2024-08-10.
  // 2024-05-16..2024-06-30: 16 + 30 = 46 days at 4.50 + 10 = 14.50 (rate on 2024-01-01, since 2023-09-20):
  //   12000 x 14.50 x 46 / 36500 = 8,004,000 / 36,500 = 219.2877 -> 219.29
  // 2024-07-01..2024-08-10: 31 + 10 = 41 days at 4.25 + 10 = 14.25 (rate on 2024-07-01, since 2024-06-12):
  //   12000 x 14.25 x 41 / 36500 = 7,011,000 / 36,500 = 192.0822 -> 192.08
  // total 219.29 + 192.08 = 411.37
  const auto c = compute(item("12000.00", "2024-05-15"), "2024-08-10");
  ASSERT_EQ(c.lines.size(), 2u);
  expect_line(c.lines[0], "2024-05-16", "2024-06-30", 46, "12000.00", "14.50", "219.29");
  expect_line(c.lines[1], "2024-07-01", "2024-08-10", 41, "12000.00", "14.25", "192.08");
  EXPECT_EQ(c.total.to_string(), "411.37");
}

TEST(LateInterest, PublicBuyersKeepTheRateOfTheHalfYearTheDelayBegan) {
  // Same item as above, owed by a public buyer (R2192-31): ECB 4.50 in force on 2024-01-01 + 8 =
  // 12.50 for the whole delay, 2024-05-16..2024-08-10 = 46 + 41 = 87 days, one line:
  //   12000 x 12.50 x 87 / 36500 = 13,050,000 / 36,500 = 357.5342 -> 357.53
  const auto c = compute(item("12000.00", "2024-05-15"), "2024-08-10", public_procurement_policy());
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2024-05-16", "2024-08-10", 87, "12000.00", "12.50", "357.53");
}

TEST(LateInterest, SeveralHalfYearsAcrossTheFirstRises) {
  // EUR 1,000.00 due 2022-12-01, as of 2023-07-10.
  // 2022-12-02..2022-12-31: 30 days at 0.00 + 10 = 10.00 (on 2022-07-01 the 2022-07-27 rise had not
  // happened):
  //   1000 x 10 x 30 / 36500 = 300,000 / 36,500 = 8.2192 -> 8.22
  // 2023-01-01..2023-06-30: 181 days at 2.50 + 10 = 12.50: 2,262,500 / 36,500 = 61.9863 -> 61.99
  // 2023-07-01..2023-07-10: 10 days at 4.00 + 10 = 14.00: 140,000 / 36,500 = 3.8356 -> 3.84
  // total 8.22 + 61.99 + 3.84 = 74.05
  const auto c = compute(item("1000.00", "2022-12-01"), "2023-07-10");
  ASSERT_EQ(c.lines.size(), 3u);
  expect_line(c.lines[0], "2022-12-02", "2022-12-31", 30, "1000.00", "10.00", "8.22");
  expect_line(c.lines[1], "2023-01-01", "2023-06-30", 181, "1000.00", "12.50", "61.99");
  expect_line(c.lines[2], "2023-07-01", "2023-07-10", 10, "1000.00", "14.00", "3.84");
  EXPECT_EQ(c.total.to_string(), "74.05");
}

TEST(LateInterest, HalfYearsAtTheSameRateMakeOneLine) {
  // 2021 H2 and 2022 H1 are both 0.00 + 10 = 10.00: one line of constant base and rate.
  // EUR 1,000.00 due 2021-12-01, as of 2022-02-01: 30 + 31 + 1 = 62 days.
  // 1000 x 10 x 62 / 36500 = 620,000 / 36,500 = 16.9863 -> 16.99
  const auto c = compute(item("1000.00", "2021-12-01"), "2022-02-01");
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2021-12-02", "2022-02-01", 62, "1000.00", "10.00", "16.99");
}

TEST(LateInterest, PartialPaymentsLowerTheBaseFromTheirValueDate) {
  // EUR 8,000.00 due 2025-01-31; 3,000.00 paid with value date 2025-02-20, 1,000.00 on 2025-03-10;
  // as of 2025-03-31, all in 2025 H1 at 13.15. The value date is still a day of delay.
  // 2025-02-01..2025-02-20: 20 days on 8000: 8000 x 13.15 x 20 / 36500 = 2,104,000 / 36,500 = 57.6438
  // -> 57.64 2025-02-21..2025-03-10: 8 + 10 = 18 days on 5000: 1,183,500 / 36,500 = 32.4247 -> 32.42
  // 2025-03-11..2025-03-31: 21 days on 4000: 1,104,600 / 36,500 = 30.2630 -> 30.26
  // total 57.64 + 32.42 + 30.26 = 120.32
  DunningItem i = item("8000.00", "2025-01-31");
  i.payments = {{d("2025-02-20"), dec("3000.00")}, {d("2025-03-10"), dec("1000.00")}};
  const auto c = compute(i, "2025-03-31");
  ASSERT_EQ(c.lines.size(), 3u);
  expect_line(c.lines[0], "2025-02-01", "2025-02-20", 20, "8000.00", "13.15", "57.64");
  expect_line(c.lines[1], "2025-02-21", "2025-03-10", 18, "5000.00", "13.15", "32.42");
  expect_line(c.lines[2], "2025-03-11", "2025-03-31", 21, "4000.00", "13.15", "30.26");
  EXPECT_EQ(c.total.to_string(), "120.32");
}

TEST(LateInterest, PaymentsAfterTheAsOfDateAreIgnored) {
  // Same item as of 2025-02-25: the 2025-03-10 payment is not yet made.
  // 2025-02-01..2025-02-20: 57.64 as above; 2025-02-21..2025-02-25: 5 days on 5000:
  // 5000 x 13.15 x 5 / 36500 = 328,750 / 36,500 = 9.0068 -> 9.01; total 66.65
  DunningItem i = item("8000.00", "2025-01-31");
  i.payments = {{d("2025-02-20"), dec("3000.00")}, {d("2025-03-10"), dec("1000.00")}};
  const auto c = compute(i, "2025-02-25");
  ASSERT_EQ(c.lines.size(), 2u);
  expect_line(c.lines[1], "2025-02-21", "2025-02-25", 5, "5000.00", "13.15", "9.01");
  EXPECT_EQ(c.total.to_string(), "66.65");
}

TEST(LateInterest, PaymentOnTheDueDateLowersTheBaseFromTheFirstDay) {
  // EUR 2,000.00 due 2025-04-10, 500.00 paid on 2025-04-10; as of 2025-05-10.
  // 2025-04-11..2025-05-10: 20 + 10 = 30 days on 1500: 1500 x 13.15 x 30 / 36500 = 591,750 / 36,500
  // = 16.2123 -> 16.21
  DunningItem i = item("2000.00", "2025-04-10");
  i.payments = {{d("2025-04-10"), dec("500.00")}};
  const auto c = compute(i, "2025-05-10");
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2025-04-11", "2025-05-10", 30, "1500.00", "13.15", "16.21");
  // Paid before the due date: the same.
  i.payments = {{d("2025-04-01"), dec("500.00")}};
  EXPECT_EQ(compute(i, "2025-05-10").total.to_string(), "16.21");
}

TEST(LateInterest, NoInterestOnceFullyPaid) {
  // EUR 1,000.00 due 2025-05-01, paid in full on 2025-05-11; as of 2025-07-20.
  // 2025-05-02..2025-05-11: 10 days on 1000: 1000 x 13.15 x 10 / 36500 = 131,500 / 36,500 = 3.6027 -> 3.60;
  // nothing after. The table here stops at 2025-06-11 without covers-through, so 2025 H2 is unknown:
  // no error, since no day of 2025 H2 bears interest.
  DunningItem i = item("1000.00", "2025-05-01");
  i.payments = {{d("2025-05-11"), dec("1000.00")}};
  const auto partial =
      ReferenceRates::from_entries({{d("2024-12-18"), dec("3.15")}, {d("2025-06-11"), dec("2.15")}});
  const auto c = compute(i, "2025-07-20", {}, partial);
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2025-05-02", "2025-05-11", 10, "1000.00", "13.15", "3.60");
  EXPECT_EQ(c.total.to_string(), "3.60");
  // Paid in full on time: nothing at all.
  i.payments = {{d("2025-04-30"), dec("1000.00")}};
  const auto none = compute(i, "2025-07-20", {}, partial);
  EXPECT_TRUE(none.lines.empty());
  EXPECT_EQ(none.total.to_string(), "0.00");
}

TEST(LateInterest, NothingBeforeOrOnTheDueDate) {
  const auto on = compute(item("5000.00", "2025-03-01"), "2025-03-01");
  EXPECT_TRUE(on.lines.empty());
  EXPECT_EQ(on.total.to_string(), "0.00");
  EXPECT_TRUE(compute(item("5000.00", "2025-03-01"), "2025-02-01").lines.empty());
}

TEST(LateInterest, FixedConfiguredRateIgnoresTheTable) {
  // A contractual 12.5 % (from [dunning] penalty_rate_percent): EUR 3,650.00 due 2024-12-20, as of
  // 2025-01-19: 11 + 19 = 30 days, one line although it crosses a half-year; no table needed.
  // 3650 x 12.5 x 30 / 36500 = 1,368,750 / 36,500 = 37.50 exactly
  PenaltyRatePolicy fixed;
  fixed.fixed_rate_percent = dec("12.5");
  const auto c =
      compute(item("3650.00", "2024-12-20"), "2025-01-19", fixed, ReferenceRates::from_entries({}));
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2024-12-21", "2025-01-19", 30, "3650.00", "12.5", "37.50");
}

TEST(LateInterest, ConfiguredMarginReplacesTenPoints) {
  // Directive 2011/7/EU's minimum, ECB + 8: 2025 H1 3.15 + 8 = 11.15.
  // 5000 x 11.15 x 20 / 36500 = 1,115,000 / 36,500 = 30.5479 -> 30.55
  PenaltyRatePolicy eu;
  eu.margin_points = Decimal::from_integer(8);
  const auto c = compute(item("5000.00", "2025-03-01"), "2025-03-21", eu);
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2025-03-02", "2025-03-21", 20, "5000.00", "11.15", "30.55");
}

TEST(LateInterest, RoundsHalfUpToTheCent) {
  // 18.25 x 10 x 1 / 36500 = 182.5 / 36,500 = 0.005 exactly -> 0.01
  PenaltyRatePolicy fixed;
  fixed.fixed_rate_percent = Decimal::from_integer(10);
  const auto c = compute(item("18.25", "2025-03-01"), "2025-03-02", fixed);
  ASSERT_EQ(c.lines.size(), 1u);
  EXPECT_EQ(c.lines[0].amount.to_string(), "0.01");
}

TEST(LateInterest, LeapDayCountsOverThreeHundredSixtyFive) {
  // Actual/365 in a leap year: EUR 36,500.00 due 2024-02-28, as of 2024-03-01: 29 Feb and 1 Mar, 2 days
  // at 14.50 (2024 H1): 36500 x 14.50 x 2 / 36500 = 29.00
  const auto c = compute(item("36500.00", "2024-02-28"), "2024-03-01");
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2024-02-29", "2024-03-01", 2, "36500.00", "14.50", "29.00");
}

TEST(LateInterest, AHalfYearTheTableDoesNotCoverIsAnError) {
  // The shipped table covers through 2026-01-01: 2026 H1 is known, 2026 H2 is not.
  // 2026-06-16..2026-06-30: 15 days at 2.15 + 10 = 12.15 would be fine alone.
  const auto ok = compute(item("1000.00", "2026-06-15"), "2026-06-30");
  ASSERT_EQ(ok.lines.size(), 1u);
  EXPECT_EQ(ok.lines[0].rate_percent, dec("12.15"));
  const auto r = late_interest(item("1000.00", "2026-06-15"), d("2026-07-20"), {}, rates());
  EXPECT_FALSE(r.value.has_value());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& diag = r.diagnostics.items()[0];
  EXPECT_EQ(diag.rule_id, "RL-RATE-002");
  EXPECT_EQ(diag.severity, relance::Severity::fatal);
  EXPECT_NE(diag.message.find("2026 H2"), std::string::npos) << diag.message;
  EXPECT_NE(diag.message.find("F-1"), std::string::npos) << diag.message;
  EXPECT_NE(diag.where.source.find("ecb_main_refinancing_rates.tsv"), std::string::npos);
}

TEST(LateInterest, ADayBeforeTheFirstRateIsAnError) {
  const auto table = ReferenceRates::from_entries({{d("2014-09-10"), dec("0.05")}}, d("2030-01-01"));
  const auto r = late_interest(item("1000.00", "2014-06-01"), d("2014-06-10"), {}, table);
  EXPECT_FALSE(r.value.has_value());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics.items()[0].message.find("2014 H1"), std::string::npos);
}

TEST(LateInterest, CoversThroughExtendsTheLastRate) {
  // The last change 2025-06-11 (2.15), confirmed through 2026-01-01: 2026 H1 is 2.15 + 10 = 12.15.
  // 2026-01-06..2026-01-25: 20 days on 5000: 5000 x 12.15 x 20 / 36500 = 1,215,000 / 36,500 = 33.2877
  // -> 33.29
  const auto table = ReferenceRates::from_entries({{d("2025-06-11"), dec("2.15")}}, d("2026-01-01"));
  const auto c = compute(item("5000.00", "2026-01-05"), "2026-01-25", {}, table);
  ASSERT_EQ(c.lines.size(), 1u);
  expect_line(c.lines[0], "2026-01-06", "2026-01-25", 20, "5000.00", "12.15", "33.29");
  // 2026 H2 is past the confirmation.
  EXPECT_FALSE(late_interest(item("5000.00", "2026-06-20"), d("2026-07-02"), {}, table).value.has_value());
}

TEST(ReferenceRatesFile, ShippedTableGivesTheHalfYearRatesOfTheDomainNotes) {
  const ReferenceRates& r = rates();
  EXPECT_EQ(r.entries().size(), 20u);
  EXPECT_EQ(r.entries().front().first, d("2014-09-10"));
  EXPECT_EQ(r.entries().back().first, d("2025-06-11"));
  const std::pair<const char*, const char*> half_years[] = {
      {"2015-01-01", "0.05"}, {"2015-07-01", "0.05"}, {"2016-01-01", "0.05"}, {"2016-07-01", "0.00"},
      {"2019-01-01", "0.00"}, {"2022-07-01", "0.00"}, {"2023-01-01", "2.50"}, {"2023-07-01", "4.00"},
      {"2024-01-01", "4.50"}, {"2024-07-01", "4.25"}, {"2025-01-01", "3.15"}, {"2025-07-01", "2.15"},
      {"2026-01-01", "2.15"}};
  for (const auto& [date, rate] : half_years) {
    const auto got = r.known_rate_on(d(date));
    ASSERT_TRUE(got.has_value()) << date;
    EXPECT_EQ(got->to_string(), rate) << date;
  }
  EXPECT_EQ(r.covered_through(), d("2026-01-01"));
  EXPECT_FALSE(r.known_rate_on(d("2026-07-01")).has_value());
  EXPECT_EQ(r.rate_on(d("2026-07-01")), dec("2.15"));  // the raw lookup knows no coverage
  EXPECT_FALSE(r.rate_on(d("2014-09-09")).has_value());
  EXPECT_EQ(r.rate_on(d("2023-08-15")), dec("4.25"));  // 2023-08-02 rise, between two half-years
}

TEST(ReferenceRatesFile, BadLineIsAnErrorWithItsLineNumber) {
  relance::testing::TempDir tmp;
  const auto path = tmp / "rates.tsv";
  relance::testing::write_file(path,
                               "# comment\n"
                               "effective_date\trate_percent\tsource\n"
                               "2024-06-12\t4.25\tECB\n"
                               "\n"
                               "2024-09-18\t3,65\tECB\n");
  const auto r = ReferenceRates::load(path);
  EXPECT_FALSE(r.value.has_value());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& diag = r.diagnostics.items()[0];
  EXPECT_EQ(diag.rule_id, "RL-RATE-001");
  EXPECT_EQ(diag.where.line, 5u);
  EXPECT_EQ(diag.where.source, path.string());
  EXPECT_NE(diag.message.find("3,65"), std::string::npos);
}

TEST(ReferenceRatesFile, OtherBadInputs) {
  relance::testing::TempDir tmp;
  const auto load = [&](const std::string& text) {
    relance::testing::write_file(tmp / "r.tsv", text);
    return ReferenceRates::load(tmp / "r.tsv");
  };
  const auto line_of = [](const relance::Result<ReferenceRates>& r) {
    return r.diagnostics.empty() ? 0u : r.diagnostics.items()[0].where.line;
  };
  auto r = load("2024-06-12\t4.25\n2024-13-01\t3.65\n");  // no header is fine; month 13 is not
  EXPECT_FALSE(r.value);
  EXPECT_EQ(line_of(r), 2u);
  r = load("2024-06-12\t4.25\n2024-06-01\t3.65\n");  // out of order
  EXPECT_FALSE(r.value);
  EXPECT_EQ(line_of(r), 2u);
  r = load("2024-06-12 4.25\n");  // spaces, not tabs
  EXPECT_FALSE(r.value);
  EXPECT_EQ(line_of(r), 1u);
  r = load("# covers-through soon\n2024-06-12\t4.25\n");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(line_of(r), 1u);
  r = load("# nothing\n");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-RATE-001");
  const auto missing = ReferenceRates::load(tmp / "absent.tsv");
  EXPECT_FALSE(missing.value);
  ASSERT_FALSE(missing.diagnostics.empty());
  EXPECT_EQ(missing.diagnostics.items()[0].rule_id, "RL-RATE-001");
  // CRLF line ends, a row without source, a user's appended row and directive.
  r = load(
      "effective_date\trate_percent\tsource\r\n2025-06-11\t2.15\tECB\r\n2026-02-04\t2.40\r\n"
      "# covers-through 2026-07-01\r\n");
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->entries().size(), 2u);
  EXPECT_EQ(r.value->known_rate_on(d("2026-07-01")), dec("2.40"));
}

TEST(ReferenceRatesFile, DefaultPathIsTheDataFolderUnlessRelanceRatesSaysOtherwise) {
  const char* saved = std::getenv("RELANCE_RATES");
  const std::string saved_value = saved ? saved : "";
  ::unsetenv("RELANCE_RATES");
  EXPECT_TRUE(std::filesystem::equivalent(default_reference_rates_path(), shipped_rates()));
  ::setenv("RELANCE_RATES", "/elsewhere/rates.tsv", 1);
  EXPECT_EQ(default_reference_rates_path(), std::filesystem::path("/elsewhere/rates.tsv"));
  if (saved)
    ::setenv("RELANCE_RATES", saved_value.c_str(), 1);
  else
    ::unsetenv("RELANCE_RATES");
}

TEST(RecoveryIndemnity, FortyEurosForProfessionalsNothingForConsumers) {
  EXPECT_EQ(recovery_indemnity("regular").to_string(), "40.00");
  EXPECT_EQ(recovery_indemnity("new").to_string(), "40.00");
  EXPECT_EQ(recovery_indemnity("public-sector").to_string(), "40.00");
  EXPECT_EQ(recovery_indemnity("at-risk").to_string(), "40.00");
  EXPECT_EQ(recovery_indemnity("consumer").to_string(), "0.00");
}

TEST(PenaltyRate, OfADateIsItsHalfYearsRateOrTheFixedOne) {
  // 2024-08-10 is in 2024 H2: 4.25 (in force on 2024-07-01) + 10 = 14.25; 2025-03-21: 3.15 + 10 = 13.15.
  EXPECT_EQ(penalty_rate_on(d("2024-08-10"), {}, rates()), dec("14.25"));
  EXPECT_EQ(penalty_rate_on(d("2025-03-21"), {}, rates()), dec("13.15"));
  EXPECT_EQ(penalty_rate_on(d("2025-12-31"), {}, rates()), dec("12.15"));
  EXPECT_EQ(penalty_rate_on(d("2026-06-30"), {}, rates()), dec("12.15"));  // 2026 H1: confirmed 2.15
  EXPECT_FALSE(penalty_rate_on(d("2026-07-01"), {}, rates()).has_value());
  PenaltyRatePolicy fixed;
  fixed.fixed_rate_percent = dec("12.5");
  EXPECT_EQ(penalty_rate_on(d("2026-07-01"), fixed, rates()), dec("12.5"));
}
