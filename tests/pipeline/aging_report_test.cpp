// The aged balance: buckets at their exact boundaries, payments and credit notes, disputes,
// promises in the cash-in forecast, the DSO formula, the chase list, currencies kept apart, the
// exact CSV and a self-contained, escaped HTML file; and `relance report aging` end to end.
#include <gtest/gtest.h>

#include <sstream>

#include "aging_report.hpp"
#include "relance/pipeline/job.hpp"
#include "test_support.hpp"

namespace {

using relance::formats::Date;
using relance::formats::Decimal;
using relance::letters::DunningCustomer;
using relance::letters::DunningItem;
using relance::letters::Language;
using relance::letters::PaymentOnItem;
using relance::letters::Promise;
using namespace relance::pipeline::detail;

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}
Date day(int y, int m, int d) {
  return *Date::from_ymd(y, m, d);
}

// A Monday: the forecast's first week is 2026-W48 (23 to 29 November).
const Date as_of = day(2026, 11, 23);

DunningItem item(std::int64_t id, std::string customer, const char* amount, Date due,
                 std::string currency = "EUR") {
  DunningItem i;
  i.id = id;
  i.customer_id = std::move(customer);
  i.number = "F-" + std::to_string(id);
  i.issue_date = due.plus_days(-30);
  i.due_date = due;
  i.currency = std::move(currency);
  i.amount = dec(amount);
  return i;
}

DunningCustomer customer(std::string id, std::string name) {
  DunningCustomer c;
  c.id = std::move(id);
  c.name = std::move(name);
  return c;
}

const CurrencyAging& section(const AgingReport& r, const std::string& currency) {
  for (const auto& c : r.currencies)
    if (c.currency == currency) return c;
  throw std::runtime_error("no section " + currency);
}

const CustomerAging& row(const CurrencyAging& s, const std::string& id) {
  for (const auto& c : s.customers)
    if (c.customer_id == id) return c;
  throw std::runtime_error("no row " + id);
}

}  // namespace

TEST(AgingBucket, BoundariesAreExact) {
  EXPECT_EQ(aging_bucket(-10), AgingBucket::not_due);
  EXPECT_EQ(aging_bucket(0), AgingBucket::not_due);  // due today: not late yet
  EXPECT_EQ(aging_bucket(1), AgingBucket::days_1_30);
  EXPECT_EQ(aging_bucket(30), AgingBucket::days_1_30);
  EXPECT_EQ(aging_bucket(31), AgingBucket::days_31_60);
  EXPECT_EQ(aging_bucket(60), AgingBucket::days_31_60);
  EXPECT_EQ(aging_bucket(61), AgingBucket::days_61_90);
  EXPECT_EQ(aging_bucket(90), AgingBucket::days_61_90);
  EXPECT_EQ(aging_bucket(91), AgingBucket::over_90);
}

TEST(AgingReport, ItemsFallInTheirBucketsByDaysPastTheDueDate) {
  DunningState state;
  state.customers.push_back(customer("C1", "Alpha"));
  // Days past due 0, 1, 30, 31, 60, 61, 90, 91 with amounts 1, 2, 4, ... 128: every sum tells
  // which items went where.
  const int days[] = {0, 1, 30, 31, 60, 61, 90, 91};
  const char* amounts[] = {"1.00", "2.00", "4.00", "8.00", "16.00", "32.00", "64.00", "128.00"};
  for (int k = 0; k < 8; ++k) state.items.push_back(item(k + 1, "C1", amounts[k], as_of.plus_days(-days[k])));
  const AgingReport r = build_aging_report(state, as_of);
  ASSERT_EQ(r.currencies.size(), 1u);
  const AgingAmounts& a = row(r.currencies[0], "C1").amounts;
  EXPECT_EQ(a[AgingBucket::not_due], dec("1"));
  EXPECT_EQ(a[AgingBucket::days_1_30], dec("6"));
  EXPECT_EQ(a[AgingBucket::days_31_60], dec("24"));
  EXPECT_EQ(a[AgingBucket::days_61_90], dec("96"));
  EXPECT_EQ(a[AgingBucket::over_90], dec("128"));
  EXPECT_EQ(a.total, dec("255"));
  EXPECT_EQ(a.oldest_days_late, 91);
  EXPECT_EQ(a.items, 8u);
  EXPECT_EQ(r.currencies[0].totals.total, dec("255"));
}

