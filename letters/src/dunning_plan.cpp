// The plan of one dunning batch (see the rules above plan_batch in dunning.hpp).
#include <algorithm>
#include <unordered_map>

#include "relance/letters/dunning.hpp"

namespace relance::letters {

using formats::Date;
using formats::Decimal;

Decimal DunningItem::outstanding() const {
  Decimal r = amount;
  for (const PaymentOnItem& p : payments) r -= p.amount;
  return r;
}

Decimal DunningItem::outstanding_on(Date date) const {
  Decimal r = amount;
  for (const PaymentOnItem& p : payments)
    if (p.value_date <= date) r -= p.amount;
  return r;
}

std::string_view skip_reason_name(SkipReason reason) {
  switch (reason) {
    case SkipReason::paid:
      return "paid";
    case SkipReason::disputed:
      return "disputed";
    case SkipReason::promised:
      return "promised";
    case SkipReason::below_minimum:
      return "below_minimum";
    case SkipReason::too_soon:
      return "too_soon";
    case SkipReason::not_due_yet:
      return "not_due_yet";
    case SkipReason::finished:
      return "finished";
    case SkipReason::one_letter_per_batch:
      return "one_letter_per_batch";
    case SkipReason::moved:
      return "moved";
  }
  return "not_due_yet";
}

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

// The levels of one profile, with the stage of each: its own position, or, for a level that
// replaces another, the position of the one it replaces.
struct ProfileLevels {
  std::vector<DunningLevel> levels;
  std::vector<std::size_t> stage;
  std::vector<std::size_t> replaced;  // index of the level a replacing level stands for, or none
  bool has_first_late_rule = false;

