// The postal channel against a local Pingen API v2 stand-in (tests/support/postal_stub.py, run with
// /usr/bin/python3 on 127.0.0.1): letters created once with the exact PDF bytes, simple and
// registered, transient and permanent failures, Retry-After, timeouts, in-doubt retries through the
// Idempotency-Key, token reuse and status polling.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../../pipeline/src/postal_channel.hpp"
#include "postal_test_stub.hpp"
#include "test_support.hpp"

using nlohmann::json;
using relance::pipeline::detail::Attachment;
using relance::pipeline::detail::make_postal_channel;
using relance::pipeline::detail::OutgoingMessage;
using relance::pipeline::detail::postal_status;
using relance::pipeline::detail::PostalSettings;
using relance::pipeline::detail::PostalStage;
using relance::pipeline::detail::SendResult;
using relance::pipeline::detail::SendStatus;
using relance::testing::PostalStub;
using relance::testing::TempDir;

namespace {

const char* const kEnvNames[] = {"RELANCE_POSTAL_CLIENT_ID", "RELANCE_POSTAL_CLIENT_SECRET",
                                 "RELANCE_POSTAL_ORGANISATION", "RELANCE_POSTAL_URL"};

// Bytes a text transfer would spoil: every byte value, NUL and CR LF included.
std::string pdf_bytes(const std::string& id) {
  std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 256 >>\nstream\n";
  for (int i = 0; i < 256; ++i) pdf += static_cast<char>(i);
  pdf += "\r\n\nendstream\nendobj\n% " + id + "\n%%EOF\n";
  return pdf;
}

OutgoingMessage message(const std::string& id, const std::string& channel = "postal") {
  OutgoingMessage m;
  m.id = id;
  m.channel = channel;
  m.customer_id = "C042";
  m.level = channel == "registered" ? "formal_notice" : "reminder_1";
  m.postal_address = {"Bâtiments Réunis SA", "12 rue de la Paix", "75002 Paris", "FRANCE"};
  m.country_code = "FR";
  m.attachments.push_back(Attachment{"reminder_1-FA-2026-0042.pdf", "application/pdf", pdf_bytes(id)});
  m.attachments.push_back(Attachment{"statement-C042.pdf", "application/pdf", "%PDF-1.7 statement"});
  return m;
}

class PostalChannelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const auto why = relance::testing::postal_stub_unavailable()) GTEST_SKIP() << *why;
    for (const char* name : kEnvNames) {
      const char* v = std::getenv(name);
      saved_.emplace_back(v ? std::optional<std::string>(v) : std::nullopt);
    }
    ::setenv("RELANCE_POSTAL_CLIENT_ID", "stub-client", 1);
    ::setenv("RELANCE_POSTAL_CLIENT_SECRET", "stub-secret", 1);
    ::setenv("RELANCE_POSTAL_ORGANISATION", "stub-org", 1);
    ::unsetenv("RELANCE_POSTAL_URL");
  }

  void TearDown() override {
    stub_.reset();
    for (std::size_t i = 0; i < saved_.size(); ++i) {
      if (saved_[i]) {
        ::setenv(kEnvNames[i], saved_[i]->c_str(), 1);
      } else {
        ::unsetenv(kEnvNames[i]);
      }
    }
  }

  PostalStub& start(const std::vector<std::string>& extra = {}) {
    stub_ = std::make_unique<PostalStub>(tmp_ / "postal-state.json", extra);
    return *stub_;
  }

  PostalSettings settings(long timeout_seconds = 10) const {
    PostalSettings s;
    s.base_url = stub_->url();
    s.identity_url = stub_->url();
    s.timeout_seconds = timeout_seconds;
    return s;
  }

  json letters() const { return stub_->state()["letters"]; }
  std::size_t requests() const { return stub_->state()["requests"].size(); }

  TempDir tmp_;
  std::unique_ptr<PostalStub> stub_;
  std::vector<std::optional<std::string>> saved_;
};

