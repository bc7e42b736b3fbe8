// Imports of invoices (the buyer becomes a customer) and of the customers CSV.
#include <algorithm>
#include <array>
#include <map>

#include "ledger_impl.hpp"

namespace relance::pipeline::detail {

using formats::Date;
using formats::Decimal;
using sql::cents_text;
using sql::Statement;
using sql::to_cents;
using sql::Transaction;

namespace {

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '.' && c != '-') out += c;
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string seller_key(const formats::Seller& s) {
  if (!s.vat_id.empty()) return fold_key(s.vat_id);
  if (!s.legal_registration_id.empty()) return without_spaces(s.legal_registration_id.value);
  for (const auto& id : s.identifiers)
    if (!id.empty()) return without_spaces(id.value);
  return s.name;
}

// The seller's details as its latest invoice gives them: letters name it as the creditor.
void remember_seller(sql::Database& db, const std::string& id, const formats::Invoice& inv) {
  const formats::Seller& s = inv.seller;
  std::string siren;
  for (const auto* identifier : {&s.legal_registration_id}) {
    const std::string digits = without_spaces(identifier->value);
    if (identifier->scheme == "0002" && digits.size() == 9) siren = digits;
    if (identifier->scheme == "0009" && digits.size() == 14) siren = digits.substr(0, 9);
  }
  if (siren.empty() && s.vat_id.size() == 13 && s.vat_id.rfind("FR", 0) == 0 &&
      all_digits(s.vat_id.substr(4)))
    siren = s.vat_id.substr(4);
  const auto& transfers = inv.payment_instructions.credit_transfers;
  sql::Statement& up = db.cached(
      "INSERT INTO sellers (id, name, line_one, line_two, line_three, city, post_code, country_subdivision, "
      "country_code, siren, vat_id, email, phone, iban, bic) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
      "?10, "
      "?11, ?12, ?13, ?14, ?15) ON CONFLICT(id) DO UPDATE SET name = excluded.name, line_one = "
      "excluded.line_one, line_two = excluded.line_two, line_three = excluded.line_three, city = "
      "excluded.city, "
      "post_code = excluded.post_code, country_subdivision = excluded.country_subdivision, country_code = "
      "excluded.country_code, siren = excluded.siren, vat_id = excluded.vat_id, email = excluded.email, "
      "phone = "
      "excluded.phone, iban = excluded.iban, bic = excluded.bic");
  const auto& a = s.postal_address;
  up.bind(1, id)
      .bind(2, s.name)
      .bind(3, a.line_one)
      .bind(4, a.line_two)
      .bind(5, a.line_three)
      .bind(6, a.city)
      .bind(7, a.post_code)
      .bind(8, a.country_subdivision)
      .bind(9, a.country_code)
      .bind(10, siren)
      .bind(11, s.vat_id)
      .bind(12, s.contact.email)
      .bind(13, s.contact.telephone)
      .bind(14, transfers.empty() ? std::string() : transfers.front().account_id)
      .bind(15, transfers.empty() ? std::string() : transfers.front().service_provider_id);
  up.run();
}

// The language letters to a new customer are written in, from its country.
letters::Language language_of_country(std::string_view country) {
  static constexpr std::array<std::string_view, 17> french = {
      "", "FR", "MC", "BE", "LU", "CH", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"};
  if (std::find(french.begin(), french.end(), country) != french.end()) return letters::Language::fr;
  if (country == "DE" || country == "AT" || country == "LI") return letters::Language::de;
  return letters::Language::en;
}

// "Hôtel des Brotteaux SARL", "69006" -> "HOTEL-DES-BROTTEAUX-SARL-69006".
std::string slug(std::string_view name, std::string_view post_code) {
  std::string out;
  bool gap = false;
  for (char c : ascii_upper(std::string(name) + " " + std::string(post_code))) {
    if (c == ' ') {
      gap = !out.empty();
      continue;
    }
    if (gap) out += '-';
    gap = false;
    out += c;
  }
  return out.empty() ? std::string("CUSTOMER") : out;
}

// file:line:1 for a CSV line (diagnostics print line and column together).
Location where(std::string_view source, std::uint32_t line = 0) {
  return Location{std::string(source), {}, line, line > 0 ? 1u : 0u};
}

}  // namespace

// ---- Invoices

std::string SqliteLedger::customer_for_buyer(const formats::Invoice& invoice, bool& created) {
  created = false;
  const formats::Buyer& b = invoice.buyer;
  auto one = [&](const char* sql, std::string_view value) -> std::optional<std::string> {
    if (value.empty()) return std::nullopt;
    Statement& s = db_->cached(sql);
    s.bind(1, value);
    std::optional<std::string> id;
    if (s.step()) id = s.str(0);
    s.reset();
    return id;
  };
  const std::string buyer_id = std::string(b.identifier.value);
  const std::string legal = without_spaces(b.legal_registration_id.value);
  std::string siren, siret;
  if (all_digits(legal) && legal.size() == 14 && b.legal_registration_id.scheme != "0002") {
    siret = legal;
    siren = legal.substr(0, 9);
  } else if (all_digits(legal) && legal.size() == 9 && b.legal_registration_id.scheme != "0009") {
    siren = legal;
  }
  const std::string vat = fold_key(b.vat_id);
  if (auto id = one("SELECT id FROM customers WHERE id = ?1", buyer_id)) return *id;
  if (auto id = one("SELECT id FROM customers WHERE siret = ?1 AND siret <> '' ORDER BY id", siret))
    return *id;
  if (auto id = one("SELECT id FROM customers WHERE siren = ?1 AND siren <> '' ORDER BY id", siren))
    return *id;
  if (siren.empty() && siret.empty())
    if (auto id = one("SELECT id FROM customers WHERE id = ?1", legal)) return *id;
  if (auto id = one("SELECT id FROM customers WHERE vat_id = ?1 AND vat_id <> '' ORDER BY id", vat))
    return *id;
  // Else by name and address.
  const formats::Address& a = b.postal_address;
  if (!fold_key(b.name).empty()) {
    Statement& s = db_->cached(
        "SELECT id, billing_post_code, billing_city FROM customers WHERE name_key = ?1 AND name_key <> '' "
        "ORDER BY id");
    s.bind(1, fold_key(b.name));
    std::optional<std::string> match;
    while (s.step()) {
      const bool same_place = !a.post_code.empty() ? fold_key(s.text(1)) == fold_key(a.post_code)
                                                   : fold_key(s.text(2)) == fold_key(a.city);
      if (same_place) {
        match = s.str(0);
        break;
      }
    }
    s.reset();
    if (match) return *match;
  }

  // A new customer, with the default profile; its id is the buyer's own identifier when it has
  // one, "-2", "-3"... appended when another customer already has it.
  const std::string base = !buyer_id.empty() ? buyer_id
                           : !legal.empty()  ? legal
                           : !vat.empty()    ? vat
                                             : slug(b.name, a.post_code.empty() ? a.city : a.post_code);
  std::string id = base;
  for (int n = 2; one("SELECT id FROM customers WHERE id = ?1", id); ++n) id = base + "-" + std::to_string(n);
  Statement& ins = db_->cached(
      "INSERT INTO customers (id, name, siren, siret, vat_id, billing_line_one, billing_line_two, "
      "billing_line_three, billing_post_code, billing_city, billing_subdivision, billing_country, language, "
      "name_key, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'invoice')");
  const std::string& name = b.name.empty() ? b.trading_name : b.name;
  ins.bind(1, id)
      .bind(2, name)
      .bind(14, fold_key(name))
      .bind(3, siren)
      .bind(4, siret)
      .bind(5, vat)
      .bind(6, a.line_one)
      .bind(7, a.line_two)
      .bind(8, a.line_three)
      .bind(9, a.post_code)
      .bind(10, a.city)
      .bind(11, a.country_subdivision)
      .bind(12, a.country_code)
      .bind(13, letters::language_code(language_of_country(a.country_code)));
  ins.run();
  std::vector<std::string> emails;
  if (b.electronic_address.scheme == "EM" && b.electronic_address.value.find('@') != std::string::npos)
    emails.push_back(b.electronic_address.value);
  if (!b.contact.email.empty() && std::find(emails.begin(), emails.end(), b.contact.email) == emails.end())
    emails.push_back(b.contact.email);
  Statement& em =
      db_->cached("INSERT INTO customer_emails (customer_id, position, email) VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < emails.size(); ++i) {
    em.reset();
    em.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, emails[i]);
    em.run();
  }
  if (!invoice.payment_instructions.direct_debit.debited_account_id.empty())
    learn_account(invoice.payment_instructions.direct_debit.debited_account_id, id);
  created = true;
  return id;
}