  std::size_t find(const std::string& name) const {
    for (std::size_t i = 0; i < levels.size(); ++i)
      if (levels[i].name == name) return i;
    return none;
  }
};

ProfileLevels make_profile_levels(const Scenario& scenario, const std::string& profile) {
  ProfileLevels p;
  p.levels = scenario.levels_for(profile);
  p.stage.resize(p.levels.size());
  p.replaced.assign(p.levels.size(), none);
  for (std::size_t i = 0; i < p.levels.size(); ++i) {
    p.stage[i] = i;
    const DunningLevel& l = p.levels[i];
    if (l.replaces.empty()) continue;
    const std::size_t r = p.find(l.replaces);
    if (r == none || r == i) continue;
    p.replaced[i] = r;
    p.stage[i] = r;
    if (l.first_late_item_only) p.has_first_late_rule = true;
  }
  return p;
}

std::int64_t days_between(Date from, Date to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

Date level_date(const DunningItem& item, const DunningLevel& level) {
  return item.due_date.plus_days(level.offset_days);
}

// Whether level i is in the item's own sequence: a replacing level when it applies, a replaced
// level when no replacement of it applies.
bool applies(const ProfileLevels& p, std::size_t i, bool first_late) {
  const auto replacement_applies = [&](std::size_t j) {
    return !p.levels[j].first_late_item_only || first_late;
  };
  if (p.replaced[i] != none) return replacement_applies(i);
  for (std::size_t j = 0; j < p.levels.size(); ++j)
    if (p.replaced[j] == i && replacement_applies(j)) return false;
  return true;
}

// The stage the item has reached, or nullopt when it had no letter yet.
std::optional<std::size_t> reached_stage(const ProfileLevels& p, const DunningItem& item) {
  if (item.last_level.empty()) return std::nullopt;
  if (const std::size_t i = p.find(item.last_level); i != none) return p.stage[i];
  // A level the scenario no longer has: the highest one whose date the last letter had reached.
  std::optional<std::size_t> best;
  if (!item.last_level_date) return best;
  for (std::size_t i = 0; i < p.levels.size(); ++i)
    if (level_date(item, p.levels[i]) <= *item.last_level_date && (!best || p.stage[i] > *best))
      best = p.stage[i];
  return best;
}

Decimal paid_between(const DunningItem& item, Date from, Date to) {
  Decimal r;
  for (const PaymentOnItem& pay : item.payments)
    if (pay.value_date >= from && pay.value_date <= to) r += pay.amount;
  return r;
}

bool promise_broken(const DunningItem& item, Date as_of) {
  const Promise& p = *item.promise;
  if (!(p.date < as_of) || !(as_of > item.due_date)) return false;
  // Once a letter went out after the promised date, the promise has done its escalation.
  if (item.last_level_date && *item.last_level_date > p.date) return false;
  if (p.amount) return paid_between(item, p.made_on, p.date) < *p.amount;
  return item.outstanding_on(p.date).sign() > 0;
}

std::optional<Date> last_movement(const DunningItem& item, Date as_of) {
  std::optional<Date> m = item.last_movement;
  const auto see = [&](Date d) {
    if (d <= as_of && (!m || d > *m)) m = d;
  };
  for (const PaymentOnItem& pay : item.payments) see(pay.value_date);
  if (item.promise) see(item.promise->made_on);
  return m;
}

// What one item asks for in this batch: a level (index into the profile's levels), or a reason.
struct ItemStatus {
  std::size_t level = none;
  bool broken_promise = false;
  std::optional<SkipReason> skip;
};

ItemStatus judge(const ProfileLevels& p, const DunningItem& item, bool first_late, Date as_of) {
  ItemStatus s;
  if (item.outstanding_on(as_of).sign() <= 0) {
    s.skip = SkipReason::paid;
    return s;
  }
  if (item.disputed) {
    s.skip = SkipReason::disputed;
    return s;
  }
  if (item.promise && as_of <= item.promise->date) {
    s.skip = SkipReason::promised;
    return s;
  }
  const bool late = as_of > item.due_date;
  const std::optional<std::size_t> reached = reached_stage(p, item);
  for (std::size_t i = 0; i < p.levels.size(); ++i) {
    if (reached && p.stage[i] <= *reached) continue;
    if (!applies(p, i, first_late)) continue;
    if (late && p.levels[i].before_due_only) continue;
    s.level = i;
    break;
  }
  if (s.level == none) {
    s.skip = SkipReason::finished;
    return s;
  }
  if (item.promise && promise_broken(item, as_of)) {
    s.broken_promise = true;
    return s;
  }
  const DunningLevel& level = p.levels[s.level];
  if (as_of < level_date(item, level)) {
    s.skip = SkipReason::not_due_yet;
    return s;
  }
  if (level.requires_no_movement && item.last_level_date) {
    const std::optional<Date> moved = last_movement(item, as_of);
    if (moved && *moved >= *item.last_level_date) {
      s.skip = SkipReason::moved;
      return s;
    }
  }
  return s;
}

}  // namespace

BatchPlan plan_batch(const Scenario& scenario, const std::vector<DunningCustomer>& customers,
                     const std::vector<DunningItem>& items, Date as_of) {
  BatchPlan plan;
  plan.as_of = as_of;

  std::unordered_map<std::string, std::size_t> customer_index;
  customer_index.reserve(customers.size());
  for (std::size_t c = 0; c < customers.size(); ++c) customer_index.emplace(customers[c].id, c);

  std::vector<std::vector<std::size_t>> items_of(customers.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto it = customer_index.find(items[i].customer_id);
    if (it != customer_index.end()) items_of[it->second].push_back(i);
  }

  std::unordered_map<std::string, ProfileLevels> profiles;
  std::vector<std::optional<SkipReason>> reasons(items.size());
  std::vector<bool> known(items.size(), false);

  for (std::size_t c = 0; c < customers.size(); ++c) {
    const DunningCustomer& customer = customers[c];
    if (items_of[c].empty()) continue;
    auto pit = profiles.find(customer.profile);
    if (pit == profiles.end())
      pit = profiles.emplace(customer.profile, make_profile_levels(scenario, customer.profile)).first;
    const ProfileLevels& p = pit->second;

    // The earliest due date among the open items that already had a letter after their due date.
    std::optional<Date> earliest_late_due;
    if (p.has_first_late_rule) {
      for (const std::size_t i : items_of[c]) {
        const DunningItem& item = items[i];
        if (item.last_level_date && *item.last_level_date > item.due_date &&
            (!earliest_late_due || item.due_date < *earliest_late_due))
          earliest_late_due = item.due_date;
      }
    }

    std::vector<ItemStatus> status(items_of[c].size());
    for (std::size_t k = 0; k < items_of[c].size(); ++k) {
      const std::size_t i = items_of[c][k];
      known[i] = true;
      const DunningItem& item = items[i];
      const bool first_late =
          !customer.had_late_item_before && !(earliest_late_due && *earliest_late_due < item.due_date);
      status[k] = judge(p, item, first_late, as_of);
      if (status[k].skip) reasons[i] = status[k].skip;
    }

    // The levels this customer's items ask for, highest first.
    std::vector<std::size_t> wanted;
    for (const ItemStatus& s : status)
      if (!s.skip && std::find(wanted.begin(), wanted.end(), s.level) == wanted.end())
        wanted.push_back(s.level);
    std::sort(wanted.begin(), wanted.end(), [&](std::size_t a, std::size_t b) {
      if (p.stage[a] != p.stage[b]) return p.stage[a] > p.stage[b];
      return a > b;
    });

    bool sent = false;
    bool held = false;
    for (const std::size_t level_index : wanted) {
      const DunningLevel& level = p.levels[level_index];
      std::vector<std::size_t> group;  // indices into items_of[c]
      bool broken = false;
      Decimal owed;
      for (std::size_t k = 0; k < status.size(); ++k) {
        if (status[k].skip || status[k].level != level_index) continue;
        group.push_back(k);
        broken = broken || status[k].broken_promise;
        owed += items[items_of[c][k]].outstanding_on(as_of);
      }
      const auto mark = [&](SkipReason reason) {
        for (const std::size_t k : group) reasons[items_of[c][k]] = reason;
      };
      if (sent) {
        mark(SkipReason::one_letter_per_batch);
        continue;
      }
      if (owed < level.min_amount) {
        mark(SkipReason::below_minimum);
        continue;
      }
      const bool spaced = !customer.last_letter_date ||
                          days_between(*customer.last_letter_date, as_of) >= level.min_days_since_previous;
      if (!broken && (held || !spaced)) {
        held = true;
        mark(SkipReason::too_soon);
        continue;
      }
      std::sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
        const DunningItem& x = items[items_of[c][a]];
        const DunningItem& y = items[items_of[c][b]];
        if (x.due_date != y.due_date) return x.due_date < y.due_date;
        return x.id < y.id;
      });
      PlannedLetter letter;
      letter.customer_id = customer.id;
      letter.level = level;
      letter.escalated_by_broken_promise = broken;
      for (const std::size_t k : group) letter.item_ids.push_back(items[items_of[c][k]].id);
      plan.letters.push_back(std::move(letter));
      sent = true;
    }
  }

  for (std::size_t i = 0; i < items.size(); ++i)
    if (known[i] && reasons[i]) plan.skipped.push_back({items[i].id, *reasons[i]});
  return plan;
}

}  // namespace relance::letters
