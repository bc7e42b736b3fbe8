// Crash safety of relance dispatch (issue 6, Acceptance): a batch of 1,000 messages queued in the
// ledger, `relance dispatch` run as a child process against real servers on 127.0.0.1 and killed
// with SIGKILL at random points several times, then run to completion.
//  - Emails go to tests/support/smtp_server.py (Debian's python3-aiosmtpd). Every message must have
//    reached the server; a message received twice must be one the journal marked in doubt (killed
//    between the server's acceptance and the journal's commit), both copies carrying the same
//    Message-ID.
//  - Letters go to tests/support/postal_stub.py (the Pingen API v2 stand-in), which honours
//    Idempotency-Key: it must have created each letter exactly once, with the bytes of its PDF,
//    even for the letters whose creation the killed run never heard of.
//  - The journal must agree with what the servers hold: every message sent, the postal provider's
//    letter id recorded as the provider reference.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../../pipeline/src/digest.hpp"
#include "../../pipeline/src/ledger.hpp"
#include "../../pipeline/src/outbox.hpp"
#include "postal_test_stub.hpp"
#include "smtp_test_server.hpp"
#include "test_support.hpp"

using relance::formats::Date;
using relance::pipeline::detail::Ledger;
using relance::pipeline::detail::outbox_message_id;
using relance::pipeline::detail::OutboxEntry;
using relance::pipeline::detail::OutboxState;
using relance::pipeline::detail::QueuedAttachment;
using relance::pipeline::detail::QueuedMessage;
using relance::pipeline::detail::sha256_hex;
using relance::testing::PostalStub;
using relance::testing::read_file;
using relance::testing::run_command;
using relance::testing::ScopedEnv;
using relance::testing::TempDir;
using relance::testing::write_file;
namespace fs = std::filesystem;

using relance::testing::smtp_server_unavailable;
using relance::testing::SmtpServer;

namespace {

constexpr int kMessages = 1000;
constexpr int kKills = 6;

// `relance dispatch` as a child process, its output to `log` (not a terminal: no progress bar).
pid_t start_dispatch(const std::vector<std::string>& arguments, const fs::path& log) {
  std::vector<std::string> args = arguments;
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int null = ::open("/dev/null", O_RDONLY);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
    }
    if (null >= 0) dup2(null, STDIN_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

bool iequals_prefix(const std::string& line, const std::string& name) {
  if (line.size() < name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) !=
        std::tolower(static_cast<unsigned char>(name[i])))
      return false;
  return true;
}

// The value of a header of a raw message (unfolded, trimmed), empty when absent.
std::string header_value(const std::string& eml, const std::string& name) {
  const std::size_t end = eml.find("\r\n\r\n");
  const std::string head = eml.substr(0, end == std::string::npos ? eml.size() : end + 2);
  std::size_t at = 0;
  while (at < head.size()) {
    std::size_t eol = head.find("\r\n", at);
    if (eol == std::string::npos) eol = head.size();
    std::string line = head.substr(at, eol - at);
    at = eol + 2;
    if (!iequals_prefix(line, name + ":")) continue;
    std::string value = line.substr(name.size() + 1);
    while (at < head.size() && (head[at] == ' ' || head[at] == '\t')) {
      std::size_t next = head.find("\r\n", at);
      if (next == std::string::npos) next = head.size();
      value += head.substr(at, next - at);
      at = next + 2;
    }
    const auto first = value.find_first_not_of(" \t");
    const auto last = value.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
  }
  return {};
}

// "<rl-...@domain>" -> "rl-..." (empty when not of that shape).
std::string message_id_local_part(const std::string& value) {
  if (value.size() < 3 || value.front() != '<' || value.back() != '>') return {};
  const std::size_t at = value.find('@');
  return at == std::string::npos ? std::string() : value.substr(1, at - 1);
}

// The recipient of a stored message, from the envelope the server wrote beside it.
std::string envelope_recipient(const fs::path& json_path) {
  const std::string text = read_file(json_path);
  const std::size_t key = text.find("\"rcpt_tos\"");
  if (key == std::string::npos) return {};
  const std::size_t open = text.find('"', text.find('[', key));
  if (open == std::string::npos) return {};
  return text.substr(open + 1, text.find('"', open + 1) - open - 1);
}

struct Received {
  std::string file;
  std::string message_id;  // the local part of Message-ID
  std::string recipient;   // from the envelope
};

std::vector<Received> received_messages(const fs::path& inbox) {
  std::vector<Received> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(inbox))
    if (e.path().extension() == ".eml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    fs::path meta = f;
    meta.replace_extension(".json");
    out.push_back(Received{f.filename().string(),
                           message_id_local_part(header_value(read_file(f), "Message-ID")),
                           envelope_recipient(meta)});
  }
  return out;
}

