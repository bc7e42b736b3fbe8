// The dunning planner: one test per rule, then the acceptance scenario (21 customers stepped day by
// day over 120 days, the exact letters of each customer asserted).

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "relance/letters/dunning.hpp"

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

DunningCustomer customer(const char* id, std::string_view profile = profile_new) {
  DunningCustomer c;
  c.id = id;
  c.name = std::string("Customer ") + id;
  c.profile = std::string(profile);
  return c;
}

DunningItem item(std::int64_t id, const char* customer_id, const char* due, const char* amount = "1000.00") {
  DunningItem i;
  i.id = id;
  i.customer_id = customer_id;
  i.number = "F-" + std::to_string(id);
  i.due_date = d(due);
  i.issue_date = i.due_date.plus_days(-30);
  i.amount = dec(amount);
  return i;
}

// The item's last letter.
DunningItem& sent(DunningItem& i, const char* level, const char* date) {
  i.last_level = level;
  i.last_level_date = d(date);
  return i;
}

const PlannedLetter* letter_for(const BatchPlan& plan, const std::string& customer_id) {
  const PlannedLetter* found = nullptr;
  for (const PlannedLetter& l : plan.letters) {
    if (l.customer_id != customer_id) continue;
    EXPECT_EQ(found, nullptr) << "two letters to " << customer_id;
    found = &l;
  }
  return found;
}

std::string level_for(const BatchPlan& plan, const std::string& customer_id) {
  const PlannedLetter* l = letter_for(plan, customer_id);
  return l ? l->level.name : "none";
}

std::string reason_for(const BatchPlan& plan, std::int64_t item_id) {
  for (const PlannedSkip& s : plan.skipped)
    if (s.item_id == item_id) return std::string(skip_reason_name(s.reason));
  return "none";
}

BatchPlan plan_one(const DunningCustomer& c, const std::vector<DunningItem>& items, const char* as_of,
                   const Scenario& scenario = default_scenario()) {
  return plan_batch(scenario, {c}, items, d(as_of));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The scenario

TEST(DunningScenario, DefaultIsTheShippedPractice) {
  const Scenario s = default_scenario();
  ASSERT_EQ(s.levels.size(), 6u);
  const char* names[] = {"pre_reminder", "reminder_1", "reminder_2", "phone_call", "formal_notice", "agency"};
  const int offsets[] = {-7, 7, 21, 21, 35, 50};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(s.levels[i].name, names[i]);
    EXPECT_EQ(s.levels[i].template_name, names[i]);
    EXPECT_EQ(s.levels[i].offset_days, offsets[i]);
    EXPECT_EQ(s.levels[i].min_days_since_previous, 7);
    EXPECT_TRUE(s.levels[i].min_amount.is_zero());
  }
  EXPECT_TRUE(s.levels[0].before_due_only);
  EXPECT_EQ(s.levels[0].channels, std::vector<Channel>{Channel::email});
  EXPECT_EQ(s.levels[1].channels, std::vector<Channel>{Channel::email});
  EXPECT_EQ(s.levels[2].channels, (std::vector<Channel>{Channel::postal, Channel::email}));
  EXPECT_EQ(s.levels[3].channels, std::vector<Channel>{Channel::phone});
  EXPECT_EQ(s.levels[3].replaces, "reminder_2");
  EXPECT_EQ(s.levels[3].profiles, std::vector<std::string>{"regular"});
  EXPECT_TRUE(s.levels[3].first_late_item_only);
  EXPECT_EQ(s.levels[4].channels, std::vector<Channel>{Channel::registered_postal});
  EXPECT_EQ(s.levels[5].channels, std::vector<Channel>{Channel::agency});
  EXPECT_TRUE(s.levels[5].requires_no_movement);
  // Interest and the indemnity are claimed by the formal notice and the agency handover only.
  for (std::size_t i = 0; i < s.levels.size(); ++i) EXPECT_EQ(s.levels[i].claims_interest, i >= 4) << i;
  EXPECT_TRUE(s.profile_overrides.empty());
}

TEST(DunningScenario, ChannelNamesRoundTrip) {
  for (Channel c :
       {Channel::email, Channel::postal, Channel::registered_postal, Channel::phone, Channel::agency})
    EXPECT_EQ(parse_channel(channel_name(c)), c);
  EXPECT_EQ(channel_name(Channel::registered_postal), "registered");
  EXPECT_EQ(parse_channel("registered_postal"), Channel::registered_postal);
  EXPECT_FALSE(parse_channel("fax"));
}

TEST(DunningScenario, LevelsForFiltersByProfileAndAppliesOverrides) {
  Scenario s = default_scenario();
  DunningLevel slow = s.levels[1];
  slow.offset_days = 15;
  slow.template_name = "reminder_1_public";
  s.profile_overrides["public-sector"]["reminder_1"] = slow;
  const auto names = [](const std::vector<DunningLevel>& levels) {
    std::vector<std::string> n;
    for (const auto& l : levels) n.push_back(l.name);
    return n;
  };
  EXPECT_EQ(names(s.levels_for("regular")),
            (std::vector<std::string>{"pre_reminder", "reminder_1", "reminder_2", "phone_call",
                                      "formal_notice", "agency"}));
  EXPECT_EQ(names(s.levels_for("new")), (std::vector<std::string>{"pre_reminder", "reminder_1", "reminder_2",
                                                                  "formal_notice", "agency"}));
  const auto pub = s.levels_for("public-sector");
  EXPECT_EQ(pub[1].offset_days, 15);
  EXPECT_EQ(pub[1].template_name, "reminder_1_public");
  EXPECT_EQ(s.levels_for("new")[1].offset_days, 7);
}

