// The outbox (pipeline/src/outbox*.cpp, ledger_outbox.cpp) through its C++ interface: stable ids,
// idempotent queuing, the state machine pending -> sending -> sent | failed | retry | cancelled,
// backoff times, retries inside and outside a run, messages in doubt after a crash, the re-check
// that cancels a letter whose items were paid, disputed or promised since, and the dispatcher's
// dry run, limit and channel filter, with a scripted channel and a fake clock.

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "../../pipeline/src/channel_registry.hpp"
#include "../../pipeline/src/config.hpp"
#include "../../pipeline/src/digest.hpp"
#include "../../pipeline/src/ledger.hpp"
#include "../../pipeline/src/outbox.hpp"
#include "test_support.hpp"

using relance::Error;
using relance::formats::BankEntry;
using relance::formats::Date;
using relance::formats::Decimal;
using relance::formats::Invoice;
using relance::pipeline::detail::backoff_seconds;
using relance::pipeline::detail::Channel;
using relance::pipeline::detail::ChannelRegistry;
using relance::pipeline::detail::ChannelSet;
using relance::pipeline::detail::Config;
using relance::pipeline::detail::dispatch_outbox;
using relance::pipeline::detail::DispatchClock;
using relance::pipeline::detail::DispatchRequest;
using relance::pipeline::detail::DispatchSummary;
using relance::pipeline::detail::Ledger;
using relance::pipeline::detail::OutboxEntry;
using relance::pipeline::detail::OutboxState;
using relance::pipeline::detail::OutgoingMessage;
using relance::pipeline::detail::QueuedAttachment;
using relance::pipeline::detail::QueuedMessage;
using relance::pipeline::detail::RecordedLetter;
using relance::pipeline::detail::RetryPolicy;
using relance::pipeline::detail::SendResult;
using relance::pipeline::detail::SendStatus;
using relance::pipeline::detail::utc_timestamp;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

Date d(const char* iso) {
  return *Date::parse_iso(iso);
}
Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

Invoice invoice(const std::string& number, const char* issue, const char* due, const char* amount) {
  Invoice inv;
  inv.number = number;
  inv.type_code = "380";
  inv.issue_date = d(issue);
  inv.due_date = d(due);
  inv.currency = "EUR";
  inv.seller.name = "Atelier Dupont SARL";
  inv.seller.vat_id = "FR15901234567";
  inv.buyer.name = "Bâtiments Réunis SA";
  inv.buyer.legal_registration_id = {"812345676", "0002"};
  inv.buyer.vat_id = "FR19812345676";
  inv.buyer.postal_address.line_one = "5 avenue Foch";
  inv.buyer.postal_address.post_code = "75116";
  inv.buyer.postal_address.city = "Paris";
  inv.buyer.postal_address.country_code = "FR";
  inv.buyer.contact.email = "compta@example.fr";
  inv.totals.payable_amount = dec(amount);
  return inv;
}

BankEntry payment(const std::string& reference, const char* value_date, const char* amount,
                  const std::string& text) {
  BankEntry e;
  e.reference = reference;
  e.value_date = d(value_date);
  e.amount = dec(amount);
  e.currency = "EUR";
  e.debtor_name = "BATIMENTS REUNIS";
  e.remittance_unstructured = text;
  e.location = "test:" + reference;
  return e;
}