std::string email_of(int n) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "compta%04d@client%04d.example", n, n);
  return buffer;
}

std::string customer_of(int n) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "C-%04d", n);
  return buffer;
}

// The channel of the n-th message: all emails, or in a mixed batch one in four a letter (half of
// those registered), interleaved so that kills land among both.
std::string channel_of(int n, bool mixed) {
  if (!mixed || n % 4 != 0) return "email";
  return n % 8 == 0 ? "registered" : "postal";
}

// 1,000 customers, each with its own address, and one message each with a small PDF of its own.
void queue_batch(const fs::path& db, const fs::path& letters, bool mixed) {
  std::string csv = "id,name,email,address_line1,post_code,city,country,language\n";
  for (int n = 1; n <= kMessages; ++n)
    csv += customer_of(n) + ",Client " + std::to_string(n) + " SARL," + email_of(n) +
           ",1 rue du Port,69002,Lyon,FR,fr\n";
  auto ledger = Ledger::open(db);
  const auto report = ledger->import_customers_csv(csv, "customers.csv");
  ASSERT_EQ(report.diagnostics.size(), 0u);
  const Date as_of = *Date::parse_iso("2026-12-09");
  std::vector<QueuedMessage> messages;
  fs::create_directories(letters);
  for (int n = 1; n <= kMessages; ++n) {
    QueuedMessage m;
    m.as_of = as_of;
    m.customer_id = customer_of(n);
    m.channel = channel_of(n, mixed);
    m.level = m.channel == "registered" ? "formal_notice"
              : m.channel == "postal"   ? "reminder_2"
                                        : "reminder_1";
    m.id = outbox_message_id(m.as_of, m.customer_id, m.level, m.channel);
    m.recipient_name = "Client " + std::to_string(n) + " SARL";
    m.country_code = "FR";
    if (m.channel == "email") {
      m.emails = {email_of(n)};
      m.subject = "Relance n° " + std::to_string(n);
      m.text_body = "Madame, Monsieur,\n\nveuillez trouver ci-joint notre relance.\n";
    } else {
      m.postal_address = {m.recipient_name, "1 rue du Port", "69002 Lyon", "FRANCE"};
    }
    const fs::path pdf = letters / (customer_of(n) + ".pdf");
    write_file(pdf, "%PDF-1.4\n% " + m.level + " " + std::to_string(n) + "\n%%EOF\n");
    m.attachments = {QueuedAttachment{m.level + ".pdf", "application/pdf", pdf.string(), ""}};
    messages.push_back(std::move(m));
  }
  ASSERT_EQ(ledger->enqueue(messages, static_cast<std::int64_t>(std::time(nullptr))),
            static_cast<std::size_t>(kMessages));
}

std::string config_text(const std::string& smtp_url, const std::string& postal_url) {
  std::string text =
      "[company]\nname = \"Atelier Dupont SARL\"\nline_one = \"12 rue des Lilas\"\n"
      "city = \"Lyon\"\npost_code = \"69003\"\ncountry_code = \"FR\"\n"
      "email = \"compta@atelier-dupont.example\"\n\n"
      "[dispatch]\nbackoff_base_seconds = 1\nretry_window_seconds = 10\n\n"
      "[dispatch.channels]\nemail = \"smtp\"\n";
  if (!postal_url.empty()) text += "postal = \"postal\"\nregistered = \"postal\"\n";
  text += "\n[dispatch.smtp]\nurl = \"" + smtp_url +
          "\"\nstarttls = false\n"
          "from = \"relances@atelier-dupont.example\"\n"
          "reply_to = \"recouvrement@atelier-dupont.example\"\n";
  if (!postal_url.empty()) text += "\n[dispatch.postal]\nurl = \"" + postal_url + "\"\n";
  return text;
}

