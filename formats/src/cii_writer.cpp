// The EN 16931 model to CII D16B, elements in the order of the D16B schema
// (Factur-X 1.0 / ZUGFeRD 2.x EN 16931 profile).

#include <pugixml.hpp>

#include "relance/formats/cii.hpp"
#include "xml_builder.hpp"
#include "xml_support.hpp"

namespace relance::formats {
namespace {

using detail::add;
using detail::add_if;
using detail::add_text;
using detail::set_attr_if;

void add_date(pugi::xml_node parent, const char* holder, const std::optional<Date>& d,
              const char* string_element = "udt:DateTimeString") {
  if (!d) return;
  pugi::xml_node s = add(add(parent, holder), string_element);
  s.append_attribute("format").set_value("102");
  s.text().set(d->to_basic().c_str());
}

pugi::xml_node add_id(pugi::xml_node parent, const char* name, const Identifier& id) {
  if (id.empty()) return {};
  pugi::xml_node n = add_text(parent, name, id.value);
  set_attr_if(n, "schemeID", id.scheme);
  return n;
}

void add_indicator(pugi::xml_node parent, bool is_charge) {
  add_text(add(parent, "ram:ChargeIndicator"), "udt:Indicator", is_charge ? "true" : "false");
}

void add_address(pugi::xml_node party, const Address& a) {
  if (a.empty()) return;
  pugi::xml_node n = add(party, "ram:PostalTradeAddress");
  add_if(n, "ram:PostcodeCode", a.post_code);
  add_if(n, "ram:LineOne", a.line_one);
  add_if(n, "ram:LineTwo", a.line_two);
  add_if(n, "ram:LineThree", a.line_three);
  add_if(n, "ram:CityName", a.city);
  add_if(n, "ram:CountryID", a.country_code);
  add_if(n, "ram:CountrySubDivisionName", a.country_subdivision);
}

void add_contact(pugi::xml_node party, const Contact& c) {
  if (c.empty()) return;
  pugi::xml_node n = add(party, "ram:DefinedTradeContact");
  add_if(n, "ram:PersonName", c.point);
  if (!c.telephone.empty())
    add_text(add(n, "ram:TelephoneUniversalCommunication"), "ram:CompleteNumber", c.telephone);
  if (!c.email.empty()) add_text(add(n, "ram:EmailURIUniversalCommunication"), "ram:URIID", c.email);
}

void add_electronic_address(pugi::xml_node party, const Identifier& id) {
  if (id.empty()) return;
  add_id(add(party, "ram:URIUniversalCommunication"), "ram:URIID", id);
}

void add_tax_registration(pugi::xml_node party, std::string_view id, const char* scheme) {
  if (id.empty()) return;
  pugi::xml_node n = add_text(add(party, "ram:SpecifiedTaxRegistration"), "ram:ID", id);
  n.append_attribute("schemeID").set_value(scheme);
}

void add_legal_organization(pugi::xml_node party, const Identifier& id, std::string_view trading_name) {
  if (id.empty() && trading_name.empty()) return;
  pugi::xml_node n = add(party, "ram:SpecifiedLegalOrganization");
  add_id(n, "ram:ID", id);
  add_if(n, "ram:TradingBusinessName", trading_name);
}

// A party identifier goes to ram:GlobalID when it carries a scheme, to ram:ID otherwise.
void add_party_id(pugi::xml_node party, const Identifier& id) {
  add_id(party, id.scheme.empty() ? "ram:ID" : "ram:GlobalID", id);
}

void add_seller(pugi::xml_node agreement, const Seller& s) {
  pugi::xml_node p = add(agreement, "ram:SellerTradeParty");
  for (const auto& id : s.identifiers)
    if (id.scheme.empty()) add_id(p, "ram:ID", id);
  for (const auto& id : s.identifiers)
    if (!id.scheme.empty()) add_id(p, "ram:GlobalID", id);
  add_if(p, "ram:Name", s.name);
  add_if(p, "ram:Description", s.additional_legal_info);
  add_legal_organization(p, s.legal_registration_id, s.trading_name);
  add_contact(p, s.contact);
  add_address(p, s.postal_address);
  add_electronic_address(p, s.electronic_address);
  add_tax_registration(p, s.vat_id, "VA");
  add_tax_registration(p, s.tax_registration_id, "FC");
}

void add_buyer(pugi::xml_node agreement, const Buyer& b) {
  pugi::xml_node p = add(agreement, "ram:BuyerTradeParty");
  add_party_id(p, b.identifier);
  add_if(p, "ram:Name", b.name);
  add_legal_organization(p, b.legal_registration_id, b.trading_name);
  add_contact(p, b.contact);
  add_address(p, b.postal_address);
  add_electronic_address(p, b.electronic_address);
  add_tax_registration(p, b.vat_id, "VA");
}

void add_referenced_document(pugi::xml_node parent, const char* name, std::string_view id) {
  if (id.empty()) return;
  add_text(add(parent, name), "ram:IssuerAssignedID", id);
}

void add_agreement(pugi::xml_node tx, const Invoice& inv) {
  pugi::xml_node a = add(tx, "ram:ApplicableHeaderTradeAgreement");
  add_if(a, "ram:BuyerReference", inv.buyer_reference);
  add_seller(a, inv.seller);
  add_buyer(a, inv.buyer);
  if (!inv.tax_representative.empty()) {
    const TaxRepresentative& tr = inv.tax_representative;
    pugi::xml_node p = add(a, "ram:SellerTaxRepresentativeTradeParty");
    add_if(p, "ram:Name", tr.name);
    add_address(p, tr.postal_address);
    add_tax_registration(p, tr.vat_id, "VA");
  }
  add_referenced_document(a, "ram:SellerOrderReferencedDocument", inv.sales_order_reference);
  add_referenced_document(a, "ram:BuyerOrderReferencedDocument", inv.purchase_order_reference);
  add_referenced_document(a, "ram:ContractReferencedDocument", inv.contract_reference);
  for (const SupportingDocument& d : inv.supporting_documents) {
    pugi::xml_node n = add(a, "ram:AdditionalReferencedDocument");
    add_text(n, "ram:IssuerAssignedID", d.reference);
    add_if(n, "ram:URIID", d.external_location);
    add_text(n, "ram:TypeCode", "916");
    add_if(n, "ram:Name", d.description);
    if (!d.attachment.empty()) {
      pugi::xml_node bin = add_text(n, "ram:AttachmentBinaryObject", d.attachment.content_base64);
      set_attr_if(bin, "mimeCode", d.attachment.mime_code);
      set_attr_if(bin, "filename", d.attachment.filename);
    }
  }
  if (!inv.tender_or_lot_reference.empty()) {
    pugi::xml_node n = add(a, "ram:AdditionalReferencedDocument");
    add_text(n, "ram:IssuerAssignedID", inv.tender_or_lot_reference);
    add_text(n, "ram:TypeCode", "50");
  }
  if (!inv.invoiced_object_identifier.empty()) {
    pugi::xml_node n = add(a, "ram:AdditionalReferencedDocument");
    add_text(n, "ram:IssuerAssignedID", inv.invoiced_object_identifier.value);
    add_text(n, "ram:TypeCode", "130");
    add_if(n, "ram:ReferenceTypeCode", inv.invoiced_object_identifier.scheme);
  }
  if (!inv.project_reference.empty()) {
    pugi::xml_node n = add(a, "ram:SpecifiedProcuringProject");
    add_text(n, "ram:ID", inv.project_reference);
    // ram:Name is mandatory in CII; EN 16931 has no term for it.
    add_text(n, "ram:Name", "Project reference");
  }
}

void add_delivery(pugi::xml_node tx, const Invoice& inv) {
  pugi::xml_node d = add(tx, "ram:ApplicableHeaderTradeDelivery");
  const Delivery& del = inv.delivery;
  if (!del.deliver_to_name.empty() || !del.location_id.empty() || !del.deliver_to.empty()) {
    pugi::xml_node p = add(d, "ram:ShipToTradeParty");
    add_party_id(p, del.location_id);
    add_if(p, "ram:Name", del.deliver_to_name);
    add_address(p, del.deliver_to);
  }
  if (del.actual_delivery_date)
    add_date(add(d, "ram:ActualDeliverySupplyChainEvent"), "ram:OccurrenceDateTime",
             del.actual_delivery_date);
  add_referenced_document(d, "ram:DespatchAdviceReferencedDocument", inv.despatch_advice_reference);
  add_referenced_document(d, "ram:ReceivingAdviceReferencedDocument", inv.receiving_advice_reference);
}

void add_period(pugi::xml_node parent, const Period& p) {
  if (p.empty()) return;
  pugi::xml_node n = add(parent, "ram:BillingSpecifiedPeriod");
  add_date(n, "ram:StartDateTime", p.start);
  add_date(n, "ram:EndDateTime", p.end);
}

void add_payment_means(pugi::xml_node s, const PaymentInstructions& pi) {
  if (pi.means_code.empty() && pi.means_text.empty() && pi.credit_transfers.empty() && pi.card.empty() &&
      pi.direct_debit.debited_account_id.empty())
    return;
  // CII carries one creditor account per SpecifiedTradeSettlementPaymentMeans.
  const std::size_t count = std::max<std::size_t>(1, pi.credit_transfers.size());
  for (std::size_t i = 0; i < count; ++i) {
    pugi::xml_node m = add(s, "ram:SpecifiedTradeSettlementPaymentMeans");
    add_if(m, "ram:TypeCode", pi.means_code);
    add_if(m, "ram:Information", pi.means_text);
    if (i == 0 && !pi.card.empty()) {
      pugi::xml_node card = add(m, "ram:ApplicableTradeSettlementFinancialCard");
      add_if(card, "ram:ID", pi.card.primary_account_number);
      add_if(card, "ram:CardholderName", pi.card.holder_name);
    }
    if (i == 0 && !pi.direct_debit.debited_account_id.empty())
      add_text(add(m, "ram:PayerPartyDebtorFinancialAccount"), "ram:IBANID",
               pi.direct_debit.debited_account_id);
    if (i < pi.credit_transfers.size()) {
      const CreditTransfer& ct = pi.credit_transfers[i];
      if (!ct.account_id.empty() || !ct.account_name.empty()) {
        pugi::xml_node acc = add(m, "ram:PayeePartyCreditorFinancialAccount");
        add_if(acc, "ram:IBANID", ct.account_id);
        add_if(acc, "ram:AccountName", ct.account_name);
      }
      if (!ct.service_provider_id.empty())
        add_text(add(m, "ram:PayeeSpecifiedCreditorFinancialInstitution"), "ram:BICID",
                 ct.service_provider_id);
    }
  }
}

void add_trade_tax_line(pugi::xml_node parent, const char* name, std::string_view category,
                        const std::optional<Decimal>& rate) {
  pugi::xml_node tax = add(parent, name);
  add_text(tax, "ram:TypeCode", "VAT");
  add_if(tax, "ram:CategoryCode", category);
  add_if(tax, "ram:RateApplicablePercent", rate);
}

void add_settlement(pugi::xml_node tx, const Invoice& inv) {
  pugi::xml_node s = add(tx, "ram:ApplicableHeaderTradeSettlement");
  const PaymentInstructions& pi = inv.payment_instructions;
  add_if(s, "ram:CreditorReferenceID", pi.direct_debit.creditor_id);
  add_if(s, "ram:PaymentReference", pi.remittance_information);
  // CII (BR-53) names a tax currency only when it differs from the invoice currency.
  if (inv.tax_currency != inv.currency) add_if(s, "ram:TaxCurrencyCode", inv.tax_currency);
  add_if(s, "ram:InvoiceCurrencyCode", inv.currency);
  if (!inv.payee.empty()) {
    pugi::xml_node p = add(s, "ram:PayeeTradeParty");
    add_party_id(p, inv.payee.identifier);
    add_if(p, "ram:Name", inv.payee.name);
    add_legal_organization(p, inv.payee.legal_registration_id, "");
  }
  add_payment_means(s, pi);
  bool first_tax = true;
  for (const VatBreakdown& v : inv.vat_breakdown) {
    pugi::xml_node tax = add(s, "ram:ApplicableTradeTax");
    add_if(tax, "ram:CalculatedAmount", v.tax_amount);
    add_text(tax, "ram:TypeCode", "VAT");
    add_if(tax, "ram:ExemptionReason", v.exemption_reason);
    add_if(tax, "ram:BasisAmount", v.taxable_amount);
    add_if(tax, "ram:CategoryCode", v.category_code);
    add_if(tax, "ram:ExemptionReasonCode", v.exemption_reason_code);
    // BT-7 and BT-8 are document level terms; CII-SR-461 allows one TaxPointDate in all.
    if (first_tax) {
      add_date(tax, "ram:TaxPointDate", inv.tax_point_date, "udt:DateString");
      add_if(tax, "ram:DueDateTypeCode", detail::tax_point_code_to_cii(inv.tax_point_date_code));
    }
    first_tax = false;
    add_if(tax, "ram:RateApplicablePercent", v.rate);
  }
  add_period(s, inv.invoicing_period);
  auto add_allowance_charge = [&](const DocumentAllowanceCharge& d, bool is_charge) {
    pugi::xml_node n = add(s, "ram:SpecifiedTradeAllowanceCharge");
    add_indicator(n, is_charge);
    add_if(n, "ram:CalculationPercent", d.percentage);
    add_if(n, "ram:BasisAmount", d.base_amount);
    add_if(n, "ram:ActualAmount", d.amount);
    add_if(n, "ram:ReasonCode", d.reason_code);
    add_if(n, "ram:Reason", d.reason);
    add_trade_tax_line(n, "ram:CategoryTradeTax", d.vat_category_code, d.vat_rate);
  };
  for (const auto& d : inv.allowances) add_allowance_charge(d, false);
  for (const auto& d : inv.charges) add_allowance_charge(d, true);
  if (!inv.payment_terms.empty() || inv.due_date || !pi.direct_debit.mandate_reference.empty()) {
    pugi::xml_node pt = add(s, "ram:SpecifiedTradePaymentTerms");
    add_if(pt, "ram:Description", inv.payment_terms);
    add_date(pt, "ram:DueDateDateTime", inv.due_date);
    add_if(pt, "ram:DirectDebitMandateID", pi.direct_debit.mandate_reference);
  }
  const DocumentTotals& t = inv.totals;
  pugi::xml_node m = add(s, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  add_if(m, "ram:LineTotalAmount", t.sum_of_line_net_amounts);
  add_if(m, "ram:ChargeTotalAmount", t.sum_of_charges);
  add_if(m, "ram:AllowanceTotalAmount", t.sum_of_allowances);
  add_if(m, "ram:TaxBasisTotalAmount", t.total_without_vat);
  if (pugi::xml_node n = add_if(m, "ram:TaxTotalAmount", t.total_vat))
    set_attr_if(n, "currencyID", inv.currency);
  if (pugi::xml_node n = add_if(m, "ram:TaxTotalAmount", t.total_vat_in_tax_currency))
    set_attr_if(n, "currencyID", inv.tax_currency);
  add_if(m, "ram:RoundingAmount", t.rounding_amount);
  add_if(m, "ram:GrandTotalAmount", t.total_with_vat);
  add_if(m, "ram:TotalPrepaidAmount", t.paid_amount);
  add_if(m, "ram:DuePayableAmount", t.payable_amount);
  for (const PrecedingInvoice& p : inv.preceding_invoices) {
    pugi::xml_node n = add(s, "ram:InvoiceReferencedDocument");
    add_text(n, "ram:IssuerAssignedID", p.reference);
    add_date(n, "ram:FormattedIssueDateTime", p.issue_date, "qdt:DateTimeString");
  }
  if (!inv.buyer_accounting_reference.empty())
    add_text(add(s, "ram:ReceivableSpecifiedTradeAccountingAccount"), "ram:ID",
             inv.buyer_accounting_reference);
}

void add_line(pugi::xml_node tx, const InvoiceLine& l) {
  pugi::xml_node li = add(tx, "ram:IncludedSupplyChainTradeLineItem");
  pugi::xml_node doc = add(li, "ram:AssociatedDocumentLineDocument");
  add_text(doc, "ram:LineID", l.id);
  if (!l.note.empty()) add_text(add(doc, "ram:IncludedNote"), "ram:Content", l.note);

  const Item& it = l.item;
  pugi::xml_node p = add(li, "ram:SpecifiedTradeProduct");
  add_id(p, "ram:GlobalID", it.standard_id);
  add_if(p, "ram:SellerAssignedID", it.sellers_id);
  add_if(p, "ram:BuyerAssignedID", it.buyers_id);
  add_text(p, "ram:Name", it.name);
  add_if(p, "ram:Description", it.description);
  for (const ItemAttribute& a : it.attributes) {
    pugi::xml_node n = add(p, "ram:ApplicableProductCharacteristic");
    add_text(n, "ram:Description", a.name);
    add_text(n, "ram:Value", a.value);
  }
  for (const ItemClassification& c : it.classifications) {
    pugi::xml_node code = add_text(add(p, "ram:DesignatedProductClassification"), "ram:ClassCode", c.code);
    set_attr_if(code, "listID", c.scheme);
    set_attr_if(code, "listVersionID", c.scheme_version);
  }
  if (!it.origin_country.empty()) add_text(add(p, "ram:OriginTradeCountry"), "ram:ID", it.origin_country);

  const PriceDetails& pr = l.price;
  pugi::xml_node a = add(li, "ram:SpecifiedLineTradeAgreement");
  if (!l.order_line_reference.empty())
    add_text(add(a, "ram:BuyerOrderReferencedDocument"), "ram:LineID", l.order_line_reference);
  auto add_basis = [&](pugi::xml_node price) {
    if (pugi::xml_node q = add_if(price, "ram:BasisQuantity", pr.base_quantity))
      set_attr_if(q, "unitCode", pr.base_quantity_unit_code);
  };
  // CII carries BT-147 only inside the gross price, whose amount is mandatory: a discount
  // without BT-148 is written with the gross price it implies (net + discount).
  std::optional<Decimal> gross = pr.gross_price;
  if (!gross && pr.price_discount && pr.net_price) gross = *pr.net_price + *pr.price_discount;
  if (gross) {
    pugi::xml_node g = add(a, "ram:GrossPriceProductTradePrice");
    add_text(g, "ram:ChargeAmount", gross->to_string());
    add_basis(g);
    if (pr.price_discount) {
      pugi::xml_node ac = add(g, "ram:AppliedTradeAllowanceCharge");
      add_indicator(ac, false);
      add_text(ac, "ram:ActualAmount", pr.price_discount->to_string());
    }
  }
  pugi::xml_node net = add(a, "ram:NetPriceProductTradePrice");
  add_if(net, "ram:ChargeAmount", pr.net_price);
  if (!gross) add_basis(net);

  pugi::xml_node q = add_if(add(li, "ram:SpecifiedLineTradeDelivery"), "ram:BilledQuantity", l.quantity);
  set_attr_if(q, "unitCode", l.unit_code);

  pugi::xml_node s = add(li, "ram:SpecifiedLineTradeSettlement");
  add_trade_tax_line(s, "ram:ApplicableTradeTax", l.vat_category_code, l.vat_rate);
  add_period(s, l.period);
  auto add_allowance_charge = [&](const LineAllowanceCharge& d, bool is_charge) {
    pugi::xml_node n = add(s, "ram:SpecifiedTradeAllowanceCharge");
    add_indicator(n, is_charge);
    add_if(n, "ram:CalculationPercent", d.percentage);
    add_if(n, "ram:BasisAmount", d.base_amount);
    add_if(n, "ram:ActualAmount", d.amount);
    add_if(n, "ram:ReasonCode", d.reason_code);
    add_if(n, "ram:Reason", d.reason);
  };
  for (const auto& d : l.allowances) add_allowance_charge(d, false);
  for (const auto& d : l.charges) add_allowance_charge(d, true);
  add_if(add(s, "ram:SpecifiedTradeSettlementLineMonetarySummation"), "ram:LineTotalAmount", l.net_amount);
  if (!l.object_identifier.empty()) {
    pugi::xml_node n = add(s, "ram:AdditionalReferencedDocument");
    add_text(n, "ram:IssuerAssignedID", l.object_identifier.value);
    add_text(n, "ram:TypeCode", "130");
    add_if(n, "ram:ReferenceTypeCode", l.object_identifier.scheme);
  }
  if (!l.buyer_accounting_reference.empty())
    add_text(add(s, "ram:ReceivableSpecifiedTradeAccountingAccount"), "ram:ID", l.buyer_accounting_reference);
}

}  // namespace

std::string write_cii(const Invoice& inv, const CiiWriteOptions& options) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = doc.append_child("rsm:CrossIndustryInvoice");
  root.append_attribute("xmlns:rsm").set_value(std::string(detail::namespace_uri(detail::Ns::rsm)).c_str());
  root.append_attribute("xmlns:ram").set_value(std::string(detail::namespace_uri(detail::Ns::ram)).c_str());
  root.append_attribute("xmlns:qdt").set_value(std::string(detail::namespace_uri(detail::Ns::qdt)).c_str());
  root.append_attribute("xmlns:udt").set_value(std::string(detail::namespace_uri(detail::Ns::udt)).c_str());

