#pragma once
// The outbox: the journal of every message relance sends, kept in the ledger (tables outbox,
// outbox_attachments, outbox_items, outbox_events; ledger_schema.cpp, migration 3), and the
// dispatcher that empties it through the channels (channel.hpp, channel_registry.hpp).
//
// A message is queued with a stable id before anything is sent (outbox_message_id). It then moves
//   pending -> sending -> sent | failed | retry | cancelled,   retry -> sending -> ...
// each transition its own committed transaction, with the transport that carried it, the
// provider's reference and the server's last answer. A message found in `sending` when a
// dispatch starts is in doubt: the run that sent it died between the server's answer and the
// commit. It is flagged in_doubt and sent again under the same id (the SMTP channel reuses the
// same Message-ID, the postal channel the same idempotency key), so a copy received twice is
// recognisably the same message.
//
// Just before a message goes, its items are checked again against the ledger: when every one of
// them is paid, disputed or under a promise not yet broken, the message is cancelled, with the
// reason, instead of being sent.
//
// Retries: a transient failure (SMTP 4xx, HTTP 429/5xx, timeout, refused connection) puts the
// message in `retry`, due again after base * 2^(attempts-1) seconds (capped at an hour), until
// max_attempts attempts have failed; then it fails for good. Within one run a retry is made only
// when it falls due within the retry window (60 s by default: with the default base of 30 s, the
// first two retries); the run then waits for it once everything else was sent. A later retry is
// left for the next `relance dispatch`, which takes every retry whose time has come.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "channel.hpp"
#include "relance/formats/date.hpp"

namespace relance::pipeline::detail {

class Ledger;
class ChannelSet;

// The scenario's channels a message may have (phone calls are tasks, not messages), and the
// transports [dispatch.channels] may send them by.
inline constexpr std::string_view message_channels[] = {"email", "postal", "registered", "agency"};
inline constexpr std::string_view dispatch_transports[] = {"spool", "smtp", "postal", "sftp"};

enum class OutboxState { pending, sending, sent, failed, retry, cancelled };
std::string_view outbox_state_name(OutboxState state);  // "pending", "sending", ...
std::optional<OutboxState> parse_outbox_state(std::string_view name);

// "rl-" and the first 24 hex digits of sha256("AS_OF|CUSTOMER|LEVEL|CHANNEL"): the same letter on
// the same channel always gets the same id, so queuing a batch twice queues nothing new.
std::string outbox_message_id(formats::Date as_of, std::string_view customer_id, std::string_view level,
                              std::string_view channel);

// A file a message carries, by path; its bytes are read (and their SHA-256 checked) when sent.
struct QueuedAttachment {
  std::string filename;  // as the recipient sees it
  std::string content_type = "application/pdf";
  std::string path;
  std::string sha256;  // of the file when queued; empty: not checked
};

// A message as queued: everything needed to send it later.
struct QueuedMessage {
  std::string id;  // outbox_message_id(...)
  formats::Date as_of = formats::Date::from_days(0);
  std::string customer_id;
  std::string level;
  std::string channel;          // "email", "postal", "registered", "agency"
  std::string language = "fr";  // "fr", "en", "de"
  std::string recipient_name;
  std::vector<std::string> emails;          // email: the customer's addresses
  std::vector<std::string> postal_address;  // postal, registered, agency: first line the name
  std::string country_code;
  std::string subject, text_body, html_body;
  std::vector<QueuedAttachment> attachments;  // the letter PDF first, then the statement
  std::vector<std::int64_t> item_ids;         // what the message claims: checked again before sending
};

// A row of the journal.
struct OutboxEntry {
  QueuedMessage message;
  OutboxState state = OutboxState::pending;
  int attempts = 0;
  bool in_doubt = false;
  std::optional<std::string> next_attempt_at;  // UTC "YYYY-MM-DDTHH:MM:SSZ", state retry only
  std::string transport;                       // spool, smtp, postal, sftp: the last that carried it
  std::string provider_reference;
  std::string last_answer;  // the server's answer, or why it was cancelled or failed
  std::string queued_at, last_attempt_at, finished_at;
  // Posted letters, once `relance track` asked the provider (empty before): the stage
  // (postal_channel.hpp PostalStage: in_progress, action_required, sent, delivered, failed,
  // unknown), the provider's own word, the registered letter's tracking number, and when.
  std::string delivery_stage, delivery_state, tracking_number, tracked_at;
};

// One transition, as outbox_events keeps it.
struct OutboxEvent {
  std::string at;  // UTC
  OutboxState state = OutboxState::pending;
  bool in_doubt = false;
  int attempt = 0;
  std::string transport, provider_reference, detail;
};

// Unix seconds to UTC "2026-11-23T09:30:00Z" and back (nullopt for any other shape).
std::string utc_timestamp(std::int64_t unix_seconds);
std::optional<std::int64_t> parse_utc_timestamp(std::string_view text);

struct RetryPolicy {
  int max_attempts = 5;
  std::int64_t backoff_base_seconds = 30;
  std::int64_t backoff_cap_seconds = 3600;
  std::int64_t retry_window_seconds = 60;  // retries due within this are made in the same run
};
// The wait after the n-th failed attempt (n >= 1): base * 2^(n-1), at most the cap.
std::int64_t backoff_seconds(const RetryPolicy& policy, int failed_attempts);

// The message as a channel takes it: the attachments read from their paths. Throws relance::Error
// RL-DISPATCH-002 when a file is gone or changed since the message was queued.
OutgoingMessage outgoing_message(const QueuedMessage& message);

// ---- The dispatcher

struct DispatchRequest {
  formats::Date as_of = formats::Date::from_days(0);  // the items are checked as of this date
  std::string only_channel;                           // "email", ...; empty: every channel
  bool dry_run = false;                               // say what would happen; send and change nothing
  std::optional<std::size_t> limit;                   // at most this many messages attempted
  RetryPolicy retry;
};

struct DispatchClock {
  std::function<std::int64_t()> now;                // Unix seconds
  std::function<void(std::int64_t seconds)> sleep;  // waits for an in-run retry
  static DispatchClock system();
};

// What became of one message in this run.
struct DispatchOutcome {
  std::string id, channel, transport, customer_id, level;
  OutboxState state = OutboxState::pending;  // at the end of the run (dry run: what would happen)
  bool in_doubt = false;
  int attempts = 0;
  std::string detail;  // provider reference, server answer, or reason
  std::optional<std::string> next_attempt_at;
};

struct DispatchSummary {
  std::size_t due = 0;  // messages due when the run started (after --channel)
  std::size_t sent = 0, retry_later = 0, failed = 0, cancelled = 0;
  std::size_t in_doubt = 0;         // found in `sending` and sent again
  std::size_t not_attempted = 0;    // left by --limit, or their transport could not be made
  std::vector<std::string> errors;  // transports that could not be made, with why
  std::vector<DispatchOutcome> outcomes;
};

using DispatchProgress = std::function<void(std::size_t done, std::size_t total)>;

// Sends what is due now: pending messages, retries whose time has come, and messages in doubt.
// Never throws for a delivery failure; a ledger failure (disk full) throws relance::Error. The
// caller holds the dispatch lock (one dispatch per ledger at a time).
DispatchSummary dispatch_outbox(Ledger& ledger, ChannelSet& channels, const DispatchRequest& request,
                                const DispatchClock& clock, const DispatchProgress& progress = {});

}  // namespace relance::pipeline::detail
