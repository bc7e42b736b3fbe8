#include "aging_report.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace relance::pipeline::detail {

namespace {

using formats::Date;
using formats::Decimal;

// Monday = 0 ... Sunday = 6. 1970-01-01 was a Thursday.
std::int64_t weekday(Date d) {
  const std::int64_t days = d.days_since_epoch() + 3;
  return ((days % 7) + 7) % 7;
}

Date monday_of(Date d) {
  return d.plus_days(-weekday(d));
}

// What an item adds to the forecast, per the rules in aging_report.hpp.
struct Forecaster {
  Date as_of;
  Date first_monday;
  CashInForecast& out;

  void expect(Date date, const Decimal& amount) {
    if (amount.sign() <= 0) return;
    const std::int64_t index = (monday_of(date).days_since_epoch() - first_monday.days_since_epoch()) / 7;
    // Only dates on or after the as-of date get here, so index >= 0.
    if (index >= 0 && static_cast<std::size_t>(index) < out.weeks.size()) {
      out.weeks[static_cast<std::size_t>(index)] += amount;
    } else {
      out.later += amount;
    }
  }

  void add(const letters::DunningItem& item, const Decimal& outstanding) {
    if (item.disputed) {
      out.disputed += outstanding;
      return;
    }
    Decimal rest = outstanding;
    if (item.promise && item.promise->date >= as_of) {
      const letters::Promise& p = *item.promise;
      Decimal promised = rest;
      if (p.amount) {
        Decimal paid_since;
        for (const auto& pay : item.payments)
          if (pay.value_date >= p.made_on && pay.value_date <= as_of) paid_since += pay.amount;
        promised = *p.amount - paid_since;
        if (promised.sign() < 0) promised = Decimal{};
        if (promised > rest) promised = rest;
      }
      expect(p.date, promised);
      rest -= promised;
    }
    if (rest.sign() <= 0) return;
    if (item.due_date >= as_of)
      expect(item.due_date, rest);
    else
      out.overdue_unknown += rest;
  }
};

struct CustomerKey {
  std::string currency;
  std::string customer_id;
  auto operator<=>(const CustomerKey&) const = default;
};

struct ChaseAccumulator {
  std::string name;
  Decimal over_30, overdue;
  int oldest = 0;
};

}  // namespace

AgingBucket aging_bucket(std::int64_t days_past_due) {
  if (days_past_due <= 0) return AgingBucket::not_due;
  if (days_past_due <= 30) return AgingBucket::days_1_30;
  if (days_past_due <= 60) return AgingBucket::days_31_60;
  if (days_past_due <= 90) return AgingBucket::days_61_90;
  return AgingBucket::over_90;
}

std::string_view aging_bucket_key(AgingBucket bucket) {
  switch (bucket) {
    case AgingBucket::not_due:
      return "not_due";
    case AgingBucket::days_1_30:
      return "days_1_30";
    case AgingBucket::days_31_60:
      return "days_31_60";
    case AgingBucket::days_61_90:
      return "days_61_90";
    case AgingBucket::over_90:
      return "over_90";
  }
  return "?";
}

IsoWeek iso_week(Date date) {
  IsoWeek w;
  w.monday = monday_of(date);
  const Date thursday = w.monday.plus_days(3);
  w.year = thursday.year();
  const Date january_1 = *Date::from_ymd(thursday.year(), 1, 1);
  w.week = static_cast<int>((thursday.days_since_epoch() - january_1.days_since_epoch()) / 7 + 1);
  return w;
}

std::string IsoWeek::label() const {
  std::string n = std::to_string(week);
  if (n.size() < 2) n.insert(0, 1, '0');
  return std::to_string(year) + "-W" + n;
}