  pugi::xml_node ctx = add(root, "rsm:ExchangedDocumentContext");
  if (!inv.business_process.empty())
    add_text(add(ctx, "ram:BusinessProcessSpecifiedDocumentContextParameter"), "ram:ID",
             inv.business_process);
  std::string guideline = options.guideline_id;
  if (guideline.empty()) guideline = inv.specification_identifier;
  if (guideline.empty()) guideline = std::string(guideline::en16931);
  add_text(add(ctx, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", guideline);

  pugi::xml_node d = add(root, "rsm:ExchangedDocument");
  add_text(d, "ram:ID", inv.number);
  add_text(d, "ram:TypeCode", inv.type_code);
  add_date(d, "ram:IssueDateTime", inv.issue_date);
  for (const Note& n : inv.notes) {
    pugi::xml_node note = add(d, "ram:IncludedNote");
    add_text(note, "ram:Content", n.text);
    add_if(note, "ram:SubjectCode", n.subject_code);
  }

  pugi::xml_node tx = add(root, "rsm:SupplyChainTradeTransaction");
  for (const InvoiceLine& l : inv.lines) add_line(tx, l);
  add_agreement(tx, inv);
  add_delivery(tx, inv);
  add_settlement(tx, inv);
  return detail::to_xml_string(doc);
}

}  // namespace relance::formats
