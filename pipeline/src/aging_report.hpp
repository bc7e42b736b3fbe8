#pragma once
// The aged balance (balance âgée) on a date: what each customer owes, per currency, by days past
// the due date (BT-9), with totals, DSO, the customers to chase first and the expected cash-in
// per ISO week. build_aging_report() is pure (no I/O, no clock): the state comes from
// Ledger::dunning_state(as_of). The outputs (CSV, HTML, the PDF's document) are written by
// report_command.cpp, behind `relance report aging`.
//
// Definitions, all amounts exact Decimals:
// - outstanding: DunningItem::outstanding_on(as_of), the invoice amount less the payments and
//   credit notes valued up to the as-of date. Items with nothing outstanding are left out.
// - days past due: as_of - due date. 0 or less: not due (an item due today is not late yet);
//   1-30, 31-60, 61-90, 91 and more: over 90.
// - disputed: the part of the total under an open dispute. Disputed items stay in their buckets
//   (they are still owed) and are shown apart; they are left out of the chase list and of the
//   cash-in forecast.
// - DSO: the state holds open items only (paid invoices, hence sales, are unknown), so the
//   countback method cannot be used. relance reports the weighted average age of the open items:
//       DSO = sum(outstanding_i × (as_of - issue_date_i)) / sum(outstanding_i)
//   in days, per currency, disputed items included, rounded half away from zero to 0.1 day.
//   Example: 1,000 issued 30 days ago and 3,000 issued 70 days ago: (30,000 + 210,000) / 4,000 = 60.0.
// - customers to chase first, per currency: customers with something past due once disputed items
//   are left out, ranked by the amount more than 30 days past due (descending), then by the most
//   days past due (descending), then by overdue amount, name and id; the first 10.
// - expected cash-in per ISO week (Monday to Sunday), the first being the week of the as-of date:
//   a promise whose date is not past (promise date >= as_of) brings its amount (less what was paid
//   since it was made; absent: everything outstanding; never more than is outstanding) in the week
//   of its date; the rest of an item not yet due comes in the week of its due date; the rest of an
//   item past due, with no promise in force, goes to "overdue, date unknown". Amounts expected
//   after the last week are "later"; disputed items are not forecast ("disputed").
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ledger.hpp"
#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/letters/language.hpp"
#include "relance/letters/report.hpp"

namespace relance::pipeline::detail {

enum class AgingBucket { not_due, days_1_30, days_31_60, days_61_90, over_90 };
inline constexpr std::size_t aging_bucket_count = 5;
inline constexpr std::array<AgingBucket, aging_bucket_count> aging_buckets = {
    AgingBucket::not_due, AgingBucket::days_1_30, AgingBucket::days_31_60, AgingBucket::days_61_90,
    AgingBucket::over_90};

// The bucket of an item `days_past_due` days after its due date (negative: before it).
AgingBucket aging_bucket(std::int64_t days_past_due);
// CSV column names: not_due, days_1_30, days_31_60, days_61_90, over_90.
std::string_view aging_bucket_key(AgingBucket bucket);

struct AgingAmounts {
  std::array<formats::Decimal, aging_bucket_count> buckets;
  formats::Decimal total;     // the sum of the buckets
  formats::Decimal disputed;  // the part of total under an open dispute
  int oldest_days_late = 0;   // the most days past due of an item counted; 0 when none is late
  std::size_t items = 0;

  const formats::Decimal& operator[](AgingBucket b) const { return buckets[static_cast<std::size_t>(b)]; }
  formats::Decimal& operator[](AgingBucket b) { return buckets[static_cast<std::size_t>(b)]; }
};

// One customer in one currency (a customer billed in two currencies has two rows).
struct CustomerAging {
  std::string customer_id;
  std::string name;  // the ledger's name; the id when the customer is unknown
  AgingAmounts amounts;
};

struct ChaseEntry {
  std::string customer_id;
  std::string name;
  formats::Decimal over_30;  // outstanding more than 30 days past due, disputed items aside
  formats::Decimal overdue;  // outstanding past due, disputed items aside
  int oldest_days_late = 0;  // disputed items aside
};

struct IsoWeek {
  int year = 0;  // the ISO week-numbering year (that of the week's Thursday)
  int week = 0;  // 1-53
  formats::Date monday = formats::Date::from_days(0);
  std::string label() const;  // "2026-W48"
};
IsoWeek iso_week(formats::Date date);

struct CashInForecast {
  std::vector<formats::Decimal> weeks;  // one per AgingReport::weeks
  formats::Decimal later;               // expected after the last week
  formats::Decimal overdue_unknown;     // past due, no promise in force: date unknown
  formats::Decimal disputed;            // under dispute: not forecast
};

struct CurrencyAging {
  std::string currency;
  std::vector<CustomerAging> customers;  // by name, then id
  AgingAmounts totals;
  formats::Decimal dso_days;            // see above; 1 decimal
  std::vector<ChaseEntry> chase_first;  // at most 10
  CashInForecast cash_in;
};

struct AgingReport {
  formats::Date as_of = formats::Date::from_days(0);
  std::vector<IsoWeek> weeks;             // the forecast's weeks, the as-of date's first
  std::vector<CurrencyAging> currencies;  // by ISO code
};

inline constexpr std::size_t chase_first_count = 10;

// weeks < 1 is taken as 1.
AgingReport build_aging_report(const DunningState& state, formats::Date as_of, int weeks = 8);

// Outputs (report_command.cpp).
// One row per customer and currency, then a TOTAL row per currency; amounts as plain decimal
// strings (at least two decimals), the classic locale, CSV quoting where needed:
//   customer_id,customer,currency,not_due,days_1_30,days_31_60,days_61_90,over_90,total,disputed,oldest_days_late
std::string aging_csv(const AgingReport& report);
// One self-contained HTML file (inline CSS and SVG, no script, no external resource); every value
// from the ledger is escaped. `company` may be empty.
std::string aging_html(const AgingReport& report, letters::Language language, const std::string& company);
// The report formatted for the language, for letters::render_aging_pdf().
letters::AgingReportDocument aging_document(const AgingReport& report, letters::Language language,
                                            const std::string& company);

}  // namespace relance::pipeline::detail