struct Kills {
  int kills = 0;
  int finished_early = 0;
  std::size_t in_sending = 0;  // messages the journal held in `sending` at the kills, summed
  // How many kills found each message in `sending`: a message can be in doubt at two kills in a row
  // (the next run is killed while sending it again), and then arrive three times.
  std::map<std::string, int> kills_in_sending;
};

// `relance dispatch` started and killed with SIGKILL kKills times, each after a random delay (a
// fixed seed, so that a failure can be replayed). `servers` says what the servers hold, for the log.
Kills kill_at_random_points(const std::vector<std::string>& dispatch, const fs::path& tmp, const fs::path& db,
                            unsigned seed, const std::function<std::string()>& servers) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(50, 400);
  Kills k;
  for (int round = 0; round < kKills; ++round) {
    const int delay = delay_ms(random);
    const fs::path log = tmp / ("run-" + std::to_string(round) + ".log");
    const pid_t pid = start_dispatch(dispatch, log);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      ++k.finished_early;  // done (or failed) before the kill: nothing left to crash
      ADD_FAILURE() << "dispatch ended before its kill after " << delay << " ms (status " << status
                    << "): " << read_file(log);
      break;
    }
    EXPECT_EQ(kill(pid, SIGKILL), 0);
    EXPECT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
    ++k.kills;
    std::size_t sent = 0, sending = 0;
    for (const OutboxEntry& e : Ledger::open(db, false)->outbox_entries()) {
      sent += e.state == OutboxState::sent;
      sending += e.state == OutboxState::sending;
      if (e.state == OutboxState::sending) ++k.kills_in_sending[e.message.id];
    }
    k.in_sending += sending;
    std::cout << "[ crash    ] kill " << k.kills << " after " << delay << " ms: " << sent << " sent, "
              << sending << " in sending, " << servers() << "\n";
  }
  return k;
}

struct EmailCheck {
  std::size_t received = 0, duplicated = 0;
};

// Every email of the journal reached the SMTP server under its own id, only messages in doubt
// arrived twice, and the journal's count of sent emails is the server's count of distinct ones.
EmailCheck expect_every_email_delivered_once_or_in_doubt(const std::vector<OutboxEntry>& journal,
                                                         const fs::path& inbox, const Kills& kills) {
  std::map<std::string, const OutboxEntry*> by_id;
  std::map<std::string, std::string> id_of_recipient;
  std::size_t journal_sent = 0, journal_in_doubt = 0, emails = 0;
  for (const OutboxEntry& e : journal) {
    if (e.message.channel != "email") continue;
    ++emails;
    by_id[e.message.id] = &e;
    id_of_recipient[e.message.emails.at(0)] = e.message.id;
    EXPECT_EQ(e.state, OutboxState::sent) << e.message.id << ": " << e.last_answer;
    journal_sent += e.state == OutboxState::sent;
    journal_in_doubt += e.in_doubt;
    EXPECT_EQ(e.transport, "smtp") << e.message.id;
  }

  const std::vector<Received> received = received_messages(inbox);
  std::map<std::string, int> copies;                              // Message-ID -> copies
  std::map<std::string, std::set<std::string>> ids_of_recipient;  // envelope recipient -> Message-IDs
  for (const Received& r : received) {
    EXPECT_FALSE(r.message_id.empty()) << r.file << " has no Message-ID of relance's shape";
    EXPECT_TRUE(by_id.count(r.message_id)) << r.file << ": unknown Message-ID " << r.message_id;
    ++copies[r.message_id];
    ids_of_recipient[r.recipient].insert(r.message_id);
  }
  for (const auto& [id, entry] : by_id) EXPECT_GE(copies[id], 1) << id << " never arrived";
  // Every copy for a recipient carries the same Message-ID, the journal's id for it.
  for (const auto& [recipient, ids] : ids_of_recipient) {
    EXPECT_EQ(ids.size(), 1u) << recipient << " received " << ids.size() << " different Message-IDs";
    EXPECT_TRUE(id_of_recipient.count(recipient)) << recipient;
    EXPECT_EQ(*ids.begin(), id_of_recipient[recipient]) << recipient;
  }
  // A message received twice is one the journal marked in doubt.
  EmailCheck c;
  c.received = received.size();
  std::size_t extra_copies = 0;
  for (const auto& [id, n] : copies) {
    if (n < 2) continue;
    ++c.duplicated;
    extra_copies += static_cast<std::size_t>(n - 1);
    EXPECT_TRUE(by_id.count(id) && by_id[id]->in_doubt)
        << id << " received " << n << " times but not in doubt";
    const auto at_kills = kills.kills_in_sending.find(id);
    const int in_doubt_at_kills = at_kills == kills.kills_in_sending.end() ? 0 : at_kills->second;
    EXPECT_LE(n, 1 + in_doubt_at_kills)
        << id << " received " << n << " times, in sending at " << in_doubt_at_kills << " kill(s)";
  }
  EXPECT_EQ(journal_sent, copies.size());
  EXPECT_EQ(copies.size(), emails);
  EXPECT_EQ(received.size(), emails + extra_copies);
  EXPECT_LE(c.duplicated, journal_in_doubt);
  return c;
}