TEST(AgingReport, PaymentsAndCreditNotesLowerWhatIsOwedUpToTheAsOfDate) {
  DunningState state;
  state.customers = {customer("C1", "Alpha"), customer("C2", "Beta")};
  auto partial = item(1, "C1", "1000.00", as_of.plus_days(-40));
  partial.payments.push_back(PaymentOnItem{as_of.plus_days(-20), dec("300.00")});  // partial payment
  partial.payments.push_back(PaymentOnItem{as_of.plus_days(-5), dec("200.00")});   // a credit note's share
  partial.payments.push_back(PaymentOnItem{as_of.plus_days(3), dec("100.00")});    // after the as-of date
  auto paid = item(2, "C2", "250.00", as_of.plus_days(-10));
  paid.payments.push_back(PaymentOnItem{as_of.plus_days(-1), dec("250.00")});
  state.items = {partial, paid};
  const AgingReport r = build_aging_report(state, as_of);
  ASSERT_EQ(r.currencies.size(), 1u);
  const CurrencyAging& eur = r.currencies[0];
  ASSERT_EQ(eur.customers.size(), 1u);  // nothing outstanding: not in the report
  EXPECT_EQ(eur.customers[0].customer_id, "C1");
  EXPECT_EQ(eur.customers[0].amounts[AgingBucket::days_31_60], dec("500.00"));
  EXPECT_EQ(eur.totals.total, dec("500.00"));
}

TEST(AgingReport, DisputedItemsStayInTheBucketsButNotInTheChaseListOrTheForecast) {
  DunningState state;
  state.customers = {customer("C1", "Alpha")};
  auto disputed = item(1, "C1", "700.00", as_of.plus_days(-45));
  disputed.disputed = true;
  auto late = item(2, "C1", "300.00", as_of.plus_days(-10));
  auto soon = item(3, "C1", "50.00", as_of.plus_days(2));
  soon.disputed = true;
  state.items = {disputed, late, soon};
  const AgingReport r = build_aging_report(state, as_of);
  const CurrencyAging& eur = section(r, "EUR");
  const AgingAmounts& a = row(eur, "C1").amounts;
  EXPECT_EQ(a[AgingBucket::days_31_60], dec("700.00"));
  EXPECT_EQ(a[AgingBucket::days_1_30], dec("300.00"));
  EXPECT_EQ(a[AgingBucket::not_due], dec("50.00"));
  EXPECT_EQ(a.total, dec("1050.00"));
  EXPECT_EQ(a.disputed, dec("750.00"));
  EXPECT_EQ(a.oldest_days_late, 45);  // the row shows every item
  ASSERT_EQ(eur.chase_first.size(), 1u);
  EXPECT_EQ(eur.chase_first[0].over_30, dec("0"));  // the 45-day item is disputed
  EXPECT_EQ(eur.chase_first[0].overdue, dec("300.00"));
  EXPECT_EQ(eur.chase_first[0].oldest_days_late, 10);
  EXPECT_EQ(eur.cash_in.disputed, dec("750.00"));
  EXPECT_EQ(eur.cash_in.overdue_unknown, dec("300.00"));
  for (const auto& w : eur.cash_in.weeks) EXPECT_TRUE(w.is_zero());
}

