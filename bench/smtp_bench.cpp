// Emails per second through the SMTP channel to a local SMTP server (issue 6: target 100/s).
//
// Usage: relance_bench_smtp [--messages N] [--attachment-kb K]
// Defaults: 500 messages, each with a text and an HTML body and one 45 KB PDF-like attachment
// (the size of a one-page Factur-X letter).
//
// It starts tests/support/smtp_server.py (Debian's python3-aiosmtpd under /usr/bin/python3) on
// 127.0.0.1, which stores every message to disk before answering 250, sends the N messages through
// one channel (one SMTP connection for the whole batch), checks the server holds them all, and
// prints the rate; then, for comparison, up to 100 messages with a new channel (a new connection)
// each. Without /usr/bin/python3 or aiosmtpd it says so and exits 0.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "smtp_channel.hpp"

namespace fs = std::filesystem;
using relance::pipeline::detail::Attachment;
using relance::pipeline::detail::make_smtp_channel;
using relance::pipeline::detail::OutgoingMessage;
using relance::pipeline::detail::SendStatus;
using relance::pipeline::detail::SmtpSettings;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

class Server {
 public:
  explicit Server(const fs::path& inbox) {
    std::vector<std::string> args = {kPython, RELANCE_SMTP_SERVER_SCRIPT, "serve", "--dir", inbox.string()};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int out[2];
    int in[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(127);
      dup2(in[0], STDIN_FILENO);
      dup2(out[1], STDOUT_FILENO);
      execv(kPython, argv.data());
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    stdin_ = in[1];
    std::string line;
    pollfd p{out[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&p, 1, 20000) > 0) {
      char buffer[256];
      const ssize_t n = read(out[0], buffer, sizeof buffer);
      if (n <= 0) break;
      line.append(buffer, static_cast<std::size_t>(n));
    }
    close(out[0]);
    if (line.rfind("PORT ", 0) != 0) {
      stop();
      throw std::runtime_error("the SMTP server did not start");
    }
    port_ = std::stoi(line.substr(5));
  }
  ~Server() { stop(); }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  int port() const { return port_; }

 private:
  void stop() {
    if (stdin_ >= 0) close(stdin_);
    stdin_ = -1;
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) != pid_; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (kill(pid_, 0) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }
  pid_t pid_ = -1;
  int stdin_ = -1;
  int port_ = 0;
};

OutgoingMessage message(int i, const std::string& pdf) {
  OutgoingMessage m;
  m.id = "bench-" + std::to_string(i);
  m.channel = "email";
  m.to = {"compta" + std::to_string(i % 97) + "@batiments-reunis.fr"};
  m.to_name = "Bâtiments Réunis SA — Comptabilité";
  m.subject = "Relance : facture FA-2026-" + std::to_string(1000 + i) + " échue — 1 603,80 €";
  m.text_body = "Madame, Monsieur,\n\nSauf erreur de notre part, la facture FA-2026-" +
                std::to_string(1000 + i) +
                " reste impayée pour un montant de 1 603,80 €.\n\nCordialement,\nAtelier Dupont\n";
  m.html_body =
      "<html><body><p>Madame, Monsieur,</p><p>Sauf erreur de notre part, la facture reste impayée "
      "pour un montant de <b>1&nbsp;603,80&nbsp;€</b>.</p></body></html>\n";
  m.attachments.push_back(
      Attachment{"relance-FA-2026-" + std::to_string(1000 + i) + ".pdf", "application/pdf", pdf});
  return m;
}

std::size_t count_messages(const fs::path& inbox) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(inbox))
    if (entry.path().extension() == ".eml") ++n;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  int messages = 500;
  std::size_t attachment_kb = 45;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--messages")
      messages = std::atoi(argv[i + 1]);
    else if (flag == "--attachment-kb")
      attachment_kb = static_cast<std::size_t>(std::atol(argv[i + 1]));
  }
  if (!fs::exists(kPython) || std::system("/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null") != 0) {
    std::printf(
        "smtp bench skipped: /usr/bin/python3 with aiosmtpd is needed (apt-get install python3-aiosmtpd)\n");
    return 0;
  }

  char pattern[] = "/tmp/relance-smtp-bench-XXXXXX";
  if (!mkdtemp(pattern)) return 2;
  const fs::path root = pattern;
  int rc = 0;
  try {
    std::mt19937 random(42);
    std::string pdf = "%PDF-1.7\n";
    while (pdf.size() < attachment_kb * 1024) pdf += static_cast<char>(random() & 0xFF);

    const fs::path inbox = root / "inbox";
    Server server(inbox);
    SmtpSettings settings;
    settings.url = "smtp://127.0.0.1:" + std::to_string(server.port());
    settings.starttls = false;  // the local test server has no TLS (plain SMTP: loopback only)
    settings.headers.from_address = "relances@atelier-dupont.fr";
    settings.headers.from_name = "Atelier Dupont — Recouvrement";
    settings.headers.reply_to = "recouvrement@atelier-dupont.fr";

    auto channel = make_smtp_channel(settings);
    int failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < messages; ++i)
      if (channel->send(message(i, pdf)).status != SendStatus::sent) ++failed;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    channel.reset();
    const std::size_t held = count_messages(inbox);
    std::printf(
        "smtp, one connection:   %d messages (%zu KB attachment) in %.3f s: %.1f emails/s "
        "(%d failed, server holds %zu)\n",
        messages, attachment_kb, seconds, messages / seconds, failed, held);
    if (failed != 0 || held != static_cast<std::size_t>(messages)) rc = 1;

    const int fresh = std::min(messages, 100);
    int fresh_failed = 0;
    const auto start2 = std::chrono::steady_clock::now();
    for (int i = 0; i < fresh; ++i)
      if (make_smtp_channel(settings)->send(message(messages + i, pdf)).status != SendStatus::sent)
        ++fresh_failed;
    const double seconds2 = std::chrono::duration<double>(std::chrono::steady_clock::now() - start2).count();
    std::printf("smtp, connection each:  %d messages in %.3f s: %.1f emails/s (%d failed)\n", fresh, seconds2,
                fresh / seconds2, fresh_failed);
    if (fresh_failed != 0) rc = 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "smtp bench: %s\n", e.what());
    rc = 2;
  }
  std::error_code ignored;
  fs::remove_all(root, ignored);
  return rc;
}
