// Late-payment interest (C. com. L441-10 II) and the fixed recovery indemnity (D441-5).
#include "relance/letters/late_interest.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string_view>

#ifndef RELANCE_DEFAULT_DATA_DIR
#define RELANCE_DEFAULT_DATA_DIR "data"
#endif

namespace relance::letters {

using formats::Date;
using formats::Decimal;

namespace {

constexpr std::string_view rates_file_name = "ecb_main_refinancing_rates.tsv";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t tab = line.find('\t');
    fields.push_back(trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

Date half_year_start(Date d) {
  return *Date::from_ymd(d.year(), d.month() <= 6 ? 1 : 7, 1);
}

Date next_half_year_start(Date d) {
  return d.month() <= 6 ? *Date::from_ymd(d.year(), 7, 1) : *Date::from_ymd(d.year() + 1, 1, 1);
}

std::string half_year_name(Date start) {
  return std::to_string(start.year()) + (start.month() == 1 ? " H1" : " H2");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reference rates

Result<ReferenceRates> ReferenceRates::load(const std::filesystem::path& tsv) {
  Result<ReferenceRates> r;
  const std::string file = tsv.string();
  const auto fail = [&](std::uint32_t line, const std::string& message) {
    r.diagnostics.add("RL-RATE-001", Severity::fatal, Location{file, {}, line, 0}, message);
  };
  std::ifstream in(tsv, std::ios::binary);
  if (!in) {
    fail(0, "the reference rate table cannot be read (set RELANCE_RATES or [dunning] reference_rates)");
    return r;
  }
  ReferenceRates rates;
  rates.source_ = tsv;
  std::string raw;
  std::uint32_t line_no = 0;
  bool header_allowed = true;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string_view line = trim(raw);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line = trim(line.substr(3));
    if (line.empty()) continue;
    if (line.front() == '#') {
      std::string_view rest = trim(line.substr(1));
      constexpr std::string_view directive = "covers-through";
      if (rest.substr(0, directive.size()) == directive &&
          (rest.size() == directive.size() || rest[directive.size()] == ' ' ||
           rest[directive.size()] == '\t')) {
        const std::string_view value = trim(rest.substr(directive.size()));
        const auto date = Date::parse_iso(value);
        if (!date) {
          fail(line_no,
               "# covers-through must be followed by a date (YYYY-MM-DD), not '" + std::string(value) + "'");
          continue;
        }
        rates.covers_through_ = date;
      }
      continue;
    }
    const std::vector<std::string_view> fields = split_tabs(line);
    if (header_allowed && fields[0] == "effective_date") {
      header_allowed = false;
      continue;
    }
    header_allowed = false;
    if (fields.size() < 2 || fields.size() > 3) {
      fail(line_no, "a rate row is effective_date<TAB>rate_percent<TAB>source, separated by tabs");
      continue;
    }
    const auto date = Date::parse_iso(fields[0]);
    if (!date) {
      fail(line_no, "'" + std::string(fields[0]) + "' is not a date (YYYY-MM-DD)");
      continue;
    }
    const auto rate = Decimal::parse(fields[1]);
    if (!rate || rate->abs() > Decimal::from_integer(100)) {
      fail(line_no, "'" + std::string(fields[1]) + "' is not a rate in percent (e.g. 2.15)");
      continue;
    }
    if (!rates.entries_.empty() && !(rates.entries_.back().first < *date)) {
      fail(line_no, "dates must increase from row to row: " + date->to_iso() + " comes after " +
                        rates.entries_.back().first.to_iso());
      continue;
    }
    rates.entries_.emplace_back(*date, *rate);
  }
  if (rates.entries_.empty() && r.diagnostics.empty()) fail(line_no, "the reference rate table has no rates");
  if (!r.diagnostics.has_fatal()) r.value = std::move(rates);
  return r;
}

ReferenceRates ReferenceRates::from_entries(std::vector<std::pair<Date, Decimal>> entries,
                                            std::optional<Date> covers_through) {
  ReferenceRates rates;
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  rates.entries_ = std::move(entries);
  rates.covers_through_ = covers_through;
  return rates;
}

std::optional<Decimal> ReferenceRates::rate_on(Date date) const {
  // The last entry whose date is on or before `date`.
  auto it = std::upper_bound(entries_.begin(), entries_.end(), date,
                             [](Date d, const std::pair<Date, Decimal>& e) { return d < e.first; });
  if (it == entries_.begin()) return std::nullopt;
  return std::prev(it)->second;
}

std::optional<Date> ReferenceRates::covered_through() const {
  if (entries_.empty()) return std::nullopt;
  Date last = entries_.back().first;
  if (covers_through_ && *covers_through_ > last) last = *covers_through_;
  return last;
}

std::optional<Decimal> ReferenceRates::known_rate_on(Date date) const {
  const std::optional<Date> covered = covered_through();
  if (!covered || date > *covered) return std::nullopt;
  return rate_on(date);
}

std::filesystem::path default_reference_rates_path() {
  if (const char* env = std::getenv("RELANCE_RATES"); env && *env) return std::filesystem::path(env);
  return std::filesystem::path(RELANCE_DEFAULT_DATA_DIR) / rates_file_name;
}

// ---------------------------------------------------------------------------------------------
// Interest

std::optional<Decimal> penalty_rate_on(Date date, const PenaltyRatePolicy& policy,
                                       const ReferenceRates& rates) {
  if (policy.fixed_rate_percent) return policy.fixed_rate_percent;
  const std::optional<Decimal> reference = rates.known_rate_on(half_year_start(date));
  if (!reference) return std::nullopt;
  return *reference + policy.margin_points;
}

PenaltyRatePolicy public_procurement_policy() {
  PenaltyRatePolicy p;
  p.margin_points = Decimal::from_integer(8);
  p.rate_fixed_at_start = true;
  return p;
}

Result<InterestComputation> late_interest(const DunningItem& item, Date as_of,
                                          const PenaltyRatePolicy& policy, const ReferenceRates& rates) {
  Result<InterestComputation> r;
  InterestComputation computation;
  computation.total = Decimal::from_units(0, 2);
  if (!(as_of > item.due_date)) {
    r.value = std::move(computation);
    return r;
  }
  const Date first = item.due_date.plus_days(1);

  // Where a new period may begin: the first day, the day after each payment's value date, and,
  // under the French rule, each half-year.
  std::vector<Date> starts{first};
  for (const PaymentOnItem& p : item.payments) {
    const Date d = p.value_date.plus_days(1);
    if (d > first && d <= as_of) starts.push_back(d);
  }
  if (!policy.fixed_rate_percent && !policy.rate_fixed_at_start) {
    for (Date d = next_half_year_start(first); d <= as_of; d = next_half_year_start(d)) starts.push_back(d);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  std::vector<std::string> missing;  // half-years without a rate, reported once each
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const Date from = starts[k];
    const Date to = k + 1 < starts.size() ? starts[k + 1].plus_days(-1) : as_of;
    Decimal base = item.amount;
    for (const PaymentOnItem& p : item.payments)
      if (p.value_date < from) base -= p.amount;
    if (base.sign() <= 0) continue;
    const Date rate_date = policy.rate_fixed_at_start ? first : from;
    const std::optional<Decimal> rate = penalty_rate_on(rate_date, policy, rates);
    if (!rate) {
      const Date half = half_year_start(rate_date);
      const std::string name = half_year_name(half);
      if (std::find(missing.begin(), missing.end(), name) != missing.end()) continue;
      missing.push_back(name);
      const std::optional<Date> covered = rates.covered_through();
      std::string message = "no ECB reference rate for " + name + " (the rate in force on " + half.to_iso() +
                            ") to compute the interest on " + item.number + ": the table ";
      message += covered ? "covers up to " + covered->to_iso() : "is empty";
      message +=
          "; add the rates published since (one row per change) or confirm the last one with "
          "'# covers-through YYYY-MM-DD'";
      r.diagnostics.add("RL-RATE-002", Severity::fatal, Location{rates.source().string(), {}, 0, 0},
                        std::move(message));
      continue;
    }
    InterestLine* previous = computation.lines.empty() ? nullptr : &computation.lines.back();
    if (previous && previous->to.plus_days(1) == from && previous->base == base &&
        previous->rate_percent == *rate) {
      previous->to = to;
      continue;
    }
    InterestLine line;
    line.from = from;
    line.to = to;
    line.base = base;
    line.rate_percent = *rate;
    computation.lines.push_back(std::move(line));
  }
  if (!missing.empty()) return r;

  for (InterestLine& line : computation.lines) {
    line.days = static_cast<int>(line.to.days_since_epoch() - line.from.days_since_epoch() + 1);
    const Decimal numerator = line.base * line.rate_percent * Decimal::from_integer(line.days);
    // Positive amounts: half away from zero is half-up.
    line.amount = Decimal::divide(numerator, Decimal::from_integer(36500), 2).rounded_half_up(2);
    computation.total += line.amount;
  }
  r.value = std::move(computation);
  return r;
}

Decimal recovery_indemnity(const std::string& profile) {
  if (profile == profile_consumer) return Decimal::from_units(0, 2);
  return Decimal::from_units(4000, 2);
}

}  // namespace relance::letters