struct PostalCheck {
  std::size_t letters = 0, replayed = 0, in_doubt = 0;
};

// The stub created exactly one letter per postal message of the journal, with its PDF's bytes and
// the right product, and the journal records that letter's id; a message submitted more than once
// is one the journal marked in doubt or retried.
PostalCheck expect_every_letter_created_exactly_once(const std::vector<OutboxEntry>& journal,
                                                     const nlohmann::json& stub) {
  std::map<std::string, const nlohmann::json*> letter_of_key;
  std::map<std::string, int> letters_per_key;
  for (const nlohmann::json& letter : stub["letters"]) {
    const std::string key = letter.value("idempotency_key", "");
    ++letters_per_key[key];
    letter_of_key[key] = &letter;
  }
  std::map<std::string, int> creates_per_key;
  for (const nlohmann::json& request : stub["requests"])
    if (request.value("route", "") == "create" && request["idempotency_key"].is_string())
      ++creates_per_key[request["idempotency_key"].get<std::string>()];

  PostalCheck c;
  c.letters = stub["letters"].size();
  std::size_t postal = 0;
  for (const OutboxEntry& e : journal) {
    if (e.message.channel == "email") continue;
    ++postal;
    const std::string& id = e.message.id;
    EXPECT_EQ(e.state, OutboxState::sent) << id << ": " << e.last_answer;
    EXPECT_EQ(e.transport, "postal") << id;
    EXPECT_EQ(letters_per_key[id], 1) << id << ": the provider holds " << letters_per_key[id] << " letters";
    if (!letter_of_key.count(id)) continue;
    const nlohmann::json& letter = *letter_of_key[id];
    EXPECT_EQ(e.provider_reference, letter["id"].get<std::string>()) << id;
    EXPECT_EQ(letter["file_sha256"].get<std::string>(),
              sha256_hex(read_file(e.message.attachments.at(0).path)))
        << id;
    EXPECT_EQ(letter["attributes"]["delivery_product"].get<std::string>() == "registered",
              e.message.channel == "registered")
        << id;
    if (creates_per_key[id] > 1) {
      ++c.replayed;
      EXPECT_TRUE(e.in_doubt || e.attempts > 1) << id << " submitted " << creates_per_key[id] << " times";
    }
    c.in_doubt += e.in_doubt;
  }
  EXPECT_EQ(c.letters, postal) << "letters at the provider vs postal messages in the journal";
  return c;
}

std::vector<std::string> dispatch_command(const fs::path& db, const fs::path& config) {
  return {RELANCE_EXE, "dispatch", "--db", db.string(), "--config", config.string()};
}

}  // namespace

