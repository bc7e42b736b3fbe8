// relance dispatch and relance run end to end through the binary, with the spool channel: a ledger
// imported from the fixtures, remind queuing one message per letter and channel, dispatch writing
// each as an .eml (or a postal envelope) with the exact PDFs, the journal's states, a second
// dispatch sending nothing, --dry-run and --limit, letters cancelled when their items were
// disputed or promised after remind, and the [dispatch] configuration.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "../../pipeline/src/config.hpp"
#include "../../pipeline/src/ledger.hpp"
#include "../../pipeline/src/outbox.hpp"
#include "smtp_test_server.hpp"
#include "test_support.hpp"

using relance::pipeline::detail::Ledger;
using relance::pipeline::detail::OutboxEntry;
using relance::pipeline::detail::OutboxState;
using relance::testing::fixtures_dir;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::TempDir;
using relance::testing::write_file;

namespace {

namespace fs = std::filesystem;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string fixture(const std::string& rel) {
  return (fixtures_dir() / rel).string();
}

constexpr const char* config_toml = R"toml([company]
name = "Atelier Dupont SARL"
line_one = "12 rue des Lilas"
city = "Lyon"
post_code = "69003"
country_code = "FR"
siren = "732829320"
vat_id = "FR44732829320"
email = "compta@example.fr"
iban = "FR7630006000011234567890189"
bic = "AGRIFRPP"

[dispatch]
spool = "spool"

[dispatch.smtp]
from = "relances@atelier-dupont.example"
reply_to = "recouvrement@atelier-dupont.example"
)toml";

// As in remind_cli_test.cpp: Bâtiments Réunis under an id with a slash and a space (regular, owes
// FA-2026-0042 336.00 due 2026-12-02, 0043 and 0044 later), Hôtel des Brotteaux (new, owes
// FA-2024-0042 1603.80 due 2024-04-14).
constexpr const char* customers_csv =
    "id,name,siren,siret,vat_id,email,address_line1,post_code,city,country,language,profile,channel,"
    "account_manager\n"
    "BR/Paris 01,Bâtiments Réunis SA,812345676,,FR19812345676,compta@batiments-reunis.example,5 avenue "
    "Foch,75116,Paris,FR,fr,regular,email,Claire Martin\n"
    "C-HB,Hôtel des Brotteaux SARL,,98765432400019,FR14987654324,compta@hotel-brotteaux.example,5 "
    "boulevard des Brotteaux,69006,Lyon,FR,fr,new,,Claire Martin\n";

std::string base64_decode(std::string_view text) {
  std::string out;
  unsigned value = 0;
  int bits = 0;
  for (char c : text) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '+') v = 62;
    if (c == '/') v = 63;
    if (v < 0) continue;
    value = (value << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// The attachments of a multipart/mixed message, decoded, in order.
std::vector<std::string> attachments_of(const std::string& eml) {
  const auto b = eml.find("boundary=\"");
  if (b == std::string::npos) return {};
  const std::string boundary = "\r\n--" + eml.substr(b + 10, eml.find('"', b + 10) - b - 10);
  std::vector<std::string> out;
  for (std::size_t at = eml.find(boundary); at != std::string::npos;) {
    const std::size_t next = eml.find(boundary, at + boundary.size());
    if (next == std::string::npos) break;
    const std::string part = eml.substr(at + boundary.size(), next - at - boundary.size());
    const std::size_t body = part.find("\r\n\r\n");
    if (body != std::string::npos && has(part.substr(0, body), "Content-Disposition: attachment"))
      out.push_back(base64_decode(part.substr(body + 4)));
    at = next;
  }
  return out;
}

class DispatchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(tmp_ / "relance.toml", config_toml);
    write_file(tmp_ / "customers.csv", customers_csv);
    const auto import = run_command({RELANCE_EXE, "ledger", "import", (tmp_ / "customers.csv").string(),
                                     fixture("invoices"), fixture("ledger/invoices"), "--db", db()});
    ASSERT_EQ(import.exit_code, 0) << import.out << import.err;
  }

  std::string db() const { return (tmp_ / "relance.db").string(); }
  std::string config() const { return (tmp_ / "relance.toml").string(); }
  fs::path spool() const { return tmp_ / "spool"; }
  fs::path letters() const { return tmp_ / "letters"; }

  relance::testing::CommandResult remind(const std::string& as_of) {
    return run_command({RELANCE_EXE, "remind", "--as-of", as_of, "--db", db(), "--config", config(), "--out",
                        letters().string()});
  }
  relance::testing::CommandResult dispatch(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {RELANCE_EXE, "dispatch", "--db", db(), "--config", config()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_command(args);
  }

  std::vector<OutboxEntry> journal() const { return Ledger::open(db(), false)->outbox_entries(); }

  std::map<std::string, fs::file_time_type> spool_files() const {
    std::map<std::string, fs::file_time_type> all;
    if (!fs::exists(spool())) return all;
    for (const auto& e : fs::recursive_directory_iterator(spool()))
      if (e.is_regular_file()) all[fs::relative(e.path(), spool()).string()] = e.last_write_time();
    return all;
  }

  TempDir tmp_;
};

}  // namespace