// A channel that answers from a script (sent when the script is empty) and remembers what it got.
class ScriptedChannel final : public Channel {
 public:
  std::string name() const override { return "scripted"; }
  SendResult send(const OutgoingMessage& message) override {
    received.push_back(message);
    if (script.empty()) return {SendStatus::sent, "ref-" + message.id, "250 OK"};
    SendResult r = script.front();
    script.pop_front();
    return r;
  }
  std::deque<SendResult> script;
  std::vector<OutgoingMessage> received;
};

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp / "letter.pdf", "%PDF-1.7 the letter");
    write_file(tmp / "statement.pdf", "%PDF-1.7 the statement");
    ledger->import_invoices({{invoice("FA-1", "2026-11-02", "2026-12-02", "100.00"), "a.xml"},
                             {invoice("FA-2", "2026-11-03", "2026-12-03", "50.00"), "b.xml"}});
    const auto items = ledger->open_items();
    ASSERT_EQ(items.size(), 2u);
    customer = items[0].customer_id;
    fa1 = items[0].id;
    fa2 = items[1].id;
  }

  QueuedMessage message(const std::string& on = "email", const char* as_of = "2026-12-09",
                        std::vector<std::int64_t> items = {}) {
    QueuedMessage m;
    m.as_of = d(as_of);
    m.customer_id = customer;
    m.level = "reminder_1";
    m.channel = on;
    m.id = relance::pipeline::detail::outbox_message_id(m.as_of, m.customer_id, m.level, m.channel);
    m.recipient_name = "Bâtiments Réunis SA";
    if (on == "email")
      m.emails = {"compta@example.fr"};
    else
      m.postal_address = {"Bâtiments Réunis SA", "5 avenue Foch", "75116 Paris"};
    m.country_code = "FR";
    m.subject = "Relance";
    m.text_body = "Bonjour";
    m.attachments = {
        QueuedAttachment{"reminder_1.pdf", "application/pdf", (tmp / "letter.pdf").string(),
                         relance::pipeline::detail::sha256_hex("%PDF-1.7 the letter")},
        QueuedAttachment{"statement.pdf", "application/pdf", (tmp / "statement.pdf").string(), ""}};
    m.item_ids = items.empty() ? std::vector<std::int64_t>{fa1} : items;
    return m;
  }

  // A dispatch at the fake clock's time, through the scripted channel for every transport.
  DispatchSummary dispatch(DispatchRequest request = {}) {
    if (request.as_of == Date::from_days(0)) request.as_of = d("2026-12-10");
    ChannelRegistry registry;
    registry.add("spool", [this](const Config&) {
      ++channels_made;
      return std::unique_ptr<Channel>(new Forwarder(channel));
    });
    ChannelSet set(std::move(registry), Config{});
    return dispatch_outbox(*ledger, set, request, clock);
  }

  OutboxEntry entry(const std::string& id) {
    auto e = ledger->outbox_entry(id);
    EXPECT_TRUE(e.has_value()) << id;
    return e.value_or(OutboxEntry{});
  }

  // The channel the registry makes forwards to `channel`, which the test keeps.
  class Forwarder final : public Channel {
   public:
    explicit Forwarder(ScriptedChannel& target) : target_(target) {}
    std::string name() const override { return "spool"; }
    SendResult send(const OutgoingMessage& m) override { return target_.send(m); }

   private:
    ScriptedChannel& target_;
  };

  TempDir tmp;
  std::unique_ptr<Ledger> ledger = Ledger::open(tmp / "relance.db");
  std::string customer;
  std::int64_t fa1 = 0, fa2 = 0;
  ScriptedChannel channel;
  int channels_made = 0;
  std::int64_t now = 1796000000;  // 2026-11-30T...
  std::int64_t slept = 0;
  DispatchClock clock{[this] { return now; },
                      [this](std::int64_t s) {
                        if (s > 0) {
                          now += s;
                          slept += s;
                        }
                      }};
};

}  // namespace

// ---- Helpers

TEST(OutboxIds, AreStableAndDependOnDateCustomerLevelAndChannel) {
  using relance::pipeline::detail::outbox_message_id;
  const std::string id = outbox_message_id(d("2026-12-09"), "C-BR", "reminder_1", "email");
  EXPECT_EQ(id.size(), 27u);
  EXPECT_EQ(id.rfind("rl-", 0), 0u);
  EXPECT_EQ(id.substr(3),
            relance::pipeline::detail::sha256_hex("2026-12-09|C-BR|reminder_1|email").substr(0, 24));
  EXPECT_EQ(id, outbox_message_id(d("2026-12-09"), "C-BR", "reminder_1", "email"));
  EXPECT_NE(id, outbox_message_id(d("2026-12-09"), "C-BR", "reminder_1", "postal"));
  EXPECT_NE(id, outbox_message_id(d("2026-12-10"), "C-BR", "reminder_1", "email"));
  EXPECT_NE(id, outbox_message_id(d("2026-12-09"), "C-HB", "reminder_1", "email"));
}

