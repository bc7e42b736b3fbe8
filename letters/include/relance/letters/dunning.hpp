#pragma once
// The dunning scenario and the plan of one batch: who gets which letter on the as-of date. Pure:
// no I/O, no clock, no ledger; the pipeline loads the state from the ledger, calls plan_batch(),
// renders and records what it returns.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/letters/language.hpp"

namespace relance::letters {

// How a level reaches the customer. A level may use several (reminder 2: postal and email).
enum class Channel { email, postal, registered_postal, phone, agency };
std::string_view channel_name(Channel channel);  // "email", "postal", "registered", "phone", "agency"
std::optional<Channel> parse_channel(std::string_view name);

// Customer profiles the scenario and the wording know. Any other name is accepted and simply
// matches no override.
inline constexpr std::string_view profile_regular = "regular";
inline constexpr std::string_view profile_new = "new";
inline constexpr std::string_view profile_at_risk = "at-risk";
inline constexpr std::string_view profile_public_sector = "public-sector";
inline constexpr std::string_view profile_consumer = "consumer";

struct DunningLevel {
  std::string name;     // "pre_reminder", "reminder_1", "reminder_2", "phone_call", ...
  int offset_days = 0;  // from the due date (BT-9); negative: before it
  std::vector<Channel> channels;
  std::string template_name;        // templates/<lang>/<template_name>.mustache
  formats::Decimal min_amount;      // a letter only when the customer's items at this level owe this much
  int min_days_since_previous = 0;  // since the previous letter to the same customer, any level
  // The courtesy pre-reminder: sent only while the item is not yet due; an item already late
  // goes straight to the first level after it (the only level that may be passed over).
  bool before_due_only = false;
  // Replaces the level named here, for customers of these profiles, when it is their first late
  // item (a phone call from the account manager instead of reminder 2 for a regular customer).
  std::string replaces;
  std::vector<std::string> profiles;  // empty: every profile
  bool first_late_item_only = false;
  // Agency handover: only when nothing moved (payment, dispute, promise) since the previous level.
  bool requires_no_movement = false;
  // The letter claims late-payment interest and the recovery indemnity (the formal notice, the
  // agency handover); the reminders before it only mention them.
  bool claims_interest = false;
};

struct Scenario {
  std::vector<DunningLevel> levels;  // in escalation order
  // Per-profile changes to a level, by level name (offset, channels, template, amounts).
  std::map<std::string, std::map<std::string, DunningLevel>> profile_overrides;
  // The levels a customer of `profile` goes through, overrides applied.
  std::vector<DunningLevel> levels_for(const std::string& profile) const;
};

// The shipped default: pre_reminder D-7 by email; reminder_1 D+7 by email; reminder_2 D+21 by
// letter and email; phone_call instead of reminder_2 for a regular customer's first late item;
// formal_notice D+35 by registered letter; agency D+50 when nothing moved. Every level: template =
// its name, no minimum amount, at least 7 days since the customer's previous letter; no
// per-profile overrides (public-sector and consumer wording comes from the templates' variants).
Scenario default_scenario();

// What the planner needs to know of a customer.
struct DunningCustomer {
  std::string id;
  std::string name;
  std::string profile = std::string(profile_new);
  Language language = Language::fr;
  std::string account_manager;
  // An item of this customer that is no longer open (settled, so not among the planner's items)
  // had a letter after its due date: then no new late item is its "first late item". Among the
  // open items the planner judges by itself: an item is the first late one unless another open
  // item due before it already had a letter after its own due date (items due the same day are
  // first together). The item's own reminders never make it lose that status.
  bool had_late_item_before = false;
  std::optional<formats::Date> last_letter_date;  // the previous letter of any level
};

struct PaymentOnItem {
  formats::Date value_date;
  formats::Decimal amount;  // positive; a credit note's share counts as a payment
};

struct Promise {
  formats::Date date;                      // the customer promised to pay by this date
  std::optional<formats::Decimal> amount;  // absent: the whole outstanding amount
  formats::Date made_on;
};

// One open item (an invoice) as the ledger knows it on the as-of date.
struct DunningItem {
  std::int64_t id = 0;
  std::string customer_id;
  std::string number;  // BT-1
  formats::Date issue_date = formats::Date::from_days(0);
  formats::Date due_date = formats::Date::from_days(0);  // BT-9
  std::string currency = "EUR";
  formats::Decimal amount;              // what the invoice asked for (BT-115)
  std::vector<PaymentOnItem> payments;  // dated, up to the as-of date
  bool disputed = false;                // an open dispute on the as-of date
  std::optional<Promise> promise;       // the latest promise, if any
  std::string last_level;               // the last level sent for this item, empty if none
  std::optional<formats::Date> last_level_date;
  std::optional<formats::Date> last_movement;  // last payment, dispute or promise event
  formats::Decimal outstanding() const;        // amount minus payments
  // Amount minus the payments whose value date is on or before `date`.
  formats::Decimal outstanding_on(formats::Date date) const;
};

// moved: the next level requires that nothing moved (payment, dispute, promise) since the
// previous letter, and something did: the item stays with the collections team.
enum class SkipReason {
  paid,
  disputed,
  promised,
  below_minimum,
  too_soon,
  not_due_yet,
  finished,
  one_letter_per_batch,
  moved
};
std::string_view skip_reason_name(SkipReason reason);

struct PlannedLetter {
  std::string customer_id;
  DunningLevel level;                  // with the customer's profile overrides applied
  std::vector<std::int64_t> item_ids;  // every item of the customer due at this level, by due date
  bool escalated_by_broken_promise = false;
};

struct PlannedSkip {
  std::int64_t item_id = 0;
  SkipReason reason = SkipReason::not_due_yet;
};

struct BatchPlan {
  formats::Date as_of = formats::Date::from_days(0);
  std::vector<PlannedLetter> letters;  // phone calls included (their channel is phone)
  std::vector<PlannedSkip> skipped;    // items that get no letter, with the reason, in input order
};

// Rules, in order, for each item (outstanding = amount minus the payments valued up to as_of):
// - paid (outstanding <= 0), under an open dispute, or under a promise whose date is not past
//   (as_of <= promise date): no letter. A kept promise is a payment. A broken one (date past, as_of
//   after the due date, and by the promised date less paid since made_on than promised, or, with no
//   amount, something still owed) escalates to the next level at once, offsets, spacing and the
//   no-movement condition aside, once: until a letter is sent after the promised date;
// - its next level is the one after its last level (never a skipped level, except that an item
//   already late, as_of > due_date, passes over the before_due_only levels); it is due when
//   as_of >= due_date + offset; no next level: finished. A replacing level (phone_call) takes the
//   place of the one it replaces, at the same stage, for the items it applies to (the customer's
//   profile is in `profiles`, and, with first_late_item_only, the item is the first late one, see
//   DunningCustomer::had_late_item_before). A last level the scenario no longer has counts as the
//   highest level whose date (due_date + offset) was reached on the last letter's date;
// - requires_no_movement: a level is not sent when a payment, a dispute or a promise moved on or
//   after the previous letter's date (reason moved);
// - a customer gets at most one letter per batch: the highest level due (by stage, then by order
//   in the scenario); its items due at lower levels wait for a later batch (one_letter_per_batch);
// - the letter lists every item of the customer due at that level, by due date, and is planned
//   only when they owe at least min_amount together (else below_minimum, and the next lower level
//   due is tried) and min_days_since_previous have passed since last_letter_date (else too_soon for
//   the customer's items: nothing lower is sent instead, except a broken promise's escalation).
// customers must contain every customer_id of items; items of unknown customers are ignored.
BatchPlan plan_batch(const Scenario& scenario, const std::vector<DunningCustomer>& customers,
                     const std::vector<DunningItem>& items, formats::Date as_of);

}  // namespace relance::letters
