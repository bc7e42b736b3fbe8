// The outbox journal in the ledger: queuing, the state transitions (each its own transaction and
// one row of outbox_events), and the re-check of a message's items before it is sent.
#include <algorithm>

#include "ledger_impl.hpp"

namespace relance::pipeline::detail {

using formats::Date;
using sql::Statement;
using sql::Transaction;

namespace {

// Lists are stored one value per line: a value never holds a line break.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string join_lines(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : "\n") + one_line(v);
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

OutboxState state_of(std::string_view text) {
  return parse_outbox_state(text).value_or(OutboxState::failed);
}

constexpr const char* entry_columns =
    "SELECT o.id, o.as_of, o.customer_id, o.level, o.channel, o.language, o.recipient_name, "
    "o.recipient_emails, o.postal_address, o.country_code, o.subject, o.text_body, o.html_body, o.state, "
    "o.attempts, o.in_doubt, o.next_attempt_at, o.transport, o.provider_reference, o.last_answer, "
    "o.queued_at, COALESCE(o.last_attempt_at, ''), COALESCE(o.finished_at, ''), o.delivery_stage, "
    "o.delivery_state, o.tracking_number, COALESCE(o.tracked_at, '') FROM outbox o ";

}  // namespace

bool SqliteLedger::enqueue_one(const QueuedMessage& m, std::optional<std::int64_t> letter_id,
                               const std::string& now) {
  if (m.id.empty()) ledger_error("RL-LEDGER-004", db_->file(), "a queued message needs an id");
  if (std::find(std::begin(message_channels), std::end(message_channels), m.channel) ==
      std::end(message_channels))
    ledger_error("RL-LEDGER-004", db_->file(),
                 "message " + m.id + ": '" + m.channel + "' is not a channel that sends messages");
  {
    Statement& known = db_->cached("SELECT 1 FROM outbox WHERE id = ?1");
    known.bind(1, m.id);
    const bool exists = known.step();
    known.reset();
    if (exists) return false;
  }
  if (!customer(m.customer_id))
    ledger_error("RL-LEDGER-002", db_->file(), "no customer '" + m.customer_id + "' in the ledger");
  Statement& ins = db_->cached(
      "INSERT INTO outbox (id, letter_id, as_of, customer_id, level, channel, language, recipient_name, "
      "recipient_emails, postal_address, country_code, subject, text_body, html_body, queued_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  ins.bind(1, m.id)
      .bind(2, letter_id)
      .bind(3, m.as_of)
      .bind(4, m.customer_id)
      .bind(5, m.level)
      .bind(6, m.channel)
      .bind(7, m.language)
      .bind(8, one_line(m.recipient_name))
      .bind(9, join_lines(m.emails))
      .bind(10, join_lines(m.postal_address))
      .bind(11, m.country_code)
      .bind(12, one_line(m.subject))
      .bind(13, m.text_body)
      .bind(14, m.html_body)
      .bind(15, now);
  ins.run();
  Statement& att = db_->cached(
      "INSERT INTO outbox_attachments (message_id, position, filename, content_type, path, sha256) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  std::int64_t position = 0;
  for (const auto& a : m.attachments) {
    att.bind(1, m.id)
        .bind(2, position++)
        .bind(3, one_line(a.filename))
        .bind(4, one_line(a.content_type))
        .bind(5, a.path)
        .bind(6, a.sha256);
    att.run();
    att.reset();
  }
  Statement& items = db_->cached("INSERT OR IGNORE INTO outbox_items (message_id, item_id) VALUES (?1, ?2)");
  for (std::int64_t item : m.item_ids) {
    if (!item_by_id(item))
      ledger_error("RL-LEDGER-002", db_->file(),
                   "no item with id " + std::to_string(item) + " in the ledger");
    items.bind(1, m.id).bind(2, item);
    items.run();
    items.reset();
  }
  Statement& ev = db_->cached(
      "INSERT INTO outbox_events (message_id, at, state, detail) VALUES (?1, ?2, 'pending', 'queued')");
  ev.bind(1, m.id).bind(2, now);
  ev.run();
  return true;
}

std::size_t SqliteLedger::enqueue(const std::vector<QueuedMessage>& messages, std::int64_t now) {
  Transaction t(*db_);
  const std::string at = utc_timestamp(now);
  std::size_t added = 0;
  for (const auto& m : messages)
    if (enqueue_one(m, std::nullopt, at)) ++added;
  t.commit();
  return added;
}

std::vector<OutboxEntry> SqliteLedger::outbox_select(const std::string& where,
                                                     const std::function<void(Statement&)>& bind) const {
  Statement s = db_->prepare(std::string(entry_columns) + where + " ORDER BY o.rowid");
  if (bind) bind(s);
  std::vector<OutboxEntry> out;
  while (s.step()) {
    OutboxEntry e;
    QueuedMessage& m = e.message;
    m.id = s.str(0);
    m.as_of = s.date(1).value_or(Date::from_days(0));
    m.customer_id = s.str(2);
    m.level = s.str(3);
    m.channel = s.str(4);
    m.language = s.str(5);
    m.recipient_name = s.str(6);
    m.emails = split_lines(s.text(7));
    m.postal_address = split_lines(s.text(8));
    m.country_code = s.str(9);
    m.subject = s.str(10);
    m.text_body = s.str(11);
    m.html_body = s.str(12);
    e.state = state_of(s.text(13));
    e.attempts = static_cast<int>(s.int64(14));
    e.in_doubt = s.int64(15) != 0;
    if (!s.is_null(16)) e.next_attempt_at = s.str(16);
    e.transport = s.str(17);
    e.provider_reference = s.str(18);
    e.last_answer = s.str(19);
    e.queued_at = s.str(20);
    e.last_attempt_at = s.str(21);
    e.finished_at = s.str(22);
    e.delivery_stage = s.str(23);
    e.delivery_state = s.str(24);
    e.tracking_number = s.str(25);
    e.tracked_at = s.str(26);
    out.push_back(std::move(e));
  }
  Statement& att = db_->cached(
      "SELECT filename, content_type, path, sha256 FROM outbox_attachments WHERE message_id = ?1 ORDER BY "
      "position");
  Statement& items = db_->cached("SELECT item_id FROM outbox_items WHERE message_id = ?1 ORDER BY item_id");
  for (auto& e : out) {
    att.bind(1, e.message.id);
    while (att.step())
      e.message.attachments.push_back(QueuedAttachment{att.str(0), att.str(1), att.str(2), att.str(3)});
    att.reset();
    items.bind(1, e.message.id);
    while (items.step()) e.message.item_ids.push_back(items.int64(0));
    items.reset();
  }
  return out;
}

std::optional<OutboxEntry> SqliteLedger::outbox_entry(std::string_view id) const {
  auto found = outbox_select("WHERE o.id = ?1", [&](Statement& s) { s.bind(1, id); });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<OutboxEntry> SqliteLedger::outbox_entries(std::optional<std::string_view> customer_id) const {
  if (!customer_id) return outbox_select("", {});
  return outbox_select("WHERE o.customer_id = ?1", [&](Statement& s) { s.bind(1, *customer_id); });
}

std::vector<OutboxEvent> SqliteLedger::outbox_events(std::string_view id) const {
  Statement s = db_->prepare(
      "SELECT at, state, in_doubt, attempt, transport, provider_reference, detail FROM outbox_events "
      "WHERE message_id = ?1 ORDER BY id");
  s.bind(1, id);
  std::vector<OutboxEvent> out;
  while (s.step())
    out.push_back(OutboxEvent{s.str(0), state_of(s.text(1)), s.int64(2) != 0, static_cast<int>(s.int64(3)),
                              s.str(4), s.str(5), s.str(6)});
  return out;
}

std::vector<OutboxEntry> SqliteLedger::outbox_due(std::int64_t now) const {
  const std::string at = utc_timestamp(now);
  return outbox_select(
      "WHERE o.state IN ('pending', 'sending') OR (o.state = 'retry' AND o.next_attempt_at <= ?1)",
      [&](Statement& s) { s.bind(1, at); });
}

bool SqliteLedger::outbox_transition(std::string_view id, std::initializer_list<OutboxState> from,
                                     OutboxState to, const std::string& assignments,
                                     const std::function<void(Statement&)>& bind, std::string_view detail,
                                     std::int64_t now) {
  Transaction t(*db_);
  Statement current = db_->prepare("SELECT state FROM outbox WHERE id = ?1");
  current.bind(1, id);
  if (!current.step())
    ledger_error("RL-LEDGER-002", db_->file(), "no message '" + std::string(id) + "' in the outbox");
  const OutboxState state = state_of(current.text(0));
  if (std::find(from.begin(), from.end(), state) == from.end()) return false;
  const std::string at = utc_timestamp(now);
  Statement u = db_->prepare("UPDATE outbox SET state = '" + std::string(outbox_state_name(to)) + "'" +
                             (assignments.empty() ? "" : ", " + assignments) + " WHERE id = ?1");
  u.bind(1, id).bind(2, at);
  if (bind) bind(u);
  u.run();
  Statement ev = db_->prepare(
      "INSERT INTO outbox_events (message_id, at, state, in_doubt, attempt, transport, provider_reference, "
      "detail) SELECT id, ?2, state, in_doubt, attempts, transport, provider_reference, ?3 FROM outbox WHERE "
      "id = ?1");
  ev.bind(1, id).bind(2, at).bind(3, detail);
  ev.run();
  t.commit();
  return true;
}

std::vector<std::string> SqliteLedger::outbox_recover_in_doubt(std::int64_t now) {
  std::vector<std::string> ids;
  {
    Statement s = db_->prepare("SELECT id FROM outbox WHERE state = 'sending' ORDER BY rowid");
    while (s.step()) ids.push_back(s.str(0));
  }
  std::vector<std::string> recovered;
  for (const auto& id : ids) {
    if (outbox_transition(
            id, {OutboxState::sending}, OutboxState::retry,
            "in_doubt = 1, next_attempt_at = ?2, last_answer = ?3",
            [](Statement& u) {
              u.bind(3,
                     "in doubt: a dispatch stopped while sending it; the server may have it "
                     "already");
            },
            "in doubt: found in sending, to be sent again under the same id", now))
      recovered.push_back(id);
  }
  return recovered;
}

bool SqliteLedger::outbox_begin(std::string_view id, std::string_view transport, std::int64_t now) {
  return outbox_transition(
      id, {OutboxState::pending, OutboxState::retry}, OutboxState::sending,
      "attempts = attempts + 1, last_attempt_at = ?2, next_attempt_at = NULL, transport = ?3",
      [&](Statement& u) { u.bind(3, transport); }, "sending", now);
}

void SqliteLedger::outbox_sent(std::string_view id, std::string_view provider_reference,
                               std::string_view answer, std::int64_t now) {
  if (!outbox_transition(
          id, {OutboxState::sending}, OutboxState::sent,
          "provider_reference = ?3, last_answer = ?4, finished_at = ?2",
          [&](Statement& u) { u.bind(3, provider_reference).bind(4, answer); }, answer, now))
    ledger_error("RL-LEDGER-004", db_->file(), "message " + std::string(id) + " is not being sent");
}

void SqliteLedger::outbox_retry(std::string_view id, std::string_view answer, std::int64_t next_attempt_at,
                                std::int64_t now) {
  const std::string next = utc_timestamp(next_attempt_at);
  if (!outbox_transition(
          id, {OutboxState::sending}, OutboxState::retry, "next_attempt_at = ?3, last_answer = ?4",
          [&](Statement& u) { u.bind(3, next).bind(4, answer); }, answer, now))
    ledger_error("RL-LEDGER-004", db_->file(), "message " + std::string(id) + " is not being sent");
}

void SqliteLedger::outbox_release(std::string_view id, std::string_view answer, std::int64_t now) {
  if (!outbox_transition(
          id, {OutboxState::sending}, OutboxState::pending,
          "attempts = MAX(attempts - 1, 0), last_answer = ?3", [&](Statement& u) { u.bind(3, answer); },
          answer, now))
    ledger_error("RL-LEDGER-004", db_->file(), "message " + std::string(id) + " is not being sent");
}

void SqliteLedger::outbox_failed(std::string_view id, std::string_view answer, std::int64_t now) {
  if (!outbox_transition(
          id, {OutboxState::pending, OutboxState::retry, OutboxState::sending}, OutboxState::failed,
          "next_attempt_at = NULL, last_answer = ?3, finished_at = ?2",
          [&](Statement& u) { u.bind(3, answer); }, answer, now))
    ledger_error("RL-LEDGER-004", db_->file(), "message " + std::string(id) + " is already finished");
}

bool SqliteLedger::outbox_tracked(std::string_view id, std::string_view stage,
                                  std::string_view provider_state, std::string_view tracking_number,
                                  std::int64_t now) {
  Transaction t(*db_);
  Statement current =
      db_->prepare("SELECT state, delivery_stage, delivery_state, tracking_number FROM outbox WHERE id = ?1");
  current.bind(1, id);
  if (!current.step())
    ledger_error("RL-LEDGER-002", db_->file(), "no message '" + std::string(id) + "' in the outbox");
  if (state_of(current.text(0)) != OutboxState::sent)
    ledger_error("RL-LEDGER-004", db_->file(),
                 "message " + std::string(id) + " was not sent: nothing to track");
  const bool changed = current.text(1) != stage || current.text(2) != provider_state ||
                       (!tracking_number.empty() && current.text(3) != tracking_number);
  const std::string at = utc_timestamp(now);
  Statement u = db_->prepare(
      "UPDATE outbox SET delivery_stage = ?2, delivery_state = ?3, tracking_number = CASE WHEN ?4 = '' THEN "
      "tracking_number ELSE ?4 END, tracked_at = ?5 WHERE id = ?1");
  u.bind(1, id).bind(2, stage).bind(3, provider_state).bind(4, tracking_number).bind(5, at);
  u.run();
  if (changed) {
    // The history keeps each change of stage, as the event of a message that stays sent.
    Statement ev = db_->prepare(
        "INSERT INTO outbox_events (message_id, at, state, in_doubt, attempt, transport, provider_reference, "
        "detail) SELECT id, ?2, state, in_doubt, attempts, transport, provider_reference, ?3 FROM outbox "
        "WHERE id = ?1");
    const std::string detail = "tracked: " + std::string(stage) + " (" + std::string(provider_state) + ")" +
                               (tracking_number.empty() ? "" : ", tracking " + std::string(tracking_number));
    ev.bind(1, id).bind(2, at).bind(3, detail);
    ev.run();
  }
  t.commit();
  return changed;
}

bool SqliteLedger::outbox_cancel(std::string_view id, std::string_view reason, std::int64_t now) {
  return outbox_transition(
      id, {OutboxState::pending, OutboxState::retry}, OutboxState::cancelled,
      "next_attempt_at = NULL, last_answer = ?3, finished_at = ?2", [&](Statement& u) { u.bind(3, reason); },
      reason, now);
}

std::optional<std::string> SqliteLedger::no_longer_due(const std::vector<std::int64_t>& item_ids,
                                                       Date as_of) const {
  if (item_ids.empty()) return std::nullopt;
  Statement& s = db_->cached(
      "SELECT i.number, i.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a WHERE "
      "a.item_id = i.id), 0), "
      "(SELECT opened_on FROM disputes d WHERE d.item_id = i.id AND d.closed_on IS NULL), "
      "(SELECT promised_date FROM promises p WHERE p.item_id = i.id ORDER BY made_on DESC, id DESC LIMIT 1) "
      "FROM items i WHERE i.id = ?1");
  std::string reasons;
  for (std::int64_t id : item_ids) {
    s.bind(1, id);
    if (!s.step()) {
      s.reset();
      return std::nullopt;  // an item the ledger no longer knows: not a reason to hold the letter back
    }
    std::string reason;
    if (s.int64(1) <= 0)
      reason = s.str(0) + " paid";
    else if (!s.is_null(2))
      reason = s.str(0) + " disputed since " + s.str(2);
    else if (const auto promised = s.date(3); promised && as_of <= *promised)
      reason = s.str(0) + " promised for " + promised->to_iso();
    s.reset();
    if (reason.empty()) return std::nullopt;
    reasons += (reasons.empty() ? "" : ", ") + reason;
  }
  return reasons;
}

}  // namespace relance::pipeline::detail