// ---------------------------------------------------------------------------------------------
// One rule at a time (customer C, items due 2025-03-20 unless said otherwise)

TEST(DunningPlan, PreReminderOnlyBeforeTheDueDate) {
  const auto c = customer("C");
  const std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-12"), "C"), "none");  // D-8
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-03-12"), 1), "not_due_yet");
  const BatchPlan p = plan_one(c, items, "2025-03-13");  // D-7
  ASSERT_NE(letter_for(p, "C"), nullptr);
  EXPECT_EQ(letter_for(p, "C")->level.name, "pre_reminder");
  EXPECT_EQ(letter_for(p, "C")->level.channels, std::vector<Channel>{Channel::email});
  EXPECT_EQ(letter_for(p, "C")->item_ids, std::vector<std::int64_t>{1});
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-20"), "C"), "pre_reminder");  // still on the due date
  // Late and never reminded: the pre-reminder is passed over, reminder 1 waits for D+7.
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-21"), "C"), "none");
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-03-21"), 1), "not_due_yet");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-27"), "C"), "reminder_1");
}

TEST(DunningPlan, ALevelIsNotSentTwice) {
  auto c = customer("C");
  c.last_letter_date = d("2025-03-13");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "pre_reminder", "2025-03-13");
  for (const char* day : {"2025-03-14", "2025-03-20", "2025-03-26"}) {
    EXPECT_EQ(level_for(plan_one(c, items, day), "C"), "none") << day;
    EXPECT_EQ(reason_for(plan_one(c, items, day), 1), "not_due_yet") << day;
  }
}

TEST(DunningPlan, ReminderOneAtDPlusSevenByEmail) {
  auto c = customer("C");
  c.last_letter_date = d("2025-03-13");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "pre_reminder", "2025-03-13");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-26"), "C"), "none");
  const BatchPlan p = plan_one(c, items, "2025-03-27");
  ASSERT_NE(letter_for(p, "C"), nullptr);
  EXPECT_EQ(letter_for(p, "C")->level.name, "reminder_1");
  EXPECT_EQ(letter_for(p, "C")->level.channels, std::vector<Channel>{Channel::email});
}

TEST(DunningPlan, ReminderTwoByLetterAndEmailForOthersThanRegulars) {
  for (std::string_view profile : {profile_new, profile_at_risk, profile_public_sector, profile_consumer}) {
    auto c = customer("C", profile);
    c.last_letter_date = d("2025-03-27");
    std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
    sent(items[0], "reminder_1", "2025-03-27");
    EXPECT_EQ(level_for(plan_one(c, items, "2025-04-09"), "C"), "none") << profile;  // D+20
    const BatchPlan p = plan_one(c, items, "2025-04-10");                            // D+21
    ASSERT_NE(letter_for(p, "C"), nullptr) << profile;
    EXPECT_EQ(letter_for(p, "C")->level.name, "reminder_2") << profile;
    EXPECT_EQ(letter_for(p, "C")->level.channels, (std::vector<Channel>{Channel::postal, Channel::email}));
  }
}

TEST(DunningPlan, PhoneCallReplacesReminderTwoForARegularCustomersFirstLateItem) {
  auto c = customer("C", profile_regular);
  c.last_letter_date = d("2025-03-27");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "reminder_1", "2025-03-27");
  BatchPlan p = plan_one(c, items, "2025-04-10");
  ASSERT_NE(letter_for(p, "C"), nullptr);
  EXPECT_EQ(letter_for(p, "C")->level.name, "phone_call");
  EXPECT_EQ(letter_for(p, "C")->level.channels, std::vector<Channel>{Channel::phone});

  // A regular customer who was late before (a settled item): the letter, not the call.
  auto late_before = c;
  late_before.had_late_item_before = true;
  EXPECT_EQ(level_for(plan_one(late_before, items, "2025-04-10"), "C"), "reminder_2");

  // Another open item, due earlier, already had a letter after its due date: this one is not the
  // first late item; the earlier one still is.
  std::vector<DunningItem> two{item(1, "C", "2025-03-20"), item(2, "C", "2025-03-06")};
  sent(two[0], "reminder_1", "2025-03-27");
  sent(two[1], "phone_call", "2025-03-27");
  two[1].disputed = true;  // item 2 asks for nothing today, but it was late first
  p = plan_one(c, two, "2025-04-10");
  EXPECT_EQ(level_for(p, "C"), "reminder_2");
  EXPECT_EQ(letter_for(p, "C")->item_ids, std::vector<std::int64_t>{1});
  std::vector<DunningItem> both{item(1, "C", "2025-03-20"), item(2, "C", "2025-03-06")};
  sent(both[1], "reminder_1", "2025-03-13");
  c.last_letter_date = d("2025-03-13");
  p = plan_one(c, both, "2025-03-27");  // item 2 at D+21, its call; item 1 at D+7, reminder 1 waits
  EXPECT_EQ(level_for(p, "C"), "phone_call");
  EXPECT_EQ(letter_for(p, "C")->item_ids, std::vector<std::int64_t>{2});
  EXPECT_EQ(reason_for(p, 1), "one_letter_per_batch");
  c.last_letter_date = d("2025-03-27");

  // Two first late items due the same day: one call about both.
  std::vector<DunningItem> same{item(1, "C", "2025-03-20"), item(2, "C", "2025-03-20")};
  sent(same[0], "reminder_1", "2025-03-27");
  sent(same[1], "reminder_1", "2025-03-27");
  p = plan_one(c, same, "2025-04-10");
  ASSERT_NE(letter_for(p, "C"), nullptr);
  EXPECT_EQ(letter_for(p, "C")->level.name, "phone_call");
  EXPECT_EQ(letter_for(p, "C")->item_ids, (std::vector<std::int64_t>{1, 2}));
}

