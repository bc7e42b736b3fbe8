// The SMTP channel (pipeline/src/smtp_channel.cpp) and the MIME builder (pipeline/src/mime.cpp)
// against a real SMTP server on 127.0.0.1: tests/support/smtp_server.py (Debian's
// python3-aiosmtpd, run with /usr/bin/python3), started and stopped by each test. Every received
// message is parsed back by Python's email package (`smtp_server.py parse`), an independent
// MIME reader: headers decoded per RFC 2047/2231, bodies, attachments byte for byte.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../../pipeline/src/mime.hpp"
#include "../../pipeline/src/smtp_channel.hpp"
#include "pdf_fixture.hpp"
#include "smtp_test_server.hpp"
#include "test_support.hpp"

using nlohmann::json;
using relance::pipeline::detail::Attachment;
using relance::pipeline::detail::build_mime_message;
using relance::pipeline::detail::InvalidMessage;
using relance::pipeline::detail::make_smtp_channel;
using relance::pipeline::detail::MimeHeaders;
using relance::pipeline::detail::OutgoingMessage;
using relance::pipeline::detail::SendResult;
using relance::pipeline::detail::SendStatus;
using relance::pipeline::detail::SmtpSettings;
using relance::testing::run_command;
using relance::testing::smtp_server_script;
using relance::testing::smtp_server_unavailable;
using relance::testing::SmtpServer;
using relance::testing::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

// A TCP port on 127.0.0.1 nobody listens on (bound, then released).
int unused_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

std::string to_hex(const std::string& bytes) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