void SqliteLedger::apply_credit_note(std::int64_t credit_note_id, ImportReport& report) {
  std::string seller_id, preceding, customer_id, number;
  Date issue = Date::from_days(0);
  {
    Statement& s = db_->cached(
        "SELECT seller_id, preceding_number, customer_id, number, issue_date FROM items WHERE id = ?1");
    s.bind(1, credit_note_id);
    if (!s.step()) return;
    seller_id = s.str(0);
    preceding = s.str(1);
    customer_id = s.str(2);
    number = s.str(3);
    issue = *s.date(4);
    s.reset();
  }
  if (preceding.empty()) return;
  std::int64_t left = credit_note_left(credit_note_id);
  if (left <= 0) return;
  // The preceding invoice of the same seller; else the customer's only invoice with that number.
  std::optional<std::int64_t> target;
  {
    Statement& s =
        db_->cached("SELECT id FROM items WHERE seller_id = ?1 AND number = ?2 AND kind = 'invoice'");
    s.bind(1, seller_id).bind(2, preceding);
    if (s.step()) target = s.int64(0);
    s.reset();
  }
  if (!target) {
    Statement& s = db_->cached(
        "SELECT id FROM items WHERE customer_id = ?1 AND number = ?2 AND kind = 'invoice' LIMIT 2");
    s.bind(1, customer_id).bind(2, preceding);
    std::vector<std::int64_t> ids;
    while (s.step()) ids.push_back(s.int64(0));
    if (ids.size() == 1) target = ids[0];
  }
  if (!target) {
    report.notes.push_back("credit note " + number + ": its invoice " + preceding +
                           " is not in the ledger yet; " + cents_text(left) + " stays a credit on " +
                           customer_id + "'s account");
    return;
  }
  const std::int64_t owed = invoice_outstanding(*target);
  const std::int64_t cents = std::min(left, owed);
  if (cents > 0) allocate(*target, std::nullopt, credit_note_id, cents, issue, "credit_note");
  if (left > cents)
    report.notes.push_back("credit note " + number + ": " + cents_text(left - cents) + " more than " +
                           preceding + " owed stays a credit on " + customer_id + "'s account");
}