TEST(AgingReport, PromisesMoveTheExpectedCashIn) {
  DunningState state;
  state.customers = {customer("C1", "Alpha")};
  std::vector<DunningItem>& items = state.items;
  // Not due, in week 2 (W50); a promise of 400 in week 1 (W49): 400 in W49, the rest in W50.
  items.push_back(item(1, "C1", "1000.00", day(2026, 12, 9)));
  items.back().promise = Promise{day(2026, 12, 2), dec("400.00"), as_of.plus_days(-1)};
  // Overdue, promised in full on 10 December (W50).
  items.push_back(item(2, "C1", "250.00", as_of.plus_days(-20)));
  items.back().promise = Promise{day(2026, 12, 10), std::nullopt, as_of.plus_days(-3)};
  // Overdue, promise broken (its date is past): date unknown.
  items.push_back(item(3, "C1", "120.00", as_of.plus_days(-40)));
  items.back().promise = Promise{as_of.plus_days(-2), std::nullopt, as_of.plus_days(-15)};
  // Overdue, promised 500 on the as-of date (W48) of which 200 came since: 300 expected, the rest
  // (outstanding 600 - 300) date unknown.
  items.push_back(item(4, "C1", "800.00", as_of.plus_days(-12)));
  items.back().payments.push_back(PaymentOnItem{as_of.plus_days(-4), dec("200.00")});
  items.back().promise = Promise{as_of, dec("500.00"), as_of.plus_days(-6)};
  // Due today: this week. Due on the last day of week 7 (W02): there. Beyond the horizon: later.
  items.push_back(item(5, "C1", "10.00", as_of));
  items.push_back(item(6, "C1", "20.00", day(2027, 1, 17)));
  items.push_back(item(7, "C1", "30.00", day(2027, 1, 18)));
  // A promise for more than is owed brings only what is owed.
  items.push_back(item(8, "C1", "90.00", as_of.plus_days(-3)));
  items.back().promise = Promise{day(2026, 11, 30), dec("1000.00"), as_of.plus_days(-1)};

  const AgingReport r = build_aging_report(state, as_of);
  ASSERT_EQ(r.weeks.size(), 8u);
  EXPECT_EQ(r.weeks[0].label(), "2026-W48");
  EXPECT_EQ(r.weeks[0].monday, as_of);
  EXPECT_EQ(r.weeks[5].label(), "2026-W53");
  EXPECT_EQ(r.weeks[7].label(), "2027-W02");
  const CashInForecast& f = section(r, "EUR").cash_in;
  ASSERT_EQ(f.weeks.size(), 8u);
  EXPECT_EQ(f.weeks[0], dec("310.00"));  // item 4's promise 300 + item 5
  EXPECT_EQ(f.weeks[1], dec("490.00"));  // item 1's promise 400 + item 8's 90
  EXPECT_EQ(f.weeks[2], dec("850.00"));  // item 1's rest 600 + item 2's promise 250
  EXPECT_EQ(f.weeks[3], dec("0"));
  EXPECT_EQ(f.weeks[7], dec("20.00"));
  EXPECT_EQ(f.later, dec("30.00"));
  EXPECT_EQ(f.overdue_unknown, dec("420.00"));  // item 3 (120) + item 4's rest (300)
  EXPECT_EQ(f.disputed, dec("0"));
  // Everything outstanding is forecast somewhere exactly once.
  Decimal sum = f.later + f.overdue_unknown + f.disputed;
  for (const auto& w : f.weeks) sum += w;
  EXPECT_EQ(sum, section(r, "EUR").totals.total);
}

TEST(AgingReport, WeekCountIsTheCallers) {
  DunningState state;
  state.items.push_back(item(1, "C1", "10.00", day(2026, 12, 1)));
  const AgingReport r = build_aging_report(state, as_of, 2);
  ASSERT_EQ(r.weeks.size(), 2u);
  EXPECT_EQ(section(r, "EUR").cash_in.weeks[1], dec("10.00"));
  // An unknown customer is shown by its id.
  EXPECT_EQ(section(r, "EUR").customers[0].name, "C1");
}

