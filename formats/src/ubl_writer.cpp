// The EN 16931 model to UBL 2.1 (EN 16931-3-2 binding), elements in the order of the
// UBL-Invoice-2.1 / UBL-CreditNote-2.1 schema sequences and of their cac/cbc aggregates.

#include <pugixml.hpp>

#include <algorithm>

#include "relance/formats/cii.hpp"
#include "relance/formats/ubl.hpp"
#include "xml_builder.hpp"
#include "xml_support.hpp"

namespace relance::formats {
namespace {

using detail::add;
using detail::add_if;
using detail::add_text;
using detail::set_attr_if;

pugi::xml_node add_id(pugi::xml_node parent, const char* name, const Identifier& id) {
  if (id.empty()) return {};
  pugi::xml_node n = add_text(parent, name, id.value);
  set_attr_if(n, "schemeID", id.scheme);
  return n;
}

void add_date(pugi::xml_node parent, const char* name, const std::optional<Date>& d) {
  if (d) add_text(parent, name, d->to_iso());
}

// <name><cbc:ID>id</cbc:ID></name>, the shape of every UBL reference that EN 16931 reduces to an id.
void add_wrapped_id(pugi::xml_node parent, const char* name, std::string_view id) {
  if (!id.empty()) add_text(add(parent, name), "cbc:ID", id);
}

void add_tax_scheme(pugi::xml_node parent, std::string_view scheme = "VAT") {
  add_text(add(parent, "cac:TaxScheme"), "cbc:ID", scheme);
}

void add_address(pugi::xml_node parent, const char* name, const Address& a) {
  if (a.empty()) return;
  pugi::xml_node n = add(parent, name);
  add_if(n, "cbc:StreetName", a.line_one);
  add_if(n, "cbc:AdditionalStreetName", a.line_two);
  add_if(n, "cbc:CityName", a.city);
  add_if(n, "cbc:PostalZone", a.post_code);
  add_if(n, "cbc:CountrySubentity", a.country_subdivision);
  if (!a.line_three.empty()) add_text(add(n, "cac:AddressLine"), "cbc:Line", a.line_three);
  if (!a.country_code.empty()) add_text(add(n, "cac:Country"), "cbc:IdentificationCode", a.country_code);
}

void add_contact(pugi::xml_node party, const Contact& c) {
  if (c.empty()) return;
  pugi::xml_node n = add(party, "cac:Contact");
  add_if(n, "cbc:Name", c.point);
  add_if(n, "cbc:Telephone", c.telephone);
  add_if(n, "cbc:ElectronicMail", c.email);
}

void add_party_identification(pugi::xml_node party, const Identifier& id) {
  if (!id.empty()) add_id(add(party, "cac:PartyIdentification"), "cbc:ID", id);
}

// BT-90 travels as a party identifier with the "SEPA" scheme.
void add_creditor_id(pugi::xml_node party, std::string_view creditor_id) {
  if (!creditor_id.empty()) add_party_identification(party, Identifier{std::string(creditor_id), "SEPA"});
}

void add_party_name(pugi::xml_node party, std::string_view name) {
  if (!name.empty()) add_text(add(party, "cac:PartyName"), "cbc:Name", name);
}

void add_party_tax_scheme(pugi::xml_node party, std::string_view company_id, std::string_view scheme) {
  if (company_id.empty()) return;
  pugi::xml_node n = add(party, "cac:PartyTaxScheme");
  add_text(n, "cbc:CompanyID", company_id);
  add_tax_scheme(n, scheme);
}

void add_legal_entity(pugi::xml_node party, std::string_view name, const Identifier& id,
                      std::string_view legal_form) {
  if (name.empty() && id.empty() && legal_form.empty()) return;
  pugi::xml_node n = add(party, "cac:PartyLegalEntity");
  add_if(n, "cbc:RegistrationName", name);
  add_id(n, "cbc:CompanyID", id);
  add_if(n, "cbc:CompanyLegalForm", legal_form);
}

void add_tax_category(pugi::xml_node parent, const char* name, std::string_view code,
                      const std::optional<Decimal>& rate, std::string_view exemption_code = {},
                      std::string_view exemption_reason = {}) {
  pugi::xml_node n = add(parent, name);
  add_if(n, "cbc:ID", code);
  add_if(n, "cbc:Percent", rate);
  add_if(n, "cbc:TaxExemptionReasonCode", exemption_code);
  add_if(n, "cbc:TaxExemptionReason", exemption_reason);
  add_tax_scheme(n);
}

void add_period(pugi::xml_node parent, const Period& p, std::string_view description_code = {}) {
  if (p.empty() && description_code.empty()) return;
  pugi::xml_node n = add(parent, "cac:InvoicePeriod");
  add_date(n, "cbc:StartDate", p.start);
  add_date(n, "cbc:EndDate", p.end);
  add_if(n, "cbc:DescriptionCode", description_code);
}

class UblWriter {
 public:
  explicit UblWriter(const Invoice& inv) : inv_(inv), credit_note_(inv.is_credit_note()) {}

