// Crash safety of relance dispatch (issue 6, Acceptance): a batch of 1,000 email messages queued
// in the ledger, `relance dispatch` run as a child process against a real SMTP server on 127.0.0.1
// (tests/support/smtp_server.py, Debian's python3-aiosmtpd) and killed with SIGKILL at random
// points several times, then run to completion. Every message must have reached the server; a
// message received twice must be one the journal marked in doubt (killed between the server's
// acceptance and the journal's commit), both copies carrying the same Message-ID; and the journal
// must agree with what the server holds.

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
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../../pipeline/src/ledger.hpp"
#include "../../pipeline/src/outbox.hpp"
#include "smtp_test_server.hpp"
#include "test_support.hpp"

using relance::formats::Date;
using relance::pipeline::detail::Ledger;
using relance::pipeline::detail::outbox_message_id;
using relance::pipeline::detail::OutboxEntry;
using relance::pipeline::detail::OutboxState;
using relance::pipeline::detail::QueuedAttachment;
using relance::pipeline::detail::QueuedMessage;
using relance::testing::read_file;
using relance::testing::run_command;
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

  // 1,000 customers, each with its own address, and one email message each with a small PDF.
  {
    std::string csv = "id,name,email,address_line1,post_code,city,country,language\n";
    for (int n = 1; n <= kMessages; ++n)
      csv += customer_of(n) + ",Client " + std::to_string(n) + " SARL," + email_of(n) +
             ",1 rue du Port,69002,Lyon,FR,fr\n";
    auto ledger = Ledger::open(db);
    const auto report = ledger->import_customers_csv(csv, "customers.csv");
    ASSERT_EQ(report.diagnostics.size(), 0u);
    const Date as_of = *Date::parse_iso("2026-12-09");
    std::vector<QueuedMessage> messages;
    fs::create_directories(tmp / "letters");
    for (int n = 1; n <= kMessages; ++n) {
      QueuedMessage m;
      m.as_of = as_of;
      m.customer_id = customer_of(n);
      m.level = "reminder_1";
      m.channel = "email";
      m.id = outbox_message_id(m.as_of, m.customer_id, m.level, m.channel);
      m.recipient_name = "Client " + std::to_string(n) + " SARL";
      m.emails = {email_of(n)};
      m.country_code = "FR";
      m.subject = "Relance n° " + std::to_string(n);
      m.text_body = "Madame, Monsieur,\n\nveuillez trouver ci-joint notre relance.\n";
      const fs::path pdf = tmp / "letters" / (customer_of(n) + ".pdf");
      write_file(pdf, "%PDF-1.4\n% letter " + std::to_string(n) + "\n%%EOF\n");
      m.attachments = {QueuedAttachment{"reminder_1.pdf", "application/pdf", pdf.string(), ""}};
      messages.push_back(std::move(m));
    }
    ASSERT_EQ(ledger->enqueue(messages, static_cast<std::int64_t>(std::time(nullptr))),
              static_cast<std::size_t>(kMessages));
  }

  write_file(tmp / "relance.toml",
             "[company]\nname = \"Atelier Dupont SARL\"\nline_one = \"12 rue des Lilas\"\n"
             "city = \"Lyon\"\npost_code = \"69003\"\ncountry_code = \"FR\"\n"
             "email = \"compta@atelier-dupont.example\"\n\n"
             "[dispatch]\nbackoff_base_seconds = 1\nretry_window_seconds = 10\n\n"
             "[dispatch.channels]\nemail = \"smtp\"\n\n"
             "[dispatch.smtp]\nurl = \"" +
                 server.url() +
                 "\"\nstarttls = false\n"
                 "from = \"relances@atelier-dupont.example\"\n"
                 "reply_to = \"recouvrement@atelier-dupont.example\"\n");
  const std::vector<std::string> dispatch = {RELANCE_EXE, "dispatch", "--db",
                                             db.string(), "--config", (tmp / "relance.toml").string()};

  // Kill it at random points: a fixed seed, so a failure can be replayed.
  std::mt19937 random(20261209u);
  std::uniform_int_distribution<int> delay_ms(50, 400);
  int kills = 0;
  int finished_early = 0;
  std::size_t in_sending_at_kills = 0;
  for (int round = 0; round < kKills; ++round) {
    const int delay = delay_ms(random);
    const pid_t pid = start_dispatch(dispatch, tmp / ("run-" + std::to_string(round) + ".log"));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      ++finished_early;  // done (or failed) before the kill: nothing left to crash
      ADD_FAILURE() << "dispatch ended before its kill after " << delay << " ms (status " << status
                    << "): " << read_file(tmp / ("run-" + std::to_string(round) + ".log"));
      break;
    }
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
    ++kills;
    std::size_t sent = 0, sending = 0;
    for (const OutboxEntry& e : Ledger::open(db, false)->outbox_entries()) {
      sent += e.state == OutboxState::sent;
      sending += e.state == OutboxState::sending;
    }
    in_sending_at_kills += sending;
    std::cout << "[ crash    ] kill " << kills << " after " << delay << " ms: " << sent << " sent, "
              << sending << " in sending, " << received_messages(inbox).size() << " received\n";
  }
  EXPECT_GE(kills, 5);

  // Then to completion.
  const auto last = run_command(dispatch);
  ASSERT_EQ(last.exit_code, 0) << last.out << last.err;

  const std::vector<OutboxEntry> journal = Ledger::open(db, false)->outbox_entries();
  ASSERT_EQ(journal.size(), static_cast<std::size_t>(kMessages));
  std::map<std::string, const OutboxEntry*> by_id;
  std::map<std::string, std::string> id_of_recipient;
  std::size_t journal_sent = 0, journal_in_doubt = 0;
  for (const OutboxEntry& e : journal) {
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
    ASSERT_FALSE(r.message_id.empty()) << r.file << " has no Message-ID of relance's shape";
    EXPECT_TRUE(by_id.count(r.message_id)) << r.file << ": unknown Message-ID " << r.message_id;
    ++copies[r.message_id];
    ids_of_recipient[r.recipient].insert(r.message_id);
  }

  // Every message reached the server, each under its own journal id.
  for (const OutboxEntry& e : journal) EXPECT_GE(copies[e.message.id], 1) << e.message.id << " never arrived";
  // Every copy for a recipient carries the same Message-ID, the journal's id for it.
  for (const auto& [recipient, ids] : ids_of_recipient) {
    EXPECT_EQ(ids.size(), 1u) << recipient << " received " << ids.size() << " different Message-IDs";
    ASSERT_TRUE(id_of_recipient.count(recipient)) << recipient;
    EXPECT_EQ(*ids.begin(), id_of_recipient[recipient]) << recipient;
  }
  // A message received twice is one the journal marked in doubt.
  std::size_t duplicated = 0, extra_copies = 0;
  for (const auto& [id, n] : copies) {
    if (n < 2) continue;
    ++duplicated;
    extra_copies += static_cast<std::size_t>(n - 1);
    ASSERT_TRUE(by_id.count(id));
    EXPECT_TRUE(by_id[id]->in_doubt) << id << " received " << n << " times but not marked in doubt";
    EXPECT_LE(n, 2) << id << " received " << n << " times";
  }
  // The journal agrees with the server.
  EXPECT_EQ(journal_sent, copies.size());
  EXPECT_EQ(copies.size(), static_cast<std::size_t>(kMessages));
  EXPECT_EQ(received.size(), static_cast<std::size_t>(kMessages) + extra_copies);
  EXPECT_LE(duplicated, journal_in_doubt);

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ crash    ] " << kills << " kills, " << in_sending_at_kills
            << " message(s) in sending at kills, " << journal_in_doubt << " in doubt, " << duplicated
            << " received twice, " << received.size() << " received in all, " << seconds << " s\n";
  RecordProperty("kills", kills);
  RecordProperty("in_doubt", static_cast<int>(journal_in_doubt));
  RecordProperty("duplicates", static_cast<int>(duplicated));
  EXPECT_EQ(finished_early, 0);
  EXPECT_LT(seconds, 120.0);
}