TEST(OutboxTimes, UtcTimestampsRoundTrip) {
  using relance::pipeline::detail::parse_utc_timestamp;
  EXPECT_EQ(utc_timestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(utc_timestamp(1795910400 + 9 * 3600 + 30 * 60 + 5), "2026-11-29T09:30:05Z");
  EXPECT_EQ(parse_utc_timestamp("2026-11-29T09:30:05Z"), 1795910400 + 9 * 3600 + 30 * 60 + 5);
  EXPECT_FALSE(parse_utc_timestamp("2026-11-29 09:30:05"));
  EXPECT_FALSE(parse_utc_timestamp("2026-11-29T25:30:05Z"));
}

TEST(OutboxBackoff, DoublesFromTheBaseUpToAnHour) {
  const RetryPolicy p;  // base 30 s, cap 1 h
  EXPECT_EQ(backoff_seconds(p, 1), 30);
  EXPECT_EQ(backoff_seconds(p, 2), 60);
  EXPECT_EQ(backoff_seconds(p, 3), 120);
  EXPECT_EQ(backoff_seconds(p, 7), 1920);
  EXPECT_EQ(backoff_seconds(p, 8), 3600);
  EXPECT_EQ(backoff_seconds(p, 60), 3600);
}

// ---- Queuing

TEST_F(OutboxTest, QueuingTheSameMessagesTwiceQueuesNothingNew) {
  const auto m = message();
  EXPECT_EQ(ledger->enqueue({m, message("postal")}, now), 2u);
  EXPECT_EQ(ledger->enqueue({m, message("postal")}, now + 100), 0u);
  const auto all = ledger->outbox_entries();
  ASSERT_EQ(all.size(), 2u);
  const OutboxEntry& e = all[0];
  EXPECT_EQ(e.message.id, m.id);
  EXPECT_EQ(e.state, OutboxState::pending);
  EXPECT_EQ(e.attempts, 0);
  EXPECT_EQ(e.queued_at, utc_timestamp(now));
  EXPECT_EQ(e.message.emails, m.emails);
  EXPECT_EQ(e.message.item_ids, std::vector<std::int64_t>{fa1});
  ASSERT_EQ(e.message.attachments.size(), 2u);
  EXPECT_EQ(e.message.attachments[0].filename, "reminder_1.pdf");  // the letter first
  EXPECT_EQ(all[1].message.postal_address.size(), 3u);
  ASSERT_EQ(ledger->outbox_events(m.id).size(), 1u);
  // Unknown customers are refused.
  auto stranger = message();
  stranger.id = "rl-stranger";
  stranger.customer_id = "nobody";
  EXPECT_THROW(ledger->enqueue({stranger}, now), Error);
}

TEST_F(OutboxTest, ARecordedBatchQueuesItsMessagesOnceInTheSameTransaction) {
  RecordedLetter letter;
  letter.customer_id = customer;
  letter.level = "reminder_1";
  letter.channels = {"email", "postal"};
  letter.item_ids = {fa1};
  letter.total = dec("100.00");
  letter.currency = "EUR";
  ledger->record_batch(d("2026-12-09"), {letter}, {message("email"), message("postal")});
  EXPECT_EQ(ledger->outbox_entries().size(), 2u);
  // The batch is recorded once: a second remind on the date queues nothing.
  EXPECT_THROW(ledger->record_batch(d("2026-12-09"), {letter}, {message("email")}), Error);
  EXPECT_EQ(ledger->outbox_entries().size(), 2u);
  // A message without its letter rolls the whole batch back.
  auto orphan = message("email", "2026-12-16");
  orphan.customer_id = "nobody";
  EXPECT_THROW(ledger->record_batch(d("2026-12-16"), {letter}, {orphan}), Error);
  EXPECT_FALSE(ledger->batch_recorded(d("2026-12-16")));
  EXPECT_EQ(ledger->outbox_entries().size(), 2u);
}

// ---- Transitions

TEST_F(OutboxTest, PendingSendingSentWithTheProviderReference) {
  const auto m = message();
  ledger->enqueue({m}, now);
  EXPECT_TRUE(ledger->outbox_begin(m.id, "smtp", now + 1));
  EXPECT_EQ(entry(m.id).state, OutboxState::sending);
  EXPECT_EQ(entry(m.id).attempts, 1);
  EXPECT_FALSE(ledger->outbox_begin(m.id, "smtp", now + 2));  // already taken
  ledger->outbox_sent(m.id, "<rl-x@example.fr>", "250 2.0.0 Ok: queued as 4F2A", now + 3);
  const OutboxEntry e = entry(m.id);
  EXPECT_EQ(e.state, OutboxState::sent);
  EXPECT_EQ(e.transport, "smtp");
  EXPECT_EQ(e.provider_reference, "<rl-x@example.fr>");
  EXPECT_EQ(e.last_answer, "250 2.0.0 Ok: queued as 4F2A");
  EXPECT_EQ(e.finished_at, utc_timestamp(now + 3));
  EXPECT_FALSE(e.next_attempt_at);
  const auto events = ledger->outbox_events(m.id);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].state, OutboxState::pending);
  EXPECT_EQ(events[1].state, OutboxState::sending);
  EXPECT_EQ(events[1].attempt, 1);
  EXPECT_EQ(events[2].state, OutboxState::sent);
  EXPECT_EQ(events[2].provider_reference, "<rl-x@example.fr>");
  // A finished message cannot be sent, cancelled or failed again.
  EXPECT_FALSE(ledger->outbox_begin(m.id, "smtp", now + 4));
  EXPECT_FALSE(ledger->outbox_cancel(m.id, "late", now + 4));
  EXPECT_THROW(ledger->outbox_failed(m.id, "x", now + 4), Error);
}