TEST_F(PostalChannelTest, CreatesTheLetterWithThePdfBytesUploadedExactly) {
  start();
  auto channel = make_postal_channel(settings());
  EXPECT_EQ(channel->name(), "postal");
  const auto m = message("msg-0001");
  const SendResult r = channel->send(m);
  ASSERT_EQ(r.status, SendStatus::sent) << r.detail;

  const json all = letters();
  ASSERT_EQ(all.size(), 1u);
  const json& letter = all[0];
  EXPECT_EQ(r.provider_reference, letter["id"].get<std::string>());
  EXPECT_EQ(letter["idempotency_key"], "msg-0001");
  EXPECT_EQ(letter["organisation"], "stub-org");
  EXPECT_EQ(relance::testing::read_file(letter["file_path"].get<std::string>()), m.attachments[0].bytes);
  const json& a = letter["attributes"];
  EXPECT_EQ(a["file_original_name"], "reminder_1-FA-2026-0042.pdf");
  EXPECT_EQ(a["delivery_product"], "cheap");
  EXPECT_EQ(a["address_position"], "right");
  EXPECT_EQ(a["auto_send"], true);
  EXPECT_EQ(a["print_mode"], "simplex");
  EXPECT_EQ(a["print_spectrum"], "grayscale");
  EXPECT_NE(r.detail.find(r.provider_reference), std::string::npos) << r.detail;
}

TEST_F(PostalChannelTest, RegisteredLettersUseTheRegisteredProduct) {
  start();
  auto channel = make_postal_channel(settings());
  ASSERT_EQ(channel->send(message("msg-reg", "registered")).status, SendStatus::sent);

  auto s = settings();
  s.registered = true;  // every letter of this channel registered
  auto registered_channel = make_postal_channel(s);
  ASSERT_EQ(registered_channel->send(message("msg-all-reg")).status, SendStatus::sent);

  const json all = letters();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["attributes"]["delivery_product"], "registered");
  EXPECT_EQ(all[1]["attributes"]["delivery_product"], "registered");
}

TEST_F(PostalChannelTest, ServerErrorIsTransientAndTheRetryCreatesOneLetter) {
  start({"--fault", "create:500:1"});
  auto channel = make_postal_channel(settings());
  const auto m = message("msg-500");
  const SendResult first = channel->send(m);
  EXPECT_EQ(first.status, SendStatus::transient);
  EXPECT_NE(first.detail.find("HTTP 500"), std::string::npos) << first.detail;
  EXPECT_TRUE(letters().empty());

  const SendResult second = channel->send(m);
  ASSERT_EQ(second.status, SendStatus::sent) << second.detail;
  ASSERT_EQ(letters().size(), 1u);
  EXPECT_EQ(stub_->state()["uploads"], 1);  // the retry reused the upload: the same request body
}

TEST_F(PostalChannelTest, RateLimitIsTransientAndRetryAfterIsHonoured) {
  start({"--fault", "create:429:1:1"});
  auto channel = make_postal_channel(settings());
  const auto m = message("msg-429");
  const SendResult first = channel->send(m);
  EXPECT_EQ(first.status, SendStatus::transient);
  EXPECT_NE(first.detail.find("HTTP 429"), std::string::npos) << first.detail;
  EXPECT_NE(first.detail.find("retry after 1 s"), std::string::npos) << first.detail;

  // Within the second the server asked for, the channel does not call it.
  const std::size_t before = requests();
  const SendResult early = channel->send(m);
  EXPECT_EQ(early.status, SendStatus::transient);
  EXPECT_NE(early.detail.find("Retry-After"), std::string::npos) << early.detail;
  EXPECT_EQ(requests(), before);

  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const SendResult later = channel->send(m);
  ASSERT_EQ(later.status, SendStatus::sent) << later.detail;
  EXPECT_EQ(letters().size(), 1u);
}

TEST_F(PostalChannelTest, TimeoutIsTransientAndTheInDoubtRetryFindsTheSameLetter) {
  // The server takes 2.5 s to create the letter; the client gives up after 1 s, not knowing.
  start({"--fault", "create:delay:1:2.5"});
  auto channel = make_postal_channel(settings(1));
  const auto m = message("msg-slow");
  const auto t0 = std::chrono::steady_clock::now();
  const SendResult first = channel->send(m);
  EXPECT_EQ(first.status, SendStatus::transient);
  EXPECT_NE(first.detail.find("timed out"), std::string::npos) << first.detail;
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(2400));

  for (int i = 0; i < 50 && letters().empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(letters().size(), 1u);  // the slow request did create it

  const SendResult retry = channel->send(m);
  ASSERT_EQ(retry.status, SendStatus::sent) << retry.detail;
  EXPECT_EQ(retry.provider_reference, letters()[0]["id"].get<std::string>());
  EXPECT_NE(retry.detail.find("already created"), std::string::npos) << retry.detail;
  EXPECT_EQ(letters().size(), 1u);
}

