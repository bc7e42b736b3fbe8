#include "letter_view.hpp"

#include "invoice_view.hpp"
#include "relance/letters/dunning.hpp"

namespace relance::letters::detail {

namespace {

using formats::Decimal;
using kainjow::mustache::list;
using kainjow::mustache::object;

ViewData boolean(bool b) {
  return ViewData(b ? ViewData::type::bool_true : ViewData::type::bool_false);
}

ViewData party_view(const LetterParty& p, std::string_view home_country) {
  ViewData v = object{};
  v.set("name", p.name);
  list lines;
  for (const auto& l : address_lines(p.address, home_country)) lines.push_back(ViewData(l));
  v.set("address", ViewData(lines));
  // The whole address as one value with line breaks, for the envelope window.
  std::string block = p.name;
  for (const auto& l : address_lines(p.address, home_country)) block += "\n" + l;
  v.set("address_block", block);
  set_optional(v, "city", p.address.city);
  set_optional(v, "siren", p.siren);
  set_optional(v, "vat_id", p.vat_id);
  set_optional(v, "email", p.email);
  set_optional(v, "phone", p.phone);
  return v;
}

class Fmt {
 public:
  Fmt(std::string currency, Language lang) : currency_(std::move(currency)), lang_(lang) {}
  std::string amount(const Decimal& d) const { return format_amount(d, currency_, lang_); }
  std::string date(const formats::Date& d) const { return format_date(d, lang_); }
  std::string percent(const Decimal& d) const { return format_percent(d, lang_); }

 private:
  std::string currency_;
  Language lang_;
};

ViewData items_view(const std::vector<LetterItem>& items, const Fmt& f) {
  list out;
  for (const auto& it : items) {
    ViewData v = object{};
    v.set("number", it.number);
    v.set("issue_date", f.date(it.issue_date));
    v.set("due_date", f.date(it.due_date));
    v.set("amount", f.amount(it.amount));
    set_optional(v, "paid", it.paid.is_zero() ? std::string{} : f.amount(it.paid));
    v.set("outstanding", f.amount(it.outstanding));
    v.set("days_late", std::to_string(it.days_late));
    v.set("is_late", boolean(it.days_late > 0));
    set_optional(v, "interest", it.interest.lines.empty() ? std::string{} : f.amount(it.interest.total));
    list lines;
    for (const auto& l : it.interest.lines) {
      ViewData line = object{};
      line.set("from", f.date(l.from));
      line.set("to", f.date(l.to));
      line.set("days", std::to_string(l.days));
      line.set("base", f.amount(l.base));
      line.set("rate", f.percent(l.rate_percent));
      line.set("amount", f.amount(l.amount));
      lines.push_back(line);
    }
    v.set("interest_lines", ViewData(lines));
    out.push_back(v);
  }
  return ViewData(out);
}

}  // namespace

ViewData letter_view(const Letter& letter) {
  const Fmt f(letter.currency, letter.language);
  ViewData v = object{};
  v.set("lang", std::string(language_code(letter.language)));
  v.set("level", letter.level);
  v.set("reference", letter.reference);
  v.set("date", f.date(letter.as_of));
  v.set("deadline", f.date(letter.as_of.plus_days(letter.deadline_days)));
  v.set("deadline_days", std::to_string(letter.deadline_days));
  v.set("creditor", party_view(letter.creditor, letter.debtor.address.country_code));
  v.set("debtor", party_view(letter.debtor, letter.creditor.address.country_code));
  v.set("customer_id", letter.customer_id);
  v.set("items", items_view(letter.items, f));
  v.set("item_count", std::to_string(letter.items.size()));
  v.set("several_items", boolean(letter.items.size() > 1));
  v.set("principal", f.amount(letter.principal));
  set_optional(v, "interest", letter.interest.is_zero() ? std::string{} : f.amount(letter.interest));
  set_optional(v, "indemnity", letter.indemnity.is_zero() ? std::string{} : f.amount(letter.indemnity));
  v.set("indemnity_per_invoice", f.amount(recovery_indemnity(letter.profile)));
  v.set("total", f.amount(letter.total));
  std::string iban;  // in groups of four, as printed on cheques and invoices
  for (char c : letter.creditor_iban) {
    if (c == ' ') continue;
    if (!iban.empty() && (iban.size() + 1) % 5 == 0) iban += ' ';
    iban += c;
  }
  set_optional(v, "iban", iban);
  set_optional(v, "bic", letter.creditor_bic);
  set_optional(v, "account_manager", letter.account_manager);
  set_optional(v, "penalty_rate", letter.penalty_rate_text);
  v.set("is_consumer", boolean(letter.profile == profile_consumer));
  v.set("is_public_sector", boolean(letter.profile == profile_public_sector));
  v.set("is_business", boolean(letter.profile != profile_consumer));
  return v;
}

ViewData statement_view(const Statement& statement) {
  const Fmt f(statement.currency, statement.language);
  ViewData v = object{};
  v.set("lang", std::string(language_code(statement.language)));
  v.set("date", f.date(statement.as_of));
  v.set("creditor", party_view(statement.creditor, statement.debtor.address.country_code));
  v.set("debtor", party_view(statement.debtor, statement.creditor.address.country_code));
  v.set("customer_id", statement.customer_id);
  v.set("items", items_view(statement.items, f));
  v.set("total_outstanding", f.amount(statement.total_outstanding));
  return v;
}

}  // namespace relance::letters::detail