TEST(DunningPlan, AfterThePhoneCallComesTheFormalNotice) {
  auto c = customer("C", profile_regular);
  c.last_letter_date = d("2025-04-10");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "phone_call", "2025-04-10");
  // Even when the customer is no longer a first-timer, the call stood for reminder 2.
  c.had_late_item_before = true;
  EXPECT_EQ(level_for(plan_one(c, items, "2025-04-23"), "C"), "none");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-04-24"), "C"), "formal_notice");
}

TEST(DunningPlan, FormalNoticeAtDPlusThirtyFiveByRegisteredLetter) {
  auto c = customer("C");
  c.last_letter_date = d("2025-04-10");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "reminder_2", "2025-04-10");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-04-23"), "C"), "none");  // D+34
  const BatchPlan p = plan_one(c, items, "2025-04-24");                 // D+35
  ASSERT_NE(letter_for(p, "C"), nullptr);
  EXPECT_EQ(letter_for(p, "C")->level.name, "formal_notice");
  EXPECT_EQ(letter_for(p, "C")->level.channels, std::vector<Channel>{Channel::registered_postal});
}

TEST(DunningPlan, AgencyAtDPlusFiftyOnlyWhenNothingMoved) {
  auto c = customer("C");
  c.last_letter_date = d("2025-04-24");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "formal_notice", "2025-04-24");
  items[0].payments = {{d("2025-04-01"), dec("100.00")}};  // before the formal notice: not a movement since
  items[0].last_movement = d("2025-04-01");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-05-08"), "C"), "none");    // D+49
  EXPECT_EQ(level_for(plan_one(c, items, "2025-05-09"), "C"), "agency");  // D+50
  EXPECT_EQ(letter_for(plan_one(c, items, "2025-05-09"), "C")->level.channels,
            std::vector<Channel>{Channel::agency});

  // A payment after the formal notice: the file stays with the collections team.
  items[0].payments.push_back({d("2025-05-02"), dec("100.00")});
  items[0].last_movement = d("2025-05-02");
  BatchPlan p = plan_one(c, items, "2025-05-09");
  EXPECT_EQ(level_for(p, "C"), "none");
  EXPECT_EQ(reason_for(p, 1), "moved");
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-07-01"), 1), "moved");

  // A dispute opened and closed since (the ledger's last_movement): the same.
  items[0].payments.pop_back();
  items[0].last_movement = d("2025-05-05");
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-05-09"), 1), "moved");

  // After the agency: nothing more.
  items[0].last_movement = d("2025-04-01");
  sent(items[0], "agency", "2025-05-09");
  c.last_letter_date = d("2025-05-09");
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-06-30"), 1), "finished");
}

TEST(DunningPlan, NeverASkippedLevel) {
  // Late by 40 days and never reminded: reminder 1 first, not the formal notice.
  const auto c = customer("C");
  const std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  EXPECT_EQ(level_for(plan_one(c, items, "2025-04-29"), "C"), "reminder_1");
}

TEST(DunningPlan, OneLetterPerCustomerAtTheHighestLevelDue) {
  auto c = customer("C");
  c.last_letter_date = d("2025-04-10");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20"), item(2, "C", "2025-04-17"),
                                 item(3, "C", "2025-05-01")};
  sent(items[0], "reminder_2", "2025-04-10");
  const BatchPlan p = plan_one(c, items, "2025-04-24");  // 1: formal notice; 2: reminder 1; 3: pre-reminder
  ASSERT_EQ(p.letters.size(), 1u);
  EXPECT_EQ(p.letters[0].level.name, "formal_notice");
  EXPECT_EQ(p.letters[0].item_ids, std::vector<std::int64_t>{1});
  EXPECT_EQ(reason_for(p, 2), "one_letter_per_batch");
  EXPECT_EQ(reason_for(p, 3), "one_letter_per_batch");
}

TEST(DunningPlan, ItemsAtTheSameLevelAreGroupedByDueDate) {
  const auto c = customer("C");
  const std::vector<DunningItem> items{item(7, "C", "2025-03-20", "300.00"),
                                       item(3, "C", "2025-03-18", "200.00"),
                                       item(5, "C", "2025-03-25", "100.00")};
  const BatchPlan p = plan_one(c, items, "2025-04-01");  // reminder 1 due for all three
  ASSERT_EQ(p.letters.size(), 1u);
  EXPECT_EQ(p.letters[0].level.name, "reminder_1");
  EXPECT_EQ(p.letters[0].item_ids, (std::vector<std::int64_t>{3, 7, 5}));
  EXPECT_TRUE(p.skipped.empty());
}

TEST(DunningPlan, MinimumAmountCountsTheItemsOfTheLetterTogether) {
  Scenario s = default_scenario();
  s.levels[1].min_amount = dec("50.00");
  const auto c = customer("C");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20", "30.00")};
  BatchPlan p = plan_one(c, items, "2025-03-27", s);
  EXPECT_EQ(level_for(p, "C"), "none");
  EXPECT_EQ(reason_for(p, 1), "below_minimum");
  items.push_back(item(2, "C", "2025-03-19", "20.00"));  // 30 + 20 = 50: enough
  p = plan_one(c, items, "2025-03-27", s);
  ASSERT_NE(letter_for(p, "C"), nullptr);
  EXPECT_EQ(letter_for(p, "C")->item_ids, (std::vector<std::int64_t>{2, 1}));
  // What is owed, not what was invoiced: 19.99 paid on item 2 leaves 30.00 + 0.01 = 30.01.
  items[1].payments = {{d("2025-03-25"), dec("19.99")}};
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-03-27", s), 1), "below_minimum");
}