TEST_F(DispatchCli, RemindQueuesAndDispatchSpoolsEachLetterOnceWithItsPdfs) {
  const auto r = remind("2026-12-09");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "messages queued: 2")) << r.out;
  auto queued = journal();
  ASSERT_EQ(queued.size(), 2u);
  for (const auto& e : queued) {
    EXPECT_EQ(e.state, OutboxState::pending);
    EXPECT_EQ(e.message.channel, "email");
    EXPECT_EQ(e.message.id.rfind("rl-", 0), 0u);
    EXPECT_EQ(e.message.id.size(), 27u);
    ASSERT_EQ(e.message.attachments.size(), 2u);
    EXPECT_TRUE(has(e.message.attachments[1].filename, "statement"));
    EXPECT_FALSE(e.message.item_ids.empty());
  }

  // A dry run says what would go and changes nothing.
  const auto dry = dispatch({"--dry-run", "--as-of", "2026-12-09"});
  ASSERT_EQ(dry.exit_code, 0) << dry.out << dry.err;
  EXPECT_TRUE(has(dry.out, "would send: 2")) << dry.out;
  EXPECT_TRUE(has(dry.out, "compta@batiments-reunis.example")) << dry.out;
  EXPECT_FALSE(fs::exists(spool()));
  for (const auto& e : journal()) EXPECT_EQ(e.state, OutboxState::pending);

  const auto sent = dispatch({"--as-of", "2026-12-09"});
  ASSERT_EQ(sent.exit_code, 0) << sent.out << sent.err;
  EXPECT_TRUE(has(sent.out, "2 message(s) due")) << sent.out;
  EXPECT_TRUE(has(sent.out, "sent: 2")) << sent.out;
  EXPECT_TRUE(has(sent.out, "failed: 0")) << sent.out;
  for (const auto& e : journal()) {
    EXPECT_EQ(e.state, OutboxState::sent) << e.message.id;
    EXPECT_EQ(e.transport, "spool");
    EXPECT_EQ(e.attempts, 1);
    EXPECT_FALSE(e.in_doubt);
    EXPECT_EQ(e.provider_reference, (spool() / (e.message.id + ".eml")).string());

    // The .eml is the whole message: headers, the text, the letter and the statement, byte for byte.
    const std::string eml = read_file(spool() / (e.message.id + ".eml"));
    EXPECT_TRUE(has(eml, "Message-ID: <" + e.message.id + "@atelier-dupont.example>")) << eml.substr(0, 800);
    EXPECT_TRUE(has(eml, "From: \"Atelier Dupont SARL\" <relances@atelier-dupont.example>"))
        << eml.substr(0, 800);
    const auto reply_to = eml.find("Reply-To:");
    ASSERT_NE(reply_to, std::string::npos) << eml.substr(0, 800);
    EXPECT_TRUE(
        has(eml.substr(reply_to, eml.find('\n', reply_to) - reply_to), "recouvrement@atelier-dupont.example"))
        << eml.substr(0, 800);
    EXPECT_TRUE(has(eml, "<" + e.message.emails.at(0) + ">")) << eml.substr(0, 800);
    const auto files = attachments_of(eml);
    ASSERT_EQ(files.size(), 2u) << eml.substr(0, 2000);
    EXPECT_EQ(files[0], read_file(e.message.attachments[0].path));
    EXPECT_EQ(files[1], read_file(e.message.attachments[1].path));
    EXPECT_EQ(files[0].rfind("%PDF-", 0), 0u);
    // ... and the PDFs beside it.
    EXPECT_EQ(read_file(spool() / e.message.id / e.message.attachments[0].filename), files[0]);
  }

  // Nothing is due any more: a second dispatch sends nothing and rewrites nothing.
  const auto before = spool_files();
  const auto again = dispatch({"--as-of", "2026-12-09"});
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_TRUE(has(again.out, "0 message(s) due")) << again.out;
  EXPECT_EQ(spool_files(), before);
  // Nor does a second remind on the date queue anything.
  EXPECT_EQ(remind("2026-12-09").exit_code, 0);
  EXPECT_EQ(journal().size(), 2u);
}

