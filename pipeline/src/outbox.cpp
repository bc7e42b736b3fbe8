// The outbox's helpers (ids, times, backoff) and the dispatcher: what is due goes out through its
// channel, each step committed to the journal before the next (see outbox.hpp).
#include "outbox.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <set>
#include <thread>

#include "channel_registry.hpp"
#include "digest.hpp"
#include "inputs.hpp"
#include "ledger.hpp"

namespace relance::pipeline::detail {

namespace {

constexpr std::string_view state_names[] = {"pending", "sending", "sent", "failed", "retry", "cancelled"};

int two_digits(std::string_view text, std::size_t at) {
  const char a = text[at], b = text[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
  return (a - '0') * 10 + (b - '0');
}

std::string two(std::int64_t v) {
  return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

}  // namespace

std::string_view outbox_state_name(OutboxState state) {
  return state_names[static_cast<std::size_t>(state)];
}

std::optional<OutboxState> parse_outbox_state(std::string_view name) {
  for (std::size_t i = 0; i < std::size(state_names); ++i)
    if (state_names[i] == name) return static_cast<OutboxState>(i);
  return std::nullopt;
}

std::string outbox_message_id(formats::Date as_of, std::string_view customer_id, std::string_view level,
                              std::string_view channel) {
  const std::string key =
      as_of.to_iso() + "|" + std::string(customer_id) + "|" + std::string(level) + "|" + std::string(channel);
  return "rl-" + sha256_hex(key).substr(0, 24);
}

std::string utc_timestamp(std::int64_t unix_seconds) {
  std::int64_t days = unix_seconds / 86400;
  std::int64_t rest = unix_seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  return formats::Date::from_days(days).to_iso() + "T" + two(rest / 3600) + ":" + two(rest / 60 % 60) + ":" +
         two(rest % 60) + "Z";
}

std::optional<std::int64_t> parse_utc_timestamp(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return std::nullopt;
  const auto date = formats::Date::parse_iso(text.substr(0, 10));
  const int h = two_digits(text, 11), m = two_digits(text, 14), s = two_digits(text, 17);
  if (!date || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60) return std::nullopt;
  return date->days_since_epoch() * 86400 + h * 3600 + m * 60 + s;
}

std::int64_t backoff_seconds(const RetryPolicy& policy, int failed_attempts) {
  std::int64_t wait = std::max<std::int64_t>(policy.backoff_base_seconds, 0);
  for (int i = 1; i < failed_attempts && wait < policy.backoff_cap_seconds; ++i) wait *= 2;
  return std::min(wait, policy.backoff_cap_seconds);
}

OutgoingMessage outgoing_message(const QueuedMessage& m) {
  OutgoingMessage out;
  out.id = m.id;
  out.channel = m.channel;
  out.customer_id = m.customer_id;
  out.level = m.level;
  out.to = m.emails;
  out.to_name = m.recipient_name;
  out.subject = m.subject;
  out.text_body = m.text_body;
  out.html_body = m.html_body;
  out.postal_address = m.postal_address;
  out.country_code = m.country_code;
  for (const QueuedAttachment& a : m.attachments) {
    Diagnostics diags;
    auto bytes = read_input(a.path, diags);
    std::string problem;
    if (!bytes)
      problem = "attachment " + a.filename + " cannot be read (" + a.path + "): the file is gone";
    else if (!a.sha256.empty() && sha256_hex(*bytes) != a.sha256)
      problem = "attachment " + a.filename + " (" + a.path + ") changed since the message was queued";
    if (!problem.empty())
      throw Error(Diagnostic{"RL-DISPATCH-002", Severity::fatal, Location{a.path, {}, 0, 0}, problem, {}});
    out.attachments.push_back(Attachment{a.filename, a.content_type, std::move(*bytes)});
  }
  return out;
}

DispatchClock DispatchClock::system() {
  DispatchClock c;
  c.now = [] {
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
  };
  c.sleep = [](std::int64_t seconds) {
    if (seconds > 0) std::this_thread::sleep_for(std::chrono::seconds(seconds));
  };
  return c;
}

namespace {

std::string recipient_of(const QueuedMessage& m) {
  if (m.channel == "email") {
    std::string to;
    for (const auto& e : m.emails) to += (to.empty() ? "" : ", ") + e;
    return to.empty() ? std::string("(no email address)") : to;
  }
  return m.postal_address.empty() ? std::string("(no postal address)") : m.postal_address.front();
}

class Dispatcher {
 public:
  Dispatcher(Ledger& ledger, ChannelSet& channels, const DispatchRequest& request, const DispatchClock& clock,
             const DispatchProgress& progress)
      : ledger_(ledger), channels_(channels), request_(request), clock_(clock), progress_(progress) {}

  DispatchSummary run() {
    std::set<std::string> recovered;
    if (!request_.dry_run)
      for (auto& id : ledger_.outbox_recover_in_doubt(clock_.now())) recovered.insert(std::move(id));
    std::vector<OutboxEntry> due = ledger_.outbox_due(clock_.now());
    if (!request_.only_channel.empty())
      std::erase_if(due, [&](const OutboxEntry& e) { return e.message.channel != request_.only_channel; });
    summary_.due = due.size();
    total_ = due.size();
    report_progress();
    for (OutboxEntry& e : due) {
      if (recovered.count(e.message.id) || e.state == OutboxState::sending) e.in_doubt = true;
      process(e);
    }
    // The retries due within the window, earliest first, once everything else went.
    while (!waiting_.empty()) {
      const auto first = waiting_.begin();
      const std::int64_t at = first->first;
      const std::string id = first->second;
      waiting_.erase(first);
      clock_.sleep(at - clock_.now());
      auto entry = ledger_.outbox_entry(id);
      if (!entry || entry->state != OutboxState::retry) {
        finish(id);
        continue;
      }
      process(*entry);
    }
    return std::move(summary_);
  }

 private:
  DispatchOutcome& outcome_of(const OutboxEntry& e) {
    const auto it = outcome_index_.find(e.message.id);
    if (it != outcome_index_.end()) return summary_.outcomes[it->second];
    outcome_index_[e.message.id] = summary_.outcomes.size();
    DispatchOutcome o;
    o.id = e.message.id;
    o.channel = e.message.channel;
    o.customer_id = e.message.customer_id;
    o.level = e.message.level;
    o.state = e.state;
    o.in_doubt = e.in_doubt;
    o.attempts = e.attempts;
    if (e.in_doubt) ++summary_.in_doubt;
    summary_.outcomes.push_back(std::move(o));
    return summary_.outcomes.back();
  }

  void finish(const std::string&) {
    ++done_;
    report_progress();
  }

  void report_progress() {
    if (progress_) progress_(done_, total_);
  }

  void process(const OutboxEntry& e) {
    DispatchOutcome& o = outcome_of(e);
    const std::string& id = e.message.id;
    o.transport = channels_.transport_for(e.message.channel);

    // The re-check: a letter whose items were all paid, disputed or promised meanwhile is not sent.
    if (const auto reason = ledger_.no_longer_due(e.message.item_ids, request_.as_of)) {
      const std::string why = "not sent: " + *reason + " (as of " + request_.as_of.to_iso() + ")";
      if (request_.dry_run || ledger_.outbox_cancel(id, why, clock_.now())) {
        o.state = OutboxState::cancelled;
        o.detail = why;
        ++summary_.cancelled;
      }
      finish(id);
      return;
    }
    const bool first_attempt_here = attempted_.count(id) == 0;
    if (first_attempt_here && request_.limit && attempted_.size() >= *request_.limit) {
      o.detail = "left for a later run (--limit)";
      ++summary_.not_attempted;
      finish(id);
      return;
    }
    if (!channels_.available(o.transport)) {
      o.detail = "the '" + o.transport + "' transport is not available in this build";
      note_error(o.transport,
                 "RL-DISPATCH-001: " + o.detail + " ([dispatch.channels] " + e.message.channel + ")");
      ++summary_.not_attempted;
      finish(id);
      return;
    }
    if (request_.dry_run) {
      attempted_.insert(id);
      o.state = OutboxState::sent;
      o.detail = "would send by " + o.transport + " to " + recipient_of(e.message) +
                 (e.in_doubt ? " (in doubt: sent again under the same id)" : "");
      ++summary_.sent;
      finish(id);
      return;
    }
    Channel* channel = nullptr;
    try {
      channel = &channels_.channel(o.transport);
    } catch (const Error& err) {
      o.detail = err.diagnostic.message;
      note_error(o.transport, err.diagnostic.rule_id + ": " + err.diagnostic.message);
      ++summary_.not_attempted;
      finish(id);
      return;
    }
    OutgoingMessage message;
    try {
      message = outgoing_message(e.message);
    } catch (const Error& err) {
      ledger_.outbox_failed(id, err.diagnostic.message, clock_.now());
      o.state = OutboxState::failed;
      o.detail = err.diagnostic.message;
      ++summary_.failed;
      finish(id);
      return;
    }
    if (!ledger_.outbox_begin(id, o.transport, clock_.now())) {
      o.detail = "taken by another run";
      finish(id);
      return;
    }
    attempted_.insert(id);
    const int attempts = e.attempts + 1;
    o.attempts = attempts;
    SendResult result;
    try {
      result = channel->send(message);
    } catch (const std::exception& ex) {
      result = {SendStatus::transient, {}, std::string("the channel failed: ") + ex.what()};
    }
    const std::int64_t now = clock_.now();
    switch (result.status) {
      case SendStatus::sent:
        ledger_.outbox_sent(id, result.provider_reference, result.detail, now);
        o.state = OutboxState::sent;
        o.detail = result.provider_reference.empty() ? result.detail : result.provider_reference;
        ++summary_.sent;
        break;
      case SendStatus::unusable:
        // Nothing was handed over: the message goes back to the queue untouched, and so do the
        // others of this transport (channels_.disable), until the setting is put right.
        ledger_.outbox_release(id, "not sent: " + result.detail, now);
        o.state = OutboxState::pending;
        o.detail = result.detail;
        ++summary_.not_attempted;
        channels_.disable(o.transport, result.detail);
        note_error(o.transport, "RL-DISPATCH-001: the '" + o.transport + "' transport refuses us: " +
                                    result.detail + "; its messages stay queued");
        break;
      case SendStatus::permanent:
        ledger_.outbox_failed(id, result.detail, now);
        o.state = OutboxState::failed;
        o.detail = result.detail;
        ++summary_.failed;
        break;
      case SendStatus::transient: {
        if (attempts >= request_.retry.max_attempts) {
          const std::string why =
              "gave up after " + std::to_string(attempts) + " attempts; last answer: " + result.detail;
          ledger_.outbox_failed(id, why, now);
          o.state = OutboxState::failed;
          o.detail = why;
          ++summary_.failed;
          break;
        }
        const std::int64_t next = now + backoff_seconds(request_.retry, attempts);
        ledger_.outbox_retry(id, result.detail, next, now);
        o.state = OutboxState::retry;
        o.detail = result.detail;
        o.next_attempt_at = utc_timestamp(next);
        if (next - now <= request_.retry.retry_window_seconds) {
          waiting_.emplace(next, id);
          return;  // not done yet: retried in this run
        }
        ++summary_.retry_later;
        break;
      }
    }
    finish(id);
  }

  void note_error(const std::string& transport, const std::string& message) {
    if (errors_seen_.insert(transport).second) summary_.errors.push_back(message);
  }

  Ledger& ledger_;
  ChannelSet& channels_;
  const DispatchRequest& request_;
  const DispatchClock& clock_;
  const DispatchProgress& progress_;
  DispatchSummary summary_;
  std::map<std::string, std::size_t> outcome_index_;
  std::set<std::string> attempted_;
  std::set<std::string> errors_seen_;
  std::multimap<std::int64_t, std::string> waiting_;
  std::size_t done_ = 0, total_ = 0;
};

}  // namespace

DispatchSummary dispatch_outbox(Ledger& ledger, ChannelSet& channels, const DispatchRequest& request,
                                const DispatchClock& clock, const DispatchProgress& progress) {
  return Dispatcher(ledger, channels, request, clock, progress).run();
}

}  // namespace relance::pipeline::detail
