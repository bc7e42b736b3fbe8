// The ledger: opening, collections actions, reading and the dunning history.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <system_error>

#include "ledger_impl.hpp"

namespace relance::pipeline::detail {

using formats::Date;
using formats::Decimal;
using sql::cents_text;
using sql::from_cents;
using sql::Statement;
using sql::to_cents;
using sql::Transaction;

void ledger_error(const char* rule, const std::string& where, const std::string& message) {
  throw Error(Diagnostic{rule, Severity::fatal, Location{where, {}, 0, 0}, message, {}});
}

std::string ascii_upper(std::string_view text) {
  // U+00C0 to U+00FF (UTF-8 C3 80 to C3 BF).
  static constexpr const char* latin1[64] = {
      "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",
      "D", "N", "O", "O", "O", "O", "O",  " ", "O", "U", "U", "U", "U", "Y", "TH", "SS",
      "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I",  "I",
      "D", "N", "O", "O", "O", "O", "O",  " ", "O", "U", "U", "U", "U", "Y", "TH", "Y"};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      out += latin1[static_cast<unsigned char>(text[++i]) & 0x3F];
    } else if (c == 0xC5 && i + 1 < text.size() && (text[i + 1] == '\x92' || text[i + 1] == '\x93')) {  // Œ œ
      out += "OE";
      ++i;
    } else {
      // Any other character separates words; the rest of a multi-byte sequence goes with it.
      out += ' ';
      while (c >= 0xC0 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80)
        ++i;
    }
  }
  return out;
}

std::string fold_key(std::string_view text) {
  std::string out = ascii_upper(text);
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  return out;
}

std::filesystem::path ledger_path(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("RELANCE_DB"); env != nullptr && *env != '\0') return env;
  return "relance.db";
}

std::unique_ptr<Ledger> Ledger::open(const std::filesystem::path& path, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec))
    sql::fail(path.string(), "no ledger here: import invoices first (relance ledger import), or give --db");
  auto db = sql::Database::open(path, create);
  const int version = sql::migrate(*db);
  return std::make_unique<SqliteLedger>(std::move(db), version);
}

// ---- Items

