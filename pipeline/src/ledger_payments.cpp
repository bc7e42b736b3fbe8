// Payments: import, matching to open items, and what is left for a person to assign.
//
// Matching, in order:
// 1. invoice numbers in the remittance information, the structured reference first, then the
//    unstructured text; a number counts only as a whole token (F-2026-001 is not in F-2026-0011);
//    several numbers share the payment in due-date order, each item taking what it still owes;
//    what is left over (an overpayment) stays unallocated, a credit on the payer's account;
// 2. else the payer (by IBAN learnt from earlier payments or the customers file, else by its
//    exact name) and, among its open items in the payment's currency, the oldest one that owes
//    exactly the amount;
// 3. else the payment is unmatched: listed, and `relance payment assign` allocates it later.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include "ledger_impl.hpp"

namespace relance::pipeline::detail {

using formats::Date;
using sql::cents_text;
using sql::Statement;
using sql::to_cents;
using sql::Transaction;

namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_joiner(char c) {
  return c == '-' || c == '/' || c == '.' || c == '_';
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string describe(const formats::BankEntry& e) {
  std::string s = e.reference + " " + e.value_date.to_iso() + " " + e.amount.to_string() + " " + e.currency;
  if (!e.debtor_name.empty()) s += " from " + e.debtor_name;
  if (!e.debtor_iban.empty()) s += " (" + e.debtor_iban + ")";
  const std::string text = !e.remittance_structured.empty() && !e.remittance_unstructured.empty()
                               ? e.remittance_structured + " " + e.remittance_unstructured
                               : e.remittance_structured + e.remittance_unstructured;
  if (!text.empty()) s += " \"" + text + "\"";
  return s;
}

}  // namespace

std::vector<std::string> remittance_candidates(std::string_view text) {
  constexpr std::size_t max_pieces = 8;
  constexpr std::size_t max_length = 64;
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::size_t i = 0;
  while (i < text.size()) {
    // A word: alphanumeric pieces joined by single joiners.
    while (i < text.size() && !is_alnum(text[i])) ++i;
    std::vector<std::pair<std::size_t, std::size_t>> pieces;  // [begin, end)
    while (i < text.size() && is_alnum(text[i])) {
      const std::size_t begin = i;
      while (i < text.size() && is_alnum(text[i])) ++i;
      pieces.emplace_back(begin, i);
      if (i + 1 < text.size() && is_joiner(text[i]) && is_alnum(text[i + 1]))
        ++i;
      else
        break;
    }
    for (std::size_t a = 0; a < pieces.size(); ++a)
      for (std::size_t b = a; b < pieces.size() && b - a < max_pieces; ++b) {
        const std::size_t length = pieces[b].second - pieces[a].first;
        if (length > max_length) break;
        std::string candidate(text.substr(pieces[a].first, length));
        if (seen.insert(upper(candidate)).second) out.push_back(std::move(candidate));
      }
  }
  return out;
}

void SqliteLedger::rematch_unassigned(const std::vector<std::string>& numbers, ImportReport& report) {
  if (numbers.empty()) return;
  std::unordered_set<std::string> wanted;
  for (const auto& n : numbers) wanted.insert(upper(n));
  std::vector<PaymentRow> payments;
  {
    Statement s = db_->prepare(
        "SELECT reference FROM payments p WHERE NOT EXISTS (SELECT 1 FROM allocations a WHERE a.payment_id = "
        "p.id) "
        "ORDER BY value_date, id");
    std::vector<std::string> references;
    while (s.step()) references.push_back(s.str(0));
    for (const auto& r : references)
      if (auto p = payment_by_reference(r)) payments.push_back(std::move(*p));
  }
  for (const PaymentRow& p : payments) {
    bool names_one = false;
    for (const auto* text : {&p.structured, &p.unstructured})
      for (const auto& c : remittance_candidates(*text)) names_one = names_one || wanted.count(upper(c)) != 0;
    if (!names_one) continue;
    if (match_payment(p, report)) {
      ++report.matched;
      report.notes.push_back("payment " + p.reference + " (" + cents_text(p.amount_cents) + " " + p.currency +
                             ") is now matched to the invoices it names");
    }
  }
}

bool SqliteLedger::match_payment(const PaymentRow& p, ImportReport& report) {
  struct Candidate {
    std::int64_t id;
    std::string customer_id, number, currency, due;
  };
  std::optional<std::string> payer = p.customer_id;
  if (!payer && !p.debtor_iban.empty()) {
    Statement& s = db_->cached("SELECT customer_id FROM customer_accounts WHERE iban = ?1");
    s.bind(1, fold_key(p.debtor_iban));
    if (s.step()) payer = s.str(0);
    s.reset();
  }
  if (!payer && !p.debtor_name.empty()) {
    Statement& s = db_->cached("SELECT id FROM customers WHERE name_key = ?1 AND name_key <> '' LIMIT 2");
    s.bind(1, fold_key(p.debtor_name));
    std::vector<std::string> ids;
    while (s.step()) ids.push_back(s.str(0));
    if (ids.size() == 1) payer = ids[0];
  }

  // 1. Invoice numbers.
  std::vector<Candidate> found;
  for (const std::string* text : {&p.structured, &p.unstructured}) {
    for (const std::string& token : remittance_candidates(*text)) {
      Statement& s = db_->cached(
          "SELECT i.id, i.customer_id, i.number, i.currency, COALESCE(i.due_date, i.issue_date), "
          "i.settled_on "
          "FROM items i WHERE i.number = ?1 COLLATE NOCASE AND i.kind = 'invoice' ORDER BY i.id");
      s.bind(1, token);
      std::vector<Candidate> rows, open;
      while (s.step()) {
        Candidate c{s.int64(0), s.str(1), s.str(2), s.str(3), s.str(4)};
        if (s.is_null(5)) open.push_back(c);
        rows.push_back(std::move(c));
      }
      if (rows.size() > 1 && !open.empty()) rows = open;
      if (rows.size() > 1 && payer) {
        std::vector<Candidate> mine;
        for (const auto& c : rows)
          if (c.customer_id == *payer) mine.push_back(c);
        if (!mine.empty()) rows = mine;
      }
      if (rows.size() > 1) {
        report.notes.push_back("payment " + p.reference + ": '" + token +
                               "' names invoices of several sellers; assign it with relance payment assign");
        continue;
      }
      if (rows.size() == 1 &&
          std::none_of(found.begin(), found.end(), [&](const Candidate& c) { return c.id == rows[0].id; }))
        found.push_back(rows[0]);
    }
    if (!found.empty()) break;  // the structured reference wins over the free text
  }
  if (!found.empty()) {
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(a.due, a.number) < std::tie(b.due, b.number);
    });
    std::int64_t left = p.amount_cents;
    std::string names;
    for (const Candidate& c : found) {
      names += (names.empty() ? "" : ", ") + c.number;
      if (c.currency != p.currency) {
        report.notes.push_back("payment " + p.reference + " is in " + p.currency + ", " + c.number + " in " +
                               c.currency + ": not allocated to it");
        continue;
      }
      const std::int64_t cents = std::min(left, invoice_outstanding(c.id));
      if (cents <= 0) continue;
      allocate(c.id, p.id, std::nullopt, cents, p.value_date, "number");
      left -= cents;
    }
    const std::string& customer = found.front().customer_id;
    Statement& u = db_->cached("UPDATE payments SET customer_id = ?2 WHERE id = ?1");
    u.bind(1, p.id).bind(2, customer);
    u.run();
    learn_account(p.debtor_iban, customer);
    if (left > 0)
      report.notes.push_back("payment " + p.reference + ": " + cents_text(left) + " " + p.currency +
                             " more than " + names + " owed stays a credit on " + customer + "'s account");
    return true;
  }

  // 2. The payer's open item owing exactly the amount.
  if (!payer) return false;
  Statement& s = db_->cached(
      "SELECT i.id FROM items i WHERE i.customer_id = ?1 AND i.settled_on IS NULL AND i.kind = 'invoice' "
      "AND i.currency = ?2 AND i.amount_cents - COALESCE((SELECT SUM(a.amount_cents) FROM allocations a "
      "WHERE a.item_id = i.id), 0) = ?3 ORDER BY COALESCE(i.due_date, i.issue_date), i.number LIMIT 1");
  s.bind(1, *payer).bind(2, p.currency).bind(3, p.amount_cents);
  std::optional<std::int64_t> item;
  if (s.step()) item = s.int64(0);
  s.reset();
  if (!item) return false;
  allocate(*item, p.id, std::nullopt, p.amount_cents, p.value_date, "amount");
  Statement& u = db_->cached("UPDATE payments SET customer_id = ?2 WHERE id = ?1");
  u.bind(1, p.id).bind(2, *payer);
  u.run();
  learn_account(p.debtor_iban, *payer);
  return true;
}