// Through a real SMTP server (aiosmtpd on 127.0.0.1) that answers the first message's DATA with
// "451 4.3.0": relance dispatch retries it within the same run (backoff 1 s, inside the retry
// window) and the server ends up holding exactly one copy of each message, with the journal's
// Message-ID, the configured From and Reply-To, a Date, the subject as queued, a text and an HTML
// body, and the letter and statement PDFs decoding to the exact bytes on disk.
TEST_F(DispatchCli, ThroughSmtpA451IsRetriedInTheSameRunAndEachMessageArrivesOnce) {
  if (const auto why = relance::testing::smtp_server_unavailable()) GTEST_SKIP() << *why;
  const fs::path inbox = tmp_ / "inbox";
  relance::testing::SmtpServer server(inbox, {"--fail-data", "1"});
  std::string toml = config_toml;
  toml.replace(toml.find("[dispatch]\n"), 11, "[dispatch]\nbackoff_base_seconds = 1\n");
  toml.replace(toml.find("[dispatch.smtp]\n"), 16,
               "[dispatch.channels]\nemail = \"smtp\"\n\n[dispatch.smtp]\nurl = \"" + server.url() +
                   "\"\nstarttls = false\n");
  write_file(tmp_ / "relance.toml", toml);

  ASSERT_EQ(remind("2026-12-09").exit_code, 0);
  const auto r = dispatch({"--as-of", "2026-12-09"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "sent: 2")) << r.out;
  EXPECT_TRUE(has(r.out, "failed: 0")) << r.out;

  std::map<std::string, OutboxEntry> by_id;
  int retried = 0;
  for (const auto& e : journal()) {
    EXPECT_EQ(e.state, OutboxState::sent) << e.message.id << ": " << e.last_answer;
    EXPECT_EQ(e.transport, "smtp");
    EXPECT_FALSE(e.in_doubt);
    if (e.attempts == 2) {
      ++retried;
      // The journal kept the server's refusal before the success.
      std::vector<OutboxState> states;
      std::string refusal;
      for (const auto& ev : Ledger::open(db(), false)->outbox_events(e.message.id)) {
        states.push_back(ev.state);
        if (ev.state == OutboxState::retry) refusal = ev.detail;
      }
      EXPECT_EQ(states,
                (std::vector<OutboxState>{OutboxState::pending, OutboxState::sending, OutboxState::retry,
                                          OutboxState::sending, OutboxState::sent}));
      EXPECT_TRUE(has(refusal, "451")) << refusal;
    } else {
      EXPECT_EQ(e.attempts, 1) << e.message.id;
    }
    by_id[e.message.id] = e;
  }
  EXPECT_EQ(retried, 1);
  ASSERT_EQ(by_id.size(), 2u);

  const auto parsed = run_command(
      {"/usr/bin/python3", relance::testing::smtp_server_script().string(), "parse", inbox.string()});
  ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
  const nlohmann::json received = nlohmann::json::parse(parsed.out);
  ASSERT_EQ(received.size(), 2u) << "one copy of each message, the refused one not kept";
  std::set<std::string> seen;
  for (const auto& m : received) {
    std::map<std::string, nlohmann::json> headers;
    for (const auto& h : m["headers"]) headers[h["name"].get<std::string>()] = h;
    EXPECT_TRUE(m["defects"].empty()) << m["defects"].dump();
    const std::string message_id = headers["Message-ID"]["value"].get<std::string>();
    const std::string id = message_id.substr(1, message_id.find('@') - 1);
    ASSERT_TRUE(by_id.count(id)) << message_id;
    EXPECT_TRUE(seen.insert(id).second) << id << " arrived twice";
    const OutboxEntry& e = by_id[id];
    EXPECT_EQ(headers["From"]["addresses"][0]["address"], "relances@atelier-dupont.example");
    EXPECT_EQ(headers["From"]["addresses"][0]["name"], "Atelier Dupont SARL");
    EXPECT_EQ(headers["Reply-To"]["addresses"][0]["address"], "recouvrement@atelier-dupont.example");
    EXPECT_EQ(headers["To"]["addresses"][0]["address"], e.message.emails.at(0));
    EXPECT_EQ(headers["Subject"]["value"], e.message.subject);
    EXPECT_TRUE(headers.count("Date")) << m.dump();
    EXPECT_EQ(m["envelope"]["rcpt_tos"][0], e.message.emails.at(0));
    EXPECT_TRUE(has(m["text"].get<std::string>(), "FA-")) << m["text"];
    EXPECT_TRUE(m["html"].is_string());
    ASSERT_EQ(m["attachments"].size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
      const std::string bytes = read_file(e.message.attachments[i].path);
      std::string hex;
      static const char digits[] = "0123456789abcdef";
      for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
      }
      EXPECT_EQ(m["attachments"][i]["filename"], e.message.attachments[i].filename);
      EXPECT_EQ(m["attachments"][i]["content_type"], "application/pdf");
      EXPECT_TRUE(m["attachments"][i]["hex"] == hex) << e.message.attachments[i].filename << " differs";
    }
  }
}

