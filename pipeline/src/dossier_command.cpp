// relance dossier export|send: the recovery-agency dossiers of the formal notices whose deadline
// passed, and their delivery by SFTP, recorded in OUT/dossiers/sent.jsonl so that each goes once.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "config.hpp"
#include "digest.hpp"
#include "dossier.hpp"
#include "dossier_commands.hpp"
#include "ledger.hpp"
#include "sftp_upload.hpp"

namespace relance::pipeline::detail {

namespace {

namespace fs = std::filesystem;
using formats::Date;
using Json = nlohmann::json;

struct ExportOptions {
  std::string as_of;
  std::string db;
  std::string config;
  std::string output = "out";
  std::string letters = "out/letters";
  std::string templates;
};

struct SendOptions {
  std::string as_of;
  std::string db;
  std::string config;
  std::string output = "out";
};

Date today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::optional<std::string> read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

std::optional<Config> configuration(const std::string& path, std::ostream& err) {
  auto config = load_config(path);
  for (const auto& d : config.diagnostics.items()) err << format_diagnostic(d) << '\n';
  return std::move(config.value);
}

ExitCode run_export(const ExportOptions& o, std::ostream& out, std::ostream& err) {
  const auto as_of = Date::parse_iso(o.as_of);
  if (!as_of) {
    err << "relance dossier export: --as-of must be a date YYYY-MM-DD, not '" << o.as_of << "'\n";
    return ExitCode::failure;
  }
  const auto config = configuration(o.config, err);
  if (!config) return ExitCode::failure;
  try {
    const auto ledger = Ledger::open(ledger_path(o.db.empty() ? config->ledger_path : o.db), false);
    DossierExportOptions options;
    options.as_of = *as_of;
    options.output = o.output;
    options.letters = o.letters;
    options.templates = o.templates;
    const DossierExportReport report = export_dossiers(*ledger, *config, options);
    out << "relance dossier export " << as_of->to_iso() << ": " << report.dossiers.size() << " dossier(s)";
    if (!report.dossiers.empty())
      out << " in " << (fs::path(o.output) / "dossiers" / as_of->to_iso()).string();
    out << '\n';
    for (const auto& d : report.dossiers) {
      out << "  " << d.customer_id << "  " << d.customer_name << "  " << d.total.rounded(2).to_string() << ' '
          << d.currency << "  " << d.zip.string() << '\n';
      for (const auto& n : d.notes) err << "warning: " << d.customer_id << ": " << n << '\n';
    }
    for (const auto& c : report.already_sent)
      out << "  " << c << ": already handed over to the agency (see "
          << dossier_journal_path(o.output).string() << ")\n";
    for (const auto& s : report.skipped)
      out << "  " << s.customer_id << ": formal notice of " << s.notice_date.to_iso()
          << " not handed over: " << s.reason << '\n';
    return ExitCode::success;
  } catch (const Error& e) {
    err << format_diagnostic(e.diagnostic) << '\n';
    return ExitCode::failure;
  } catch (const fs::filesystem_error& e) {
    err << "fatal: " << e.path1().string() << ": RL-OUT-001 " << e.code().message() << '\n';
    return ExitCode::failure;
  }
}

// An exported ZIP waiting to go.
struct Pending {
  fs::path zip;
  Date export_date = Date::from_days(0);
};

std::vector<Pending> exported_zips(const fs::path& root, const std::optional<Date>& only) {
  std::vector<Pending> out;
  std::error_code ec;
  for (fs::directory_iterator days(root, ec), end; !ec && days != end; days.increment(ec)) {
    const auto date = Date::parse_iso(days->path().filename().string());
    if (!date || !days->is_directory(ec) || (only && *date != *only)) continue;
    std::error_code inner;
    for (fs::directory_iterator it(days->path(), inner), stop; !inner && it != stop; it.increment(inner))
      if (it->path().extension() == ".zip" && it->is_regular_file(inner)) out.push_back({it->path(), *date});
  }
  std::sort(out.begin(), out.end(), [](const Pending& a, const Pending& b) { return a.zip < b.zip; });
  return out;
}

// Only one `dossier send` at a time on an output folder: the journal is read, then appended to.
class SendLock {
 public:
  explicit SendLock(const fs::path& root) {
    fs::create_directories(root);
    const fs::path file = root / ".send.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0)
      throw Error(Diagnostic{"RL-DOSSIER-001",
                             Severity::fatal,
                             Location{file.string(), {}, 0, 0},
                             "another relance dossier send is running on this folder",
                             {}});
  }
  ~SendLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  SendLock(const SendLock&) = delete;
  SendLock& operator=(const SendLock&) = delete;

