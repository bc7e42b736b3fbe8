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

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "smtp_channel.hpp"
#include "smtp_test_server.hpp"

namespace fs = std::filesystem;
using relance::pipeline::detail::Attachment;
using relance::pipeline::detail::make_smtp_channel;
using relance::pipeline::detail::OutgoingMessage;
using relance::pipeline::detail::SendStatus;
using relance::pipeline::detail::SmtpSettings;

namespace {

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
  if (const auto why = relance::testing::smtp_server_unavailable()) {
    std::printf("smtp bench skipped: %s\n", why->c_str());
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
    relance::testing::SmtpServer server(inbox, {});
    SmtpSettings settings;
    settings.url = server.url();
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
