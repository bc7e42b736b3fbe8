// relance track: where the letters handed to the postal provider are now. Registered letters
// matter most: the formal notice's date of delivery is what a court and the recovery agency ask
// for, so each change of stage is kept in the journal (and from there in the dossier's history).
#include <chrono>
#include <ctime>
#include <map>
#include <ostream>
#include <stdexcept>

#include "channel_registry.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "ledger.hpp"
#include "outbox.hpp"
#include "postal_channel.hpp"

namespace relance::pipeline::detail {

namespace {

// A stage from which a letter does not move any more.
bool final_stage(std::string_view stage) {
  return stage == to_string(PostalStage::delivered) || stage == to_string(PostalStage::failed);
}

bool to_track(const OutboxEntry& e, bool all) {
  return e.state == OutboxState::sent && e.transport == "postal" && !e.provider_reference.empty() &&
         (all || !final_stage(e.delivery_stage));
}

}  // namespace

ExitCode run_track(const TrackOptions& options, std::ostream& out, std::ostream& err) {
  auto config = load_config(options.config);
  for (const auto& d : config.diagnostics.items()) err << format_diagnostic(d) << '\n';
  if (!config.value) return ExitCode::failure;
  try {
    auto ledger =
        Ledger::open(ledger_path(options.db.empty() ? config.value->ledger_path : options.db), false);
    std::vector<OutboxEntry> letters;
    for (auto& e : ledger->outbox_entries())
      if (to_track(e, options.all)) letters.push_back(std::move(e));
    if (letters.empty()) {
      out << "relance track: no posted letter to ask about"
          << (options.all ? "" : " (every one is delivered or failed; --all asks again)") << '\n';
      return ExitCode::success;
    }

    std::unique_ptr<Channel> postal;
    try {
      postal = make_postal_channel(postal_settings(*config.value));
    } catch (const std::invalid_argument& e) {
      err << "relance track: [dispatch.postal]: " << e.what() << '\n';
      return ExitCode::failure;
    }

    std::map<std::string, std::size_t> by_stage;
    std::size_t changed = 0, not_asked = 0;
    for (std::size_t i = 0; i < letters.size(); ++i) {
      const OutboxEntry& e = letters[i];
      const PostalStatus s = postal_status(*postal, e.provider_reference);
      if (s.status == SendStatus::unusable) {
        // Credentials or settings: no other letter would get an answer either.
        not_asked += letters.size() - i;
        err << "relance track: the provider refuses us: " << s.detail << '\n';
        break;
      }
      if (s.status != SendStatus::sent) {
        ++not_asked;
        err << "relance track: " << e.message.id << " (" << e.provider_reference
            << "): " << (s.status == SendStatus::transient ? "not answered now, ask again later: " : "")
            << s.detail << '\n';
        continue;
      }
      const std::string stage = to_string(s.stage);
      ++by_stage[stage];
      const auto now = static_cast<std::int64_t>(std::time(nullptr));
      if (!ledger->outbox_tracked(e.message.id, stage, s.provider_state, s.tracking_number, now)) continue;
      ++changed;
      out << "  " << e.message.id << "  " << e.message.customer_id << "  " << e.message.level << " ("
          << e.message.channel << "): " << (e.delivery_stage.empty() ? "posted" : e.delivery_stage) << " -> "
          << stage << " (" << s.provider_state << ")"
          << (s.tracking_number.empty() ? "" : ", tracking " + s.tracking_number) << '\n';
    }

    out << "relance track: " << letters.size() << " posted letter(s) asked, " << changed << " changed";
    for (const auto& [stage, n] : by_stage) out << ", " << n << ' ' << stage;
    if (not_asked > 0) out << ", " << not_asked << " not answered";
    out << '\n';
    return not_asked > 0 ? ExitCode::rejected : ExitCode::success;
  } catch (const Error& e) {
    err << format_diagnostic(e.diagnostic) << '\n';
    return ExitCode::failure;
  }
}

}  // namespace relance::pipeline::detail