TEST(DispatchCrash, KilledAtRandomPointsThenRerunDeliversEveryMessageAndDuplicatesAreInDoubt) {
  if (const auto why = smtp_server_unavailable()) GTEST_SKIP() << *why;
  const auto started = std::chrono::steady_clock::now();
  TempDir tmp;
  const fs::path inbox = tmp / "inbox";
  const fs::path db = tmp / "relance.db";
  // A few milliseconds per message at the server, so that six kills within 400 ms of each start
  // all land before the batch is done, however fast the machine.
  SmtpServer server(inbox, {"--delay-data", "0.003"});
  queue_batch(db, tmp / "letters", false);
  if (HasFatalFailure()) return;
  write_file(tmp / "relance.toml", config_text(server.url(), ""));
  const auto dispatch = dispatch_command(db, tmp / "relance.toml");

  const Kills k = kill_at_random_points(dispatch, tmp.path(), db, 20261209u, [&] {
    return std::to_string(received_messages(inbox).size()) + " received";
  });
  EXPECT_GE(k.kills, 5);

  // Then to completion.
  const auto last = run_command(dispatch);
  ASSERT_EQ(last.exit_code, 0) << last.out << last.err;

  const std::vector<OutboxEntry> journal = Ledger::open(db, false)->outbox_entries();
  ASSERT_EQ(journal.size(), static_cast<std::size_t>(kMessages));
  std::size_t in_doubt = 0;
  for (const OutboxEntry& e : journal) in_doubt += e.in_doubt;
  const EmailCheck email = expect_every_email_delivered_once_or_in_doubt(journal, inbox, k);

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ crash    ] " << k.kills << " kills, " << k.in_sending << " message(s) in sending at kills, "
            << in_doubt << " in doubt, " << email.duplicated << " received twice, " << email.received
            << " received in all, " << seconds << " s\n";
  RecordProperty("kills", k.kills);
  RecordProperty("in_doubt", static_cast<int>(in_doubt));
  RecordProperty("duplicates", static_cast<int>(email.duplicated));
  EXPECT_EQ(k.finished_early, 0);
  EXPECT_LT(seconds, 120.0);
}

TEST(DispatchCrash, MixedBatchOfEmailsAndPostalLettersKilledThenRerunCreatesEachLetterExactlyOnce) {
  if (const auto why = smtp_server_unavailable()) GTEST_SKIP() << *why;
  if (const auto why = relance::testing::postal_stub_unavailable()) GTEST_SKIP() << *why;
  const auto started = std::chrono::steady_clock::now();
  TempDir tmp;
  const fs::path inbox = tmp / "inbox";
  const fs::path db = tmp / "relance.db";
  SmtpServer server(inbox, {"--delay-data", "0.003"});
  // The stub waits 20 ms between creating a letter and answering: a kill there leaves a letter the
  // journal never heard of (in doubt), which only the idempotency key keeps from being created twice.
  PostalStub stub(tmp / "postal-state.json", {"--lazy-state", "--create-delay", "0.02"});
  ScopedEnv id("RELANCE_POSTAL_CLIENT_ID", relance::testing::kPostalStubClientId);
  ScopedEnv secret("RELANCE_POSTAL_CLIENT_SECRET", relance::testing::kPostalStubClientSecret);
  ScopedEnv organisation("RELANCE_POSTAL_ORGANISATION", relance::testing::kPostalStubOrganisation);
  ScopedEnv url("RELANCE_POSTAL_URL", std::nullopt);
  queue_batch(db, tmp / "letters", true);
  if (HasFatalFailure()) return;
  write_file(tmp / "relance.toml", config_text(server.url(), stub.url()));
  const auto dispatch = dispatch_command(db, tmp / "relance.toml");

  const Kills k = kill_at_random_points(dispatch, tmp.path(), db, 20261124u, [&] {
    return std::to_string(received_messages(inbox).size()) + " emails received, " +
           std::to_string(stub.state()["letters"].size()) + " letters created";
  });
  EXPECT_GE(k.kills, 5);

  const auto last = run_command(dispatch);
  ASSERT_EQ(last.exit_code, 0) << last.out << last.err;

  const std::vector<OutboxEntry> journal = Ledger::open(db, false)->outbox_entries();
  ASSERT_EQ(journal.size(), static_cast<std::size_t>(kMessages));
  const EmailCheck email = expect_every_email_delivered_once_or_in_doubt(journal, inbox, k);
  const PostalCheck postal = expect_every_letter_created_exactly_once(journal, stub.state());
  EXPECT_EQ(postal.letters, static_cast<std::size_t>(kMessages / 4));

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ crash    ] " << k.kills << " kills, " << k.in_sending
            << " message(s) in sending at kills; emails: " << email.duplicated << " received twice, "
            << email.received << " received in all; letters: " << postal.letters << " created, "
            << postal.in_doubt << " in doubt, " << postal.replayed
            << " submitted again and answered from the idempotency key; " << seconds << " s\n";
  RecordProperty("kills", k.kills);
  RecordProperty("postal_in_doubt", static_cast<int>(postal.in_doubt));
  RecordProperty("postal_replayed", static_cast<int>(postal.replayed));
  EXPECT_EQ(k.finished_early, 0);
  EXPECT_LT(seconds, 120.0);
}