namespace {

constexpr const char* item_columns =
    "SELECT id, seller_id, number, customer_id, kind, issue_date, due_date, currency, amount_cents FROM "
    "items ";

std::string item_label(const std::string& seller_id, const std::string& number) {
  return seller_id + ":" + number;
}

// Levenshtein distance, or more than `limit` when it is.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<SqliteLedger::ItemRow> SqliteLedger::item_by_id(std::int64_t id) const {
  Statement& s = db_->cached(
      "SELECT id, seller_id, number, customer_id, kind, issue_date, due_date, currency, amount_cents FROM "
      "items "
      "WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  ItemRow r;
  r.id = s.int64(0);
  r.seller_id = s.str(1);
  r.number = s.str(2);
  r.customer_id = s.str(3);
  r.credit_note = s.text(4) == "credit_note";
  r.issue_date = *s.date(5);
  r.due_date = s.date(6);
  r.currency = s.str(7);
  r.amount_cents = s.int64(8);
  s.reset();
  return r;
}

SqliteLedger::ItemRow SqliteLedger::resolve_item(std::string_view text) const {
  const std::string_view wanted = trim(text);
  if (wanted.empty()) ledger_error("RL-LEDGER-002", db_->file(), "no item given (an invoice number)");
  auto rows_of = [&](Statement& s) {
    std::vector<std::int64_t> ids;
    while (s.step()) ids.push_back(s.int64(0));
    return ids;
  };
  auto found = [&](const std::vector<std::int64_t>& ids) -> std::optional<ItemRow> {
    if (ids.size() == 1) return item_by_id(ids[0]);
    if (ids.size() > 1) {
      std::string candidates;
      for (std::int64_t id : ids) {
        const auto r = item_by_id(id);
        candidates += (candidates.empty() ? "" : ", ") + item_label(r->seller_id, r->number);
      }
      ledger_error(
          "RL-LEDGER-002", db_->file(),
          "item '" + std::string(wanted) + "' is ambiguous: write SELLER:NUMBER, one of " + candidates);
    }
    return std::nullopt;
  };
  {
    Statement s = db_->prepare(std::string(item_columns) + "WHERE number = ?1 ORDER BY seller_id");
    s.bind(1, wanted);
    if (auto r = found(rows_of(s))) return *r;
  }
  // SELLER:NUMBER, the seller's id may itself hold colons.
  for (std::size_t colon = wanted.find(':'); colon != std::string_view::npos;
       colon = wanted.find(':', colon + 1)) {
    Statement s = db_->prepare(std::string(item_columns) + "WHERE seller_id = ?1 AND number = ?2");
    s.bind(1, wanted.substr(0, colon)).bind(2, wanted.substr(colon + 1));
    if (auto r = found(rows_of(s))) return *r;
  }
  {
    Statement s =
        db_->prepare(std::string(item_columns) + "WHERE number = ?1 COLLATE NOCASE ORDER BY seller_id");
    s.bind(1, wanted);
    if (auto r = found(rows_of(s))) return *r;
  }
  // Unknown: name a few numbers that look alike (same first characters, a few typos apart).
  std::string pattern;
  for (char c : wanted.substr(0, 2)) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  Statement s = db_->prepare(
      "SELECT DISTINCT number FROM items WHERE number LIKE ?1 ESCAPE '\\' ORDER BY number LIMIT 20000");
  s.bind(1, pattern + "%");
  const std::string key = ascii_upper(wanted);
  const std::size_t limit = std::max<std::size_t>(2, key.size() / 4);
  std::vector<std::pair<std::size_t, std::string>> near;
  while (s.step()) {
    const std::string other = ascii_upper(s.text(0));
    const bool inside = other.find(key) != std::string::npos || key.find(other) != std::string::npos;
    const std::size_t distance = inside ? 0 : edit_distance(key, other, limit);
    if (distance <= limit) near.emplace_back(distance, s.str(0));
  }
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string candidates;
  for (std::size_t i = 0; i < near.size() && i < 5; ++i) candidates += (i ? ", " : "") + near[i].second;
  ledger_error("RL-LEDGER-002", db_->file(),
               "no item '" + std::string(wanted) + "' in the ledger" +
                   (candidates.empty() ? std::string() : "; similar: " + candidates));
}

std::int64_t SqliteLedger::cents_of(const char* sql, std::int64_t id) const {
  Statement& s = db_->cached(sql);
  s.bind(1, id);
  const std::int64_t v = s.step() ? s.int64(0) : 0;
  s.reset();
  return v;
}

std::int64_t SqliteLedger::invoice_outstanding(std::int64_t item_id) const {
  return cents_of(
      "SELECT i.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a WHERE a.item_id = "
      "i.id), 0) FROM items i WHERE i.id = ?1",
      item_id);
}

std::int64_t SqliteLedger::credit_note_left(std::int64_t credit_note_id) const {
  return cents_of(
      "SELECT i.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a "
      "WHERE a.credit_note_id = i.id), 0) FROM items i WHERE i.id = ?1",
      credit_note_id);
}

std::int64_t SqliteLedger::payment_left(std::int64_t payment_id) const {
  return cents_of(
      "SELECT p.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a "
      "WHERE a.payment_id = p.id), 0) FROM payments p WHERE p.id = ?1",
      payment_id);
}

void SqliteLedger::allocate(std::int64_t item_id, std::optional<std::int64_t> payment_id,
                            std::optional<std::int64_t> credit_note_id, std::int64_t cents,
                            const Date& value_date, const char* how) {
  Statement& s = db_->cached(
      "INSERT INTO allocations (item_id, payment_id, credit_note_id, amount_cents, value_date, how) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  s.bind(1, item_id)
      .bind(2, payment_id)
      .bind(3, credit_note_id)
      .bind(4, cents)
      .bind(5, value_date)
      .bind(6, how);
  s.run();
  refresh_settled(item_id);
  if (credit_note_id) refresh_credit_note(*credit_note_id);
}

void SqliteLedger::refresh_settled(std::int64_t item_id) {
  std::int64_t amount = 0;
  std::string issue_date;
  {
    Statement& s = db_->cached("SELECT amount_cents, issue_date FROM items WHERE id = ?1");
    s.bind(1, item_id);
    if (!s.step()) return;
    amount = s.int64(0);
    issue_date = s.str(1);
    s.reset();
  }
  std::optional<std::string> settled;
  if (amount <= 0) {
    settled = issue_date;
  } else {
    Statement& s = db_->cached(
        "SELECT value_date, amount_cents FROM allocations WHERE item_id = ?1 ORDER BY value_date, id");
    s.bind(1, item_id);
    std::int64_t sum = 0;
    while (s.step()) {
      sum += s.int64(1);
      if (sum >= amount) {
        settled = s.str(0);
        break;
      }
    }
    s.reset();
  }
  Statement& u = db_->cached("UPDATE items SET settled_on = ?2 WHERE id = ?1");
  u.bind(1, item_id).bind(2, settled);
  u.run();
}

void SqliteLedger::refresh_credit_note(std::int64_t credit_note_id) {
  Statement& u = db_->cached(
      "UPDATE items SET settled_on = CASE WHEN amount_cents <= COALESCE((SELECT SUM(a.amount_cents) FROM "
      "allocations a WHERE a.credit_note_id = items.id), 0) THEN issue_date END WHERE id = ?1");
  u.bind(1, credit_note_id);
  u.run();
}

std::optional<SqliteLedger::PaymentRow> SqliteLedger::payment_by_reference(std::string_view reference) const {
  Statement& s = db_->cached(
      "SELECT id, reference, value_date, amount_cents, currency, debtor_name, debtor_iban, "
      "remittance_unstructured, "
      "remittance_structured, customer_id FROM payments WHERE reference = ?1");
  s.bind(1, reference);
  if (!s.step()) return std::nullopt;
  PaymentRow p;
  p.id = s.int64(0);
  p.reference = s.str(1);
  p.value_date = *s.date(2);
  p.amount_cents = s.int64(3);
  p.currency = s.str(4);
  p.debtor_name = s.str(5);
  p.debtor_iban = s.str(6);
  p.unstructured = s.str(7);
  p.structured = s.str(8);
  if (!s.is_null(9)) p.customer_id = s.str(9);
  s.reset();
  return p;
}

void SqliteLedger::learn_account(const std::string& iban, const std::string& customer_id) {
  const std::string key = fold_key(iban);
  if (key.size() < 8) return;
  Statement& s = db_->cached("INSERT OR IGNORE INTO customer_accounts (iban, customer_id) VALUES (?1, ?2)");
  s.bind(1, key).bind(2, customer_id);
  s.run();
}

// ---- Collections actions

void SqliteLedger::open_dispute(std::string_view item, Date date, std::string_view reason) {
  Transaction t(*db_);
  const ItemRow r = resolve_item(item);
  if (r.credit_note)
    ledger_error("RL-LEDGER-004", db_->file(),
                 r.number + " is a credit note: dispute the invoice it corrects");
  Statement s = db_->prepare("SELECT opened_on FROM disputes WHERE item_id = ?1 AND closed_on IS NULL");
  s.bind(1, r.id);
  if (s.step())
    ledger_error("RL-LEDGER-004", db_->file(), r.number + " is already disputed since " + s.str(0));
  Statement ins = db_->prepare("INSERT INTO disputes (item_id, opened_on, reason) VALUES (?1, ?2, ?3)");
  ins.bind(1, r.id).bind(2, date).bind(3, reason);
  ins.run();
  t.commit();
}

void SqliteLedger::close_dispute(std::string_view item, Date date, std::string_view outcome) {
  Transaction t(*db_);
  const ItemRow r = resolve_item(item);
  Statement s = db_->prepare("SELECT id, opened_on FROM disputes WHERE item_id = ?1 AND closed_on IS NULL");
  s.bind(1, r.id);
  if (!s.step()) ledger_error("RL-LEDGER-004", db_->file(), r.number + " has no open dispute");
  const std::int64_t id = s.int64(0);
  const std::string opened = s.str(1);
  if (date.to_iso() < opened)
    ledger_error(
        "RL-LEDGER-004", db_->file(),
        "the dispute on " + r.number + " was opened on " + opened + ": it cannot close on " + date.to_iso());
  Statement u = db_->prepare("UPDATE disputes SET closed_on = ?2, outcome = ?3 WHERE id = ?1");
  u.bind(1, id).bind(2, date).bind(3, outcome);
  u.run();
  t.commit();
}

void SqliteLedger::add_promise(std::string_view item, Date promised_date, std::optional<Decimal> amount,
                               Date made_on) {
  Transaction t(*db_);
  const ItemRow r = resolve_item(item);
  if (r.credit_note)
    ledger_error("RL-LEDGER-004", db_->file(), r.number + " is a credit note: nothing to promise");
  if (invoice_outstanding(r.id) <= 0)
    ledger_error("RL-LEDGER-004", db_->file(), r.number + " is already paid");
  std::optional<std::int64_t> cents;
  if (amount) {
    cents = to_cents(*amount);
    if (!cents || *cents <= 0)
      ledger_error("RL-LEDGER-004", db_->file(),
                   "a promised amount is positive with at most two decimals, not " + amount->to_string());
  }
  Statement s = db_->prepare(
      "INSERT INTO promises (item_id, promised_date, amount_cents, made_on) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, r.id).bind(2, promised_date).bind(3, cents).bind(4, made_on);
  s.run();
  t.commit();
}

void SqliteLedger::add_note(std::string_view customer_or_item, std::string_view text, Date date) {
  Transaction t(*db_);
  std::string_view target = trim(customer_or_item);
  bool only_customer = false, only_item = false;
  if (target.substr(0, 9) == "customer:") {
    target.remove_prefix(9);
    only_customer = true;
  } else if (target.substr(0, 5) == "item:") {
    target.remove_prefix(5);
    only_item = true;
  }
  const bool is_customer = !only_item && customer(target).has_value();
  std::optional<ItemRow> item;
  if (!only_customer) {
    if (is_customer) {
      try {
        item = resolve_item(target);
      } catch (const Error&) {
      }
      if (item)
        ledger_error("RL-LEDGER-002", db_->file(),
                     "'" + std::string(target) + "' is both a customer and an item: write customer:" +
                         std::string(target) + " or item:" + std::string(target));
    } else {
      item = resolve_item(target);  // RL-LEDGER-002 when it is neither
    }
  } else if (!is_customer) {
    ledger_error("RL-LEDGER-002", db_->file(), "no customer '" + std::string(target) + "' in the ledger");
  }
  Statement s =
      db_->prepare("INSERT INTO notes (customer_id, item_id, written_on, text) VALUES (?1, ?2, ?3, ?4)");
  if (item)
    s.bind_null(1).bind(2, item->id);
  else
    s.bind(1, target).bind_null(2);
  s.bind(3, date).bind(4, text);
  s.run();
  t.commit();
}

Decimal SqliteLedger::assign_payment(std::string_view payment_reference, std::string_view item,
                                     std::optional<Decimal> amount) {
  Transaction t(*db_);
  const auto payment = payment_by_reference(trim(payment_reference));
  if (!payment) {
    Statement s = db_->prepare(
        "SELECT reference FROM payments WHERE reference LIKE '%' || ?1 || '%' ORDER BY value_date DESC LIMIT "
        "5");
    s.bind(1, trim(payment_reference));
    std::string candidates;
    while (s.step()) candidates += (candidates.empty() ? "" : ", ") + s.str(0);
    ledger_error("RL-LEDGER-002", db_->file(),
                 "no payment with reference '" + std::string(payment_reference) + "' in the ledger" +
                     (candidates.empty() ? std::string() : "; similar: " + candidates));
  }
  const ItemRow r = resolve_item(item);
  if (r.credit_note)
    ledger_error("RL-LEDGER-004", db_->file(), r.number + " is a credit note: assign payments to invoices");
  if (r.currency != payment->currency)
    ledger_error("RL-LEDGER-004", db_->file(),
                 "payment " + payment->reference + " is in " + payment->currency + ", " + r.number + " in " +
                     r.currency);
  const std::int64_t left = payment_left(payment->id);
  if (left <= 0)
    ledger_error("RL-LEDGER-004", db_->file(), "payment " + payment->reference + " is fully allocated");
  const std::int64_t owed = invoice_outstanding(r.id);
  std::int64_t cents = std::min(left, owed);
  if (amount) {
    const auto given = to_cents(*amount);
    if (!given || *given <= 0)
      ledger_error("RL-LEDGER-004", db_->file(),
                   "an amount is positive with at most two decimals, not " + amount->to_string());
    if (*given > left)
      ledger_error("RL-LEDGER-004", db_->file(),
                   "payment " + payment->reference + " has only " + cents_text(left) + " " +
                       payment->currency + " left to assign");
    if (*given > owed)
      ledger_error("RL-LEDGER-004", db_->file(),
                   r.number + " owes only " + cents_text(std::max<std::int64_t>(owed, 0)) + " " + r.currency);
    cents = *given;
  }
  if (cents <= 0) ledger_error("RL-LEDGER-004", db_->file(), r.number + " is already paid");
  allocate(r.id, payment->id, std::nullopt, cents, payment->value_date, "manual");
  Statement u = db_->prepare("UPDATE payments SET customer_id = COALESCE(customer_id, ?2) WHERE id = ?1");
  u.bind(1, payment->id).bind(2, r.customer_id);
  u.run();
  learn_account(payment->debtor_iban, r.customer_id);
  t.commit();
  return from_cents(cents);
}

// ---- Reading

std::optional<SellerRecord> SqliteLedger::seller(std::string_view id) const {
  Statement& s = db_->cached(
      "SELECT id, name, line_one, line_two, line_three, city, post_code, country_subdivision, country_code, "
      "siren, vat_id, email, phone, iban, bic FROM sellers WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) {
    s.reset();
    return std::nullopt;
  }
  SellerRecord r;
  r.id = s.str(0);
  r.party.name = s.str(1);
  r.party.address.line_one = s.str(2);
  r.party.address.line_two = s.str(3);
  r.party.address.line_three = s.str(4);
  r.party.address.city = s.str(5);
  r.party.address.post_code = s.str(6);
  r.party.address.country_subdivision = s.str(7);
  r.party.address.country_code = s.str(8);
  r.party.siren = s.str(9);
  r.party.vat_id = s.str(10);
  r.party.email = s.str(11);
  r.party.phone = s.str(12);
  r.iban = s.str(13);
  r.bic = s.str(14);
  s.reset();
  return r;
}

std::optional<CustomerRecord> SqliteLedger::customer(std::string_view id) const {
  Statement& s = db_->cached(
      "SELECT id, name, siren, siret, vat_id, billing_line_one, billing_line_two, billing_line_three, "
      "billing_post_code, billing_city, billing_subdivision, billing_country, postal_line_one, "
      "postal_line_two, "
      "postal_line_three, postal_post_code, postal_city, postal_subdivision, postal_country, language, "
      "profile, "
      "channel, account_manager FROM customers WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  CustomerRecord c;
  c.id = s.str(0);
  c.name = s.str(1);
  c.siren = s.str(2);
  c.siret = s.str(3);
  c.vat_id = s.str(4);
  auto address = [&](int first) {
    formats::Address a;
    a.line_one = s.str(first);
    a.line_two = s.str(first + 1);
    a.line_three = s.str(first + 2);
    a.post_code = s.str(first + 3);
    a.city = s.str(first + 4);
    a.country_subdivision = s.str(first + 5);
    a.country_code = s.str(first + 6);
    return a;
  };
  c.billing_address = address(5);
  c.postal_address = address(12);
  c.language = letters::parse_language(s.text(19)).value_or(letters::Language::fr);
  c.profile = s.str(20);
  c.preferred_channel = s.str(21);
  c.account_manager = s.str(22);
  s.reset();
  Statement& e = db_->cached("SELECT email FROM customer_emails WHERE customer_id = ?1 ORDER BY position");
  e.bind(1, id);
  while (e.step()) c.emails.push_back(e.str(0));
  e.reset();
  return c;
}

std::vector<ItemRecord> SqliteLedger::open_items(std::optional<std::string_view> customer_id) const {
  const std::string sql =
      "SELECT i.id, i.seller_id, i.number, i.customer_id, i.kind, i.issue_date, i.due_date, i.currency, "
      "i.amount_cents, i.preceding_number, i.source, "
      "CASE i.kind WHEN 'invoice' THEN i.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM "
      "allocations a "
      "WHERE a.item_id = i.id), 0) ELSE COALESCE((SELECT SUM(a.amount_cents) FROM allocations a "
      "WHERE a.credit_note_id = i.id), 0) - i.amount_cents END, "
      "d.opened_on, d.reason, p.promised_date, p.amount_cents, p.made_on "
      "FROM items i LEFT JOIN disputes d ON d.item_id = i.id AND d.closed_on IS NULL "
      "LEFT JOIN promises p ON p.id = (SELECT id FROM promises WHERE item_id = i.id ORDER BY made_on DESC, "
      "id DESC "
      "LIMIT 1) WHERE i.settled_on IS NULL " +
      std::string(customer_id ? "AND i.customer_id = ?1 " : "") +
      "ORDER BY i.customer_id, COALESCE(i.due_date, i.issue_date), i.number";
  Statement s = db_->prepare(sql);
  if (customer_id) s.bind(1, *customer_id);
  std::vector<ItemRecord> out;
  while (s.step()) {
    ItemRecord r;
    r.id = s.int64(0);
    r.seller_id = s.str(1);
    r.number = s.str(2);
    r.customer_id = s.str(3);
    r.credit_note = s.text(4) == "credit_note";
    r.issue_date = *s.date(5);
    r.due_date = s.date(6);
    r.currency = s.str(7);
    r.amount = from_cents(s.int64(8));
    r.preceding_number = s.str(9);
    r.source = s.str(10);
    r.outstanding = from_cents(s.int64(11));
    r.disputed_since = s.date(12);
    r.dispute_reason = s.str(13);
    if (!s.is_null(14)) {
      letters::Promise p{*s.date(14), std::nullopt, *s.date(16)};
      if (!s.is_null(15)) p.amount = from_cents(s.int64(15));
      r.promise = p;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<formats::BankEntry> SqliteLedger::unassigned_payments() const {
  Statement s = db_->prepare(
      "SELECT reference, value_date, booking_date, amount_cents, currency, debtor_name, debtor_iban, "
      "remittance_unstructured, remittance_structured, end_to_end_id, source FROM payments p "
      "WHERE NOT EXISTS (SELECT 1 FROM allocations a WHERE a.payment_id = p.id) ORDER BY value_date, id");
  std::vector<formats::BankEntry> out;
  while (s.step()) {
    formats::BankEntry e;
    e.reference = s.str(0);
    e.value_date = *s.date(1);
    e.booking_date = s.date(2);
    e.amount = from_cents(s.int64(3));
    e.currency = s.str(4);
    e.debtor_name = s.str(5);
    e.debtor_iban = s.str(6);
    e.remittance_unstructured = s.str(7);
    e.remittance_structured = s.str(8);
    e.end_to_end_id = s.str(9);
    e.location = s.str(10);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<HistoryEntry> SqliteLedger::history(std::string_view customer_id) const {
  Statement s = db_->prepare(
      "SELECT l.id, l.as_of, l.level, l.channels, l.total_cents, l.pdf_sha256, i.number FROM letters l "
      "LEFT JOIN letter_items li ON li.letter_id = l.id LEFT JOIN items i ON i.id = li.item_id "
      "WHERE l.customer_id = ?1 ORDER BY l.as_of, l.id, COALESCE(i.due_date, i.issue_date), i.number");
  s.bind(1, customer_id);
  std::vector<HistoryEntry> out;
  std::vector<std::int64_t> letter_ids;
  std::int64_t last = -1;
  while (s.step()) {
    if (s.int64(0) != last) {
      last = s.int64(0);
      HistoryEntry h;
      h.as_of = *s.date(1);
      h.level = s.str(2);
      const std::string channels = s.str(3);
      for (std::size_t start = 0; start < channels.size();) {
        const std::size_t comma = std::min(channels.find(',', start), channels.size());
        if (comma > start) h.channels.push_back(channels.substr(start, comma - start));
        start = comma + 1;
      }
      h.total = from_cents(s.int64(4));
      h.pdf_sha256 = s.str(5);
      out.push_back(std::move(h));
      letter_ids.push_back(last);
    }
    if (!s.is_null(6)) out.back().item_numbers.push_back(s.str(6));
  }
  // What the outbox did with each letter: its deliveries, and the PDF it sent (the first
  // attachment of any of its messages).
  Statement& sent = db_->cached(
      "SELECT o.channel, o.transport, o.state, o.provider_reference, COALESCE(o.finished_at, ''), "
      "(SELECT a.path FROM outbox_attachments a WHERE a.message_id = o.id ORDER BY a.position LIMIT 1), "
      "o.delivery_stage, o.tracking_number FROM outbox o WHERE o.letter_id = ?1 ORDER BY o.rowid");
  for (std::size_t i = 0; i < out.size(); ++i) {
    sent.bind(1, letter_ids[i]);
    while (sent.step()) {
      out[i].deliveries.push_back(HistoryDelivery{sent.str(0), sent.str(1), sent.str(2), sent.str(3),
                                                  sent.str(4), sent.str(6), sent.str(7)});
      if (out[i].pdf_path.empty() && !sent.is_null(5)) out[i].pdf_path = sent.str(5);
    }
    sent.reset();
  }
  return out;
}

std::vector<NoteRecord> SqliteLedger::notes(std::string_view customer_id) const {
  Statement s = db_->prepare(
      "SELECT written_on, '', text, id FROM notes WHERE customer_id = ?1 "
      "UNION ALL SELECT n.written_on, i.number, n.text, n.id FROM notes n JOIN items i ON i.id = n.item_id "
      "WHERE i.customer_id = ?1 ORDER BY 1, 4");
  s.bind(1, customer_id);
  std::vector<NoteRecord> out;
  while (s.step()) out.push_back(NoteRecord{*s.date(0), s.str(1), s.str(2)});
  return out;
}

Decimal SqliteLedger::payment_credit(std::string_view customer_id) const {
  Statement s = db_->prepare(
      "SELECT COALESCE(SUM(p.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a "
      "WHERE a.payment_id = p.id), 0)), 0) FROM payments p WHERE p.customer_id = ?1");
  s.bind(1, customer_id);
  return from_cents(s.step() ? s.int64(0) : 0);
}

// ---- Dunning batches

bool SqliteLedger::batch_recorded(Date as_of) const {
  Statement& s = db_->cached("SELECT 1 FROM batches WHERE as_of = ?1");
  s.bind(1, as_of);
  const bool found = s.step();
  s.reset();
  return found;
}

void SqliteLedger::record_batch(Date as_of, const std::vector<RecordedLetter>& letters,
                                const std::vector<QueuedMessage>& messages) {
  Transaction t(*db_);
  const std::string queued_at = utc_timestamp(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  if (batch_recorded(as_of))
    ledger_error("RL-LEDGER-004", db_->file(), "the batch of " + as_of.to_iso() + " is already recorded");
  Statement b = db_->prepare("INSERT INTO batches (as_of) VALUES (?1)");
  b.bind(1, as_of);
  b.run();
  const std::int64_t batch_id = db_->last_insert_rowid();
  Statement ins = db_->prepare(
      "INSERT INTO letters (batch_id, as_of, customer_id, level, before_due, channels, currency, "
      "principal_cents, "
      "interest_cents, indemnity_cents, total_cents, pdf_path, pdf_sha256) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  Statement item_ins = db_->prepare(
      "INSERT INTO letter_items (letter_id, item_id, outstanding_cents) SELECT ?1, i.id, i.amount_cents - "
      "COALESCE((SELECT SUM(a.amount_cents) FROM allocations a WHERE a.item_id = i.id AND a.value_date <= "
      "?3), 0) "
      "FROM items i WHERE i.id = ?2");
  Statement seen = db_->prepare("SELECT 1 FROM letters WHERE batch_id = ?1 AND customer_id = ?2");
  // Recorded to the cent, as the letters show them.
  auto cents = [&](const Decimal& d, const char* what) {
    const auto c = to_cents(d.rounded(2));
    if (!c)
      ledger_error("RL-LEDGER-004", db_->file(), std::string("a letter's ") + what + " is out of range");
    return *c;
  };
  for (const RecordedLetter& l : letters) {
    if (!customer(l.customer_id))
      ledger_error("RL-LEDGER-002", db_->file(), "no customer '" + l.customer_id + "' in the ledger");
    seen.reset();
    seen.bind(1, batch_id).bind(2, l.customer_id);
    if (seen.step())
      ledger_error("RL-LEDGER-004", db_->file(),
                   "two letters to customer " + l.customer_id + " in the batch of " + as_of.to_iso());
    // A letter sent before every item of it was due (the courtesy pre-reminder) is "before due",
    // whether or not the caller says so.
    bool before_due = l.before_due || !l.item_ids.empty();
    for (std::int64_t item : l.item_ids) {
      const auto r = item_by_id(item);
      if (!r)
        ledger_error("RL-LEDGER-002", db_->file(),
                     "no item with id " + std::to_string(item) + " in the ledger");
      const Date due = r->due_date ? *r->due_date : r->issue_date.plus_days(30);
      if (due <= as_of) before_due = l.before_due;
    }
    std::string channels;
    for (const auto& c : l.channels) channels += (channels.empty() ? "" : ",") + c;
    ins.reset();
    ins.bind(1, batch_id)
        .bind(2, as_of)
        .bind(3, l.customer_id)
        .bind(4, l.level)
        .bind(5, std::int64_t{before_due ? 1 : 0})
        .bind(6, channels)
        .bind(7, l.currency)
        .bind(8, cents(l.principal, "principal"))
        .bind(9, cents(l.interest, "interest"))
        .bind(10, cents(l.indemnity, "indemnity"))
        .bind(11, cents(l.total, "total"))
        .bind(12, l.pdf_path)
        .bind(13, l.pdf_sha256);
    ins.run();
    const std::int64_t letter_id = db_->last_insert_rowid();
    for (std::int64_t item : l.item_ids) {
      item_ins.reset();
      item_ins.bind(1, letter_id).bind(2, item).bind(3, as_of);
      item_ins.run();
    }
  }
  Statement letter_of = db_->prepare("SELECT id FROM letters WHERE batch_id = ?1 AND customer_id = ?2");
  for (const QueuedMessage& m : messages) {
    letter_of.reset();
    letter_of.bind(1, batch_id).bind(2, m.customer_id);
    if (!letter_of.step())
      ledger_error("RL-LEDGER-004", db_->file(),
                   "message " + m.id + " carries no letter of the batch of " + as_of.to_iso() +
                       " (customer " + m.customer_id + ")");
    enqueue_one(m, letter_of.int64(0), queued_at);
  }
  t.commit();
}

}  // namespace relance::pipeline::detail