TEST(DunningPlan, BelowTheMinimumAtTheHighestLevelALowerLevelMayGo) {
  Scenario s = default_scenario();
  s.levels[4].min_amount = dec("500.00");  // formal notice
  auto c = customer("C");
  c.last_letter_date = d("2025-04-10");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20", "100.00"), item(2, "C", "2025-04-17", "1000.00")};
  sent(items[0], "reminder_2", "2025-04-10");
  const BatchPlan p = plan_one(c, items, "2025-04-24", s);
  EXPECT_EQ(level_for(p, "C"), "reminder_1");
  EXPECT_EQ(letter_for(p, "C")->item_ids, std::vector<std::int64_t>{2});
  EXPECT_EQ(reason_for(p, 1), "below_minimum");
}

TEST(DunningPlan, MinimumDaysSinceThePreviousLetterOfAnyLevel) {
  auto c = customer("C");
  c.last_letter_date = d("2025-03-24");  // a letter about another item three days ago
  std::vector<DunningItem> items{item(1, "C", "2025-03-20"), item(2, "C", "2025-03-10")};
  sent(items[0], "pre_reminder", "2025-03-13");
  sent(items[1], "reminder_1", "2025-03-24");  // item 2's next level is at D+21 = 2025-03-31
  BatchPlan p = plan_one(c, items, "2025-03-27");
  EXPECT_EQ(level_for(p, "C"), "none");
  EXPECT_EQ(reason_for(p, 1), "too_soon");
  EXPECT_EQ(reason_for(p, 2), "not_due_yet");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-30"), "C"), "none");
  p = plan_one(c, items, "2025-03-31");  // seven days: both are due, the higher one goes
  EXPECT_EQ(level_for(p, "C"), "reminder_2");
  EXPECT_EQ(reason_for(p, 1), "one_letter_per_batch");

  // When the highest level must wait, nothing lower goes instead (it would push it back again).
  Scenario s = default_scenario();
  s.levels[2].min_days_since_previous = 14;
  s.levels[1].min_days_since_previous = 0;
  p = plan_one(c, items, "2025-03-31", s);
  EXPECT_EQ(level_for(p, "C"), "none");
  EXPECT_EQ(reason_for(p, 1), "too_soon");
  EXPECT_EQ(reason_for(p, 2), "too_soon");
}

TEST(DunningPlan, AnOpenDisputeSuspendsUntilClosed) {
  auto c = customer("C");
  c.last_letter_date = d("2025-03-27");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "reminder_1", "2025-03-27");
  items[0].disputed = true;
  BatchPlan p = plan_one(c, items, "2025-04-30");
  EXPECT_EQ(level_for(p, "C"), "none");
  EXPECT_EQ(reason_for(p, 1), "disputed");
  // Closed: the next level, not a later one, at once.
  items[0].disputed = false;
  items[0].last_movement = d("2025-04-30");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-04-30"), "C"), "reminder_2");
}

TEST(DunningPlan, APromiseHoldsEscalationUntilItsDate) {
  auto c = customer("C");
  c.last_letter_date = d("2025-03-27");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "reminder_1", "2025-03-27");
  items[0].promise = Promise{d("2025-04-15"), std::nullopt, d("2025-04-01")};
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-04-10"), 1), "promised");  // reminder 2 would be due
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-04-15"), 1), "promised");  // the promised day itself
  // Kept: paid in full by the date.
  items[0].payments = {{d("2025-04-14"), dec("1000.00")}};
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-04-16"), 1), "paid");
}

TEST(DunningPlan, ABrokenPromiseEscalatesAtOnce) {
  auto c = customer("C");
  c.last_letter_date = d("2025-03-30");  // spacing aside: a letter three days before
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "reminder_1", "2025-03-27");
  items[0].promise = Promise{d("2025-04-01"), std::nullopt, d("2025-03-28")};
  items[0].last_movement = d("2025-03-28");
  BatchPlan p = plan_one(c, items, "2025-04-02");  // D+13: reminder 2 (D+21) at once
  ASSERT_NE(letter_for(p, "C"), nullptr);
  EXPECT_EQ(letter_for(p, "C")->level.name, "reminder_2");
  EXPECT_TRUE(letter_for(p, "C")->escalated_by_broken_promise);
  // Once: after that letter, the usual dates again (formal notice at D+35 = 2025-04-24).
  sent(items[0], "reminder_2", "2025-04-02");
  c.last_letter_date = d("2025-04-02");
  EXPECT_EQ(reason_for(plan_one(c, items, "2025-04-03"), 1), "not_due_yet");
  p = plan_one(c, items, "2025-04-24");
  EXPECT_EQ(level_for(p, "C"), "formal_notice");
  EXPECT_FALSE(letter_for(p, "C")->escalated_by_broken_promise);

  // A promise of part of the amount, paid in time: kept, the rest follows the usual dates.
  std::vector<DunningItem> part{item(2, "C", "2025-03-20")};
  sent(part[0], "reminder_1", "2025-03-27");
  part[0].promise = Promise{d("2025-04-01"), dec("400.00"), d("2025-03-28")};
  part[0].payments = {{d("2025-03-31"), dec("400.00")}};
  c.last_letter_date = d("2025-03-27");
  EXPECT_EQ(reason_for(plan_one(c, part, "2025-04-02"), 2), "not_due_yet");
  EXPECT_EQ(level_for(plan_one(c, part, "2025-04-10"), "C"), "reminder_2");
  // Less than promised: broken.
  part[0].payments = {{d("2025-03-31"), dec("399.99")}};
  EXPECT_EQ(level_for(plan_one(c, part, "2025-04-02"), "C"), "reminder_2");

  // A broken promise on an item not yet due is no delay: the usual rules.
  std::vector<DunningItem> early{item(3, "C", "2025-04-20")};
  early[0].promise = Promise{d("2025-04-01"), std::nullopt, d("2025-03-28")};
  EXPECT_EQ(reason_for(plan_one(c, early, "2025-04-02"), 3), "not_due_yet");
}