ImportReport SqliteLedger::import_payments(const std::vector<formats::BankEntry>& entries,
                                           std::string_view source) {
  ImportReport report;
  // Oldest first: payments are allocated in the order they came.
  std::vector<const formats::BankEntry*> ordered;
  ordered.reserve(entries.size());
  for (const auto& e : entries) ordered.push_back(&e);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto* a, const auto* b) { return a->value_date < b->value_date; });
  Transaction t(*db_);
  for (const formats::BankEntry* entry : ordered) {
    const formats::BankEntry& e = *entry;
    const Location where{e.location.empty() ? std::string(source) : e.location, {}, 0, 0};
    if (!e.credit) {
      ++report.ignored;
      continue;
    }
    const auto cents = to_cents(e.amount);
    if (!cents || *cents <= 0) {
      report.diagnostics.add("RL-LEDGER-004", Severity::fatal, where,
                             "payment " + e.reference + ": the amount " + e.amount.to_string() +
                                 " is not a positive amount with at most two decimals; not imported");
      continue;
    }
    std::string reference = e.reference;
    if (reference.empty())
      reference = "content:" + e.value_date.to_iso() + "/" + cents_text(*cents) + "/" +
                  fold_key(e.debtor_iban) + "/" + e.end_to_end_id + "/" + e.remittance_structured + "/" +
                  e.remittance_unstructured;
    {
      Statement& s = db_->cached("SELECT 1 FROM payments WHERE reference = ?1");
      s.bind(1, reference);
      const bool known = s.step();
      s.reset();
      if (known) {
        ++report.unchanged;
        continue;
      }
    }
    Statement& ins = db_->cached(
        "INSERT INTO payments (reference, value_date, booking_date, amount_cents, currency, debtor_name, "
        "debtor_iban, remittance_unstructured, remittance_structured, end_to_end_id, source) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    ins.bind(1, reference)
        .bind(2, e.value_date)
        .bind(3, e.booking_date)
        .bind(4, *cents)
        .bind(5, e.currency.empty() ? std::string("EUR") : e.currency)
        .bind(6, e.debtor_name)
        .bind(7, e.debtor_iban)
        .bind(8, e.remittance_unstructured)
        .bind(9, e.remittance_structured)
        .bind(10, e.end_to_end_id)
        .bind(11, where.source);
    ins.run();
    ++report.added;
    const auto stored = payment_by_reference(reference);
    if (stored && match_payment(*stored, report)) {
      ++report.matched;
    } else {
      ++report.unmatched;
      formats::BankEntry shown = e;
      shown.reference = reference;
      report.notes.push_back("unmatched payment " + describe(shown) + " [" + where.source + "]");
    }
  }
  t.commit();
  return report;
}

}  // namespace relance::pipeline::detail