TEST(IsoWeek, FollowsIso8601AcrossYears) {
  EXPECT_EQ(iso_week(day(2026, 11, 23)).label(), "2026-W48");
  EXPECT_EQ(iso_week(day(2026, 11, 29)).label(), "2026-W48");  // Sunday
  EXPECT_EQ(iso_week(day(2027, 1, 1)).label(), "2026-W53");    // a Friday of 2026's last week
  EXPECT_EQ(iso_week(day(2024, 12, 30)).label(), "2025-W01");  // a Monday of 2025's first week
  EXPECT_EQ(iso_week(day(2024, 12, 30)).monday, day(2024, 12, 30));
  EXPECT_EQ(iso_week(day(2021, 1, 3)).label(), "2020-W53");
}

TEST(AgingReport, DsoIsTheAgeOfOpenItemsWeightedByWhatTheyOwe) {
  DunningState state;
  state.customers = {customer("C1", "Alpha"), customer("C2", "Beta")};
  auto a = item(1, "C1", "1000.00", as_of);
  a.issue_date = as_of.plus_days(-30);
  auto b = item(2, "C2", "3500.00", as_of.plus_days(-40));
  b.issue_date = as_of.plus_days(-70);
  b.payments.push_back(PaymentOnItem{as_of.plus_days(-1), dec("500.00")});  // 3000 outstanding
  auto c = item(3, "C2", "500.00", as_of.plus_days(20));
  c.issue_date = as_of.plus_days(-10);
  auto usd = item(4, "C1", "100.00", as_of);
  usd.currency = "USD";
  usd.issue_date = as_of.plus_days(-7);
  state.items = {a, b, c, usd};
  const AgingReport r = build_aging_report(state, as_of);
  // (1000 × 30 + 3000 × 70 + 500 × 10) / (1000 + 3000 + 500) = 245000 / 4500 = 54.444… → 54.4
  EXPECT_EQ(section(r, "EUR").dso_days.to_string(), "54.4");
  EXPECT_EQ(section(r, "USD").dso_days.to_string(), "7.0");
  // Without the 500: (30000 + 210000) / 4000 = 60.0
  state.items = {a, b};
  EXPECT_EQ(section(build_aging_report(state, as_of), "EUR").dso_days.to_string(), "60.0");
}

TEST(AgingReport, ChaseFirstRanksByAmountOver30DaysThenByAge) {
  DunningState state;
  std::vector<DunningItem>& items = state.items;
  state.customers = {customer("A", "Anna"), customer("B", "Bruno"), customer("C", "Carla"),
                     customer("D", "Dora"), customer("E", "Emil"),  customer("F", "Fritz")};
  items.push_back(item(1, "A", "1000.00", as_of.plus_days(-45)));
  items.push_back(item(2, "B", "1000.00", as_of.plus_days(-95)));  // as much, older: before A
  items.push_back(item(3, "C", "5000.00", as_of.plus_days(-20)));  // nothing over 30 days: after
  items.push_back(item(4, "D", "2000.00", as_of.plus_days(-35)));  // the most over 30 days: first
  items.push_back(item(5, "D", "10000.00", as_of.plus_days(-100)));
  items.back().disputed = true;  // left out of the ranking
  items.push_back(item(6, "E", "9000.00", as_of.plus_days(-100)));
  items.back().disputed = true;                                   // only disputed: not listed
  items.push_back(item(7, "F", "9000.00", as_of.plus_days(10)));  // not due: not listed
  const AgingReport report = build_aging_report(state, as_of);
  const CurrencyAging& eur = section(report, "EUR");
  ASSERT_EQ(eur.chase_first.size(), 4u);
  EXPECT_EQ(eur.chase_first[0].customer_id, "D");
  EXPECT_EQ(eur.chase_first[0].over_30, dec("2000.00"));
  EXPECT_EQ(eur.chase_first[0].oldest_days_late, 35);
  EXPECT_EQ(eur.chase_first[1].customer_id, "B");
  EXPECT_EQ(eur.chase_first[2].customer_id, "A");
  EXPECT_EQ(eur.chase_first[3].customer_id, "C");
  EXPECT_EQ(eur.chase_first[3].over_30, dec("0"));
  EXPECT_EQ(eur.chase_first[3].overdue, dec("5000.00"));
  EXPECT_EQ(eur.chase_first[1].name, "Bruno");

  // Only the first ten.
  DunningState many;
  for (int k = 0; k < 12; ++k)
    many.items.push_back(item(k + 1, "K" + std::to_string(k), (std::to_string(100 + k) + ".00").c_str(),
                              as_of.plus_days(-40)));
  const AgingReport many_report = build_aging_report(many, as_of);
  const CurrencyAging& top = section(many_report, "EUR");
  ASSERT_EQ(top.chase_first.size(), 10u);
  EXPECT_EQ(top.chase_first.front().customer_id, "K11");
  EXPECT_EQ(top.chase_first.back().customer_id, "K2");
}