void SqliteLedger::import_one_invoice(const formats::Invoice& inv, std::string_view source,
                                      ImportReport& report, std::vector<std::string>& added_numbers) {
  std::string missing;
  if (inv.number.empty()) missing += ", a number (BT-1)";
  if (!inv.issue_date) missing += ", an issue date (BT-2)";
  if (!inv.totals.payable_amount) missing += ", an amount due (BT-115)";
  if (!missing.empty()) {
    report.diagnostics.add("RL-LEDGER-004", Severity::fatal, where(source),
                           "the ledger needs" + missing.substr(1) + "; the invoice is not imported");
    return;
  }
  bool credit_note = inv.is_credit_note();
  Decimal amount = *inv.totals.payable_amount;
  if (!credit_note && amount.sign() < 0) credit_note = true;  // a negative invoice credits the buyer
  if (credit_note) amount = amount.abs();
  const auto cents = to_cents(amount);
  if (!cents) {
    report.diagnostics.add("RL-LEDGER-004", Severity::fatal, where(source),
                           "the amount due " + amount.to_string() + " has more than two decimals", "BT-115");
    return;
  }
  const std::string seller_id = seller_key(inv.seller);
  {
    Statement& s = db_->cached("SELECT amount_cents, kind FROM items WHERE seller_id = ?1 AND number = ?2");
    s.bind(1, seller_id).bind(2, inv.number);
    if (s.step()) {
      const std::int64_t known = s.int64(0);
      s.reset();
      ++report.unchanged;
      if (known != *cents)
        report.notes.push_back(inv.number + " is already known with " + cents_text(known) + "; " +
                               std::string(source) + " says " + cents_text(*cents) +
                               ": the ledger keeps the first (correct it with a credit note)");
      return;
    }
  }
  remember_seller(*db_, seller_id, inv);
  bool created = false;
  const std::string customer_id = customer_for_buyer(inv, created);
  if (created) ++report.customers_added;

  const std::string preceding =
      inv.preceding_invoices.empty() ? std::string() : inv.preceding_invoices[0].reference;
  Statement& ins = db_->cached(
      "INSERT INTO items (seller_id, number, customer_id, kind, type_code, issue_date, due_date, currency, "
      "amount_cents, preceding_number, settled_on, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12)");
  std::optional<Date> settled;
  if (*cents <= 0) settled = inv.issue_date;
  ins.bind(1, seller_id)
      .bind(2, inv.number)
      .bind(3, customer_id)
      .bind(4, credit_note ? "credit_note" : "invoice")
      .bind(5, inv.type_code)
      .bind(6, *inv.issue_date)
      .bind(7, inv.due_date)
      .bind(8, inv.currency.empty() ? std::string("EUR") : inv.currency)
      .bind(9, *cents)
      .bind(10, credit_note ? preceding : std::string())
      .bind(11, settled)
      .bind(12, source);
  ins.run();
  const std::int64_t id = db_->last_insert_rowid();
  ++report.added;
  if (credit_note) {
    apply_credit_note(id, report);
    return;
  }
  // Credit notes imported before their invoice.
  std::vector<std::int64_t> waiting;
  {
    Statement& s = db_->cached(
        "SELECT id FROM items WHERE preceding_number = ?2 AND preceding_number <> '' AND kind = "
        "'credit_note' "
        "AND settled_on IS NULL AND (seller_id = ?1 OR customer_id = ?3) ORDER BY issue_date, id");
    s.bind(1, seller_id).bind(2, inv.number).bind(3, customer_id);
    while (s.step()) waiting.push_back(s.int64(0));
  }
  for (std::int64_t cn : waiting) apply_credit_note(cn, report);
  added_numbers.push_back(inv.number);
}