TEST(DunningPlan, PaidItemsAreSkipped) {
  const auto c = customer("C");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  items[0].payments = {{d("2025-03-01"), dec("600.00")}, {d("2025-03-15"), dec("400.00")}};
  const BatchPlan p = plan_one(c, items, "2025-03-27");
  EXPECT_TRUE(p.letters.empty());
  EXPECT_EQ(reason_for(p, 1), "paid");
  // A payment after the as-of date is not known yet.
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-13"), "C"), "pre_reminder");
}

TEST(DunningPlan, APartialPaymentIsStillChasedOnTheRest) {
  const auto c = customer("C");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  items[0].payments = {{d("2025-03-22"), dec("400.00")}};
  EXPECT_EQ(items[0].outstanding(), dec("600.00"));
  EXPECT_EQ(items[0].outstanding_on(d("2025-03-21")), dec("1000.00"));
  EXPECT_EQ(level_for(plan_one(c, items, "2025-03-27"), "C"), "reminder_1");
}

TEST(DunningPlan, ProfileOverrideChangesTheLevelForThatProfileOnly) {
  Scenario s = default_scenario();
  DunningLevel slow = s.levels[1];
  slow.offset_days = 15;  // public bodies: reminder 1 at D+15
  slow.channels = {Channel::postal};
  s.profile_overrides[std::string(profile_public_sector)]["reminder_1"] = slow;
  const std::vector<DunningItem> pub_items{item(1, "P", "2025-03-20")};
  const std::vector<DunningItem> new_items{item(2, "N", "2025-03-20")};
  EXPECT_EQ(level_for(plan_one(customer("P", profile_public_sector), pub_items, "2025-03-27", s), "P"),
            "none");
  const BatchPlan p = plan_one(customer("P", profile_public_sector), pub_items, "2025-04-04", s);
  ASSERT_NE(letter_for(p, "P"), nullptr);
  EXPECT_EQ(letter_for(p, "P")->level.name, "reminder_1");
  EXPECT_EQ(letter_for(p, "P")->level.offset_days, 15);
  EXPECT_EQ(letter_for(p, "P")->level.channels, std::vector<Channel>{Channel::postal});
  EXPECT_EQ(level_for(plan_one(customer("N"), new_items, "2025-03-27", s), "N"), "reminder_1");
}

TEST(DunningPlan, ALevelTheScenarioNoLongerHasCountsByItsDate) {
  // "reminder_3" was sent on D+28 under an older configuration: reminder 2 (D+21) was reached then,
  // so the next level is the formal notice.
  auto c = customer("C");
  c.last_letter_date = d("2025-04-17");
  std::vector<DunningItem> items{item(1, "C", "2025-03-20")};
  sent(items[0], "reminder_3", "2025-04-17");
  EXPECT_EQ(level_for(plan_one(c, items, "2025-04-24"), "C"), "formal_notice");
}

TEST(DunningPlan, ItemsOfUnknownCustomersAreIgnoredAndLettersFollowTheCustomersOrder) {
  const std::vector<DunningCustomer> customers{customer("B"), customer("A")};
  const std::vector<DunningItem> items{item(1, "A", "2025-03-20"), item(2, "Z", "2025-03-20"),
                                       item(3, "B", "2025-03-20")};
  const BatchPlan p = plan_batch(default_scenario(), customers, items, d("2025-03-27"));
  ASSERT_EQ(p.letters.size(), 2u);
  EXPECT_EQ(p.letters[0].customer_id, "B");
  EXPECT_EQ(p.letters[1].customer_id, "A");
  EXPECT_EQ(reason_for(p, 2), "none");
  EXPECT_EQ(p.as_of, d("2025-03-27"));
}

TEST(DunningPlan, SkipReasonNames) {
  EXPECT_EQ(skip_reason_name(SkipReason::paid), "paid");
  EXPECT_EQ(skip_reason_name(SkipReason::disputed), "disputed");
  EXPECT_EQ(skip_reason_name(SkipReason::promised), "promised");
  EXPECT_EQ(skip_reason_name(SkipReason::below_minimum), "below_minimum");
  EXPECT_EQ(skip_reason_name(SkipReason::too_soon), "too_soon");
  EXPECT_EQ(skip_reason_name(SkipReason::not_due_yet), "not_due_yet");
  EXPECT_EQ(skip_reason_name(SkipReason::finished), "finished");
  EXPECT_EQ(skip_reason_name(SkipReason::one_letter_per_batch), "one_letter_per_batch");
  EXPECT_EQ(skip_reason_name(SkipReason::moved), "moved");
}

// ---------------------------------------------------------------------------------------------
// Acceptance: 21 customers, every day from 2025-01-01 to 2025-04-30 (120 batches), the default
// scenario. The test keeps the ledger's state as the real ledger would: each morning the day's
// payments, disputes and promises are recorded (last_movement), then the batch is planned, and
// each planned letter is recorded (the customer's last_letter_date; each item's last_level and
// last_level_date). A settled item that had a letter after its due date marks its customer as
// late before. The planner sees the items with something outstanding.

