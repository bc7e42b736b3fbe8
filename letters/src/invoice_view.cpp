#include "invoice_view.hpp"

#include <algorithm>

#include "relance/letters/epc_qr.hpp"

namespace relance::letters::detail {

namespace {

using formats::Decimal;
using kainjow::mustache::list;
using kainjow::mustache::object;

ViewData falsy() {
  return ViewData(ViewData::type::bool_false);
}
ViewData boolean(bool b) {
  return ViewData(b ? ViewData::type::bool_true : ViewData::type::bool_false);
}

ViewData text_list(const std::vector<std::string>& items) {
  list out;
  for (const auto& s : items) out.push_back(ViewData(s));
  return ViewData(out);
}

std::string digits_only(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

// French company identifiers wherever the invoice carries them: the legal registration id with
// its ICD scheme (0002 SIREN, 0009 SIRET), other identifiers with those schemes, and the SIREN
// inside a French VAT number.
struct FrenchIds {
  std::string siren, siret;
};
FrenchIds french_ids(const formats::Identifier& legal, const std::vector<formats::Identifier>& others,
                     std::string_view vat_id) {
  FrenchIds ids;
  auto take = [&](const formats::Identifier& id) {
    const std::string d = digits_only(id.value);
    if (id.scheme == "0009" && d.size() == 14 && ids.siret.empty()) ids.siret = d;
    if (id.scheme == "0002" && d.size() == 9 && ids.siren.empty()) ids.siren = d;
  };
  take(legal);
  for (const auto& id : others) take(id);
  if (ids.siren.empty() && !ids.siret.empty()) ids.siren = ids.siret.substr(0, 9);
  if (ids.siren.empty() && vat_id.size() == 13 && vat_id.substr(0, 2) == "FR") {
    const std::string d = digits_only(vat_id.substr(4));
    if (d.size() == 9) ids.siren = d;
  }
  return ids;
}

std::string group_siren(const std::string& s) {
  if (s.size() == 9) return s.substr(0, 3) + " " + s.substr(3, 3) + " " + s.substr(6, 3);
  if (s.size() == 14) return s.substr(0, 3) + " " + s.substr(3, 3) + " " + s.substr(6, 3) + " " + s.substr(9);
  return s;
}

std::string group_iban(std::string_view iban) {
  std::string compact;
  for (char c : iban)
    if (c != ' ') compact += c;
  std::string out;
  for (std::size_t i = 0; i < compact.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += compact[i];
  }
  return out;
}

std::string identifier_text(const formats::Identifier& id) {
  if (id.value.empty()) return {};
  return id.value;
}

// Common UN/ECE Recommendation 20 units as people write them; the code itself otherwise.
std::string unit_symbol(std::string_view code) {
  static const std::pair<std::string_view, std::string_view> units[] = {
      {"C62", ""},    {"H87", ""},    {"EA", ""},     {"XPP", ""},    {"HUR", "h"},   {"MIN", "min"},
      {"DAY", "d"},   {"WEE", "wk"},  {"MON", "mo"},  {"ANN", "yr"},  {"KGM", "kg"},  {"GRM", "g"},
      {"TNE", "t"},   {"MTR", "m"},   {"KMT", "km"},  {"CMT", "cm"},  {"MMT", "mm"},  {"MTK", "m²"},
      {"MTQ", "m³"},  {"LTR", "l"},   {"MLT", "ml"},  {"KWH", "kWh"}, {"SET", "set"}, {"PR", "pr"},
      {"LS", "lump"}, {"E48", "svc"}, {"XBX", "box"}, {"P1", "%"}};
  for (auto [c, symbol] : units)
    if (c == code) return std::string(symbol);
  return std::string(code);
}

ViewData party_ids(ViewData view, const FrenchIds& ids, const formats::Identifier& legal,
                   std::string_view vat_id) {
  set_optional(view, "siren", group_siren(ids.siren));
  set_optional(view, "siret", group_siren(ids.siret));
  // A legal id that is neither SIREN nor SIRET (a German HRB, a Belgian KBO) is shown as written.
  const bool french = legal.scheme == "0002" || legal.scheme == "0009";
  set_optional(view, "legal_id", french ? std::string{} : identifier_text(legal));
  set_optional(view, "vat_id", std::string(vat_id));
  return view;
}

ViewData seller_view(const formats::Invoice& inv) {
  const auto& s = inv.seller;
  ViewData v = object{};
  v.set("name", s.name);
  set_optional(v, "trading_name", s.trading_name == s.name ? std::string{} : s.trading_name);
  v.set("address", text_list(address_lines(s.postal_address, inv.buyer.postal_address.country_code)));
  v = party_ids(std::move(v), french_ids(s.legal_registration_id, s.identifiers, s.vat_id),
                s.legal_registration_id, s.vat_id);
  set_optional(v, "tax_registration_id", s.tax_registration_id);
  set_optional(v, "legal_info", s.additional_legal_info);
  set_optional(v, "contact", s.contact.point);
  set_optional(v, "phone", s.contact.telephone);
  set_optional(v, "email", s.contact.email);
  return v;
}

ViewData buyer_view(const formats::Invoice& inv) {
  const auto& b = inv.buyer;
  ViewData v = object{};
  v.set("name", b.name);
  set_optional(v, "trading_name", b.trading_name == b.name ? std::string{} : b.trading_name);
  v.set("address", text_list(address_lines(b.postal_address, inv.seller.postal_address.country_code)));
  std::vector<formats::Identifier> others;
  if (!b.identifier.empty()) others.push_back(b.identifier);
  v = party_ids(std::move(v), french_ids(b.legal_registration_id, others, b.vat_id), b.legal_registration_id,
                b.vat_id);
  set_optional(v, "identifier",
               b.identifier.scheme == "0002" || b.identifier.scheme == "0009"
                   ? std::string{}
                   : identifier_text(b.identifier));
  set_optional(v, "contact", b.contact.point);
  set_optional(v, "email", b.contact.email);
  return v;
}

ViewData deliver_to_view(const formats::Invoice& inv) {
  const auto& d = inv.delivery;
  const bool has_address = !d.deliver_to.empty();
  const bool same_place =
      !has_address || (d.deliver_to == inv.buyer.postal_address &&
                       (d.deliver_to_name.empty() || d.deliver_to_name == inv.buyer.name));
  if (same_place) return falsy();
  ViewData v = object{};
  set_optional(v, "name", d.deliver_to_name);
  v.set("address", text_list(address_lines(d.deliver_to, inv.seller.postal_address.country_code)));
  set_optional(v, "location_id", identifier_text(d.location_id));
  return v;
}

class Formatter {
 public:
  Formatter(const formats::Invoice& inv, Language lang) : currency_(inv.currency), lang_(lang) {}
  std::string amount(const std::optional<Decimal>& d) const {
    return d ? format_amount(*d, currency_, lang_) : std::string{};
  }
  // Unit prices keep the digits they were written with (0.0125), at least cents.
  std::string price(const std::optional<Decimal>& d) const {
    return d ? format_amount(*d, currency_, lang_, std::max(2, d->significant_scale())) : std::string{};
  }
  std::string number(const std::optional<Decimal>& d) const {
    return d ? format_number(*d, lang_) : std::string{};
  }
  std::string percent(const std::optional<Decimal>& d) const {
    return d ? format_percent(*d, lang_) : std::string{};
  }
  std::string date(const std::optional<formats::Date>& d) const {
    return d ? format_date(*d, lang_) : std::string{};
  }
  std::string period(const formats::Period& p) const {
    if (p.empty()) return {};
    return date(p.start) + " – " + date(p.end);
  }

 private:
  std::string currency_;
  Language lang_;
};

ViewData allowance_list(const std::vector<formats::DocumentAllowanceCharge>& items, const Formatter& f) {
  list out;
  for (const auto& a : items) {
    ViewData v = object{};
    v.set("reason", !a.reason.empty() ? a.reason : a.reason_code);
    v.set("amount", f.amount(a.amount));
    set_optional(v, "percentage", f.percent(a.percentage));
    set_optional(v, "base", f.amount(a.base_amount));
    set_optional(v, "vat_rate", f.percent(a.vat_rate));
    v.set("vat_category", a.vat_category_code);
    out.push_back(v);
  }
  return ViewData(out);
}

ViewData line_adjustments(const std::vector<formats::LineAllowanceCharge>& items, const Formatter& f) {
  list out;
  for (const auto& a : items) {
    ViewData v = object{};
    set_optional(v, "reason", !a.reason.empty() ? a.reason : a.reason_code);
    v.set("amount", f.amount(a.amount));
    set_optional(v, "percentage", f.percent(a.percentage));
    out.push_back(v);
  }
  return ViewData(out);
}

ViewData lines_view(const formats::Invoice& inv, const Formatter& f) {
  list out;
  for (const auto& l : inv.lines) {
    ViewData v = object{};
    v.set("id", l.id);
    v.set("name", l.item.name);
    set_optional(v, "description", l.item.description == l.item.name ? std::string{} : l.item.description);
    set_optional(v, "note", l.note);
    set_optional(v, "sellers_id", l.item.sellers_id);
    v.set("quantity", f.number(l.quantity));
    v.set("unit", unit_symbol(l.unit_code));
    v.set("price", f.price(l.price.net_price));
    set_optional(v, "gross_price",
                 l.price.price_discount && !l.price.price_discount->is_zero() ? f.price(l.price.gross_price)
                                                                              : std::string{});
    const bool per_base = l.price.base_quantity && *l.price.base_quantity != Decimal::from_integer(1);
    set_optional(
        v, "price_base",
        per_base ? f.number(l.price.base_quantity) + " " +
                       unit_symbol(l.price.base_quantity_unit_code.empty() ? l.unit_code
                                                                           : l.price.base_quantity_unit_code)
                 : std::string{});
    v.set("allowances", line_adjustments(l.allowances, f));
    v.set("charges", line_adjustments(l.charges, f));
    v.set("has_adjustments", boolean(!l.allowances.empty() || !l.charges.empty()));
    v.set("vat_category", l.vat_category_code);
    v.set("vat_rate", f.percent(l.vat_rate));
    v.set("net_amount", f.amount(l.net_amount));
    set_optional(v, "period", f.period(l.period));
    set_optional(v, "order_line", l.order_line_reference);
    out.push_back(v);
  }
  return ViewData(out);
}

ViewData vat_view(const formats::Invoice& inv, const Formatter& f) {
  list out;
  for (const auto& b : inv.vat_breakdown) {
    ViewData v = object{};
    v.set("category", b.category_code);
    v.set("rate", f.percent(b.rate ? b.rate : std::optional<Decimal>(Decimal::from_integer(0))));
    v.set("taxable", f.amount(b.taxable_amount));
    v.set("tax", f.amount(b.tax_amount));
    set_optional(v, "exemption_reason",
                 !b.exemption_reason.empty() ? b.exemption_reason : b.exemption_reason_code);
    // Each category has its own legal mention; the template words it per language.
    v.set("is_reverse_charge", boolean(b.category_code == "AE"));
    v.set("is_exempt", boolean(b.category_code == "E"));
    v.set("is_intra_community", boolean(b.category_code == "K"));
    v.set("is_export", boolean(b.category_code == "G"));
    v.set("is_outside_scope", boolean(b.category_code == "O"));
    out.push_back(v);
  }
  return ViewData(out);
}

ViewData payment_view(const formats::Invoice& inv, const Formatter& f) {
  const auto& p = inv.payment_instructions;
  ViewData v = object{};
  const std::string& code = p.means_code;
  v.set("means_code", code);
  set_optional(v, "means_text", p.means_text);
  v.set("is_credit_transfer", boolean(code == "30" || code == "58" || code == "42"));
  v.set("is_direct_debit", boolean(code == "49" || code == "59"));
  v.set("is_card", boolean(code == "48" || code == "54" || code == "55"));
  list accounts;
  for (const auto& t : p.credit_transfers) {
    ViewData a = object{};
    a.set("iban", group_iban(t.account_id));
    set_optional(a, "account_name", t.account_name);
    set_optional(a, "bic", t.service_provider_id);
    accounts.push_back(a);
  }
  v.set("accounts", ViewData(accounts));
  set_optional(v, "remittance", p.remittance_information);
  set_optional(v, "mandate", p.direct_debit.mandate_reference);
  set_optional(v, "creditor_id", p.direct_debit.creditor_id);
  set_optional(v, "debited_account", group_iban(p.direct_debit.debited_account_id));
  set_optional(v, "card", p.card.primary_account_number);
  set_optional(v, "terms", inv.payment_terms);
  (void)f;
  return v;
}

ViewData totals_view(const formats::Invoice& inv, const Formatter& f) {
  const auto& t = inv.totals;
  ViewData v = object{};
  v.set("line_total", f.amount(t.sum_of_line_net_amounts));
  auto nonzero = [&](const std::optional<Decimal>& d) {
    return d && !d->is_zero() ? f.amount(d) : std::string{};
  };
  set_optional(v, "allowances", nonzero(t.sum_of_allowances));
  set_optional(v, "charges", nonzero(t.sum_of_charges));
  v.set("without_vat", f.amount(t.total_without_vat));
  v.set("vat", f.amount(t.total_vat ? t.total_vat : std::optional<Decimal>(Decimal::from_integer(0))));
  set_optional(v, "vat_in_tax_currency",
               t.total_vat_in_tax_currency && !inv.tax_currency.empty() && inv.tax_currency != inv.currency
                   ? format_amount(*t.total_vat_in_tax_currency, inv.tax_currency, Language::en) + " (" +
                         inv.tax_currency + ")"
                   : std::string{});
  v.set("with_vat", f.amount(t.total_with_vat));
  set_optional(v, "prepaid", nonzero(t.paid_amount));
  set_optional(v, "rounding", nonzero(t.rounding_amount));
  v.set("due", f.amount(t.payable_amount));
  return v;
}

}  // namespace

std::vector<std::string> address_lines(const formats::Address& a, std::string_view home_country) {
  std::vector<std::string> out;
  for (const auto* s : {&a.line_one, &a.line_two, &a.line_three})
    if (!s->empty()) out.push_back(*s);
  std::string city = a.post_code;
  if (!a.city.empty()) city += (city.empty() ? "" : " ") + a.city;
  if (!a.country_subdivision.empty()) city += (city.empty() ? "" : ", ") + a.country_subdivision;
  if (!city.empty()) out.push_back(city);
  if (!a.country_code.empty() && a.country_code != home_country) out.push_back(a.country_code);
  return out;
}

ViewData invoice_view(const formats::Invoice& inv, Language language) {
  const Formatter f(inv, language);
  ViewData v = object{};
  v.set("lang", std::string(language_code(language)));
  v.set("is_credit_note", boolean(inv.is_credit_note()));
  v.set("type_code", inv.type_code);
  v.set("number", inv.number);
  v.set("issue_date", f.date(inv.issue_date));
  set_optional(v, "due_date", f.date(inv.due_date));
  set_optional(v, "delivery_date", f.date(inv.delivery.actual_delivery_date));
  set_optional(v, "tax_point_date", f.date(inv.tax_point_date));
  set_optional(v, "period", f.period(inv.invoicing_period));
  v.set("currency", inv.currency);
  set_optional(v, "buyer_reference", inv.buyer_reference);
  set_optional(v, "purchase_order", inv.purchase_order_reference);
  set_optional(v, "sales_order", inv.sales_order_reference);
  set_optional(v, "contract", inv.contract_reference);
  set_optional(v, "project", inv.project_reference);
  set_optional(v, "despatch_advice", inv.despatch_advice_reference);
  set_optional(v, "buyer_accounting", inv.buyer_accounting_reference);
  list preceding;
  for (const auto& p : inv.preceding_invoices) {
    ViewData item = object{};
    item.set("number", p.reference);
    set_optional(item, "date", f.date(p.issue_date));
    preceding.push_back(item);
  }
  v.set("preceding_invoices", ViewData(preceding));
  v.set("seller", seller_view(inv));
  v.set("buyer", buyer_view(inv));
  v.set("deliver_to", deliver_to_view(inv));
  set_optional(v, "payee", inv.payee.name != inv.seller.name ? inv.payee.name : std::string{});
  set_optional(v, "tax_representative", inv.tax_representative.name);
  // The €40 indemnity and late penalties concern professional buyers (C. com. L441-10, D441-5).
  const bool business_buyer =
      !inv.buyer.vat_id.empty() || !inv.buyer.legal_registration_id.empty() || !inv.buyer.identifier.empty();
  v.set("buyer_is_business", boolean(business_buyer));
  v.set("lines", lines_view(inv, f));
  v.set("allowances", allowance_list(inv.allowances, f));
  v.set("charges", allowance_list(inv.charges, f));
  v.set("has_allowances", boolean(!inv.allowances.empty()));
  v.set("has_charges", boolean(!inv.charges.empty()));
  v.set("vat_breakdown", vat_view(inv, f));
  v.set("totals", totals_view(inv, f));
  v.set("payment", payment_view(inv, f));
  list notes;
  for (const auto& n : inv.notes) {
    if (n.text.empty()) continue;
    ViewData item = object{};
    item.set("text", n.text);
    set_optional(item, "subject", n.subject_code);
    notes.push_back(item);
  }
  v.set("has_notes", boolean(!notes.empty()));
  v.set("notes", ViewData(notes));
  const auto qr = epc_qr_payload(inv);
  set_optional(v, "qr", qr ? *qr : std::string{});
  return v;
}

}  // namespace relance::letters::detail