TEST(AgingReport, CurrenciesAreKeptApart) {
  DunningState state;
  state.customers = {customer("C1", "Alpha")};
  state.items = {item(1, "C1", "100.00", as_of.plus_days(-5)),
                 item(2, "C1", "70.00", as_of.plus_days(-5), "USD"),
                 item(3, "C1", "30.00", as_of.plus_days(-50), "USD"), item(4, "C1", "9.00", as_of, "CHF")};
  const AgingReport r = build_aging_report(state, as_of);
  ASSERT_EQ(r.currencies.size(), 3u);
  EXPECT_EQ(r.currencies[0].currency, "CHF");  // by ISO code
  EXPECT_EQ(r.currencies[1].currency, "EUR");
  EXPECT_EQ(r.currencies[2].currency, "USD");
  EXPECT_EQ(section(r, "EUR").totals.total, dec("100.00"));
  EXPECT_EQ(section(r, "USD").totals.total, dec("100.00"));
  EXPECT_EQ(section(r, "USD").totals[AgingBucket::days_31_60], dec("30.00"));
  EXPECT_EQ(section(r, "CHF").totals[AgingBucket::not_due], dec("9.00"));
  EXPECT_EQ(row(section(r, "USD"), "C1").amounts.total, dec("100.00"));
}

namespace {

DunningState small_state() {
  DunningState state;
  state.customers = {customer("C1", "Alpha SARL"), customer("C2", "Beta, Inc.")};
  auto f1 = item(1, "C1", "1200.00", day(2026, 11, 30));  // not due
  f1.payments.push_back(PaymentOnItem{day(2026, 11, 10), dec("200.00")});
  auto f2 = item(2, "C1", "500.00", day(2026, 10, 1));  // 53 days
  f2.disputed = true;
  auto f3 = item(3, "C2", "300.50", day(2026, 8, 1));          // 114 days
  auto f4 = item(4, "C2", "99.99", day(2026, 11, 13), "USD");  // 10 days
  state.items = {f1, f2, f3, f4};
  return state;
}

// Every element closed, in order (<meta/> written self-closing): the file reads as XML.
std::string unbalanced_tag(const std::string& html) {
  std::vector<std::string> open;
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i)) {
    const std::size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    const std::string tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty() || tag[0] == '!' || tag.back() == '/') continue;
    const bool closing = tag[0] == '/';
    const std::string body = tag.substr(closing ? 1 : 0);
    const std::string name = body.substr(0, body.find_first_of(" \n\t"));
    if (!closing) {
      open.push_back(name);
    } else if (open.empty() || open.back() != name) {
      return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">";
    } else {
      open.pop_back();
    }
  }
  return open.empty() ? std::string{} : "<" + open.back() + "> is not closed";
}

}  // namespace