namespace {

enum class Act { pay, open_dispute, close_dispute, promise };

struct Event {
  const char* date;
  const char* item;
  Act act;
  const char* amount = nullptr;        // pay: the amount; promise: the promised amount, or null for all
  const char* promised_for = nullptr;  // promise: the date
};

struct Ledger {
  std::vector<DunningCustomer> customers;
  std::vector<DunningItem> items;
  std::map<std::string, std::vector<std::string>> letters;  // customer -> "date level items"

  DunningCustomer& customer_of(const DunningItem& i) {
    for (auto& c : customers)
      if (c.id == i.customer_id) return c;
    throw std::runtime_error("no customer " + i.customer_id);
  }
  DunningItem& item_numbered(const std::string& number) {
    for (auto& i : items)
      if (i.number == number) return i;
    throw std::runtime_error("no item " + number);
  }

  void record(const Event& e, Date day) {
    DunningItem& i = item_numbered(e.item);
    switch (e.act) {
      case Act::pay:
        i.payments.push_back({day, dec(e.amount)});
        break;
      case Act::open_dispute:
        i.disputed = true;
        break;
      case Act::close_dispute:
        i.disputed = false;
        break;
      case Act::promise:
        i.promise =
            Promise{d(e.promised_for), e.amount ? std::optional<Decimal>(dec(e.amount)) : std::nullopt, day};
        break;
    }
    i.last_movement = day;
  }

  void run_batch(Date day) {
    for (const DunningItem& i : items)
      if (i.outstanding_on(day).sign() <= 0 && i.last_level_date && *i.last_level_date > i.due_date)
        customer_of(i).had_late_item_before = true;
    std::vector<DunningItem> open;
    for (const DunningItem& i : items)
      if (i.outstanding_on(day).sign() > 0) open.push_back(i);
    const BatchPlan plan = plan_batch(default_scenario(), customers, open, day);
    for (const PlannedLetter& l : plan.letters) {
      std::string line = day.to_iso() + " " + l.level.name;
      std::string sep = " ";
      for (const std::int64_t id : l.item_ids) {
        for (DunningItem& i : items) {
          if (i.id != id) continue;
          i.last_level = l.level.name;
          i.last_level_date = day;
          line += sep + i.number;
          sep = ",";
        }
      }
      for (DunningCustomer& c : customers)
        if (c.id == l.customer_id) c.last_letter_date = day;
      letters[l.customer_id].push_back(line);
    }
  }
};

}  // namespace