// The SMTP password comes from the environment and is written nowhere: not in the output, not
// in the ledger (its journal keeps the server's answers, a refused login's included), not in the
// spool. A refused login fails no message: they stay queued for the run with the right password.
TEST_F(DispatchCli, TheSmtpPasswordIsWrittenNowhere) {
  if (const auto why = relance::testing::smtp_server_unavailable()) GTEST_SKIP() << *why;
  const std::string password = "Pa55-wOrd-7c1e";
  relance::testing::SmtpServer server(tmp_ / "inbox", {"--auth", "relances:" + password});
  std::string toml = config_toml;
  toml.replace(toml.find("[dispatch.smtp]\n"), 16,
               "[dispatch.channels]\nemail = \"smtp\"\n\n[dispatch.smtp]\nurl = \"" + server.url() +
                   "\"\nstarttls = false\n");
  write_file(tmp_ / "relance.toml", toml);
  ASSERT_EQ(remind("2026-12-09").exit_code, 0);
  const relance::testing::ScopedEnv user("RELANCE_SMTP_USER", "relances");

  std::string printed;
  {
    const relance::testing::ScopedEnv wrong("RELANCE_SMTP_PASSWORD", password + "-wrong");
    const auto refused = dispatch({"--as-of", "2026-12-09"});
    EXPECT_EQ(refused.exit_code, 2) << refused.out << refused.err;
    EXPECT_TRUE(has(refused.err, "RL-DISPATCH-001: the 'smtp' transport refuses us: 535")) << refused.err;
    EXPECT_TRUE(has(refused.out, "not attempted (left queued): 2")) << refused.out;
    printed += refused.out + refused.err;
    for (const auto& e : journal()) {
      EXPECT_EQ(e.state, OutboxState::pending) << e.message.id;
      EXPECT_EQ(e.attempts, 0) << e.message.id;
    }
  }
  const relance::testing::ScopedEnv right("RELANCE_SMTP_PASSWORD", password);
  const auto sent = dispatch({"--as-of", "2026-12-09"});
  printed += sent.out + sent.err;
  for (const auto& e : journal())
    EXPECT_EQ(e.state, OutboxState::sent) << e.message.id << ": " << e.last_answer;

  EXPECT_FALSE(has(printed, "Pa55-wOrd")) << printed;
  for (const auto& e : fs::recursive_directory_iterator(tmp_.path())) {
    if (!e.is_regular_file() || e.path().parent_path() == tmp_ / "inbox") continue;
    EXPECT_FALSE(has(read_file(e.path()), "Pa55-wOrd")) << e.path() << " holds the password";
  }
}