TEST_F(PostalChannelTest, TheSameMessageSubmittedTwiceIsOneLetter) {
  start();
  const auto m = message("msg-twice");
  // Two processes' worth of channels: a rerun after a crash between the provider's answer and the
  // journal's commit sends the message again.
  const SendResult first = make_postal_channel(settings())->send(m);
  const SendResult second = make_postal_channel(settings())->send(m);
  ASSERT_EQ(first.status, SendStatus::sent) << first.detail;
  ASSERT_EQ(second.status, SendStatus::sent) << second.detail;
  EXPECT_EQ(first.provider_reference, second.provider_reference);
  EXPECT_NE(second.detail.find("already created"), std::string::npos) << second.detail;
  EXPECT_EQ(letters().size(), 1u);

  ASSERT_EQ(make_postal_channel(settings())->send(message("msg-other")).status, SendStatus::sent);
  EXPECT_EQ(letters().size(), 2u);
}

TEST_F(PostalChannelTest, ValidationErrorIsPermanentWithTheApiDetail) {
  start({"--fault", "create:422:1"});
  auto channel = make_postal_channel(settings());
  const SendResult r = channel->send(message("msg-422"));
  EXPECT_EQ(r.status, SendStatus::permanent);
  EXPECT_NE(r.detail.find("HTTP 422"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("The address could not be read in the address window"), std::string::npos)
      << r.detail;
  EXPECT_NE(r.detail.find("/data/attributes/file_url"), std::string::npos) << r.detail;
  EXPECT_TRUE(letters().empty());
}

TEST_F(PostalChannelTest, TheTokenIsFetchedOnceAndReused) {
  start();
  auto channel = make_postal_channel(settings());
  const SendResult a = channel->send(message("msg-a"));
  const SendResult b = channel->send(message("msg-b", "registered"));
  ASSERT_EQ(a.status, SendStatus::sent) << a.detail;
  ASSERT_EQ(b.status, SendStatus::sent) << b.detail;
  EXPECT_EQ(postal_status(*channel, a.provider_reference).status, SendStatus::sent);
  EXPECT_EQ(stub_->state()["token_requests"], 1);
}

TEST_F(PostalChannelTest, AnExpiredTokenIsRenewed) {
  start({"--token-ttl", "2"});  // renewed early: after one second
  auto channel = make_postal_channel(settings());
  ASSERT_EQ(channel->send(message("msg-t1")).status, SendStatus::sent);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  ASSERT_EQ(channel->send(message("msg-t2")).status, SendStatus::sent);
  EXPECT_EQ(stub_->state()["token_requests"], 2);
}

TEST_F(PostalChannelTest, StatusPollingReturnsTheProvidersState) {
  start();
  auto channel = make_postal_channel(settings());
  const SendResult r = channel->send(message("msg-poll", "registered"));
  ASSERT_EQ(r.status, SendStatus::sent) << r.detail;

  auto s = postal_status(*channel, r.provider_reference);
  ASSERT_EQ(s.status, SendStatus::sent) << s.detail;
  EXPECT_EQ(s.provider_state, "validating");
  EXPECT_EQ(s.stage, PostalStage::in_progress);

  stub_->control("POST", "/__control/letters/" + r.provider_reference,
                 R"({"status": "sent", "tracking_number": "RR123456785FR"})");
  s = postal_status(*channel, r.provider_reference);
  ASSERT_EQ(s.status, SendStatus::sent) << s.detail;
  EXPECT_EQ(s.provider_state, "sent");
  EXPECT_EQ(s.stage, PostalStage::sent);
  EXPECT_EQ(s.tracking_number, "RR123456785FR");
  EXPECT_STREQ(to_string(s.stage), "sent");

  stub_->control("POST", "/__control/letters/" + r.provider_reference, R"({"status": "undeliverable"})");
  const auto batch = postal_status(settings(), {r.provider_reference, "no-such-letter"});
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[0].status, SendStatus::sent) << batch[0].detail;
  EXPECT_EQ(batch[0].stage, PostalStage::failed);
  EXPECT_EQ(batch[1].status, SendStatus::permanent);
  EXPECT_NE(batch[1].detail.find("HTTP 404"), std::string::npos) << batch[1].detail;
}