  std::string write();

 private:
  pugi::xml_node amount(pugi::xml_node parent, const char* name, const std::optional<Decimal>& d,
                        std::string_view currency) const {
    pugi::xml_node n = add_if(parent, name, d);
    set_attr_if(n, "currencyID", currency);
    return n;
  }
  pugi::xml_node amount(pugi::xml_node parent, const char* name, const std::optional<Decimal>& d) const {
    return amount(parent, name, d, inv_.currency);
  }

  void add_header(pugi::xml_node root);
  void add_references(pugi::xml_node root);
  void add_additional_documents(pugi::xml_node root);
  void add_seller(pugi::xml_node root);
  void add_buyer(pugi::xml_node root);
  void add_payee(pugi::xml_node root);
  void add_tax_representative(pugi::xml_node root);
  void add_delivery(pugi::xml_node root);
  void add_payment_means(pugi::xml_node root);
  void add_allowance_charge(pugi::xml_node parent, const DocumentAllowanceCharge& d, bool is_charge);
  void add_line_allowance_charge(pugi::xml_node parent, const LineAllowanceCharge& d, bool is_charge);
  void add_taxes(pugi::xml_node root);
  void add_totals(pugi::xml_node root);
  void add_line(pugi::xml_node root, const InvoiceLine& l);
  void add_item(pugi::xml_node line, const InvoiceLine& l);
  void add_price(pugi::xml_node line, const PriceDetails& pr);