 private:
  int fd_ = -1;
};

ExitCode run_send(const SendOptions& o, std::ostream& out, std::ostream& err) {
  std::optional<Date> only;
  if (!o.as_of.empty()) {
    only = Date::parse_iso(o.as_of);
    if (!only) {
      err << "relance dossier send: --as-of must be a date YYYY-MM-DD, not '" << o.as_of << "'\n";
      return ExitCode::failure;
    }
  }
  const auto config = configuration(o.config, err);
  if (!config) return ExitCode::failure;
  auto settings = SftpSettings::resolve(config->dispatch.sftp);
  for (const auto& d : settings.diagnostics.items()) err << format_diagnostic(d) << '\n';
  if (!settings.value) return ExitCode::failure;

  std::size_t sent = 0, already = 0, cancelled = 0, failed = 0;
  try {
    const auto ledger = Ledger::open(ledger_path(o.db.empty() ? config->ledger_path : o.db), false);
    const fs::path root = fs::path(o.output) / "dossiers";
    const SendLock lock(root);
    const fs::path journal = dossier_journal_path(o.output);
    std::map<std::string, SentDossier> by_sha;
    std::set<std::pair<std::string, std::string>> handed_over;
    for (auto& s : read_dossier_journal(journal)) {
      handed_over.emplace(s.customer_id, s.formal_notice);
      by_sha.emplace(s.sha256, std::move(s));
    }
    std::unique_ptr<SftpUploader> uploader;  // connects only when something is to be sent
    const Date now = today();

    for (const auto& pending : exported_zips(root, only)) {
      const std::string label = fs::relative(pending.zip, root).string();
      const auto bytes = read_bytes(pending.zip);
      if (!bytes) {
        err << "fatal: " << pending.zip.string() << ": RL-DOSSIER-002 cannot read the ZIP\n";
        ++failed;
        continue;
      }
      const std::string sha = sha256_hex(*bytes);
      if (const auto s = by_sha.find(sha); s != by_sha.end()) {
        out << "  " << label << ": already sent (" << s->second.sent_at << ")\n";
        ++already;
        continue;
      }
      // What the dossier claims, from its own manifest.
      Json manifest;
      try {
        for (const auto& entry : read_zip(pending.zip))
          if (entry.name == "manifest.json") manifest = Json::parse(entry.bytes, nullptr, false);
      } catch (const Error& e) {
        // A damaged ZIP stops itself, not the batch.
        err << format_diagnostic(e.diagnostic) << '\n';
        ++failed;
        continue;
      }
      if (!manifest.is_object() || !manifest.contains("debtor") || !manifest.contains("formal_notice") ||
          !manifest.contains("items")) {
        err << "fatal: " << pending.zip.string()
            << ": RL-DOSSIER-002 the ZIP has no readable manifest.json\n";
        ++failed;
        continue;
      }
      SentDossier record;
      record.sha256 = sha;
      record.customer_id = manifest["debtor"].value("id", "");
      record.formal_notice = manifest["formal_notice"].value("date", "");
      record.as_of = pending.export_date.to_iso();
      record.zip = pending.zip.string();
      const auto notice_date = Date::parse_iso(record.formal_notice);
      if (record.customer_id.empty() || !notice_date) {
        err << "fatal: " << pending.zip.string()
            << ": RL-DOSSIER-002 manifest.json names no debtor or formal notice\n";
        ++failed;
        continue;
      }
      if (handed_over.count({record.customer_id, record.formal_notice})) {
        out << "  " << label << ": not sent: the formal notice of " << record.formal_notice << " to "
            << record.customer_id << " was handed over already\n";
        ++already;
        continue;
      }
      // Checked again against the ledger as it is now: a payment, dispute or promise since the
      // export keeps the debtor with the collections team.
      std::vector<DossierItemRef> items;
      for (const auto& item : manifest["items"])
        if (item.is_object()) items.push_back({item.value("id", std::int64_t{0}), item.value("number", "")});
      const std::string reason = dossier_still_stands(*ledger, record.customer_id, *notice_date, items,
                                                      std::max(now, pending.export_date));
      if (!reason.empty()) {
        out << "  " << label << ": not sent: " << reason << '\n';
        ++cancelled;
        continue;
      }

      if (!uploader) uploader = std::make_unique<SftpUploader>(*settings.value);
      const std::string remote = record.as_of + "-" + pending.zip.filename().string();
      record.remote = uploader->remote_url(remote);
      // Sent before, and the journal lost it (killed between the rename and the journal's write):
      // the same bytes on the server count as sent; different ones are never overwritten.
      if (const auto there = uploader->fetch(remote)) {
        if (sha256_hex(*there) != sha) {
          err << "fatal: " << record.remote
              << ": RL-SFTP-001 a different file of that name is on the server: "
              << "not overwritten\n";
          ++failed;
          continue;
        }
        out << "  " << label << ": already on the server as " << record.remote << '\n';
      } else {
        uploader->upload(*bytes, remote);
        out << "  " << label << ": sent to " << record.remote << '\n';
      }
      record.sent_at = utc_now();
      append_dossier_journal(journal, record);
      handed_over.emplace(record.customer_id, record.formal_notice);
      by_sha.emplace(sha, record);
      ++sent;
    }
  } catch (const Error& e) {
    // The connection, the authentication or the host key: the next dossiers would fail the same way.
    err << format_diagnostic(e.diagnostic) << '\n';
    ++failed;
  } catch (const fs::filesystem_error& e) {
    err << "fatal: " << e.path1().string() << ": RL-OUT-001 " << e.code().message() << '\n';
    ++failed;
  }
  out << "relance dossier send: " << sent << " sent, " << already << " already sent, " << cancelled
      << " no longer due" << (failed ? ", " + std::to_string(failed) + " failed" : std::string{}) << '\n';
  return failed ? ExitCode::failure : ExitCode::success;
}

}  // namespace

struct DossierCommands::State {
  ExportOptions export_options;
  SendOptions send_options;
  CLI::App* export_cmd = nullptr;
  CLI::App* send_cmd = nullptr;
};

DossierCommands::DossierCommands(CLI::App& app) : state_(std::make_unique<State>()) {
  State& s = *state_;
  CLI::App* dossier = app.add_subcommand(
      "dossier",
      "Recovery-agency dossiers: export those whose formal notice went unanswered, send them by SFTP");
  dossier->require_subcommand(1);

  s.export_cmd = dossier->add_subcommand(
      "export",
      "For each formal notice whose deadline (8 days) passed with no payment, dispute or promise since, a "
      "folder and a ZIP per debtor: the formal notice, the unpaid invoices as Factur-X, the statement, the "
      "reminder history, the letters, manifest.json");
  ExportOptions& e = s.export_options;
  s.export_cmd->add_option("--as-of", e.as_of, "The date (YYYY-MM-DD)")->required();
  s.export_cmd->add_option("--db", e.db, "Ledger file (default: [ledger] path, $RELANCE_DB, ./relance.db)");
  s.export_cmd->add_option("--config", e.config, "Configuration file (company, interest)");
  s.export_cmd->add_option("--out", e.output,
                           "Output folder: dossiers go to OUT/dossiers/AS_OF/ (default: out)");
  s.export_cmd->add_option("--letters", e.letters,
                           "Where relance remind wrote the letters (its --out; default: out/letters)");
  s.export_cmd->add_option("--templates", e.templates, "A templates folder instead of the default");
  s.export_cmd->footer(
      "A debtor's folder is OUT/dossiers/AS_OF/<customer id made safe>/, its ZIP next to it. manifest.json\n"
      "lists the debtor, principal, interest and indemnity on AS_OF, the items and the SHA-256 of every "
      "file.\n"
      "A formal notice already handed over (OUT/dossiers/sent.jsonl) is not exported again.");

  s.send_cmd = dossier->add_subcommand(
      "send", "Upload the exported dossiers to the agency by SFTP, each exactly once");
  SendOptions& d = s.send_options;
  s.send_cmd->add_option("--as-of", d.as_of, "Only the dossiers exported on this date (default: all)");
  s.send_cmd->add_option("--db", d.db, "Ledger file (default: [ledger] path, $RELANCE_DB, ./relance.db)");
  s.send_cmd->add_option("--config", d.config, "Configuration file");
  s.send_cmd->add_option("--out", d.output, "The export's output folder (default: out)");
  s.send_cmd->footer(
      "Settings: [dispatch.sftp] url (sftp://host:port/folder/), private_key (KEY.pub is used when\n"
      "present; public_key names another) and known_hosts (the server's host key: any other key is\n"
      "refused), each else RELANCE_SFTP_URL, RELANCE_SFTP_KEY, RELANCE_SFTP_KNOWN_HOSTS; the user from\n"
      "the URL or RELANCE_SFTP_USER and a key passphrase from RELANCE_SFTP_KEY_PASSPHRASE, never a file.\n"
      "Each ZIP goes up as .NAME.part, then is renamed AS_OF-NAME.zip, and is recorded in\n"
      "OUT/dossiers/sent.jsonl: a dossier recorded there is never sent again. Just before sending, its "
      "items\n"
      "are checked against the ledger: one paid, disputed or promised since the formal notice stops it.");
}

DossierCommands::~DossierCommands() = default;

std::optional<ExitCode> DossierCommands::run(std::ostream& out, std::ostream& err) const {
  const State& s = *state_;
  if (s.export_cmd->parsed()) return run_export(s.export_options, out, err);
  if (s.send_cmd->parsed()) return run_send(s.send_options, out, err);
  return std::nullopt;
}

}  // namespace relance::pipeline::detail