std::string lf(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

const json* header(const json& message, const std::string& name) {
  for (const json& h : message["headers"])
    if (h["name"].get<std::string>() == name) return &h;
  return nullptr;
}

int header_count(const json& message, const std::string& name) {
  int n = 0;
  for (const json& h : message["headers"])
    if (h["name"].get<std::string>() == name) ++n;
  return n;
}

std::string value(const json& message, const std::string& name) {
  const json* h = header(message, name);
  return h ? (*h)["value"].get<std::string>() : std::string("<missing " + name + ">");
}

// Every byte value, and the SMTP end-of-data sequence, which must survive transport.
std::string binary_blob() {
  std::string bytes = "%PDF-1.7\r\n%\xE2\xE3\xCF\xD3\r\n";
  for (int round = 0; round < 40; ++round)
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>((b * 7 + round) & 0xFF);
  bytes += "\r\n.\r\n..\r\n.\n\r.\rFrom here\r\n%%EOF\r\n";
  return bytes;
}

MimeHeaders mime_headers() {
  MimeHeaders h;
  h.from_address = "relances@atelier-dupont.fr";
  h.from_name = "Atelier Dupont — Service recouvrement";
  h.reply_to = "recouvrement@atelier-dupont.fr";
  h.message_id_domain = "mail.atelier-dupont.fr";
  h.date_rfc5322 = "Tue, 24 Nov 2026 09:30:00 +0100";
  return h;
}

OutgoingMessage letter(const std::string& id) {
  OutgoingMessage m;
  m.id = id;
  m.channel = "email";
  m.customer_id = "C-0042";
  m.level = "reminder_1";
  m.to = {"compta@batiments-reunis.fr"};
  m.to_name = "Bâtiments Réunis SA — Comptabilité fournisseurs (Müller)";
  m.subject =
      "Relance : facture FA-2026-0042 échue le 24/10/2026 — 1 603,80 € restant dus "
      "(Zahlungserinnerung für Bâtiments Réunis)";
  m.text_body =
      "Madame, Monsieur,\n\n"
      "Sauf erreur de notre part, la facture FA-2026-0042 du 24/09/2026, échue le 24/10/2026, "
      "reste impayée pour un montant de 1 603,80 € (a=b, 100% dû).   \n"
      ".\n"
      "From the ledger: trailing tab\t\n"
      "Über die Zahlung würden wir uns freuen.\r\n"
      "Cordialement,\n"
      "Atelier Dupont\n";
  m.html_body =
      "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>"
      "<p>Madame, Monsieur,</p><p>Sauf erreur de notre part, la facture <b>FA-2026-0042</b> "
      "reste impayée pour un montant de <b>1&nbsp;603,80&nbsp;€</b>.</p>"
      "<p style=\"color:#333\">Cordialement,<br>Atelier Dupont</p></body></html>\n";
  m.attachments.push_back(Attachment{"relance_1-FA-2026-0042.pdf", "application/pdf",
                                     relance::testing::make_plain_pdf("Relance")});
  m.attachments.push_back(
      Attachment{"Relevé de compte détaillé — Bâtiments Réunis Société Anonyme — novembre 2026.pdf",
                 "application/pdf", binary_blob()});
  return m;
}

class SmtpChannelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = smtp_server_unavailable()) GTEST_SKIP() << *why;
    ::unsetenv("RELANCE_SMTP_USER");
    ::unsetenv("RELANCE_SMTP_PASSWORD");
  }
  void TearDown() override { server_.reset(); }

  void start_server(const std::vector<std::string>& options = {}) {
    server_ = std::make_unique<SmtpServer>(inbox(), options);
  }
  fs::path inbox() const { return tmp_.path() / "inbox"; }

  SmtpSettings settings() const {
    SmtpSettings s;
    s.url = server_ ? server_->url() : "smtp://127.0.0.1:" + std::to_string(unused_port());
    s.starttls = false;  // the local test server speaks plain SMTP (allowed for loopback only)
    s.headers = mime_headers();
    s.timeout_seconds = 10;
    return s;
  }

  // Every message the server holds, parsed by Python's email package.
  json received() const {
    if (!fs::exists(inbox())) return json::array();
    const auto result = run_command({kPython, smtp_server_script().string(), "parse", inbox().string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }

  TempDir tmp_;
  std::unique_ptr<SmtpServer> server_;
};

TEST_F(SmtpChannelTest, DeliversAMessageThatParsesBackToTheOriginal) {
  start_server();
  const OutgoingMessage message = letter("L-20261124-0001");
  auto channel = make_smtp_channel(settings());
  EXPECT_EQ(channel->name(), "smtp");
  const SendResult result = channel->send(message);
  ASSERT_EQ(result.status, SendStatus::sent) << result.detail;
  EXPECT_EQ(result.provider_reference, "<L-20261124-0001@mail.atelier-dupont.fr>");
  EXPECT_NE(result.detail.find("250"), std::string::npos) << result.detail;

  const json all = received();
  ASSERT_EQ(all.size(), 1u);
  const json& m = all[0];
  EXPECT_TRUE(m["defects"].empty()) << m["defects"].dump();
  EXPECT_EQ(m["envelope"]["mail_from"], "relances@atelier-dupont.fr");
  EXPECT_EQ(m["envelope"]["rcpt_tos"], json::array({"compta@batiments-reunis.fr"}));

  ASSERT_NE(header(m, "From"), nullptr);
  EXPECT_EQ((*header(m, "From"))["addresses"],
            json::array({{{"name", "Atelier Dupont — Service recouvrement"},
                          {"address", "relances@atelier-dupont.fr"}}}));
  ASSERT_NE(header(m, "To"), nullptr);
  EXPECT_EQ((*header(m, "To"))["addresses"],
            json::array({{{"name", message.to_name}, {"address", message.to[0]}}}));
  ASSERT_NE(header(m, "Reply-To"), nullptr);
  EXPECT_EQ((*header(m, "Reply-To"))["addresses"][0]["address"], "recouvrement@atelier-dupont.fr");
  EXPECT_EQ(value(m, "Subject"), message.subject);
  EXPECT_NE((*header(m, "Subject"))["raw"].get<std::string>().find("=?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(value(m, "Message-ID"), result.provider_reference);
  EXPECT_EQ(value(m, "Date"), "Tue, 24 Nov 2026 09:30:00 +0100");
  EXPECT_EQ(value(m, "MIME-Version"), "1.0");
  for (const char* name : {"Date", "From", "Reply-To", "To", "Subject", "Message-ID", "MIME-Version"})
    EXPECT_EQ(header_count(m, name), 1) << name;

  // multipart/mixed [ multipart/alternative [ text/plain, text/html ], application/pdf x2 ]
  const json& top = m["structure"][0];
  EXPECT_EQ(top["type"], "multipart/mixed");
  ASSERT_EQ(top["parts"].size(), 3u);
  EXPECT_EQ(top["parts"][0]["type"], "multipart/alternative");
  EXPECT_EQ(top["parts"][0]["parts"][0]["type"], "text/plain");
  EXPECT_EQ(top["parts"][0]["parts"][1]["type"], "text/html");
  EXPECT_EQ(m["text_charset"], "utf-8");
  EXPECT_EQ(lf(m["text"].get<std::string>()), lf(message.text_body));
  EXPECT_EQ(lf(m["html"].get<std::string>()), lf(message.html_body));

  ASSERT_EQ(m["attachments"].size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const json& a = m["attachments"][i];
    EXPECT_EQ(a["filename"], message.attachments[i].filename);
    EXPECT_EQ(a["content_type"], "application/pdf");
    EXPECT_EQ(a["transfer_encoding"], "base64");
    EXPECT_TRUE(a["hex"].get<std::string>() == to_hex(message.attachments[i].bytes))
        << "attachment " << i << " differs from the original bytes";
  }
  // 7-bit, CRLF everywhere, no line past 78 characters (base64 in 76 columns)
  EXPECT_FALSE(m["non_ascii"].get<bool>());
  EXPECT_FALSE(m["bare_lf"].get<bool>());
  EXPECT_LE(m["longest_line"].get<int>(), 78);
}

TEST_F(SmtpChannelTest, ReusesOneConnectionForABatch) {
  start_server();
  auto channel = make_smtp_channel(settings());
  for (int i = 0; i < 5; ++i) {
    const SendResult r = channel->send(letter("L-batch-" + std::to_string(i)));
    ASSERT_EQ(r.status, SendStatus::sent) << r.detail;
  }
  const json all = received();
  ASSERT_EQ(all.size(), 5u);
  std::set<std::string> peers;
  std::set<std::string> ids;
  for (const json& m : all) {
    peers.insert(m["envelope"]["peer"].dump());
    ids.insert(value(m, "Message-ID"));
  }
  EXPECT_EQ(peers.size(), 1u) << "every message should travel on the same connection";
  EXPECT_EQ(ids.size(), 5u);
}

TEST_F(SmtpChannelTest, HeaderInjectionThroughNamesSubjectAndFileNamesAddsNoHeader) {
  start_server();
  OutgoingMessage message = letter("L-inject");
  message.to_name = "Mallory\r\nBcc: victim@example.com\nX-Injected: name";
  message.subject = "Relance\r\nBcc: victim@example.com\r\nX-Injected: subject\r\n\r\nbody?";
  message.attachments[0].filename = "a\r\nContent-Type: text/html\r\nX-Injected: file.pdf";
  message.attachments[1].filename = "facture\u202Efdp.exe";  // RIGHT-TO-LEFT OVERRIDE: "facture" + "exe.pdf"
  SmtpSettings s = settings();
  s.headers.from_name = "Dupont\r\nX-Injected: from";
  auto channel = make_smtp_channel(s);
  const SendResult result = channel->send(message);
  ASSERT_EQ(result.status, SendStatus::sent) << result.detail;

  const json all = received();
  ASSERT_EQ(all.size(), 1u);
  const json& m = all[0];
  std::set<std::string> names;
  for (const json& h : m["headers"]) names.insert(h["name"].get<std::string>());
  EXPECT_EQ(names, (std::set<std::string>{"Date", "From", "Reply-To", "To", "Subject", "Message-ID",
                                          "MIME-Version", "Content-Type"}));
  EXPECT_EQ(m["envelope"]["rcpt_tos"], json::array({"compta@batiments-reunis.fr"}));
  EXPECT_EQ(value(m, "Subject"), "Relance Bcc: victim@example.com X-Injected: subject body?");
  EXPECT_EQ((*header(m, "To"))["addresses"][0]["name"], "Mallory Bcc: victim@example.com X-Injected: name");
  EXPECT_EQ((*header(m, "To"))["addresses"].size(), 1u);
  EXPECT_EQ((*header(m, "From"))["addresses"][0]["name"], "Dupont X-Injected: from");
  ASSERT_EQ(m["attachments"].size(), 2u);
  EXPECT_EQ(m["attachments"][0]["filename"], "a Content-Type: text_html X-Injected: file.pdf");
  EXPECT_EQ(m["attachments"][0]["content_type"], "application/pdf");
  EXPECT_EQ(m["attachments"][1]["filename"], "facturefdp.exe");
  EXPECT_TRUE(m["defects"].empty()) << m["defects"].dump();
}

TEST_F(SmtpChannelTest, AddressesThatCouldInjectAreRefusedWithoutContactingTheServer) {
  start_server();
  auto channel = make_smtp_channel(settings());
  for (const std::string& bad :
       {std::string("victim@example.com>\r\nRCPT TO:<other@example.com"), std::string("a b@example.com"),
        std::string("a@example.com,b@example.com"), std::string("<a@example.com>"), std::string(""),
        std::string("a@exa mple.com"), std::string("a@example.com\n"), std::string("no-at-sign"),
        std::string("é@example.com"), std::string("a@@example.com")}) {
    OutgoingMessage message = letter("L-bad");
    message.to = {bad};
    const SendResult r = channel->send(message);
    EXPECT_EQ(r.status, SendStatus::permanent) << bad;
    EXPECT_NE(r.detail.find("invalid email address"), std::string::npos) << r.detail;
  }
  OutgoingMessage none = letter("L-none");
  none.to.clear();
  EXPECT_EQ(channel->send(none).status, SendStatus::permanent);
  EXPECT_EQ(received().size(), 0u);

  SmtpSettings s = settings();
  s.headers.from_address = "relances@atelier-dupont.fr>\r\nX: y";
  EXPECT_THROW(make_smtp_channel(s), std::invalid_argument);
  s = settings();
  s.headers.reply_to = "recouvrement@atelier-dupont.fr, evil@example.com";
  EXPECT_EQ(make_smtp_channel(s)->send(letter("L-rt")).status, SendStatus::permanent);
}

TEST_F(SmtpChannelTest, A451IsTransientAndTheRetryDeliversOnce) {
  start_server({"--fail-data", "1"});
  auto channel = make_smtp_channel(settings());
  const OutgoingMessage message = letter("L-retry");
  const SendResult first = channel->send(message);
  EXPECT_EQ(first.status, SendStatus::transient) << first.detail;
  EXPECT_NE(first.detail.find("451 4.3.0"), std::string::npos) << first.detail;
  EXPECT_EQ(received().size(), 0u);

  const SendResult second = channel->send(message);
  ASSERT_EQ(second.status, SendStatus::sent) << second.detail;
  EXPECT_EQ(second.provider_reference, first.provider_reference);
  const json all = received();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(value(all[0], "Message-ID"), "<L-retry@mail.atelier-dupont.fr>");
}

TEST_F(SmtpChannelTest, ARefusedConnectionIsTransient) {
  auto channel = make_smtp_channel(settings());  // no server: a port nobody listens on
  const SendResult r = channel->send(letter("L-refused"));
  EXPECT_EQ(r.status, SendStatus::transient) << r.detail;
  EXPECT_NE(r.detail.find("curl 7"), std::string::npos) << r.detail;  // CURLE_COULDNT_CONNECT
}

TEST_F(SmtpChannelTest, A550IsPermanentWithTheServersAnswerAndTheChannelGoesOn) {
  start_server({"--reject-rcpt", "inconnu"});
  auto channel = make_smtp_channel(settings());
  OutgoingMessage message = letter("L-550");
  message.to = {"inconnu@batiments-reunis.fr"};
  const SendResult r = channel->send(message);
  EXPECT_EQ(r.status, SendStatus::permanent) << r.detail;
  EXPECT_NE(r.detail.find("550 5.1.1 <inconnu@batiments-reunis.fr>: Recipient address rejected"),
            std::string::npos)
      << r.detail;
  EXPECT_EQ(received().size(), 0u);

  const SendResult next = channel->send(letter("L-after-550"));
  EXPECT_EQ(next.status, SendStatus::sent) << next.detail;
  EXPECT_EQ(received().size(), 1u);
}

TEST_F(SmtpChannelTest, ATimeoutIsTransient) {
  start_server({"--delay-data", "2.5"});
  SmtpSettings s = settings();
  s.timeout_seconds = 1;
  const SendResult r = make_smtp_channel(s)->send(letter("L-slow"));
  EXPECT_EQ(r.status, SendStatus::transient) << r.detail;
  EXPECT_NE(r.detail.find("curl 28"), std::string::npos) << r.detail;  // CURLE_OPERATION_TIMEDOUT
}

TEST_F(SmtpChannelTest, StartTlsIsRequiredByDefault) {
  start_server();
  SmtpSettings s = settings();
  s.starttls = true;  // the default: this plain server offers no STARTTLS, so nothing goes in clear
  const SendResult r = make_smtp_channel(s)->send(letter("L-tls"));
  EXPECT_EQ(r.status, SendStatus::unusable) << r.detail;  // no message can go: the run stops using it
  EXPECT_NE(r.detail.find("curl 64"), std::string::npos) << r.detail;  // CURLE_USE_SSL_FAILED
  EXPECT_EQ(received().size(), 0u);
}

TEST_F(SmtpChannelTest, AuthCredentialsComeFromTheEnvironmentAndNeverShow) {
  start_server({"--auth", "relance:s3cret-Pa55"});
  {
    ::setenv("RELANCE_SMTP_USER", "relance", 1);
    ::setenv("RELANCE_SMTP_PASSWORD", "s3cret-Pa55", 1);
    const SendResult r = make_smtp_channel(settings())->send(letter("L-auth"));
    EXPECT_EQ(r.status, SendStatus::sent) << r.detail;
  }
  {
    ::setenv("RELANCE_SMTP_PASSWORD", "wrong-Pa55word", 1);
    const SendResult r = make_smtp_channel(settings())->send(letter("L-auth-wrong"));
    EXPECT_EQ(r.status, SendStatus::unusable) << r.detail;  // our login, not the message
    EXPECT_NE(r.detail.find("535"), std::string::npos) << r.detail;
    EXPECT_EQ(r.detail.find("wrong-Pa55word"), std::string::npos) << r.detail;
    EXPECT_EQ(r.detail.find("d3JvbmctUGE1NXdvcmQ"), std::string::npos) << r.detail;  // base64 of it
  }
  {
    ::unsetenv("RELANCE_SMTP_USER");
    ::unsetenv("RELANCE_SMTP_PASSWORD");
    const SendResult r = make_smtp_channel(settings())->send(letter("L-no-auth"));
    EXPECT_EQ(r.status, SendStatus::unusable) << r.detail;  // 530 authentication required
    EXPECT_NE(r.detail.find("530"), std::string::npos) << r.detail;
  }
  ::unsetenv("RELANCE_SMTP_USER");
  ::unsetenv("RELANCE_SMTP_PASSWORD");
  EXPECT_EQ(received().size(), 1u);
}

TEST(SmtpSettingsTest, UnsafeSettingsAreRefused) {
  SmtpSettings s;
  s.headers = mime_headers();
  s.url = "smtp://mail.example.com:587";
  s.starttls = false;
  EXPECT_THROW(make_smtp_channel(s), std::invalid_argument);  // plain SMTP off loopback
  s.starttls = true;
  EXPECT_NO_THROW(make_smtp_channel(s));
  s.url = "smtps://mail.example.com";
  EXPECT_NO_THROW(make_smtp_channel(s));
  s.url = "http://mail.example.com";
  EXPECT_THROW(make_smtp_channel(s), std::invalid_argument);
  s.url = "smtp://user:password@mail.example.com";
  EXPECT_THROW(make_smtp_channel(s), std::invalid_argument);
  s.url = "smtp://localhost:2525";
  s.starttls = false;
  EXPECT_NO_THROW(make_smtp_channel(s));

  // Turning TLS verification off is said out loud; the password is not.
  s.url = "smtps://127.0.0.1:4650";
  s.insecure = true;
  s.user = "relance";
  s.password = "s3cret-Pa55";
  ::testing::internal::CaptureStderr();
  auto channel = make_smtp_channel(s);
  const std::string warned = ::testing::internal::GetCapturedStderr();
  const auto warning = warned.find("WARNING: TLS certificate and host name verification is OFF");
  EXPECT_NE(warning, std::string::npos) << warned;
  EXPECT_EQ(warned.find("WARNING", warning + 1), std::string::npos) << "said once: " << warned;
  EXPECT_EQ(warned.find("s3cret"), std::string::npos);
}

// --- the MIME builder on its own ---------------------------------------------------------------

TEST(MimeTest, TheSameMessageIdGivesTheSameMessage) {
  const OutgoingMessage a = letter("L-stable");
  EXPECT_EQ(build_mime_message(a, mime_headers()), build_mime_message(a, mime_headers()));
  EXPECT_EQ(relance::pipeline::detail::message_id_header(a, mime_headers()),
            "<L-stable@mail.atelier-dupont.fr>");
  OutgoingMessage b = a;
  b.id = "L-other";
  EXPECT_NE(relance::pipeline::detail::message_id_header(b, mime_headers()),
            relance::pipeline::detail::message_id_header(a, mime_headers()));
  OutgoingMessage odd = a;
  odd.id = "x <y>@z\r\n";
  EXPECT_EQ(relance::pipeline::detail::message_id_header(odd, mime_headers()),
            "<x=20=3Cy=3E=40z=0D=0A@mail.atelier-dupont.fr>");
  MimeHeaders no_domain = mime_headers();
  no_domain.message_id_domain.clear();
  EXPECT_EQ(relance::pipeline::detail::message_id_header(a, no_domain), "<L-stable@atelier-dupont.fr>");
  odd.id.clear();
  EXPECT_THROW(build_mime_message(odd, mime_headers()), InvalidMessage);
}

TEST(MimeTest, LinesAreShortAndBase64Has76Columns) {
  const std::string mime = build_mime_message(letter("L-lines"), mime_headers());
  std::size_t base64_full = 0;
  for (std::size_t start = 0; start < mime.size();) {
    const std::size_t end = mime.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    const std::string line = mime.substr(start, end - start);
    EXPECT_LE(line.size(), 78u) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.find('\r'), std::string::npos);
    if (line.size() == 76 &&
        line.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
            std::string::npos)
      ++base64_full;
    start = end + 2;
  }
  EXPECT_GT(base64_full, 100u);
  EXPECT_EQ(relance::pipeline::detail::base64_encode_lines("Man"), "TWFu\r\n");
  EXPECT_EQ(relance::pipeline::detail::base64_encode_lines(std::string(57, 'a')).size(), 78u);
  EXPECT_EQ(relance::pipeline::detail::quoted_printable_encode("caf\xC3\xA9 = ok \nx"),
            "caf=C3=A9 =3D ok=20\r\nx");
}

TEST(MimeTest, HeadersAreFoldedAndEncodedOnlyWhenNeeded) {
  using relance::pipeline::detail::encoded_header;
  EXPECT_EQ(encoded_header("Subject", "Relance facture FA-1"), "Subject: Relance facture FA-1\r\n");
  EXPECT_EQ(encoded_header("Subject", "Échue"), "Subject: =?UTF-8?B?w4ljaHVl?=\r\n");
  // text that looks like an encoded-word is encoded, so that it reads back as written
  EXPECT_EQ(encoded_header("Subject", "=?UTF-8?B?w4ljaHVl?="),
            "Subject: =?UTF-8?B?PT9VVEYtOD9CP3c0bGphSFZsPz0=?=\r\n");
  const std::string long_subject =
      encoded_header("Subject", std::string(30, 'x') + " " + std::string(60, 'y'));
  EXPECT_EQ(long_subject, "Subject: " + std::string(30, 'x') + "\r\n " + std::string(60, 'y') + "\r\n");
  // a character never splits across encoded-words: 3-byte characters, so no word needs padding
  std::string many_euros;
  for (int i = 0; i < 40; ++i) many_euros += "€";
  const std::string euros = encoded_header("Subject", many_euros);
  EXPECT_NE(euros.find("\r\n =?UTF-8?B?"), std::string::npos) << euros;
  for (std::size_t p = 0; (p = euros.find("=?UTF-8?B?", p)) != std::string::npos; p += 10) {
    const std::size_t end = euros.find("?=", p + 10);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end + 2 - p, 75u);
    EXPECT_EQ(euros.substr(p + 10, end - p - 10).find('='), std::string::npos) << euros;
  }
}

}  // namespace