AgingReport build_aging_report(const DunningState& state, Date as_of, int weeks) {
  weeks = std::max(weeks, 1);
  AgingReport report;
  report.as_of = as_of;
  const Date first_monday = monday_of(as_of);
  for (int i = 0; i < weeks; ++i)
    report.weeks.push_back(iso_week(first_monday.plus_days(std::int64_t{7} * i)));

  std::map<std::string, const letters::DunningCustomer*> customers;
  for (const auto& c : state.customers) customers.emplace(c.id, &c);

  std::map<std::string, CurrencyAging> by_currency;
  std::map<CustomerKey, CustomerAging> rows;
  std::map<CustomerKey, ChaseAccumulator> chase;
  // The weighted-age numerator of the DSO, per currency.
  std::map<std::string, Decimal> weighted_age;

  for (const auto& item : state.items) {
    const Decimal outstanding = item.outstanding_on(as_of);
    if (outstanding.sign() <= 0) continue;
    const std::int64_t days_past_due = as_of.days_since_epoch() - item.due_date.days_since_epoch();
    const int days_late = static_cast<int>(std::max<std::int64_t>(0, days_past_due));
    const AgingBucket bucket = aging_bucket(days_past_due);

    CurrencyAging& section = by_currency[item.currency];
    if (section.currency.empty()) {
      section.currency = item.currency;
      section.cash_in.weeks.assign(static_cast<std::size_t>(weeks), Decimal{});
    }

    const CustomerKey key{item.currency, item.customer_id};
    CustomerAging& row = rows[key];
    if (row.customer_id.empty()) {
      row.customer_id = item.customer_id;
      const auto c = customers.find(item.customer_id);
      row.name = c != customers.end() && !c->second->name.empty() ? c->second->name : item.customer_id;
    }
    for (AgingAmounts* a : {&row.amounts, &section.totals}) {
      (*a)[bucket] += outstanding;
      a->total += outstanding;
      if (item.disputed) a->disputed += outstanding;
      a->oldest_days_late = std::max(a->oldest_days_late, days_late);
      ++a->items;
    }

    const std::int64_t age =
        std::max<std::int64_t>(0, as_of.days_since_epoch() - item.issue_date.days_since_epoch());
    weighted_age[item.currency] += outstanding * Decimal::from_integer(age);

    if (!item.disputed && days_late > 0) {
      ChaseAccumulator& acc = chase[key];
      acc.name = row.name;
      acc.overdue += outstanding;
      if (days_late > 30) acc.over_30 += outstanding;
      acc.oldest = std::max(acc.oldest, days_late);
    }

    Forecaster{as_of, first_monday, section.cash_in}.add(item, outstanding);
  }

  for (auto& [key, row] : rows) by_currency[key.currency].customers.push_back(std::move(row));
  for (auto& [key, acc] : chase)
    by_currency[key.currency].chase_first.push_back(
        ChaseEntry{key.customer_id, std::move(acc.name), acc.over_30, acc.overdue, acc.oldest});

  for (auto& [currency, section] : by_currency) {
    std::sort(section.customers.begin(), section.customers.end(), [](const auto& a, const auto& b) {
      return std::tie(a.name, a.customer_id) < std::tie(b.name, b.customer_id);
    });
    auto& list = section.chase_first;
    std::sort(list.begin(), list.end(), [](const ChaseEntry& a, const ChaseEntry& b) {
      if (a.over_30 != b.over_30) return a.over_30 > b.over_30;
      if (a.oldest_days_late != b.oldest_days_late) return a.oldest_days_late > b.oldest_days_late;
      if (a.overdue != b.overdue) return a.overdue > b.overdue;
      return std::tie(a.name, a.customer_id) < std::tie(b.name, b.customer_id);
    });
    if (list.size() > chase_first_count) list.resize(chase_first_count);
    if (section.totals.total.sign() > 0)
      section.dso_days = Decimal::divide(weighted_age[currency], section.totals.total, 1);
    report.currencies.push_back(std::move(section));
  }
  return report;
}

}  // namespace relance::pipeline::detail
