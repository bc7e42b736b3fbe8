#include "relance/formats/invoice_json.hpp"

#include <nlohmann/json.hpp>

namespace relance::formats {
namespace {

using Json = nlohmann::ordered_json;

void put(Json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}
void put(Json& j, const char* key, const std::optional<Decimal>& v) {
  if (v) j[key] = v->to_string();
}
void put(Json& j, const char* key, const std::optional<Date>& v) {
  if (v) j[key] = v->to_iso();
}
void put(Json& j, const char* key, const Identifier& v) {
  if (v.empty()) return;
  Json o;
  o["value"] = v.value;
  put(o, "scheme", v.scheme);
  j[key] = std::move(o);
}
void put(Json& j, const char* key, Json v) {
  if (!v.is_null() && !v.empty()) j[key] = std::move(v);
}

Json required(const std::optional<Date>& d) {
  return d ? Json(d->to_iso()) : Json();
}
Json required(const std::string& s) {
  return s.empty() ? Json() : Json(s);
}

Json address(const Address& a) {
  Json j = Json::object();
  put(j, "line_one", a.line_one);
  put(j, "line_two", a.line_two);
  put(j, "line_three", a.line_three);
  put(j, "post_code", a.post_code);
  put(j, "city", a.city);
  put(j, "country_subdivision", a.country_subdivision);
  put(j, "country_code", a.country_code);
  return j;
}

Json contact(const Contact& c) {
  Json j = Json::object();
  put(j, "point", c.point);
  put(j, "telephone", c.telephone);
  put(j, "email", c.email);
  return j;
}

Json period(const Period& p) {
  Json j = Json::object();
  put(j, "start", p.start);
  put(j, "end", p.end);
  return j;
}

Json seller(const Seller& s) {
  Json j = Json::object();
  j["name"] = required(s.name);
  put(j, "trading_name", s.trading_name);
  Json ids = Json::array();
  for (const auto& id : s.identifiers) {
    Json o;
    put(o, "id", id);
    ids.push_back(o["id"]);
  }
  put(j, "identifiers", ids);
  put(j, "legal_registration_id", s.legal_registration_id);
  put(j, "vat_id", s.vat_id);
  put(j, "tax_registration_id", s.tax_registration_id);
  put(j, "additional_legal_info", s.additional_legal_info);
  put(j, "electronic_address", s.electronic_address);
  put(j, "postal_address", address(s.postal_address));
  put(j, "contact", contact(s.contact));
  return j;
}

Json buyer(const Buyer& b) {
  Json j = Json::object();
  j["name"] = required(b.name);
  put(j, "trading_name", b.trading_name);
  put(j, "identifier", b.identifier);
  put(j, "legal_registration_id", b.legal_registration_id);
  put(j, "vat_id", b.vat_id);
  put(j, "electronic_address", b.electronic_address);
  put(j, "postal_address", address(b.postal_address));
  put(j, "contact", contact(b.contact));
  return j;
}

template <class AC>
Json allowance_charge(const AC& a) {
  Json j = Json::object();
  put(j, "amount", a.amount);
  put(j, "base_amount", a.base_amount);
  put(j, "percentage", a.percentage);
  if constexpr (requires { a.vat_category_code; }) {
    put(j, "vat_category_code", a.vat_category_code);
    put(j, "vat_rate", a.vat_rate);
  }
  put(j, "reason", a.reason);
  put(j, "reason_code", a.reason_code);
  return j;
}

template <class AC>
Json allowance_charges(const std::vector<AC>& v) {
  Json arr = Json::array();
  for (const auto& a : v) arr.push_back(allowance_charge(a));
  return arr;
}

Json line(const InvoiceLine& l) {
  Json j = Json::object();
  j["id"] = l.id;
  put(j, "note", l.note);
  put(j, "object_identifier", l.object_identifier);
  put(j, "quantity", l.quantity);
  put(j, "unit_code", l.unit_code);
  put(j, "net_amount", l.net_amount);
  put(j, "order_line_reference", l.order_line_reference);
  put(j, "buyer_accounting_reference", l.buyer_accounting_reference);
  put(j, "period", period(l.period));
  put(j, "allowances", allowance_charges(l.allowances));
  put(j, "charges", allowance_charges(l.charges));
  Json price = Json::object();
  put(price, "net_price", l.price.net_price);
  put(price, "price_discount", l.price.price_discount);
  put(price, "gross_price", l.price.gross_price);
  put(price, "base_quantity", l.price.base_quantity);
  put(price, "base_quantity_unit_code", l.price.base_quantity_unit_code);
  put(j, "price", price);
  put(j, "vat_category_code", l.vat_category_code);
  put(j, "vat_rate", l.vat_rate);
  const Item& it = l.item;
  Json item = Json::object();
  put(item, "name", it.name);
  put(item, "description", it.description);
  put(item, "sellers_id", it.sellers_id);
  put(item, "buyers_id", it.buyers_id);
  put(item, "standard_id", it.standard_id);
  Json classes = Json::array();
  for (const auto& c : it.classifications) {
    Json o = Json::object();
    put(o, "code", c.code);
    put(o, "scheme", c.scheme);
    put(o, "scheme_version", c.scheme_version);
    classes.push_back(o);
  }
  put(item, "classifications", classes);
  put(item, "origin_country", it.origin_country);
  Json attrs = Json::array();
  for (const auto& a : it.attributes) attrs.push_back(Json{{"name", a.name}, {"value", a.value}});
  put(item, "attributes", attrs);
  j["item"] = item;
  return j;
}

}  // namespace

std::string to_json(const Invoice& inv, int indent) {
  Json j = Json::object();
  j["number"] = required(inv.number);
  j["type_code"] = required(inv.type_code);
  j["issue_date"] = required(inv.issue_date);
  j["currency"] = required(inv.currency);
  put(j, "tax_currency", inv.tax_currency);
  put(j, "tax_point_date", inv.tax_point_date);
  put(j, "tax_point_date_code", inv.tax_point_date_code);
  j["due_date"] = required(inv.due_date);
  put(j, "buyer_reference", inv.buyer_reference);
  put(j, "project_reference", inv.project_reference);
  put(j, "contract_reference", inv.contract_reference);
  put(j, "purchase_order_reference", inv.purchase_order_reference);
  put(j, "sales_order_reference", inv.sales_order_reference);
  put(j, "receiving_advice_reference", inv.receiving_advice_reference);
  put(j, "despatch_advice_reference", inv.despatch_advice_reference);
  put(j, "tender_or_lot_reference", inv.tender_or_lot_reference);
  put(j, "invoiced_object_identifier", inv.invoiced_object_identifier);
  put(j, "buyer_accounting_reference", inv.buyer_accounting_reference);
  put(j, "payment_terms", inv.payment_terms);
  Json notes = Json::array();
  for (const auto& n : inv.notes) {
    Json o = Json::object();
    put(o, "subject_code", n.subject_code);
    o["text"] = n.text;
    notes.push_back(o);
  }
  put(j, "notes", notes);
  put(j, "business_process", inv.business_process);
  put(j, "specification_identifier", inv.specification_identifier);
  Json preceding = Json::array();
  for (const auto& p : inv.preceding_invoices) {
    Json o = Json::object();
    o["reference"] = p.reference;
    put(o, "issue_date", p.issue_date);
    preceding.push_back(o);
  }
  put(j, "preceding_invoices", preceding);
  j["seller"] = seller(inv.seller);
  j["buyer"] = buyer(inv.buyer);
  Json payee = Json::object();
  put(payee, "name", inv.payee.name);
  put(payee, "identifier", inv.payee.identifier);
  put(payee, "legal_registration_id", inv.payee.legal_registration_id);
  put(j, "payee", payee);
  Json rep = Json::object();
  put(rep, "name", inv.tax_representative.name);
  put(rep, "vat_id", inv.tax_representative.vat_id);
  put(rep, "postal_address", address(inv.tax_representative.postal_address));
  put(j, "tax_representative", rep);
  Json delivery = Json::object();
  put(delivery, "deliver_to_name", inv.delivery.deliver_to_name);
  put(delivery, "location_id", inv.delivery.location_id);
  put(delivery, "actual_delivery_date", inv.delivery.actual_delivery_date);
  put(j, "delivery", delivery);
  j["deliver_to"] = inv.delivery.deliver_to.empty() ? Json() : address(inv.delivery.deliver_to);
  put(j, "invoicing_period", period(inv.invoicing_period));
  const PaymentInstructions& pi = inv.payment_instructions;
  Json pay = Json::object();
  put(pay, "means_code", pi.means_code);
  put(pay, "means_text", pi.means_text);
  put(pay, "remittance_information", pi.remittance_information);
  Json transfers = Json::array();
  for (const auto& ct : pi.credit_transfers) {
    Json o = Json::object();
    put(o, "account_id", ct.account_id);
    put(o, "account_name", ct.account_name);
    put(o, "service_provider_id", ct.service_provider_id);
    transfers.push_back(o);
  }
  put(pay, "credit_transfers", transfers);
  Json card = Json::object();
  put(card, "primary_account_number", pi.card.primary_account_number);
  put(card, "holder_name", pi.card.holder_name);
  put(pay, "card", card);
  Json dd = Json::object();
  put(dd, "mandate_reference", pi.direct_debit.mandate_reference);
  put(dd, "creditor_id", pi.direct_debit.creditor_id);
  put(dd, "debited_account_id", pi.direct_debit.debited_account_id);
  put(pay, "direct_debit", dd);
  put(j, "payment_instructions", pay);
  put(j, "allowances", allowance_charges(inv.allowances));
  put(j, "charges", allowance_charges(inv.charges));
  const DocumentTotals& t = inv.totals;
  Json totals = Json::object();
  put(totals, "sum_of_line_net_amounts", t.sum_of_line_net_amounts);
  put(totals, "sum_of_allowances", t.sum_of_allowances);
  put(totals, "sum_of_charges", t.sum_of_charges);
  put(totals, "total_without_vat", t.total_without_vat);
  put(totals, "total_vat", t.total_vat);
  put(totals, "total_vat_in_tax_currency", t.total_vat_in_tax_currency);
  put(totals, "total_with_vat", t.total_with_vat);
  put(totals, "paid_amount", t.paid_amount);
  put(totals, "rounding_amount", t.rounding_amount);
  totals["payable_amount"] = t.payable_amount ? Json(t.payable_amount->to_string()) : Json();
  j["totals"] = totals;
  Json vat = Json::array();
  for (const auto& v : inv.vat_breakdown) {
    Json o = Json::object();
    put(o, "category_code", v.category_code);
    put(o, "rate", v.rate);
    put(o, "taxable_amount", v.taxable_amount);
    put(o, "tax_amount", v.tax_amount);
    put(o, "exemption_reason", v.exemption_reason);
    put(o, "exemption_reason_code", v.exemption_reason_code);
    vat.push_back(o);
  }
  put(j, "vat_breakdown", vat);
  Json docs = Json::array();
  for (const auto& d : inv.supporting_documents) {
    Json o = Json::object();
    o["reference"] = d.reference;
    put(o, "description", d.description);
    put(o, "external_location", d.external_location);
    if (!d.attachment.empty()) {
      Json a = Json::object();
      put(a, "filename", d.attachment.filename);
      put(a, "mime_code", d.attachment.mime_code);
      // The content can be megabytes: its size is what a reader of the model needs.
      a["base64_length"] = d.attachment.content_base64.size();
      o["attachment"] = a;
    }
    docs.push_back(o);
  }
  put(j, "supporting_documents", docs);
  Json lines = Json::array();
  for (const auto& l : inv.lines) lines.push_back(line(l));
  j["lines"] = lines;
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace relance::formats
