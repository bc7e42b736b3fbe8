#pragma once
// Late-payment interest and the fixed recovery indemnity (C. com. L441-10 II, D441-5).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/formats/diagnostic.hpp"
#include "relance/letters/dunning.hpp"

namespace relance::letters {

// The ECB main refinancing rate in force on each date, from a TSV data file that users extend
// without recompiling (data/ecb_main_refinancing_rates.tsv). The format:
//   - lines starting with # are comments, blank lines are ignored;
//   - an optional header line `effective_date<TAB>rate_percent<TAB>source`;
//   - one row per change, in increasing date order: `YYYY-MM-DD<TAB>rate<TAB>source` (the source,
//     where the value was published, may be left out);
//   - `# covers-through YYYY-MM-DD`: a directive, not a comment. It states that no change took effect
//     between the last row and that date, so the last row's rate answers for dates up to it. A date
//     after both the last row and this one is unknown: a half-year starting then is RL-RATE-002.
class ReferenceRates {
 public:
  // Errors (missing file, bad line, dates out of order) are RL-RATE-001 with file:line.
  static Result<ReferenceRates> load(const std::filesystem::path& tsv);
  static ReferenceRates from_entries(std::vector<std::pair<formats::Date, formats::Decimal>> entries,
                                     std::optional<formats::Date> covers_through = std::nullopt);
  // The rate in force on that date, or nullopt before the first entry.
  std::optional<formats::Decimal> rate_on(formats::Date date) const;
  // The rate in force on `date` when the table is known to cover it: on or before the last entry's
  // date, or on or before covers_through(); else nullopt (as before the first entry).
  std::optional<formats::Decimal> known_rate_on(formats::Date date) const;
  const std::vector<std::pair<formats::Date, formats::Decimal>>& entries() const { return entries_; }
  // The last date the table is known to cover: the later of its last entry's date and the
  // `# covers-through` directive; nullopt for an empty table.
  std::optional<formats::Date> covered_through() const;
  // The file it was loaded from (empty for from_entries), for messages.
  const std::filesystem::path& source() const { return source_; }

 private:
  std::vector<std::pair<formats::Date, formats::Decimal>> entries_;  // sorted by date
  std::optional<formats::Date> covers_through_;
  std::filesystem::path source_;
};

// data/ecb_main_refinancing_rates.tsv as installed: $RELANCE_RATES when set, else the data
// folder compiled in (RELANCE_DEFAULT_DATA_DIR, the source tree's data/).
std::filesystem::path default_reference_rates_path();

struct PenaltyRatePolicy {
  // A fixed annual rate in percent (from the configuration), or else the French rule: the ECB
  // rate in force on 1 January (H1) or 1 July (H2) plus `margin_points`.
  std::optional<formats::Decimal> fixed_rate_percent;
  formats::Decimal margin_points = formats::Decimal::from_integer(10);
  // Public procurement (Code de la commande publique R2192-31): the rate of the half-year in which
  // interest began to run applies to the whole period, with a margin of 8 points.
  bool rate_fixed_at_start = false;
};

// The policy public-sector buyers' default interest follows (R2192-31: ECB rate + 8 points,
// fixed at the half-year the delay began).
PenaltyRatePolicy public_procurement_policy();

// The annual penalty rate of `date`: the fixed rate, or the reference rate in force on the first day
// of date's half-year plus the margin; nullopt when the table does not cover that half-year.
std::optional<formats::Decimal> penalty_rate_on(formats::Date date, const PenaltyRatePolicy& policy,
                                                const ReferenceRates& rates);

// One period of constant base and rate.
struct InterestLine {
  formats::Date from = formats::Date::from_days(0);  // first day of interest (inclusive)
  formats::Date to = formats::Date::from_days(0);    // last day (inclusive)
  int days = 0;
  formats::Decimal base;          // outstanding principal over the period
  formats::Decimal rate_percent;  // annual
  formats::Decimal amount;        // base x rate / 100 x days / 365, rounded half-up to the cent
};

struct InterestComputation {
  std::vector<InterestLine> lines;
  formats::Decimal total;  // the sum of the lines
};

// Interest on one item from the day after its due date to the as-of date (inclusive), actual/365
// (also in leap years), on the outstanding amount. The base of a day is the amount minus the
// payments valued before that day: a payment lowers the base from the day after its value date,
// so a payment valued on D+20 pays 20 days of interest (payments after as_of are ignored). A new
// line begins where the base or the rate changes (a payment's value date, a half-year boundary
// under the French rule); days with nothing owed have no line. Each line is
// base x rate / 100 x days / 365, rounded half-up to the cent; the total is the sum of the lines.
// Items not late on the as-of date, or fully paid, have no lines and a zero total. Under the
// French rule the rate of a day in January-June is the reference rate in force on 1 January plus
// the margin, July-December the one in force on 1 July; a half-year whose rate the table does not
// cover (see ReferenceRates) is RL-RATE-002, naming the half-year, never zero.
Result<InterestComputation> late_interest(const DunningItem& item, formats::Date as_of,
                                          const PenaltyRatePolicy& policy, const ReferenceRates& rates);

// EUR 40 per late invoice (D441-5) for professional debtors; nothing for consumers.
formats::Decimal recovery_indemnity(const std::string& profile);

}  // namespace relance::letters
