#include "email_view.hpp"

namespace relance::letters::detail {

namespace {

std::string joined(const std::vector<std::string>& numbers, std::size_t at_most) {
  std::string out;
  for (std::size_t i = 0; i < numbers.size() && i < at_most; ++i) out += (i ? ", " : "") + numbers[i];
  if (numbers.size() > at_most) out += ", …";
  return out;
}

ViewData flag(bool b) {
  return ViewData(b ? ViewData::type::bool_true : ViewData::type::bool_false);
}

// "email – phone", or whichever of the two the creditor has.
std::string contact_of(const EmailFacts& facts) {
  std::string contact = facts.creditor_email;
  if (!facts.creditor_phone.empty()) contact += (contact.empty() ? "" : " – ") + facts.creditor_phone;
  return contact;
}

}  // namespace

ViewData email_view(const EmailFacts& facts, Language language, EmailEscaping escaping) {
  // The values are escaped here rather than by the template, so that an HTML template cannot let
  // a customer's name through unescaped, whichever braces it uses.
  const auto written = [escaping](const std::string& s) {
    return escaping == EmailEscaping::html ? kainjow::mustache::html_escape(s) : s;
  };
  const auto text = [&](const std::string& s) { return ViewData(written(s)); };
  ViewData view(ViewData::type::object);
  const auto optional = [&](const std::string& key, const std::string& value) {
    set_optional(view, key, written(value));
  };

  const std::string contact = contact_of(facts);
  optional("debtor_name", facts.debtor_name);
  optional("creditor_name", facts.creditor_name);
  optional("creditor_email", facts.creditor_email);
  optional("creditor_phone", facts.creditor_phone);
  optional("contact", contact);
  optional("invoice_numbers", joined(facts.item_numbers, facts.item_numbers.size()));
  // A subject stays short: the first three numbers say which letter it is.
  optional("subject_numbers", joined(facts.item_numbers, 3));
  view.set("amount", text(facts.currency.empty() ? facts.total.rounded(2).to_string()
                                                 : format_amount(facts.total, facts.currency, language)));
  view.set("as_of", text(format_date(facts.as_of, language)));
  view.set("lang", text(std::string(language_code(language))));
  view.set("has_numbers", flag(!facts.item_numbers.empty()));
  view.set("has_contact", flag(!contact.empty()));
  return view;
}

}  // namespace relance::letters::detail