TEST(DunningAcceptance, TwentyOneCustomersOverOneHundredTwentyDays) {
  Ledger ledger;
  const std::pair<const char*, std::string_view> customers[] = {
      {"C01", profile_new},     {"C02", profile_new},      {"C03", profile_regular},
      {"C04", profile_regular}, {"C05", profile_new},      {"C06", profile_new},
      {"C07", profile_new},     {"C08", profile_new},      {"C09", profile_regular},
      {"C10", profile_new},     {"C11", profile_consumer}, {"C12", profile_public_sector},
      {"C13", profile_new},     {"C14", profile_new},      {"C15", profile_new},
      {"C16", profile_at_risk}, {"C17", profile_regular},  {"C18", profile_regular},
      {"C19", profile_new},     {"C20", profile_new},      {"C21", profile_new}};
  for (const auto& [id, profile] : customers) ledger.customers.push_back(customer(id, profile));
  ledger.customers[3].had_late_item_before = true;  // C04 paid late last year

  struct Invoice {
    const char* number;
    const char* customer;
    const char* due;
    const char* amount;
  };
  const Invoice invoices[] = {
      {"C01-A", "C01", "2025-01-20", "1200.00"}, {"C02-A", "C02", "2025-01-15", "800.00"},
      {"C03-A", "C03", "2025-01-31", "2500.00"}, {"C04-A", "C04", "2025-01-31", "2500.00"},
      {"C05-A", "C05", "2025-02-10", "2000.00"}, {"C06-A", "C06", "2025-01-25", "950.00"},
      {"C07-A", "C07", "2025-02-05", "1500.00"}, {"C08-A", "C08", "2025-02-05", "3000.00"},
      {"C09-A", "C09", "2025-02-14", "500.00"},  {"C09-B", "C09", "2025-02-14", "700.00"},
      {"C10-A", "C10", "2025-01-10", "1000.00"}, {"C10-B", "C10", "2025-01-24", "1000.00"},
      {"C11-A", "C11", "2025-03-01", "240.00"},  {"C12-A", "C12", "2025-02-28", "18000.00"},
      {"C13-A", "C13", "2025-01-03", "640.00"},  {"C14-A", "C14", "2024-12-20", "4100.00"},
      {"C15-A", "C15", "2025-04-20", "90.00"},   {"C16-A", "C16", "2025-03-15", "1300.00"},
      {"C16-B", "C16", "2025-04-10", "1100.00"}, {"C17-A", "C17", "2025-01-31", "3000.00"},
      {"C17-B", "C17", "2025-02-14", "2000.00"}, {"C18-A", "C18", "2025-02-20", "5000.00"},
      {"C19-A", "C19", "2025-03-10", "760.00"},  {"C20-A", "C20", "2025-03-05", "2400.00"},
      {"C21-A", "C21", "2025-01-20", "300.00"},  {"C21-B", "C21", "2025-06-30", "300.00"}};
  std::int64_t next_id = 1;
  for (const Invoice& inv : invoices) {
    DunningItem i = item(next_id++, inv.customer, inv.due, inv.amount);
    i.number = inv.number;
    ledger.items.push_back(i);
  }

  const Event events[] = {
      {"2025-01-05", "C21-A", Act::pay, "300.00"},  // before its pre-reminder: never a letter
      {"2025-01-14", "C02-A", Act::pay, "800.00"},  // the day before the due date
      {"2025-02-05", "C06-A", Act::open_dispute},   // after reminder 1 (2025-02-01)
      {"2025-02-13", "C08-A", Act::promise, nullptr, "2025-02-16"},
      {"2025-02-14", "C07-A", Act::promise, nullptr, "2025-02-28"},
      {"2025-02-15", "C13-A", Act::pay, "640.00"},
      {"2025-02-20", "C05-A", Act::pay, "800.00"},   // partial: 1,200.00 left
      {"2025-02-27", "C07-A", Act::pay, "1500.00"},  // the promise kept
      {"2025-03-03", "C17-A", Act::pay, "3000.00"},
      {"2025-03-05", "C06-A", Act::close_dispute},
      {"2025-03-05", "C19-A", Act::open_dispute},  // after its pre-reminder
      {"2025-03-10", "C03-A", Act::pay, "2500.00"},
      {"2025-03-14", "C20-A", Act::promise, "1000.00", "2025-03-25"},
      {"2025-03-15", "C16-A", Act::pay, "1300.00"},  // on the due date
      {"2025-03-20", "C04-A", Act::pay, "2500.00"},
      {"2025-03-24", "C20-A", Act::pay, "1000.00"},  // the partial promise kept
      {"2025-03-28", "C09-A", Act::pay, "500.00"},
      {"2025-03-28", "C09-B", Act::pay, "700.00"},
      {"2025-03-30", "C12-A", Act::pay, "18000.00"},
      {"2025-04-02", "C18-A", Act::pay, "1000.00"},  // after the formal notice: no agency
      {"2025-04-10", "C19-A", Act::close_dispute},
  };

  const Date first = d("2025-01-01");
  const Date last = d("2025-04-30");
  int batches = 0;
  for (Date day = first; day <= last; day = day.plus_days(1)) {
    for (const Event& e : events)
      if (d(e.date) == day) ledger.record(e, day);
    ledger.run_batch(day);
    ++batches;
  }
  ASSERT_EQ(batches, 120);

  // Each sequence reasoned from the rules: pre-reminder D-7, reminder 1 D+7, reminder 2 (or the
  // phone call for a regular customer's first late item) D+21, formal notice D+35, agency D+50 when
  // nothing moved since the formal notice, seven days at least between two letters to a customer,
  // one letter per customer and day.
  const std::map<std::string, std::vector<std::string>> expected = {
      // Due 01-20, never paid: every level on its date.
      {"C01",
       {"2025-01-13 pre_reminder C01-A", "2025-01-27 reminder_1 C01-A", "2025-02-10 reminder_2 C01-A",
        "2025-02-24 formal_notice C01-A", "2025-03-11 agency C01-A"}},
      // Due 01-15, paid 01-14: only the courtesy pre-reminder of 01-08.
      {"C02", {"2025-01-08 pre_reminder C02-A"}},
      // Regular, first late item: the phone call at D+21 (02-21); paid 03-10, before the agency (03-22).
      {"C03",
       {"2025-01-24 pre_reminder C03-A", "2025-02-07 reminder_1 C03-A", "2025-02-21 phone_call C03-A",
        "2025-03-07 formal_notice C03-A"}},
      // Regular but late before: reminder 2 by letter; paid 03-20, before the agency (03-22).
      {"C04",
       {"2025-01-24 pre_reminder C04-A", "2025-02-07 reminder_1 C04-A", "2025-02-21 reminder_2 C04-A",
        "2025-03-07 formal_notice C04-A"}},
      // Due 02-10, 800.00 paid 02-20 (after reminder 1): the rest chased; the payment came before the formal
      // notice
      // (03-17), so the agency follows at D+50 (04-01).
      {"C05",
       {"2025-02-03 pre_reminder C05-A", "2025-02-17 reminder_1 C05-A", "2025-03-03 reminder_2 C05-A",
        "2025-03-17 formal_notice C05-A", "2025-04-01 agency C05-A"}},
      // Due 01-25; disputed 02-05 to 03-05 (reminder 2 was due 02-15): reminder 2 the day the dispute
      // closes, the formal notice (due since 03-01) seven days later (03-12), the agency (due 03-16)
      // seven days after that (03-19); the closing (03-05) came before the formal notice.
      {"C06",
       {"2025-01-18 pre_reminder C06-A", "2025-02-01 reminder_1 C06-A", "2025-03-05 reminder_2 C06-A",
        "2025-03-12 formal_notice C06-A", "2025-03-19 agency C06-A"}},
      // Due 02-05; promised 02-14 for 02-28 and paid 02-27: reminder 2 (02-26) held, then nothing.
      {"C07", {"2025-01-29 pre_reminder C07-A", "2025-02-12 reminder_1 C07-A"}},
      // Due 02-05; promised 02-13 for 02-16, not paid: reminder 2 on 02-17 (D+12, five days after
      // reminder 1), then the usual dates: formal notice 03-12, agency 03-27.
      {"C08",
       {"2025-01-29 pre_reminder C08-A", "2025-02-12 reminder_1 C08-A", "2025-02-17 reminder_2 C08-A",
        "2025-03-12 formal_notice C08-A", "2025-03-27 agency C08-A"}},
      // Regular, two invoices due the same day, both first late: one letter or call for both; paid 03-28.
      {"C09",
       {"2025-02-07 pre_reminder C09-A,C09-B", "2025-02-21 reminder_1 C09-A,C09-B",
        "2025-03-07 phone_call C09-A,C09-B", "2025-03-21 formal_notice C09-A,C09-B"}},
      // Two invoices due 01-10 (A) and 01-24 (B): one letter a day at the highest level, seven days
      // apart. 01-17: A's reminder 1 beats B's pre-reminder, which goes on B's due date (01-24);
      // 01-31: A's reminder 2 beats B's reminder 1 (02-07); 02-14: A's formal notice beats B's
      // reminder 2 (02-21); B's formal notice on its date (02-28); A's agency (due 03-01) waits
      // until 03-07; B's agency on its date (03-15).
      {"C10",
       {"2025-01-03 pre_reminder C10-A", "2025-01-17 reminder_1 C10-A", "2025-01-24 pre_reminder C10-B",
        "2025-01-31 reminder_2 C10-A", "2025-02-07 reminder_1 C10-B", "2025-02-14 formal_notice C10-A",
        "2025-02-21 reminder_2 C10-B", "2025-02-28 formal_notice C10-B", "2025-03-07 agency C10-A",
        "2025-03-15 agency C10-B"}},
      // Consumer, due 03-01, never paid: the same levels (its own wording comes from the templates).
      {"C11",
       {"2025-02-22 pre_reminder C11-A", "2025-03-08 reminder_1 C11-A", "2025-03-22 reminder_2 C11-A",
        "2025-04-05 formal_notice C11-A", "2025-04-20 agency C11-A"}},
      // Public sector, due 02-28, paid 03-30.
      {"C12",
       {"2025-02-21 pre_reminder C12-A", "2025-03-07 reminder_1 C12-A", "2025-03-21 reminder_2 C12-A"}},
      // Due 01-03: its pre-reminder (12-27) is caught up on the first day, still before the due date;
      // paid 02-15, after the formal notice (02-07).
      {"C13",
       {"2025-01-01 pre_reminder C13-A", "2025-01-10 reminder_1 C13-A", "2025-01-24 reminder_2 C13-A",
        "2025-02-07 formal_notice C13-A"}},
      // Due 2024-12-20, already late on the first day and never reminded: reminder 1 at once, no
      // pre-reminder; then reminder 2 on 01-10, formal notice 01-24, agency 02-08.
      {"C14",
       {"2025-01-01 reminder_1 C14-A", "2025-01-10 reminder_2 C14-A", "2025-01-24 formal_notice C14-A",
        "2025-02-08 agency C14-A"}},
      // Due 04-20: the window ends before reminder 2 (05-11).
      {"C15", {"2025-04-13 pre_reminder C15-A", "2025-04-27 reminder_1 C15-A"}},
      // At risk: A paid on its due date (03-15); B due 04-10.
      {"C16",
       {"2025-03-08 pre_reminder C16-A", "2025-04-03 pre_reminder C16-B", "2025-04-17 reminder_1 C16-B"}},
      // Regular, A due 01-31 (its first late item: the call on 02-21), B due 02-14. 02-07: A's reminder
      // 1 beats B's pre-reminder, sent on B's due date (02-14); 02-21: A's call beats B's reminder 1
      // (02-28). A is paid 03-03: B is not a first late item (A was late before it), so reminder 2
      // by letter on its date (03-07), formal notice 03-21, agency 04-05.
      {"C17",
       {"2025-01-24 pre_reminder C17-A", "2025-02-07 reminder_1 C17-A", "2025-02-14 pre_reminder C17-B",
        "2025-02-21 phone_call C17-A", "2025-02-28 reminder_1 C17-B", "2025-03-07 reminder_2 C17-B",
        "2025-03-21 formal_notice C17-B", "2025-04-05 agency C17-B"}},
      // Regular, due 02-20: the call on 03-13; 1,000.00 paid 04-02 after the formal notice (03-27):
      // no agency (04-11), nothing more.
      {"C18",
       {"2025-02-13 pre_reminder C18-A", "2025-02-27 reminder_1 C18-A", "2025-03-13 phone_call C18-A",
        "2025-03-27 formal_notice C18-A"}},
      // Due 03-10, disputed 03-05 to 04-10: reminder 1 when it closes (never a skipped level), then one
      // level a week: reminder 2 04-17, formal notice 04-24; the agency (due 04-29) waits for 05-01.
      {"C19",
       {"2025-03-03 pre_reminder C19-A", "2025-04-10 reminder_1 C19-A", "2025-04-17 reminder_2 C19-A",
        "2025-04-24 formal_notice C19-A"}},
      // Due 03-05; promised 03-14 to pay 1,000.00 by 03-25, paid 03-24: kept, so no escalation; the
      // rest follows the usual dates from 03-26 (reminder 2), formal notice 04-09, agency 04-24 (the
      // last movement, 03-24, came before the formal notice).
      {"C20",
       {"2025-02-26 pre_reminder C20-A", "2025-03-12 reminder_1 C20-A", "2025-03-26 reminder_2 C20-A",
        "2025-04-09 formal_notice C20-A", "2025-04-24 agency C20-A"}},
      // A paid before its pre-reminder, B due after the window: no letter.
      {"C21", {}},
  };
  for (const auto& [id, want] : expected) {
    const auto got = ledger.letters.count(id) ? ledger.letters.at(id) : std::vector<std::string>{};
    EXPECT_EQ(got, want) << "customer " << id;
  }
  for (const auto& [id, got] : ledger.letters)
    EXPECT_TRUE(expected.count(id)) << "unexpected letters to " << id;
}