TEST_F(OutboxTest, ATransientFailureIsRetriedWithBackoffAndSentOnceItIsDue) {
  const auto m = message();
  ledger->enqueue({m}, now);
  channel.script = {{SendStatus::transient, "", "451 4.7.1 Try again later"}};
  DispatchRequest r;
  r.retry.retry_window_seconds = 0;  // no retry inside the run
  const auto first = dispatch(r);
  EXPECT_EQ(first.retry_later, 1u);
  EXPECT_EQ(first.sent, 0u);
  OutboxEntry e = entry(m.id);
  EXPECT_EQ(e.state, OutboxState::retry);
  EXPECT_EQ(e.attempts, 1);
  EXPECT_EQ(e.next_attempt_at, utc_timestamp(now + 30));
  EXPECT_EQ(e.last_answer, "451 4.7.1 Try again later");
  EXPECT_EQ(slept, 0);

  now += 10;  // not due yet: a run takes nothing
  EXPECT_EQ(dispatch(r).due, 0u);
  EXPECT_EQ(channel.received.size(), 1u);

  now += 20;
  const auto second = dispatch(r);
  EXPECT_EQ(second.sent, 1u);
  e = entry(m.id);
  EXPECT_EQ(e.state, OutboxState::sent);
  EXPECT_EQ(e.attempts, 2);
  ASSERT_EQ(channel.received.size(), 2u);
  EXPECT_EQ(channel.received[0].id, channel.received[1].id);
}

