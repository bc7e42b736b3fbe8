// relance dispatch: sends what the outbox holds that is due (outbox.hpp), with a progress bar on a
// terminal and a summary at the end.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <iostream>
#include <optional>
#include <ostream>

#include "channel_registry.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "ledger.hpp"
#include "outbox.hpp"

namespace relance::pipeline::detail {

namespace {

using formats::Date;

Date today() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

// One dispatch per ledger at a time: an exclusive lock on LEDGER.dispatch.lock, held until the
// end of the run (and released by the kernel when a run dies), so that a message in `sending`
// at the start of a run can only be one a dead run left.
class DispatchLock {
 public:
  explicit DispatchLock(const std::filesystem::path& ledger) : path_(ledger.string() + ".dispatch.lock") {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) fail(std::string("cannot create the lock file: ") + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int e = errno;
      ::close(fd_);
      fd_ = -1;
      fail(e == EWOULDBLOCK ? "another relance dispatch is running on this ledger; try again when it is done"
                            : std::string("cannot lock: ") + std::strerror(e));
    }
  }
  ~DispatchLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  DispatchLock(const DispatchLock&) = delete;
  DispatchLock& operator=(const DispatchLock&) = delete;

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw Error(Diagnostic{"RL-DISPATCH-003", Severity::fatal, Location{path_, {}, 0, 0}, message, {}});
  }
  std::string path_;
  int fd_ = -1;
};

// "\r[##########....................] 37/120" on a terminal, redrawn as the run goes.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err) : err_(err) {}
  void operator()(std::size_t done, std::size_t total) {
    if (total == 0) return;
    constexpr std::size_t width = 30;
    const std::size_t filled = done * width / total;
    if (drawn_ && filled == last_filled_ && done != total && done - last_done_ < 10) return;
    err_ << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] " << done << '/'
         << total << std::flush;
    drawn_ = true;
    last_filled_ = filled;
    last_done_ = done;
  }
  void finish() {
    if (drawn_) err_ << '\n';
  }

 private:
  std::ostream& err_;
  bool drawn_ = false;
  std::size_t last_filled_ = 0, last_done_ = 0;
};

void print_outcomes(std::ostream& out, const DispatchSummary& s, OutboxState state, const char* label,
                    bool in_doubt_only = false) {
  for (const auto& o : s.outcomes) {
    if (in_doubt_only ? !o.in_doubt : o.state != state) continue;
    out << "    " << o.id << "  " << o.channel << " by " << o.transport << "  " << o.customer_id << "  "
        << o.level;
    if (in_doubt_only)
      out << "  now " << outbox_state_name(o.state);
    else if (o.next_attempt_at)
      out << "  next attempt " << *o.next_attempt_at;
    if (!o.detail.empty()) out << "  " << label << o.detail;
    out << '\n';
  }
}

}  // namespace

ExitCode run_dispatch(const DispatchOptions& options, std::ostream& out, std::ostream& err) {
  Date as_of = today();
  if (!options.as_of.empty()) {
    const auto d = Date::parse_iso(options.as_of);
    if (!d) {
      err << "relance dispatch: --as-of must be a date YYYY-MM-DD, not '" << options.as_of << "'\n";
      return ExitCode::failure;
    }
    as_of = *d;
  }
  if (!options.channel.empty() && std::find(std::begin(message_channels), std::end(message_channels),
                                            options.channel) == std::end(message_channels)) {
    err << "relance dispatch: --channel must be email, postal, registered or agency, not '" << options.channel
        << "'\n";
    return ExitCode::failure;
  }
  auto config = load_config(options.config);
  for (const auto& d : config.diagnostics.items()) err << format_diagnostic(d) << '\n';
  if (!config.value) return ExitCode::failure;
  try {
    const auto db = ledger_path(options.db.empty() ? config.value->ledger_path : options.db);
    auto ledger = Ledger::open(db, false);
    std::optional<DispatchLock> lock;
    if (!options.dry_run) lock.emplace(db);

    DispatchRequest request;
    request.as_of = as_of;
    request.only_channel = options.channel;
    request.dry_run = options.dry_run;
    if (options.limit > 0) request.limit = options.limit;
    const DispatchConfig& dc = config.value->dispatch;
    request.retry.max_attempts = dc.max_attempts;
    request.retry.backoff_base_seconds = dc.backoff_base_seconds;
    request.retry.retry_window_seconds = dc.retry_window_seconds;

    ChannelSet channels(ChannelRegistry::builtin(), *config.value);
    const bool terminal = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
    ProgressBar bar(err);
    DispatchProgress progress;
    if (terminal && !options.dry_run)
      progress = [&bar](std::size_t done, std::size_t total) { bar(done, total); };
    const DispatchSummary s = dispatch_outbox(*ledger, channels, request, DispatchClock::system(), progress);
    bar.finish();
    if (options.summary) *options.summary = s;

    for (const auto& e : s.errors) err << "relance dispatch: " << e << '\n';
    out << "relance dispatch " << as_of.to_iso()
        << (options.dry_run ? " (dry run: nothing sent, the journal unchanged)" : "") << ": " << s.due
        << " message(s) due" << (options.channel.empty() ? "" : " on channel " + options.channel) << '\n';
    if (options.dry_run) {
      out << "  would send: " << s.sent << '\n';
      print_outcomes(out, s, OutboxState::sent, "");
      out << "  would cancel: " << s.cancelled << '\n';
      print_outcomes(out, s, OutboxState::cancelled, "");
      if (s.not_attempted > 0) out << "  left for a later run: " << s.not_attempted << '\n';
      return s.errors.empty() ? ExitCode::success : ExitCode::failure;
    }
    out << "  sent: " << s.sent << '\n';
    out << "  retried later: " << s.retry_later << '\n';
    print_outcomes(out, s, OutboxState::retry, "last answer: ");
    out << "  failed: " << s.failed << '\n';
    print_outcomes(out, s, OutboxState::failed, "answer: ");
    out << "  cancelled (items paid, disputed or promised since the letter): " << s.cancelled << '\n';
    print_outcomes(out, s, OutboxState::cancelled, "");
    out << "  in doubt (a previous run stopped while sending them; sent again under the same id): "
        << s.in_doubt << '\n';
    print_outcomes(out, s, OutboxState::sent, "", true);
    if (s.not_attempted > 0) out << "  not attempted (left queued): " << s.not_attempted << '\n';
    if (!s.errors.empty()) return ExitCode::failure;
    return s.failed > 0 ? ExitCode::rejected : ExitCode::success;
  } catch (const Error& e) {
    err << format_diagnostic(e.diagnostic) << '\n';
    return ExitCode::failure;
  }
}

}  // namespace relance::pipeline::detail