TEST_F(DispatchCli, LimitSendsAtMostNAndTheRestNextTime) {
  ASSERT_EQ(remind("2026-12-09").exit_code, 0);
  const auto first = dispatch({"--limit", "1", "--as-of", "2026-12-09"});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_TRUE(has(first.out, "sent: 1")) << first.out;
  std::map<OutboxState, int> states;
  for (const auto& e : journal()) ++states[e.state];
  EXPECT_EQ(states[OutboxState::sent], 1);
  EXPECT_EQ(states[OutboxState::pending], 1);
  const auto second = dispatch({"--as-of", "2026-12-09"});
  EXPECT_TRUE(has(second.out, "1 message(s) due")) << second.out;
  EXPECT_TRUE(has(second.out, "sent: 1")) << second.out;
  for (const auto& e : journal()) EXPECT_EQ(e.state, OutboxState::sent);
}

TEST_F(DispatchCli, ALetterWhoseItemsWereDisputedOrPromisedSinceIsCancelled) {
  ASSERT_EQ(remind("2026-12-09").exit_code, 0);
  // Between remind and dispatch: Bâtiments Réunis disputes FA-2026-0042 (its only late item), Hôtel
  // des Brotteaux promises to pay FA-2024-0042 by the end of the month.
  ASSERT_EQ(run_command({RELANCE_EXE, "dispute", "open", "FA-2026-0042", "--reason", "chaises abîmées",
                         "--date", "2026-12-09", "--db", db()})
                .exit_code,
            0);
  ASSERT_EQ(run_command({RELANCE_EXE, "promise", "add", "FA-2024-0042", "--date", "2026-12-31", "--made-on",
                         "2026-12-09", "--db", db()})
                .exit_code,
            0);
  const auto r = dispatch({"--as-of", "2026-12-10"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has(r.out, "sent: 0")) << r.out;
  EXPECT_TRUE(has(r.out, "cancelled (items paid, disputed or promised since the letter): 2")) << r.out;
  EXPECT_TRUE(has(r.out, "FA-2026-0042 disputed since 2026-12-09")) << r.out;
  EXPECT_TRUE(has(r.out, "FA-2024-0042 promised for 2026-12-31")) << r.out;
  for (const auto& e : journal()) {
    EXPECT_EQ(e.state, OutboxState::cancelled);
    EXPECT_FALSE(e.last_answer.empty());
  }
  EXPECT_TRUE(spool_files().empty());
}

TEST_F(DispatchCli, PostalLettersAreSpooledAsEnvelopesAndChannelFilters) {
  // FA-2024-0042: reminder 1 at D+7 by email, reminder 2 at D+21 by letter and email.
  ASSERT_EQ(remind("2024-04-21").exit_code, 0);
  ASSERT_EQ(remind("2024-05-05").exit_code, 0);
  const auto queued = journal();
  ASSERT_EQ(queued.size(), 3u);
  const auto postal = dispatch({"--channel", "postal", "--as-of", "2024-05-05"});
  ASSERT_EQ(postal.exit_code, 0) << postal.out << postal.err;
  EXPECT_TRUE(has(postal.out, "1 message(s) due on channel postal")) << postal.out;
  std::string postal_id;
  for (const auto& e : journal()) {
    if (e.message.channel == "postal") {
      postal_id = e.message.id;
      EXPECT_EQ(e.state, OutboxState::sent);
    } else {
      EXPECT_EQ(e.state, OutboxState::pending);
    }
  }
  ASSERT_FALSE(postal_id.empty());
  const std::string envelope = read_file(spool() / (postal_id + ".txt"));
  EXPECT_TRUE(has(envelope, "Channel: postal")) << envelope;
  EXPECT_TRUE(has(envelope, "  Hôtel des Brotteaux SARL\n  5 boulevard des Brotteaux\n  69006 Lyon\n"))
      << envelope;
  EXPECT_TRUE(has(envelope, "Country: FR")) << envelope;
  EXPECT_TRUE(fs::exists(spool() / postal_id / "reminder_2-FA-2024-0042.pdf"));

  const auto rest = dispatch({"--as-of", "2024-05-05"});
  ASSERT_EQ(rest.exit_code, 0) << rest.out << rest.err;
  EXPECT_TRUE(has(rest.out, "sent: 2")) << rest.out;
}

TEST_F(DispatchCli, UsageAndConfigurationErrorsExitTwo) {
  EXPECT_EQ(dispatch({"--channel", "sms"}).exit_code, 2);
  EXPECT_EQ(dispatch({"--as-of", "tomorrow"}).exit_code, 2);
  EXPECT_EQ(run_command({RELANCE_EXE, "dispatch", "--db", (tmp_ / "none.db").string()}).exit_code, 2);
  // Secrets are never read from the file.
  write_file(tmp_ / "secret.toml",
             "[dispatch.smtp]\nurl = \"smtps://smtp.example.fr\"\npassword = \"hunter2\"\n");
  const auto secret =
      run_command({RELANCE_EXE, "dispatch", "--db", db(), "--config", (tmp_ / "secret.toml").string()});
  EXPECT_EQ(secret.exit_code, 2);
  EXPECT_TRUE(has(secret.err, "RELANCE_SMTP_PASSWORD")) << secret.err;
  EXPECT_FALSE(has(secret.err, "hunter2")) << secret.err;
  write_file(tmp_ / "bad.toml", "[dispatch.channels]\nemail = \"pigeon\"\nfax = \"spool\"\n");
  const auto bad =
      run_command({RELANCE_EXE, "dispatch", "--db", db(), "--config", (tmp_ / "bad.toml").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(has(bad.err, "[dispatch.channels] email")) << bad.err;
  EXPECT_TRUE(has(bad.err, "[dispatch.channels] fax")) << bad.err;
}

TEST(DispatchConfig, DefaultsAndKeys) {
  using relance::pipeline::detail::load_config;
  TempDir tmp;
  const auto defaults = load_config((fixtures_dir() / "config" / "relance.toml").string());
  ASSERT_TRUE(defaults.value);
  const auto& d = defaults.value->dispatch;
  for (const char* c : {"email", "postal", "registered", "agency"}) EXPECT_EQ(d.channels.at(c), "spool") << c;
  EXPECT_EQ(d.max_attempts, 5);
  EXPECT_EQ(d.backoff_base_seconds, 30);
  EXPECT_EQ(d.retry_window_seconds, 60);
  EXPECT_FALSE(d.smtp.insecure);

  write_file(tmp / "relance.toml", R"toml([dispatch]
spool = "out/spool"
max_attempts = 3
backoff_base_seconds = 5
retry_window_seconds = 0
[dispatch.channels]
email = "smtp"
registered = "postal"
[dispatch.smtp]
url = "smtp://127.0.0.1:2525"
from = "relances@example.fr"
insecure = true
[dispatch.postal]
url = "http://127.0.0.1:8080"
provider = "pingen"
[run]
inputs = ["inbox", "/abs/bank"]
)toml");
  const auto c = load_config((tmp / "relance.toml").string());
  ASSERT_TRUE(c.value) << (c.diagnostics.empty() ? "" : c.diagnostics.items().front().message);
  const auto& dc = c.value->dispatch;
  EXPECT_EQ(dc.spool, tmp.path() / "out/spool");  // relative to the file
  EXPECT_EQ(dc.max_attempts, 3);
  EXPECT_EQ(dc.backoff_base_seconds, 5);
  EXPECT_EQ(dc.retry_window_seconds, 0);
  EXPECT_EQ(dc.channels.at("email"), "smtp");
  EXPECT_EQ(dc.channels.at("registered"), "postal");
  EXPECT_EQ(dc.channels.at("postal"), "spool");
  EXPECT_EQ(dc.smtp.url, "smtp://127.0.0.1:2525");
  EXPECT_TRUE(dc.smtp.insecure);
  EXPECT_EQ(dc.postal.provider, "pingen");
  ASSERT_EQ(c.value->run.inputs.size(), 2u);
  EXPECT_EQ(c.value->run.inputs[0], tmp.path() / "inbox");
  EXPECT_EQ(c.value->run.inputs[1], fs::path("/abs/bank"));
}

TEST_F(DispatchCli, RunImportsValidatesRendersRemindsAndDispatchesInOneGo) {
  write_file(tmp_ / "relance.toml", std::string(config_toml) + "\n[run]\ninputs = [\"customers.csv\", \"" +
                                        fixture("invoices") + "\", \"" + fixture("ledger/invoices") +
                                        "\"]\n");
  fs::remove(tmp_ / "relance.db");
  const std::vector<std::string> args = {RELANCE_EXE,  "run",  "--config", config(), "--as-of",
                                         "2026-12-09", "--db", db(),       "--out",  (tmp_ / "out").string()};
  const auto r = run_command(args);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* stage : {"== import", "== validate and render", "== remind", "== dispatch"})
    EXPECT_TRUE(has(r.out, stage)) << stage << "\n" << r.out;
  EXPECT_TRUE(has(r.out,
                  "relance run 2026-12-09: 5 valid invoice(s), 0 rejected, 5 Factur-X rendered; messages: "
                  "2 sent, 0 to retry, 0 failed, 0 cancelled"))
      << r.out << r.err;
  EXPECT_TRUE(fs::exists(tmp_ / "out" / "invoices" / "FA-2026-0042.pdf"));
  EXPECT_TRUE(fs::exists(tmp_ / "out" / "letters" / "2026-12-09"));
  std::size_t emls = 0;
  for (const auto& [name, time] : spool_files())
    emls += name.size() > 4 && name.substr(name.size() - 4) == ".eml";
  EXPECT_EQ(emls, 2u);

  // The same day again: everything known, nothing rendered, queued or sent twice.
  const auto again = run_command(args);
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_TRUE(has(again.out, "already recorded")) << again.out;
  EXPECT_TRUE(has(again.out, "0 message(s) due")) << again.out;
  EXPECT_TRUE(has(again.out, "0 Factur-X rendered; messages: 0 sent")) << again.out;
}