TEST_F(OutboxTest, RetriesDueWithinTheWindowAreMadeInTheSameRun) {
  const auto m = message();
  ledger->enqueue({m}, now);
  channel.script = {{SendStatus::transient, "", "451 busy"}, {SendStatus::transient, "", "421 closing"}};
  const auto s = dispatch();  // window 60 s: waits 30 s, then 60 s, then sends
  EXPECT_EQ(s.sent, 1u);
  EXPECT_EQ(s.retry_later, 0u);
  EXPECT_EQ(slept, 90);
  EXPECT_EQ(channel.received.size(), 3u);
  EXPECT_EQ(entry(m.id).attempts, 3);
  EXPECT_EQ(entry(m.id).state, OutboxState::sent);
  // The third wait (120 s) is outside the window: left for the next run.
  const auto m2 = message("postal");
  ledger->enqueue({m2}, now);
  channel.script = {
      {SendStatus::transient, "", "a"}, {SendStatus::transient, "", "b"}, {SendStatus::transient, "", "c"}};
  const auto later = dispatch();
  EXPECT_EQ(later.retry_later, 1u);
  EXPECT_EQ(entry(m2.id).state, OutboxState::retry);
  EXPECT_EQ(entry(m2.id).attempts, 3);
  EXPECT_EQ(entry(m2.id).next_attempt_at, utc_timestamp(now + 120));
}

TEST_F(OutboxTest, APermanentFailureOrTooManyAttemptsFailsWithTheServersAnswer) {
  const auto m = message();
  const auto p = message("postal");
  ledger->enqueue({m, p}, now);
  channel.script = {{SendStatus::permanent, "", "550 5.1.1 <compta@example.fr>: Recipient address rejected"},
                    {SendStatus::transient, "", "HTTP 503"},
                    {SendStatus::transient, "", "HTTP 503 again"}};
  DispatchRequest r;
  r.retry.max_attempts = 2;
  const auto s = dispatch(r);
  EXPECT_EQ(s.failed, 2u);
  EXPECT_EQ(entry(m.id).state, OutboxState::failed);
  EXPECT_EQ(entry(m.id).last_answer, "550 5.1.1 <compta@example.fr>: Recipient address rejected");
  EXPECT_EQ(entry(p.id).state, OutboxState::failed);
  EXPECT_EQ(entry(p.id).attempts, 2);
  EXPECT_NE(entry(p.id).last_answer.find("gave up after 2 attempts"), std::string::npos)
      << entry(p.id).last_answer;
  EXPECT_NE(entry(p.id).last_answer.find("HTTP 503 again"), std::string::npos);
  // Failed messages are not taken again.
  EXPECT_EQ(dispatch(r).due, 0u);
}