TEST_F(PostalChannelTest, StatusPollingOfAThrottledProviderIsTransient) {
  start({"--fault", "status:503:1:2"});
  auto channel = make_postal_channel(settings());
  const SendResult r = channel->send(message("msg-503"));
  ASSERT_EQ(r.status, SendStatus::sent) << r.detail;
  const auto s = postal_status(*channel, r.provider_reference);
  EXPECT_EQ(s.status, SendStatus::transient);
  EXPECT_EQ(s.retry_after, std::chrono::seconds(2));
  // The wait applies to sending too.
  const SendResult next = channel->send(message("msg-503b"));
  EXPECT_EQ(next.status, SendStatus::transient);
  EXPECT_NE(next.detail.find("Retry-After"), std::string::npos) << next.detail;
}

TEST_F(PostalChannelTest, MissingCredentialsMakeTheChannelUnusableNamingTheVariables) {
  start();
  ::unsetenv("RELANCE_POSTAL_CLIENT_SECRET");
  ::unsetenv("RELANCE_POSTAL_ORGANISATION");
  auto channel = make_postal_channel(settings());
  const SendResult r = channel->send(message("msg-nocred"));
  EXPECT_EQ(r.status, SendStatus::unusable);
  for (const char* name :
       {"RELANCE_POSTAL_CLIENT_ID", "RELANCE_POSTAL_CLIENT_SECRET", "RELANCE_POSTAL_ORGANISATION"}) {
    EXPECT_NE(r.detail.find(name), std::string::npos) << r.detail;
  }
  EXPECT_NE(r.detail.find("unset: RELANCE_POSTAL_CLIENT_SECRET, RELANCE_POSTAL_ORGANISATION"),
            std::string::npos)
      << r.detail;
  EXPECT_EQ(stub_->state()["token_requests"], 0);
}

TEST_F(PostalChannelTest, WrongCredentialsMakeTheChannelUnusableAndTheSecretIsNotRepeated) {
  start();
  ::setenv("RELANCE_POSTAL_CLIENT_SECRET", "not-the-secret-xyz", 1);
  auto channel = make_postal_channel(settings());
  const SendResult r = channel->send(message("msg-badcred"));
  EXPECT_EQ(r.status, SendStatus::unusable);
  EXPECT_NE(r.detail.find("HTTP 401"), std::string::npos) << r.detail;
  EXPECT_NE(r.detail.find("Client authentication failed"), std::string::npos) << r.detail;
  EXPECT_EQ(r.detail.find("not-the-secret-xyz"), std::string::npos) << r.detail;
}

TEST_F(PostalChannelTest, RefusedConnectionIsTransient) {
  start();
  const auto s = settings(2);
  stub_->stop();  // nobody listens on that port any more
  const SendResult r = make_postal_channel(s)->send(message("msg-refused"));
  EXPECT_EQ(r.status, SendStatus::transient) << r.detail;
}

TEST_F(PostalChannelTest, PlainHttpToAnotherHostAndOtherChannelsAreRefused) {
  start();
  auto s = settings();
  s.base_url = "http://api.pingen.example";
  s.identity_url.clear();
  const SendResult r = make_postal_channel(s)->send(message("msg-http"));
  EXPECT_EQ(r.status, SendStatus::unusable);  // the setting, not the letter: it stays queued
  EXPECT_NE(r.detail.find("neither https nor http to 127.0.0.1"), std::string::npos) << r.detail;

  auto channel = make_postal_channel(settings());
  EXPECT_EQ(channel->send(message("msg-email", "email")).status, SendStatus::permanent);
  auto no_pdf = message("msg-nopdf");
  no_pdf.attachments.clear();
  EXPECT_EQ(channel->send(no_pdf).status, SendStatus::permanent);
  EXPECT_EQ(requests(), 0u);

  auto unknown = settings();
  unknown.provider = "carrier-pigeon";
  EXPECT_THROW(make_postal_channel(unknown), std::invalid_argument);
}

}  // namespace