TEST(AgingCsv, IsExact) {
  const std::string csv = aging_csv(build_aging_report(small_state(), as_of));
  EXPECT_EQ(csv,
            "customer_id,customer,currency,not_due,days_1_30,days_31_60,days_61_90,over_90,total,disputed,"
            "oldest_days_late\n"
            "C1,Alpha SARL,EUR,1000.00,0.00,500.00,0.00,0.00,1500.00,500.00,53\n"
            "C2,\"Beta, Inc.\",EUR,0.00,0.00,0.00,0.00,300.50,300.50,0.00,114\n"
            "C2,\"Beta, Inc.\",USD,0.00,99.99,0.00,0.00,0.00,99.99,0.00,10\n"
            "TOTAL,,EUR,1000.00,0.00,500.00,0.00,300.50,1800.50,500.00,114\n"
            "TOTAL,,USD,0.00,99.99,0.00,0.00,0.00,99.99,0.00,10\n");
  EXPECT_EQ(aging_csv(build_aging_report(DunningState{}, as_of)),
            "customer_id,customer,currency,not_due,days_1_30,days_31_60,days_61_90,over_90,total,disputed,"
            "oldest_days_late\n");
}

TEST(AgingHtml, IsOneSelfContainedFileWithEveryNameEscaped) {
  DunningState state = small_state();
  state.customers[0].name = "<script>alert('x')</script> & Fils";
  const std::string html = aging_html(build_aging_report(state, as_of), Language::fr, "Atelier <Dupont>");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(unbalanced_tag(html), "");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  // Nothing to fetch: no script, stylesheet, image, frame, link or imported resource.
  for (const char* external :
       {"<script", "<link", "<img", "<iframe", "<object", " src=", " href=", "url(", "@import"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Fils (C1)"), std::string::npos);
  EXPECT_NE(html.find("Atelier &lt;Dupont&gt;"), std::string::npos);
  // Totals, DSO, the chase list, the forecast, in French.
  EXPECT_NE(html.find("1\u202f800,50\u00a0€"), std::string::npos);
  EXPECT_NE(html.find("99,99\u00a0$"), std::string::npos);
  EXPECT_NE(html.find("DSO"), std::string::npos);
  EXPECT_NE(html.find("Clients à relancer en priorité"), std::string::npos);
  EXPECT_NE(html.find("2026-W48"), std::string::npos);
  EXPECT_NE(html.find("Échu, date inconnue"), std::string::npos);
}

TEST(AgingHtml, SpeaksEnglishAndGermanAndSaysWhenNothingIsOwed) {
  const AgingReport r = build_aging_report(small_state(), as_of);
  const std::string en = aging_html(r, Language::en, "");
  EXPECT_EQ(unbalanced_tag(en), "");
  EXPECT_NE(en.find("Customers to chase first"), std::string::npos);
  EXPECT_NE(en.find("€1,800.50"), std::string::npos);
  const std::string de = aging_html(r, Language::de, "");
  EXPECT_NE(de.find("Zuerst zu mahnende Kunden"), std::string::npos);
  EXPECT_NE(de.find("1.800,50\u00a0€"), std::string::npos);
  const std::string empty = aging_html(build_aging_report(DunningState{}, as_of), Language::en, "");
  EXPECT_EQ(unbalanced_tag(empty), "");
  EXPECT_NE(empty.find("Nothing is outstanding"), std::string::npos);
}

TEST(AgingDocument, FormatsEveryValueForTheLanguage) {
  const auto doc = aging_document(build_aging_report(small_state(), as_of), Language::fr, "Atelier Dupont");
  EXPECT_EQ(doc.as_of, "23/11/2026");
  ASSERT_EQ(doc.currencies.size(), 2u);
  const auto& eur = doc.currencies[0];
  EXPECT_EQ(eur.currency, "EUR");
  ASSERT_EQ(eur.rows.size(), 2u);
  EXPECT_EQ(eur.rows[0].customer, "Alpha SARL (C1)");
  EXPECT_EQ(eur.rows[0].days_1_30, "");  // zero: blank in a customer's row
  EXPECT_EQ(eur.rows[0].disputed, "500,00\u00a0€");
  EXPECT_EQ(eur.totals.total, "1\u202f800,50\u00a0€");
  EXPECT_EQ(eur.totals.days_1_30, "0,00\u00a0€");
  EXPECT_EQ(eur.totals.oldest_days_late, "114");
  ASSERT_EQ(eur.chase_first.size(), 1u);  // C1's only late item is disputed
  EXPECT_EQ(eur.chase_first[0].customer, "Beta, Inc. (C2)");
  ASSERT_EQ(eur.cash_in.size(), 8u);
  EXPECT_EQ(eur.cash_in[1].week, "2026-W49");
  EXPECT_EQ(eur.cash_in[1].from, "30/11/2026");
  EXPECT_EQ(eur.cash_in[1].amount, "1\u202f000,00\u00a0€");
  EXPECT_EQ(eur.overdue_unknown, "300,50\u00a0€");
  EXPECT_EQ(eur.disputed, "500,00\u00a0€");
}

// ---- relance report aging

namespace {

struct CliRun {
  relance::pipeline::ExitCode code;
  std::string out;
  std::string err;
};

CliRun relance_run(std::vector<std::string> args) {
  std::ostringstream out, err;
  relance::pipeline::Job job(out, err);
  const auto code = job.run(args);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST(ReportAgingCli, ReadsTheLedgerAndWritesCsvHtmlAndPdf) {
  using relance::pipeline::ExitCode;
  relance::testing::TempDir dir;
  const std::string db = (dir / "relance.db").string();
  const auto imported =
      relance_run({"ledger", "import", (relance::testing::fixtures_dir() / "invoices").string(), "--db", db});
  ASSERT_EQ(imported.code, ExitCode::success) << imported.err;

  const auto csv = relance_run({"report", "aging", "--as-of", "2026-11-23", "--db", db});
  ASSERT_EQ(csv.code, ExitCode::success) << csv.err;
  EXPECT_EQ(csv.out.rfind("customer_id,customer,currency,not_due,", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\nTOTAL,,EUR,"), std::string::npos) << csv.out;

  const auto html_path = dir / "aging.html";
  const auto html = relance_run({"report", "aging", "--as-of", "2026-11-23", "--db", db, "--format", "html",
                                 "-o", html_path.string(), "--lang", "en"});
  ASSERT_EQ(html.code, ExitCode::success) << html.err;
  const std::string page = relance::testing::read_file(html_path);
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_EQ(unbalanced_tag(page), "");

  const auto pdf_path = dir / "aging.pdf";
  const auto pdf = relance_run(
      {"report", "aging", "--as-of", "2026-11-23", "--db", db, "--format", "pdf", "-o", pdf_path.string()});
  ASSERT_EQ(pdf.code, ExitCode::success) << pdf.err;
  EXPECT_EQ(relance::testing::read_file(pdf_path).rfind("%PDF-", 0), 0u);
}

TEST(ReportAgingCli, RefusesABadDateAndAMissingLedger) {
  using relance::pipeline::ExitCode;
  relance::testing::TempDir dir;
  const std::string db = (dir / "none.db").string();
  const auto bad_date = relance_run({"report", "aging", "--as-of", "23/11/2026", "--db", db});
  EXPECT_EQ(bad_date.code, ExitCode::failure);
  EXPECT_NE(bad_date.err.find("YYYY-MM-DD"), std::string::npos) << bad_date.err;
  const auto missing = relance_run({"report", "aging", "--as-of", "2026-11-23", "--db", db});
  EXPECT_EQ(missing.code, ExitCode::failure);
  EXPECT_NE(missing.err.find("none.db"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(db));  // a report never creates a ledger
  EXPECT_EQ(relance_run({"report", "aging", "--as-of", "2026-11-23", "--format", "xls"}).code,
            ExitCode::failure);
  EXPECT_EQ(relance_run({"report"}).code, ExitCode::failure);
}