  const Invoice& inv_;
  bool credit_note_;
};

std::string UblWriter::write() {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  const detail::Ns root_ns = credit_note_ ? detail::Ns::ubl_credit_note : detail::Ns::ubl_invoice;
  pugi::xml_node root = doc.append_child(credit_note_ ? "CreditNote" : "Invoice");
  root.append_attribute("xmlns").set_value(std::string(detail::namespace_uri(root_ns)).c_str());
  root.append_attribute("xmlns:cac").set_value(std::string(detail::namespace_uri(detail::Ns::cac)).c_str());
  root.append_attribute("xmlns:cbc").set_value(std::string(detail::namespace_uri(detail::Ns::cbc)).c_str());

  add_header(root);
  add_references(root);
  add_seller(root);
  add_buyer(root);
  add_payee(root);
  add_tax_representative(root);
  add_delivery(root);
  add_payment_means(root);
  if (!inv_.payment_terms.empty()) add_text(add(root, "cac:PaymentTerms"), "cbc:Note", inv_.payment_terms);
  for (const auto& d : inv_.allowances) add_allowance_charge(root, d, false);
  for (const auto& d : inv_.charges) add_allowance_charge(root, d, true);
  add_taxes(root);
  add_totals(root);
  for (const InvoiceLine& l : inv_.lines) add_line(root, l);
  return detail::to_xml_string(doc);
}

void UblWriter::add_header(pugi::xml_node root) {
  const std::string& spec = inv_.specification_identifier;
  add_text(root, "cbc:CustomizationID",
           spec.empty() ? std::string_view(guideline::en16931) : std::string_view(spec));
  add_if(root, "cbc:ProfileID", inv_.business_process);
  add_text(root, "cbc:ID", inv_.number);
  add_date(root, "cbc:IssueDate", inv_.issue_date);
  // The two sequences differ here: a CreditNote has TaxPointDate before its type code and no DueDate.
  if (credit_note_) {
    add_date(root, "cbc:TaxPointDate", inv_.tax_point_date);
    add_if(root, "cbc:CreditNoteTypeCode", inv_.type_code);
  } else {
    add_date(root, "cbc:DueDate", inv_.due_date);
    add_if(root, "cbc:InvoiceTypeCode", inv_.type_code);
  }
  for (const Note& n : inv_.notes)
    add_text(root, "cbc:Note", n.subject_code.empty() ? n.text : "#" + n.subject_code + "#" + n.text);
  if (!credit_note_) add_date(root, "cbc:TaxPointDate", inv_.tax_point_date);
  add_if(root, "cbc:DocumentCurrencyCode", inv_.currency);
  add_if(root, "cbc:TaxCurrencyCode", inv_.tax_currency);
  add_if(root, "cbc:AccountingCost", inv_.buyer_accounting_reference);
  add_if(root, "cbc:BuyerReference", inv_.buyer_reference);
  add_period(root, inv_.invoicing_period, inv_.tax_point_date_code);
}

void UblWriter::add_references(pugi::xml_node root) {
  if (!inv_.purchase_order_reference.empty() || !inv_.sales_order_reference.empty()) {
    pugi::xml_node o = add(root, "cac:OrderReference");
    // cbc:ID is mandatory in OrderReference; BT-14 alone is written with an empty BT-13.
    add_text(o, "cbc:ID", inv_.purchase_order_reference);
    add_if(o, "cbc:SalesOrderID", inv_.sales_order_reference);
  }
  for (const PrecedingInvoice& p : inv_.preceding_invoices) {
    pugi::xml_node d = add(add(root, "cac:BillingReference"), "cac:InvoiceDocumentReference");
    add_text(d, "cbc:ID", p.reference);
    add_date(d, "cbc:IssueDate", p.issue_date);
  }
  add_wrapped_id(root, "cac:DespatchDocumentReference", inv_.despatch_advice_reference);
  add_wrapped_id(root, "cac:ReceiptDocumentReference", inv_.receiving_advice_reference);
  if (credit_note_) {
    add_wrapped_id(root, "cac:ContractDocumentReference", inv_.contract_reference);
    add_additional_documents(root);
    add_wrapped_id(root, "cac:OriginatorDocumentReference", inv_.tender_or_lot_reference);
  } else {
    add_wrapped_id(root, "cac:OriginatorDocumentReference", inv_.tender_or_lot_reference);
    add_wrapped_id(root, "cac:ContractDocumentReference", inv_.contract_reference);
    add_additional_documents(root);
    add_wrapped_id(root, "cac:ProjectReference", inv_.project_reference);
  }
}

void UblWriter::add_additional_documents(pugi::xml_node root) {
  if (!inv_.invoiced_object_identifier.empty()) {
    pugi::xml_node n = add(root, "cac:AdditionalDocumentReference");
    add_id(n, "cbc:ID", inv_.invoiced_object_identifier);
    add_text(n, "cbc:DocumentTypeCode", "130");
  }
  // UBL 2.1 CreditNote has no cac:ProjectReference: the binding uses document type 50 instead.
  if (credit_note_ && !inv_.project_reference.empty()) {
    pugi::xml_node n = add(root, "cac:AdditionalDocumentReference");
    add_text(n, "cbc:ID", inv_.project_reference);
    add_text(n, "cbc:DocumentTypeCode", "50");
  }
  for (const SupportingDocument& d : inv_.supporting_documents) {
    pugi::xml_node n = add(root, "cac:AdditionalDocumentReference");
    add_text(n, "cbc:ID", d.reference);
    add_if(n, "cbc:DocumentDescription", d.description);
    if (d.attachment.empty() && d.external_location.empty()) continue;
    pugi::xml_node at = add(n, "cac:Attachment");
    if (!d.attachment.empty()) {
      pugi::xml_node bin = add_text(at, "cbc:EmbeddedDocumentBinaryObject", d.attachment.content_base64);
      set_attr_if(bin, "mimeCode", d.attachment.mime_code);
      set_attr_if(bin, "filename", d.attachment.filename);
    }
    if (!d.external_location.empty())
      add_text(add(at, "cac:ExternalReference"), "cbc:URI", d.external_location);
  }
}

void UblWriter::add_seller(pugi::xml_node root) {
  const Seller& s = inv_.seller;
  pugi::xml_node p = add(add(root, "cac:AccountingSupplierParty"), "cac:Party");
  add_id(p, "cbc:EndpointID", s.electronic_address);
  for (const Identifier& id : s.identifiers) add_party_identification(p, id);
  // BT-90 goes with the payee when there is one, otherwise with the seller.
  if (inv_.payee.empty()) add_creditor_id(p, inv_.payment_instructions.direct_debit.creditor_id);
  add_party_name(p, s.trading_name);
  add_address(p, "cac:PostalAddress", s.postal_address);
  add_party_tax_scheme(p, s.vat_id, "VAT");
  // BT-32 needs a tax scheme other than VAT; "TAX" is what PEPPOL BIS examples use.
  add_party_tax_scheme(p, s.tax_registration_id, "TAX");
  add_legal_entity(p, s.name, s.legal_registration_id, s.additional_legal_info);
  add_contact(p, s.contact);
}

void UblWriter::add_buyer(pugi::xml_node root) {
  const Buyer& by = inv_.buyer;
  pugi::xml_node p = add(add(root, "cac:AccountingCustomerParty"), "cac:Party");
  add_id(p, "cbc:EndpointID", by.electronic_address);
  add_party_identification(p, by.identifier);
  add_party_name(p, by.trading_name);
  add_address(p, "cac:PostalAddress", by.postal_address);
  add_party_tax_scheme(p, by.vat_id, "VAT");
  add_legal_entity(p, by.name, by.legal_registration_id, {});
  add_contact(p, by.contact);
}

void UblWriter::add_payee(pugi::xml_node root) {
  const Payee& py = inv_.payee;
  if (py.empty()) return;
  pugi::xml_node p = add(root, "cac:PayeeParty");
  add_party_identification(p, py.identifier);
  add_creditor_id(p, inv_.payment_instructions.direct_debit.creditor_id);
  add_party_name(p, py.name);
  add_legal_entity(p, {}, py.legal_registration_id, {});
}

void UblWriter::add_tax_representative(pugi::xml_node root) {
  const TaxRepresentative& tr = inv_.tax_representative;
  if (tr.empty()) return;
  pugi::xml_node p = add(root, "cac:TaxRepresentativeParty");
  add_party_name(p, tr.name);
  add_address(p, "cac:PostalAddress", tr.postal_address);
  add_party_tax_scheme(p, tr.vat_id, "VAT");
}

void UblWriter::add_delivery(pugi::xml_node root) {
  const Delivery& del = inv_.delivery;
  if (del.empty()) return;
  pugi::xml_node d = add(root, "cac:Delivery");
  add_date(d, "cbc:ActualDeliveryDate", del.actual_delivery_date);
  if (!del.location_id.empty() || !del.deliver_to.empty()) {
    pugi::xml_node loc = add(d, "cac:DeliveryLocation");
    add_id(loc, "cbc:ID", del.location_id);
    add_address(loc, "cac:Address", del.deliver_to);
  }
  if (!del.deliver_to_name.empty()) add_party_name(add(d, "cac:DeliveryParty"), del.deliver_to_name);
}

void UblWriter::add_payment_means(pugi::xml_node root) {
  const PaymentInstructions& pi = inv_.payment_instructions;
  const DirectDebit& dd = pi.direct_debit;
  // BT-90 alone lives in a party; BT-9 of a CreditNote needs a cac:PaymentMeans to live in.
  const bool credit_note_due_date = credit_note_ && inv_.due_date;
  const bool any = !pi.means_code.empty() || !pi.means_text.empty() || !pi.remittance_information.empty() ||
                   !pi.credit_transfers.empty() || !pi.card.empty() || !dd.mandate_reference.empty() ||
                   !dd.debited_account_id.empty() || credit_note_due_date;
  if (!any) return;
  // UBL carries one payee account per cac:PaymentMeans; card, mandate and BT-9 may occur once only.
  const std::size_t count = std::max<std::size_t>(1, pi.credit_transfers.size());
  for (std::size_t i = 0; i < count; ++i) {
    const bool first = i == 0;
    pugi::xml_node m = add(root, "cac:PaymentMeans");
    // PaymentMeansCode is mandatory in UBL; a credit note whose only payment term is BT-9 has
    // none, and "1" (UNCL 4461: instrument not defined) says exactly that without failing BR-CL-16.
    pugi::xml_node code = add_text(m, "cbc:PaymentMeansCode",
                                   pi.means_code.empty() && credit_note_due_date ? "1" : pi.means_code);
    // The code and BT-83 repeat, but UBL-SR-46 allows BT-82 (@name) only once.
    if (first) set_attr_if(code, "name", pi.means_text);
    if (first && credit_note_) add_date(m, "cbc:PaymentDueDate", inv_.due_date);
    add_if(m, "cbc:PaymentID", pi.remittance_information);
    if (first && !pi.card.empty()) {
      pugi::xml_node card = add(m, "cac:CardAccount");
      add_text(card, "cbc:PrimaryAccountNumberID", pi.card.primary_account_number);
      // cbc:NetworkID is mandatory in UBL but has no EN 16931 term to come from.
      add_text(card, "cbc:NetworkID", "NA");
      add_if(card, "cbc:HolderName", pi.card.holder_name);
    }
    if (i < pi.credit_transfers.size()) {
      const CreditTransfer& ct = pi.credit_transfers[i];
      pugi::xml_node acc = add(m, "cac:PayeeFinancialAccount");
      add_if(acc, "cbc:ID", ct.account_id);
      add_if(acc, "cbc:Name", ct.account_name);
      add_wrapped_id(acc, "cac:FinancialInstitutionBranch", ct.service_provider_id);
    }
    if (first && (!dd.mandate_reference.empty() || !dd.debited_account_id.empty())) {
      pugi::xml_node mandate = add(m, "cac:PaymentMandate");
      add_if(mandate, "cbc:ID", dd.mandate_reference);
      add_wrapped_id(mandate, "cac:PayerFinancialAccount", dd.debited_account_id);
    }
  }
}

void UblWriter::add_allowance_charge(pugi::xml_node parent, const DocumentAllowanceCharge& d,
                                     bool is_charge) {
  pugi::xml_node n = add(parent, "cac:AllowanceCharge");
  add_text(n, "cbc:ChargeIndicator", is_charge ? "true" : "false");
  add_if(n, "cbc:AllowanceChargeReasonCode", d.reason_code);
  add_if(n, "cbc:AllowanceChargeReason", d.reason);
  add_if(n, "cbc:MultiplierFactorNumeric", d.percentage);
  amount(n, "cbc:Amount", d.amount);
  amount(n, "cbc:BaseAmount", d.base_amount);
  add_tax_category(n, "cac:TaxCategory", d.vat_category_code, d.vat_rate);
}

void UblWriter::add_line_allowance_charge(pugi::xml_node parent, const LineAllowanceCharge& d,
                                          bool is_charge) {
  pugi::xml_node n = add(parent, "cac:AllowanceCharge");
  add_text(n, "cbc:ChargeIndicator", is_charge ? "true" : "false");
  add_if(n, "cbc:AllowanceChargeReasonCode", d.reason_code);
  add_if(n, "cbc:AllowanceChargeReason", d.reason);
  add_if(n, "cbc:MultiplierFactorNumeric", d.percentage);
  amount(n, "cbc:Amount", d.amount);
  amount(n, "cbc:BaseAmount", d.base_amount);
}

void UblWriter::add_taxes(pugi::xml_node root) {
  const DocumentTotals& t = inv_.totals;
  if (t.total_vat || !inv_.vat_breakdown.empty()) {
    pugi::xml_node total = add(root, "cac:TaxTotal");
    // cbc:TaxAmount is mandatory in UBL while BT-110 is optional (CII may leave it out):
    // without it, write the sum BR-CO-14 requires it to be.
    std::optional<Decimal> total_vat = t.total_vat;
    if (!total_vat) {
      total_vat = Decimal();
      for (const VatBreakdown& v : inv_.vat_breakdown)
        if (v.tax_amount) *total_vat += *v.tax_amount;
    }
    amount(total, "cbc:TaxAmount", total_vat);
    for (const VatBreakdown& v : inv_.vat_breakdown) {
      pugi::xml_node sub = add(total, "cac:TaxSubtotal");
      amount(sub, "cbc:TaxableAmount", v.taxable_amount);
      amount(sub, "cbc:TaxAmount", v.tax_amount);
      add_tax_category(sub, "cac:TaxCategory", v.category_code, v.rate, v.exemption_reason_code,
                       v.exemption_reason);
    }
  }
  if (t.total_vat_in_tax_currency)
    amount(add(root, "cac:TaxTotal"), "cbc:TaxAmount", t.total_vat_in_tax_currency, inv_.tax_currency);
}

void UblWriter::add_totals(pugi::xml_node root) {
  const DocumentTotals& t = inv_.totals;
  pugi::xml_node m = add(root, "cac:LegalMonetaryTotal");
  amount(m, "cbc:LineExtensionAmount", t.sum_of_line_net_amounts);
  amount(m, "cbc:TaxExclusiveAmount", t.total_without_vat);
  amount(m, "cbc:TaxInclusiveAmount", t.total_with_vat);
  amount(m, "cbc:AllowanceTotalAmount", t.sum_of_allowances);
  amount(m, "cbc:ChargeTotalAmount", t.sum_of_charges);
  amount(m, "cbc:PrepaidAmount", t.paid_amount);
  amount(m, "cbc:PayableRoundingAmount", t.rounding_amount);
  amount(m, "cbc:PayableAmount", t.payable_amount);
}

void UblWriter::add_line(pugi::xml_node root, const InvoiceLine& l) {
  pugi::xml_node n = add(root, credit_note_ ? "cac:CreditNoteLine" : "cac:InvoiceLine");
  add_text(n, "cbc:ID", l.id);
  add_if(n, "cbc:Note", l.note);
  pugi::xml_node q = add_if(n, credit_note_ ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", l.quantity);
  set_attr_if(q, "unitCode", l.unit_code);
  amount(n, "cbc:LineExtensionAmount", l.net_amount);
  add_if(n, "cbc:AccountingCost", l.buyer_accounting_reference);
  add_period(n, l.period);
  if (!l.order_line_reference.empty())
    add_text(add(n, "cac:OrderLineReference"), "cbc:LineID", l.order_line_reference);
  if (!l.object_identifier.empty()) {
    pugi::xml_node d = add(n, "cac:DocumentReference");
    add_id(d, "cbc:ID", l.object_identifier);
    add_text(d, "cbc:DocumentTypeCode", "130");
  }
  for (const auto& d : l.allowances) add_line_allowance_charge(n, d, false);
  for (const auto& d : l.charges) add_line_allowance_charge(n, d, true);
  add_item(n, l);
  add_price(n, l.price);
}

void UblWriter::add_item(pugi::xml_node line, const InvoiceLine& l) {
  const Item& it = l.item;
  pugi::xml_node n = add(line, "cac:Item");
  add_if(n, "cbc:Description", it.description);
  add_if(n, "cbc:Name", it.name);
  add_wrapped_id(n, "cac:BuyersItemIdentification", it.buyers_id);
  add_wrapped_id(n, "cac:SellersItemIdentification", it.sellers_id);
  if (!it.standard_id.empty()) add_id(add(n, "cac:StandardItemIdentification"), "cbc:ID", it.standard_id);
  if (!it.origin_country.empty())
    add_text(add(n, "cac:OriginCountry"), "cbc:IdentificationCode", it.origin_country);
  for (const ItemClassification& c : it.classifications) {
    pugi::xml_node code =
        add_text(add(n, "cac:CommodityClassification"), "cbc:ItemClassificationCode", c.code);
    set_attr_if(code, "listID", c.scheme);
    set_attr_if(code, "listVersionID", c.scheme_version);
  }
  add_tax_category(n, "cac:ClassifiedTaxCategory", l.vat_category_code, l.vat_rate);
  for (const ItemAttribute& a : it.attributes) {
    pugi::xml_node p = add(n, "cac:AdditionalItemProperty");
    add_text(p, "cbc:Name", a.name);
    add_text(p, "cbc:Value", a.value);
  }
}

void UblWriter::add_price(pugi::xml_node line, const PriceDetails& pr) {
  if (!pr.net_price && !pr.base_quantity && !pr.price_discount && !pr.gross_price) return;
  pugi::xml_node n = add(line, "cac:Price");
  amount(n, "cbc:PriceAmount", pr.net_price);
  if (pugi::xml_node q = add_if(n, "cbc:BaseQuantity", pr.base_quantity))
    set_attr_if(q, "unitCode", pr.base_quantity_unit_code);
  // cbc:Amount is mandatory in UBL; a gross price without a discount (possible from CII)
  // gets the discount it implies, BT-148 - BT-146.
  std::optional<Decimal> discount = pr.price_discount;
  if (!discount && pr.gross_price && pr.net_price) discount = *pr.gross_price - *pr.net_price;
  if (!discount) return;
  pugi::xml_node ac = add(n, "cac:AllowanceCharge");
  add_text(ac, "cbc:ChargeIndicator", "false");
  amount(ac, "cbc:Amount", discount);
  amount(ac, "cbc:BaseAmount", pr.gross_price);
}

}  // namespace

std::string write_ubl(const Invoice& invoice) {
  return UblWriter(invoice).write();
}

}  // namespace relance::formats