ImportReport SqliteLedger::import_invoice(const formats::Invoice& invoice, std::string_view source) {
  ImportReport report;
  std::vector<std::string> added;
  Transaction t(*db_);
  import_one_invoice(invoice, source, report, added);
  rematch_unassigned(added, report);
  t.commit();
  return report;
}

ImportReport SqliteLedger::import_invoices(const std::vector<SourcedInvoice>& invoices) {
  ImportReport report;
  std::vector<std::string> added;
  Transaction t(*db_);
  for (const auto& s : invoices) import_one_invoice(s.invoice, s.source, report, added);
  rematch_unassigned(added, report);
  t.commit();
  return report;
}

// ---- Customers CSV

namespace {

struct CsvRecord {
  std::uint32_t line = 0;
  std::vector<std::string> fields;
};

// RFC 4180 with either separator: quoted fields may hold separators, doubled quotes and line breaks.
// Returns false (with the line) on an unterminated quote.
bool parse_csv(std::string_view text, char sep, std::vector<CsvRecord>& out, std::uint32_t& bad_line) {
  std::size_t i = 0;
  std::uint32_t line = 1;
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool in_quotes = false, quoted = false;
    for (;;) {
      if (i >= text.size()) {
        if (in_quotes) {
          bad_line = rec.line;
          return false;
        }
        rec.fields.push_back(std::move(field));
        break;
      }
      const char c = text[i++];
      if (in_quotes) {
        if (c == '"') {
          if (i < text.size() && text[i] == '"') {
            field += '"';
            ++i;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line;
          field += c;
        }
      } else if (c == '"' && !quoted && field.find_first_not_of(" \t") == std::string::npos) {
        field.clear();
        in_quotes = quoted = true;
      } else if (c == sep) {
        rec.fields.push_back(std::move(field));
        field.clear();
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
        ++line;
        rec.fields.push_back(std::move(field));
        break;
      } else {
        field += c;
      }
    }
    out.push_back(std::move(rec));
  }
  return true;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view strip_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

char separator_of(std::string_view header_line) {
  std::size_t commas = 0, semicolons = 0;
  bool q = false;
  for (char c : header_line) {
    if (c == '"') q = !q;
    if (q) continue;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

// Canonical column names, with the aliases people write.
const std::map<std::string, std::string, std::less<>>& column_names() {
  static const std::map<std::string, std::string, std::less<>> names = {
      {"id", "id"},
      {"customer_id", "id"},
      {"name", "name"},
      {"siren", "siren"},
      {"siret", "siret"},
      {"vat_id", "vat_id"},
      {"vat", "vat_id"},
      {"email", "email"},
      {"emails", "email"},
      {"address_line1", "address_line1"},
      {"address", "address_line1"},
      {"address_line2", "address_line2"},
      {"address_line3", "address_line3"},
      {"post_code", "post_code"},
      {"postcode", "post_code"},
      {"postal_code", "post_code"},
      {"zip", "post_code"},
      {"city", "city"},
      {"country_subdivision", "country_subdivision"},
      {"country", "country"},
      {"country_code", "country"},
      {"postal_address_line1", "postal_address_line1"},
      {"postal_address_line2", "postal_address_line2"},
      {"postal_address_line3", "postal_address_line3"},
      {"postal_post_code", "postal_post_code"},
      {"postal_city", "postal_city"},
      {"postal_country", "postal_country"},
      {"language", "language"},
      {"lang", "language"},
      {"profile", "profile"},
      {"channel", "channel"},
      {"preferred_channel", "channel"},
      {"account_manager", "account_manager"},
      {"manager", "account_manager"},
      {"iban", "iban"},
  };
  return names;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find_first_of(";,", start);
    if (end == std::string_view::npos) end = s.size();
    std::string item = trimmed(s.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

bool same_customer(const CustomerRecord& a, const CustomerRecord& b) {
  return a.id == b.id && a.name == b.name && a.siren == b.siren && a.siret == b.siret &&
         a.vat_id == b.vat_id && a.emails == b.emails && a.billing_address == b.billing_address &&
         a.postal_address == b.postal_address && a.language == b.language && a.profile == b.profile &&
         a.preferred_channel == b.preferred_channel && a.account_manager == b.account_manager;
}

}  // namespace

bool is_customers_csv(std::string_view bytes) {
  std::string_view text = strip_bom(bytes);
  const std::size_t nl = text.find('\n');
  std::string_view head = text.substr(0, nl == std::string_view::npos ? text.size() : nl);
  if (!head.empty() && head.back() == '\r') head.remove_suffix(1);
  if (head.empty() || head.find('<') != std::string_view::npos) return false;
  std::vector<CsvRecord> recs;
  std::uint32_t bad = 0;
  if (!parse_csv(head, separator_of(head), recs, bad) || recs.empty()) return false;
  bool id = false, name = false;
  for (const auto& f : recs[0].fields) {
    const auto it = column_names().find(lower(trimmed(f)));
    if (it == column_names().end()) continue;
    id = id || it->second == "id";
    name = name || it->second == "name";
  }
  return id && name;
}

ImportReport SqliteLedger::import_customers_csv(std::string_view csv, std::string_view source) {
  ImportReport report;
  const std::string_view text = strip_bom(csv);
  const std::size_t nl = text.find('\n');
  const char sep = separator_of(text.substr(0, nl == std::string_view::npos ? text.size() : nl));
  std::vector<CsvRecord> records;
  std::uint32_t bad_line = 0;
  if (!parse_csv(text, sep, records, bad_line)) {
    report.diagnostics.add("RL-LEDGER-003", Severity::fatal, where(source, bad_line),
                           "a quoted field is never closed; the lines from here on are not imported");
  }
  if (records.empty()) {
    report.diagnostics.add("RL-LEDGER-003", Severity::fatal, where(source, 1), "the customers file is empty");
    return report;
  }
  // The header.
  std::vector<std::string> columns;
  bool has_id = false, has_name = false;
  for (const auto& f : records[0].fields) {
    const std::string key = lower(trimmed(f));
    const auto it = column_names().find(key);
    if (it == column_names().end()) {
      if (!key.empty())
        report.diagnostics.add("RL-LEDGER-003", Severity::warning, where(source, records[0].line),
                               "unknown column '" + trimmed(f) + "' is ignored");
      columns.emplace_back();
      continue;
    }
    has_id = has_id || it->second == "id";
    has_name = has_name || it->second == "name";
    columns.push_back(it->second);
  }
  if (!has_id || !has_name) {
    report.diagnostics.add("RL-LEDGER-003", Severity::fatal, where(source, records[0].line),
                           "the header needs the columns id and name");
    return report;
  }
  auto present = [&](std::string_view col) {
    return std::find(columns.begin(), columns.end(), col) != columns.end();
  };

  Transaction t(*db_);
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    const auto bad = [&](const std::string& message) {
      report.diagnostics.add("RL-LEDGER-003", Severity::fatal, where(source, rec.line),
                             message + "; the line is not imported");
    };
    if (rec.fields.size() == 1 && trimmed(rec.fields[0]).empty()) continue;  // a blank line
    if (rec.fields.size() != columns.size()) {
      bad("the line has " + std::to_string(rec.fields.size()) + " fields, the header " +
          std::to_string(columns.size()));
      continue;
    }
    std::map<std::string, std::string, std::less<>> v;
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (!columns[i].empty()) v[columns[i]] = trimmed(rec.fields[i]);
    const std::string id = v["id"];
    if (id.empty()) {
      bad("no customer id");
      continue;
    }
    // Checks.
    std::string problem;
    const std::string siren = without_spaces(v["siren"]), siret = without_spaces(v["siret"]);
    if (!siren.empty() && !(all_digits(siren) && siren.size() == 9))
      problem = "SIREN '" + v["siren"] + "' is not 9 digits";
    else if (!siret.empty() && !(all_digits(siret) && siret.size() == 14))
      problem = "SIRET '" + v["siret"] + "' is not 14 digits";
    else if (!v["language"].empty() && !letters::parse_language(lower(v["language"])))
      problem = "language '" + v["language"] + "' is not fr, en or de";
    std::vector<std::string> emails = split_list(v["email"]);
    for (const auto& e : emails)
      if (problem.empty() && (e.find('@') == std::string::npos || e.find(' ') != std::string::npos))
        problem = "'" + e + "' is not an email address";
    static constexpr std::array<std::string_view, 6> channels = {
        "email", "postal", "registered", "registered_postal", "phone", "agency"};
    const std::string channel = lower(v["channel"]);
    if (problem.empty() && !channel.empty() &&
        std::find(channels.begin(), channels.end(), channel) == channels.end())
      problem = "channel '" + v["channel"] + "' is not one of email, postal, registered, phone, agency";
    if (!problem.empty()) {
      bad(problem);
      continue;
    }

    std::optional<CustomerRecord> existing = customer(id);
    std::string taken_over;
    if (!existing) {
      // A customer created from invoices' buyers, known by its legal ids: it takes the file's id.
      const std::string vat = fold_key(v["vat_id"]);
      const std::array<std::pair<const char*, std::string>, 3> keys = {
          std::pair<const char*, std::string>{
              "SELECT id FROM customers WHERE origin = 'invoice' AND siret = ?1 AND siret <> '' ORDER BY id",
              siret},
          {"SELECT id FROM customers WHERE origin = 'invoice' AND siren = ?1 AND siren <> '' ORDER BY id",
           siren.empty() && siret.size() == 14 ? siret.substr(0, 9) : siren},
          {"SELECT id FROM customers WHERE origin = 'invoice' AND vat_id = ?1 AND vat_id <> '' ORDER BY id",
           vat}};
      for (const auto& [sql, key] : keys) {
        if (key.empty() || !taken_over.empty()) continue;
        Statement s = db_->prepare(sql);
        s.bind(1, key);
        if (s.step()) taken_over = s.str(0);
      }
      if (!taken_over.empty()) {
        Statement u = db_->prepare("UPDATE customers SET id = ?2 WHERE id = ?1");
        u.bind(1, taken_over).bind(2, id);
        u.run();
        existing = customer(id);
      }
    }
    CustomerRecord c = existing ? *existing : CustomerRecord{};
    c.id = id;
    auto set = [&](std::string_view col, std::string& field) {
      if (present(col)) field = v[std::string(col)];
    };
    set("name", c.name);
    if (present("siren")) c.siren = siren.empty() && siret.size() == 14 ? siret.substr(0, 9) : siren;
    if (present("siret")) c.siret = siret;
    if (present("vat_id")) c.vat_id = fold_key(v["vat_id"]);
    if (present("email")) c.emails = emails;
    set("address_line1", c.billing_address.line_one);
    set("address_line2", c.billing_address.line_two);
    set("address_line3", c.billing_address.line_three);
    set("post_code", c.billing_address.post_code);
    set("city", c.billing_address.city);
    set("country_subdivision", c.billing_address.country_subdivision);
    set("country", c.billing_address.country_code);
    set("postal_address_line1", c.postal_address.line_one);
    set("postal_address_line2", c.postal_address.line_two);
    set("postal_address_line3", c.postal_address.line_three);
    set("postal_post_code", c.postal_address.post_code);
    set("postal_city", c.postal_address.city);
    set("postal_country", c.postal_address.country_code);
    if (!v["language"].empty()) c.language = *letters::parse_language(lower(v["language"]));
    if (!v["profile"].empty()) c.profile = lower(v["profile"]);
    if (present("channel")) c.preferred_channel = channel == "registered_postal" ? "registered" : channel;
    set("account_manager", c.account_manager);

    if (existing && same_customer(c, *existing) && taken_over.empty()) {
      ++report.unchanged;
    } else {
      Statement s = db_->prepare(
          "INSERT INTO customers (id, name, siren, siret, vat_id, billing_line_one, billing_line_two, "
          "billing_line_three, billing_post_code, billing_city, billing_subdivision, billing_country, "
          "postal_line_one, postal_line_two, postal_line_three, postal_post_code, postal_city, "
          "postal_subdivision, "
          "postal_country, language, profile, channel, account_manager, name_key, origin) VALUES (?1, ?2, "
          "?3, ?4, "
          "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
          "'csv') "
          "ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, siren = "
          "excluded.siren, siret = excluded.siret, "
          "vat_id = excluded.vat_id, billing_line_one = excluded.billing_line_one, billing_line_two = "
          "excluded.billing_line_two, billing_line_three = excluded.billing_line_three, billing_post_code = "
          "excluded.billing_post_code, billing_city = excluded.billing_city, billing_subdivision = "
          "excluded.billing_subdivision, billing_country = excluded.billing_country, postal_line_one = "
          "excluded.postal_line_one, postal_line_two = excluded.postal_line_two, postal_line_three = "
          "excluded.postal_line_three, postal_post_code = excluded.postal_post_code, postal_city = "
          "excluded.postal_city, postal_subdivision = excluded.postal_subdivision, postal_country = "
          "excluded.postal_country, language = excluded.language, profile = excluded.profile, channel = "
          "excluded.channel, account_manager = excluded.account_manager, origin = 'csv'");
      const auto& b = c.billing_address;
      const auto& p = c.postal_address;
      s.bind(1, c.id).bind(2, c.name).bind(3, c.siren).bind(4, c.siret).bind(5, c.vat_id);
      s.bind(6, b.line_one).bind(7, b.line_two).bind(8, b.line_three).bind(9, b.post_code).bind(10, b.city);
      s.bind(11, b.country_subdivision).bind(12, b.country_code);
      s.bind(13, p.line_one)
          .bind(14, p.line_two)
          .bind(15, p.line_three)
          .bind(16, p.post_code)
          .bind(17, p.city);
      s.bind(18, p.country_subdivision).bind(19, p.country_code);
      s.bind(20, letters::language_code(c.language)).bind(21, c.profile).bind(22, c.preferred_channel);
      s.bind(23, c.account_manager).bind(24, fold_key(c.name));
      s.run();
      if (!existing || c.emails != existing->emails) {
        Statement d = db_->prepare("DELETE FROM customer_emails WHERE customer_id = ?1");
        d.bind(1, c.id);
        d.run();
        Statement e =
            db_->prepare("INSERT INTO customer_emails (customer_id, position, email) VALUES (?1, ?2, ?3)");
        for (std::size_t i = 0; i < c.emails.size(); ++i) {
          e.reset();
          e.bind(1, c.id).bind(2, static_cast<std::int64_t>(i)).bind(3, c.emails[i]);
          e.run();
        }
      }
      if (existing)
        ++report.updated;
      else
        ++report.added;
      if (!taken_over.empty())
        report.notes.push_back("customer " + taken_over + " (created from invoices) is now " + c.id);
    }
    for (const auto& iban : split_list(v["iban"])) learn_account(iban, c.id);
  }
  t.commit();
  return report;
}

}  // namespace relance::pipeline::detail
