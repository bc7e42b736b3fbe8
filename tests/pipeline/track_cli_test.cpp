// relance track end to end: two letters posted through the local Pingen stand-in
// (tests/support/postal_stub.py) by relance dispatch, then asked about as the provider moves them
// along: the journal records each stage, the provider's word and the tracking number, each change
// once, final letters are not asked again, and a provider that does not answer changes nothing.

#include <gtest/gtest.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "../../pipeline/src/ledger.hpp"
#include "../../pipeline/src/outbox.hpp"
#include "postal_test_stub.hpp"
#include "test_support.hpp"

using relance::formats::Date;
using relance::pipeline::detail::Ledger;
using relance::pipeline::detail::outbox_message_id;
using relance::pipeline::detail::OutboxEntry;
using relance::pipeline::detail::OutboxState;
using relance::pipeline::detail::QueuedAttachment;
using relance::pipeline::detail::QueuedMessage;
using relance::testing::PostalStub;
using relance::testing::run_command;
using relance::testing::ScopedEnv;
using relance::testing::TempDir;
using relance::testing::write_file;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class TrackCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const auto why = relance::testing::postal_stub_unavailable()) GTEST_SKIP() << *why;
    stub_ =
        std::make_unique<PostalStub>(tmp_ / "postal-state.json", std::vector<std::string>{"--lazy-state"});
    auto ledger = Ledger::open(db());
    ASSERT_TRUE(
        ledger
            ->import_customers_csv("id,name,address_line1,post_code,city,country\n"
                                   "C-1,Bâtiments Réunis SA,5 avenue Foch,75116,Paris,FR\n"
                                   "C-2,Hôtel des Brotteaux SARL,5 boulevard des Brotteaux,69006,Lyon,FR\n",
                                   "customers.csv")
            .diagnostics.empty());
    std::vector<QueuedMessage> messages;
    for (const auto& [customer, channel] : {std::pair{"C-1", "postal"}, std::pair{"C-2", "registered"}}) {
      QueuedMessage m;
      m.as_of = *Date::parse_iso("2026-12-09");
      m.customer_id = customer;
      m.channel = channel;
      m.level = std::string(channel) == "registered" ? "formal_notice" : "reminder_2";
      m.id = outbox_message_id(m.as_of, m.customer_id, m.level, m.channel);
      m.postal_address = {customer, "5 avenue Foch", "75116 Paris", "FRANCE"};
      m.country_code = "FR";
      const fs::path pdf = tmp_ / (std::string(customer) + ".pdf");
      write_file(pdf, "%PDF-1.4\n% " + m.level + "\n%%EOF\n");
      m.attachments = {QueuedAttachment{m.level + ".pdf", "application/pdf", pdf.string(), ""}};
      ids_[channel] = m.id;
      messages.push_back(std::move(m));
    }
    ASSERT_EQ(ledger->enqueue(messages, static_cast<std::int64_t>(std::time(nullptr))), 2u);
    write_file(config(),
               "[dispatch.channels]\npostal = \"postal\"\nregistered = \"postal\"\n\n"
               "[dispatch.postal]\nurl = \"" +
                   stub_->url() + "\"\n");
    const auto sent = relance({"dispatch", "--as-of", "2026-12-09"});
    ASSERT_EQ(sent.exit_code, 0) << sent.out << sent.err;
  }

  std::string db() const { return (tmp_ / "relance.db").string(); }
  std::string config() const { return (tmp_ / "relance.toml").string(); }

  relance::testing::CommandResult relance(std::vector<std::string> args) {
    args.insert(args.begin(), RELANCE_EXE);
    args.insert(args.end(), {"--db", db(), "--config", config()});
    return run_command(args);
  }

  OutboxEntry entry(const std::string& channel) const {
    return *Ledger::open(db(), false)->outbox_entry(ids_.at(channel));
  }

  TempDir tmp_;
  ScopedEnv client_id_{"RELANCE_POSTAL_CLIENT_ID", relance::testing::kPostalStubClientId};
  ScopedEnv client_secret_{"RELANCE_POSTAL_CLIENT_SECRET", relance::testing::kPostalStubClientSecret};
  ScopedEnv organisation_{"RELANCE_POSTAL_ORGANISATION", relance::testing::kPostalStubOrganisation};
  ScopedEnv url_{"RELANCE_POSTAL_URL", std::nullopt};
  std::unique_ptr<PostalStub> stub_;
  std::map<std::string, std::string> ids_;  // channel -> message id
};

}  // namespace