// A transport that refuses us (wrong password, rejected certificate) fails no message: the one it
// refused goes back to pending with no attempt counted, the others of that transport are not tried
// in this run, and the next run, once the setting is right, sends them all.
TEST_F(OutboxTest, ATransportThatRefusesUsLeavesItsMessagesQueued) {
  const auto m = message();
  const auto p = message("postal");
  ledger->enqueue({m, p}, now);
  channel.script = {{SendStatus::unusable, "", "535 5.7.8 Authentication credentials invalid"}};
  const auto s = dispatch();
  EXPECT_EQ(s.sent, 0u);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_EQ(s.not_attempted, 2u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_NE(s.errors[0].find("refuses us: 535 5.7.8"), std::string::npos) << s.errors[0];
  EXPECT_EQ(channel.received.size(), 1u);  // the second message was not tried
  for (const auto& id : {m.id, p.id}) {
    EXPECT_EQ(entry(id).state, OutboxState::pending) << id;
    EXPECT_EQ(entry(id).attempts, 0) << id;
  }
  EXPECT_NE(entry(m.id).last_answer.find("535"), std::string::npos) << entry(m.id).last_answer;

  const auto fixed = dispatch();
  EXPECT_EQ(fixed.sent, 2u);
  EXPECT_EQ(entry(m.id).attempts, 1);
}

TEST_F(OutboxTest, AMessageLeftInSendingIsInDoubtAndSentAgainUnderTheSameId) {
  const auto m = message();
  ledger->enqueue({m}, now);
  ASSERT_TRUE(ledger->outbox_begin(m.id, "spool", now));  // then the process dies
  ledger.reset();
  ledger = Ledger::open(tmp / "relance.db");
  EXPECT_EQ(entry(m.id).state, OutboxState::sending);

  now += 5;
  const auto s = dispatch();
  EXPECT_EQ(s.in_doubt, 1u);
  EXPECT_EQ(s.sent, 1u);
  ASSERT_EQ(channel.received.size(), 1u);
  EXPECT_EQ(channel.received[0].id, m.id);
  const OutboxEntry e = entry(m.id);
  EXPECT_EQ(e.state, OutboxState::sent);
  EXPECT_TRUE(e.in_doubt);
  EXPECT_EQ(e.attempts, 2);
  bool flagged = false;
  for (const auto& ev : ledger->outbox_events(m.id))
    flagged = flagged || (ev.state == OutboxState::retry && ev.in_doubt);
  EXPECT_TRUE(flagged);
}

// ---- The re-check before sending

TEST_F(OutboxTest, ALetterWhoseItemsWerePaidDisputedOrPromisedIsCancelled) {
  const auto paid = message("email", "2026-12-09", {fa1});
  const auto both = message("postal", "2026-12-09", {fa1, fa2});
  ledger->enqueue({paid, both}, now);
  ledger->import_payments({payment("P1", "2026-12-09", "100.00", "FA-1")}, "bank");
  // FA-2 still owed: the letter about FA-1 and FA-2 goes.
  auto s = dispatch();
  EXPECT_EQ(s.cancelled, 1u);
  EXPECT_EQ(s.sent, 1u);
  EXPECT_EQ(entry(paid.id).state, OutboxState::cancelled);
  EXPECT_NE(entry(paid.id).last_answer.find("FA-1 paid"), std::string::npos) << entry(paid.id).last_answer;
  EXPECT_EQ(entry(both.id).state, OutboxState::sent);
  ASSERT_EQ(channel.received.size(), 1u);
  EXPECT_EQ(channel.received[0].id, both.id);

  // FA-2 disputed, or promised for a date not past: cancelled too; a broken promise is no reason.
  const auto disputed = message("email", "2026-12-16", {fa2});
  ledger->enqueue({disputed}, now);
  ledger->open_dispute("FA-2", d("2026-12-12"), "chaises abîmées");
  s = dispatch();
  EXPECT_EQ(s.cancelled, 1u);
  EXPECT_NE(entry(disputed.id).last_answer.find("FA-2 disputed since 2026-12-12"), std::string::npos);
  ledger->close_dispute("FA-2", d("2026-12-13"), "remplacées");

  const auto promised = message("email", "2026-12-23", {fa2});
  ledger->enqueue({promised}, now);
  ledger->add_promise("FA-2", d("2026-12-31"), std::nullopt, d("2026-12-14"));
  DispatchRequest on_time;
  on_time.as_of = d("2026-12-24");
  EXPECT_EQ(dispatch(on_time).cancelled, 1u);
  EXPECT_NE(entry(promised.id).last_answer.find("FA-2 promised for 2026-12-31"), std::string::npos);

  const auto broken = message("email", "2027-01-06", {fa2});
  ledger->enqueue({broken}, now);
  DispatchRequest after;
  after.as_of = d("2027-01-06");
  EXPECT_EQ(dispatch(after).sent, 1u);
  EXPECT_EQ(entry(broken.id).state, OutboxState::sent);
}

TEST_F(OutboxTest, AnAttachmentChangedSinceQueuingFailsTheMessage) {
  const auto m = message();
  ledger->enqueue({m}, now);
  write_file(tmp / "letter.pdf", "%PDF-1.7 another letter");
  const auto s = dispatch();
  EXPECT_EQ(s.failed, 1u);
  EXPECT_TRUE(channel.received.empty());
  EXPECT_NE(entry(m.id).last_answer.find("changed since the message was queued"), std::string::npos);
}

TEST_F(OutboxTest, TheChannelGetsTheAttachmentsBytesInOrder) {
  ledger->enqueue({message()}, now);
  dispatch();
  ASSERT_EQ(channel.received.size(), 1u);
  const OutgoingMessage& out = channel.received[0];
  ASSERT_EQ(out.attachments.size(), 2u);
  EXPECT_EQ(out.attachments[0].bytes, "%PDF-1.7 the letter");
  EXPECT_EQ(out.attachments[1].bytes, "%PDF-1.7 the statement");
  EXPECT_EQ(out.to, std::vector<std::string>{"compta@example.fr"});
  EXPECT_EQ(out.channel, "email");
  EXPECT_EQ(channels_made, 1);  // one channel for the run, whatever the number of messages
}

// ---- The dispatcher's options

TEST_F(OutboxTest, ADryRunSendsNothingAndChangesNothing) {
  const auto m = message();
  ledger->enqueue({m}, now);
  DispatchRequest r;
  r.dry_run = true;
  const auto s = dispatch(r);
  EXPECT_EQ(s.sent, 1u);  // would send
  EXPECT_TRUE(channel.received.empty());
  EXPECT_EQ(channels_made, 0);
  EXPECT_EQ(entry(m.id).state, OutboxState::pending);
  EXPECT_EQ(ledger->outbox_events(m.id).size(), 1u);
}

TEST_F(OutboxTest, LimitAndChannelChooseWhatGoes) {
  const auto a = message("email", "2026-12-09");
  const auto b = message("postal", "2026-12-09");
  const auto c = message("email", "2026-12-16");
  ledger->enqueue({a, b, c}, now);
  DispatchRequest postal_only;
  postal_only.only_channel = "postal";
  EXPECT_EQ(dispatch(postal_only).sent, 1u);
  EXPECT_EQ(entry(b.id).state, OutboxState::sent);
  EXPECT_EQ(entry(a.id).state, OutboxState::pending);

  DispatchRequest one;
  one.limit = 1;
  const auto s = dispatch(one);
  EXPECT_EQ(s.sent, 1u);
  EXPECT_EQ(s.not_attempted, 1u);
  EXPECT_EQ(entry(a.id).state, OutboxState::sent);  // queue order
  EXPECT_EQ(entry(c.id).state, OutboxState::pending);
  EXPECT_EQ(dispatch().sent, 1u);
  EXPECT_EQ(dispatch().due, 0u);
}

TEST_F(OutboxTest, ATransportThatCannotBeMadeLeavesItsMessagesQueued) {
  const auto m = message();
  ledger->enqueue({m}, now);
  Config config;
  config.dispatch.channels["email"] = "smtp";
  ChannelSet set(ChannelRegistry{}, config);  // no transport at all
  DispatchRequest r;
  r.as_of = d("2026-12-10");
  const auto s = dispatch_outbox(*ledger, set, r, clock);
  EXPECT_EQ(s.not_attempted, 1u);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_NE(s.errors[0].find("smtp"), std::string::npos) << s.errors[0];
  EXPECT_EQ(entry(m.id).state, OutboxState::pending);

  ChannelRegistry failing;
  failing.add("smtp", [](const Config&) -> std::unique_ptr<Channel> {
    throw std::runtime_error("RELANCE_SMTP_URL is not set");
  });
  ChannelSet set2(std::move(failing), config);
  const auto s2 = dispatch_outbox(*ledger, set2, r, clock);
  ASSERT_EQ(s2.errors.size(), 1u);
  EXPECT_NE(s2.errors[0].find("RELANCE_SMTP_URL is not set"), std::string::npos) << s2.errors[0];
  EXPECT_EQ(entry(m.id).state, OutboxState::pending);
}