TEST_F(TrackCli, RecordsEachStageOnceAndStopsAskingAboutFinalLetters) {
  const OutboxEntry posted = entry("registered");
  ASSERT_EQ(posted.state, OutboxState::sent);
  ASSERT_EQ(posted.transport, "postal");
  EXPECT_TRUE(posted.delivery_stage.empty());

  // Just posted: the provider is validating both.
  const auto first = relance({"track"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_TRUE(has(first.out, "2 posted letter(s) asked, 2 changed, 2 in_progress")) << first.out;
  EXPECT_TRUE(has(first.out, ids_["registered"] + "  C-2  formal_notice (registered): posted -> in_progress"))
      << first.out;
  EXPECT_EQ(entry("postal").delivery_stage, "in_progress");
  EXPECT_EQ(entry("postal").delivery_state, "validating");
  EXPECT_FALSE(entry("postal").tracked_at.empty());

  // The registered letter is delivered with its tracking number; the other one is on its way.
  stub_->control("POST", "/__control/letters/" + entry("registered").provider_reference,
                 R"({"status": "delivered", "tracking_number": "1A23456789012"})");
  stub_->control("POST", "/__control/letters/" + entry("postal").provider_reference, R"({"status": "sent"})");
  const auto second = relance({"track"});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_TRUE(has(second.out, "in_progress -> delivered (delivered), tracking 1A23456789012")) << second.out;
  EXPECT_TRUE(has(second.out, "in_progress -> sent (sent)")) << second.out;
  EXPECT_TRUE(has(second.out, "2 posted letter(s) asked, 2 changed, 1 delivered, 1 sent")) << second.out;
  const OutboxEntry delivered = entry("registered");
  EXPECT_EQ(delivered.delivery_stage, "delivered");
  EXPECT_EQ(delivered.tracking_number, "1A23456789012");
  EXPECT_EQ(delivered.state, OutboxState::sent);  // tracking never changes what the dispatch did

  // Each change is one event of the message, in order.
  std::vector<std::string> tracked;
  for (const auto& ev : Ledger::open(db(), false)->outbox_events(ids_["registered"]))
    if (has(ev.detail, "tracked: ")) tracked.push_back(ev.detail);
  EXPECT_EQ(tracked, (std::vector<std::string>{"tracked: in_progress (validating)",
                                               "tracked: delivered (delivered), tracking 1A23456789012"}));

  // A delivered letter is not asked about again; asking again about what did not move adds nothing.
  const std::size_t events = Ledger::open(db(), false)->outbox_events(ids_["registered"]).size();
  const auto third = relance({"track"});
  ASSERT_EQ(third.exit_code, 0) << third.out << third.err;
  EXPECT_TRUE(has(third.out, "1 posted letter(s) asked, 0 changed, 1 sent")) << third.out;
  const auto all = relance({"track", "--all"});
  EXPECT_TRUE(has(all.out, "2 posted letter(s) asked, 0 changed")) << all.out;
  EXPECT_EQ(Ledger::open(db(), false)->outbox_events(ids_["registered"]).size(), events);
}

TEST_F(TrackCli, AProviderThatDoesNotAnswerChangesNothingAndExitsOne) {
  ASSERT_EQ(relance({"track"}).exit_code, 0);
  const OutboxEntry before = entry("postal");
  stub_->stop();  // nobody listens any more
  const auto r = relance({"track"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "not answered now, ask again later")) << r.err;
  EXPECT_TRUE(has(r.out, "2 posted letter(s) asked, 0 changed, 2 not answered")) << r.out;
  EXPECT_EQ(entry("postal").tracked_at, before.tracked_at);
  EXPECT_EQ(entry("postal").delivery_stage, "in_progress");
}

TEST_F(TrackCli, RefusedCredentialsAreSaidOnceAndNothingChanges) {
  ASSERT_EQ(relance({"track"}).exit_code, 0);
  const ScopedEnv wrong("RELANCE_POSTAL_CLIENT_SECRET", "not-the-secret");
  const auto r = relance({"track"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has(r.err, "the provider refuses us")) << r.err;
  EXPECT_EQ(r.err.find("refuses us", r.err.find("refuses us") + 1), std::string::npos)
      << "said once: " << r.err;
  EXPECT_TRUE(has(r.out, "2 posted letter(s) asked, 0 changed, 2 not answered")) << r.out;
  EXPECT_EQ(entry("postal").delivery_stage, "in_progress");
}

TEST(TrackCliAlone, NothingPostedIsSaidAndSucceeds) {
  TempDir tmp;
  ASSERT_TRUE(Ledger::open(tmp / "relance.db") != nullptr);
  const auto r = run_command({RELANCE_EXE, "track", "--db", (tmp / "relance.db").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "no posted letter to ask about")) << r.out;
}
