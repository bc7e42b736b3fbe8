// CII D16B (Factur-X / ZUGFeRD 2.x / XRechnung CII) to the EN 16931 model, following the
// EN 16931-3-3 syntax binding. Elements the model has no room for are ignored.

#include <pugixml.hpp>

#include "relance/formats/cii.hpp"
#include "syntax_rules.hpp"
#include "xml_support.hpp"

namespace relance::formats {
namespace {

using detail::Ns;

class CiiReader {
 public:
  CiiReader(detail::XmlReader& x) : x_(x) {}

  void read(pugi::xml_node root, Invoice& inv);

 private:
  static constexpr Ns ram = Ns::ram;
  static constexpr Ns rsm = Ns::rsm;

  std::string t(pugi::xml_node n, std::string_view local) const { return x_.text(n, ram, local); }
  pugi::xml_node c(pugi::xml_node n, std::string_view local) const { return x_.child(n, ram, local); }
  // A scheme with no value identifies nothing: normalised to empty so writers and rules agree.
  Identifier id_with_scheme(pugi::xml_node n) const {
    if (!n) return {};
    std::string value = detail::trimmed(n.child_value());
    if (value.empty()) return {};
    return {std::move(value), n.attribute("schemeID").value()};
  }
  std::string indicator(pugi::xml_node n) const {
    return x_.text(c(n, "ChargeIndicator"), Ns::udt, "Indicator");
  }

  void read_context(pugi::xml_node ctx, Invoice& inv);
  void read_document(pugi::xml_node doc, Invoice& inv);
  void read_agreement(pugi::xml_node a, Invoice& inv);
  void read_delivery(pugi::xml_node d, Invoice& inv);
  void read_settlement(pugi::xml_node s, Invoice& inv);
  void read_line(pugi::xml_node l, InvoiceLine& line);
  Address read_address(pugi::xml_node a) const;
  Contact read_contact(pugi::xml_node party) const;
  void read_seller(pugi::xml_node p, Seller& s, SourceFacts& facts);
  void read_buyer(pugi::xml_node p, Buyer& b, SourceFacts& facts);
  Period read_period(pugi::xml_node p, SourceFacts& facts, bool line);

  detail::XmlReader& x_;
};

void CiiReader::read(pugi::xml_node root, Invoice& inv) {
  inv.source_syntax = Syntax::cii;
  inv.facts.read_from_source = true;
  read_context(x_.child(root, rsm, "ExchangedDocumentContext"), inv);
  read_document(x_.child(root, rsm, "ExchangedDocument"), inv);
  pugi::xml_node tx = x_.child(root, rsm, "SupplyChainTradeTransaction");
  x_.for_each(tx, ram, "IncludedSupplyChainTradeLineItem",
              [&](pugi::xml_node l) { read_line(l, inv.lines.emplace_back()); });
  read_agreement(c(tx, "ApplicableHeaderTradeAgreement"), inv);
  read_delivery(c(tx, "ApplicableHeaderTradeDelivery"), inv);
  read_settlement(c(tx, "ApplicableHeaderTradeSettlement"), inv);
}

void CiiReader::read_context(pugi::xml_node ctx, Invoice& inv) {
  inv.business_process = t(c(ctx, "BusinessProcessSpecifiedDocumentContextParameter"), "ID");
  inv.specification_identifier = t(c(ctx, "GuidelineSpecifiedDocumentContextParameter"), "ID");
}

void CiiReader::read_document(pugi::xml_node doc, Invoice& inv) {
  inv.number = t(doc, "ID");
  inv.type_code = t(doc, "TypeCode");
  // BR-03 asks for non-blank date text, not a valid date: an unreadable one still counts.
  if (pugi::xml_node d = c(doc, "IssueDateTime")) {
    inv.issue_date = x_.cii_date(d, "BT-2");
    if (!detail::trimmed(x_.child(d, Ns::udt, "DateTimeString").child_value()).empty()) inv.facts.saw_term(2);
  }
  x_.for_each(doc, ram, "IncludedNote", [&](pugi::xml_node n) {
    inv.notes.push_back(Note{t(n, "SubjectCode"), t(n, "Content")});
  });
}

Address CiiReader::read_address(pugi::xml_node a) const {
  Address r;
  if (!a) return r;
  r.post_code = t(a, "PostcodeCode");
  r.line_one = t(a, "LineOne");
  r.line_two = t(a, "LineTwo");
  r.line_three = t(a, "LineThree");
  r.city = t(a, "CityName");
  r.country_code = t(a, "CountryID");
  r.country_subdivision = t(a, "CountrySubDivisionName");
  return r;
}

Contact CiiReader::read_contact(pugi::xml_node party) const {
  Contact r;
  pugi::xml_node k = c(party, "DefinedTradeContact");
  if (!k) return r;
  r.point = t(k, "PersonName");
  if (r.point.empty()) r.point = t(k, "DepartmentName");
  r.telephone = t(c(k, "TelephoneUniversalCommunication"), "CompleteNumber");
  r.email = t(c(k, "EmailURIUniversalCommunication"), "URIID");
  return r;
}

void CiiReader::read_seller(pugi::xml_node p, Seller& s, SourceFacts& facts) {
  if (!p) return;
  x_.for_each(p, ram, "ID", [&](pugi::xml_node n) { s.identifiers.push_back(id_with_scheme(n)); });
  x_.for_each(p, ram, "GlobalID", [&](pugi::xml_node n) { s.identifiers.push_back(id_with_scheme(n)); });
  s.name = t(p, "Name");
  s.additional_legal_info = t(p, "Description");
  if (pugi::xml_node lo = c(p, "SpecifiedLegalOrganization")) {
    s.legal_registration_id = id_with_scheme(c(lo, "ID"));
    s.trading_name = t(lo, "TradingBusinessName");
  }
  s.contact = read_contact(p);
  if (pugi::xml_node addr = c(p, "PostalTradeAddress")) {
    facts.saw_group(5);
    s.postal_address = read_address(addr);
  }
  s.electronic_address = id_with_scheme(c(c(p, "URIUniversalCommunication"), "URIID"));
  x_.for_each(p, ram, "SpecifiedTaxRegistration", [&](pugi::xml_node r) {
    pugi::xml_node id = c(r, "ID");
    const std::string_view scheme = id.attribute("schemeID").value();
    if (scheme == "VA")
      s.vat_id = detail::trimmed(id.child_value());
    else if (scheme == "FC")
      s.tax_registration_id = detail::trimmed(id.child_value());
  });
}

void CiiReader::read_buyer(pugi::xml_node p, Buyer& b, SourceFacts& facts) {
  if (!p) return;
  // BT-46: the first ID or GlobalID.
  if (pugi::xml_node g = c(p, "GlobalID"))
    b.identifier = id_with_scheme(g);
  else if (pugi::xml_node i = c(p, "ID"))
    b.identifier = id_with_scheme(i);
  b.name = t(p, "Name");
  if (pugi::xml_node lo = c(p, "SpecifiedLegalOrganization")) {
    b.legal_registration_id = id_with_scheme(c(lo, "ID"));
    b.trading_name = t(lo, "TradingBusinessName");
  }
  b.contact = read_contact(p);
  if (pugi::xml_node addr = c(p, "PostalTradeAddress")) {
    facts.saw_group(8);
    b.postal_address = read_address(addr);
  }
  b.electronic_address = id_with_scheme(c(c(p, "URIUniversalCommunication"), "URIID"));
  x_.for_each(p, ram, "SpecifiedTaxRegistration", [&](pugi::xml_node r) {
    pugi::xml_node id = c(r, "ID");
    if (std::string_view(id.attribute("schemeID").value()) == "VA")
      b.vat_id = detail::trimmed(id.child_value());
  });
}

void CiiReader::read_agreement(pugi::xml_node a, Invoice& inv) {
  if (!a) return;
  inv.buyer_reference = t(a, "BuyerReference");
  read_seller(c(a, "SellerTradeParty"), inv.seller, inv.facts);
  read_buyer(c(a, "BuyerTradeParty"), inv.buyer, inv.facts);
  if (pugi::xml_node tr = c(a, "SellerTaxRepresentativeTradeParty")) {
    inv.facts.saw_group(11);
    inv.tax_representative.name = t(tr, "Name");
    if (pugi::xml_node addr = c(tr, "PostalTradeAddress")) {
      inv.facts.saw_group(12);
      inv.tax_representative.postal_address = read_address(addr);
    }
    x_.for_each(tr, ram, "SpecifiedTaxRegistration", [&](pugi::xml_node r) {
      pugi::xml_node id = c(r, "ID");
      if (std::string_view(id.attribute("schemeID").value()) != "VA") return;
      inv.facts.saw_term(63);
      inv.tax_representative.vat_id = detail::trimmed(id.child_value());
    });
  }
  inv.sales_order_reference = t(c(a, "SellerOrderReferencedDocument"), "IssuerAssignedID");
  inv.purchase_order_reference = t(c(a, "BuyerOrderReferencedDocument"), "IssuerAssignedID");
  inv.contract_reference = t(c(a, "ContractReferencedDocument"), "IssuerAssignedID");
  x_.for_each(a, ram, "AdditionalReferencedDocument", [&](pugi::xml_node d) {
    const std::string type = t(d, "TypeCode");
    if (type == "50") {
      inv.tender_or_lot_reference = t(d, "IssuerAssignedID");
    } else if (type == "130") {
      inv.invoiced_object_identifier = {t(d, "IssuerAssignedID"), t(d, "ReferenceTypeCode")};
    } else {
      SupportingDocument s;
      s.reference = t(d, "IssuerAssignedID");
      s.external_location = t(d, "URIID");
      s.description = t(d, "Name");
      if (pugi::xml_node bin = c(d, "AttachmentBinaryObject")) {
        s.attachment.content_base64 = detail::trimmed(bin.child_value());
        s.attachment.mime_code = bin.attribute("mimeCode").value();
        s.attachment.filename = bin.attribute("filename").value();
      }
      inv.supporting_documents.push_back(std::move(s));
    }
  });
  inv.project_reference = t(c(a, "SpecifiedProcuringProject"), "ID");
}

void CiiReader::read_delivery(pugi::xml_node d, Invoice& inv) {
  if (!d) return;
  if (pugi::xml_node st = c(d, "ShipToTradeParty")) {
    pugi::xml_node id = c(st, "GlobalID");
    if (!id) id = c(st, "ID");
    inv.delivery.location_id = id_with_scheme(id);
    inv.delivery.deliver_to_name = t(st, "Name");
    if (pugi::xml_node addr = c(st, "PostalTradeAddress")) {
      inv.facts.saw_group(15);
      if (c(addr, "CountryID")) inv.facts.saw_term(80);
      inv.delivery.deliver_to = read_address(addr);
    }
  }
  inv.delivery.actual_delivery_date =
      x_.cii_date(c(c(d, "ActualDeliverySupplyChainEvent"), "OccurrenceDateTime"), "BT-72");
  inv.despatch_advice_reference = t(c(d, "DespatchAdviceReferencedDocument"), "IssuerAssignedID");
  inv.receiving_advice_reference = t(c(d, "ReceivingAdviceReferencedDocument"), "IssuerAssignedID");
}

Period CiiReader::read_period(pugi::xml_node p, SourceFacts& facts, bool line) {
  Period r;
  if (!p) return r;
  // BR-CO-19/20 ask whether a date element exists, readable or not.
  if (pugi::xml_node d = c(p, "StartDateTime")) {
    facts.saw_term(line ? 134 : 73);
    r.start = x_.cii_date(d, line ? "BT-134" : "BT-73");
  }
  if (pugi::xml_node d = c(p, "EndDateTime")) {
    facts.saw_term(line ? 135 : 74);
    r.end = x_.cii_date(d, line ? "BT-135" : "BT-74");
  }
  return r;
}

void CiiReader::read_settlement(pugi::xml_node s, Invoice& inv) {
  if (!s) return;
  PaymentInstructions& pi = inv.payment_instructions;
  pi.direct_debit.creditor_id = t(s, "CreditorReferenceID");
  pi.remittance_information = t(s, "PaymentReference");
  inv.tax_currency = t(s, "TaxCurrencyCode");
  inv.currency = t(s, "InvoiceCurrencyCode");
  if (pugi::xml_node p = c(s, "PayeeTradeParty")) {
    inv.facts.saw_group(10);
    if (c(p, "Name")) inv.facts.saw_term(59);
    pugi::xml_node id = c(p, "GlobalID");
    if (!id) id = c(p, "ID");
    inv.payee.identifier = id_with_scheme(id);
    inv.payee.name = t(p, "Name");
    inv.payee.legal_registration_id = id_with_scheme(c(c(p, "SpecifiedLegalOrganization"), "ID"));
  }
  // BR-49 asks every payment means for a code element; BT-81 counts as seen only if all have one.
  bool every_means_coded = true;
  x_.for_each(s, ram, "SpecifiedTradeSettlementPaymentMeans", [&](pugi::xml_node m) {
    // EN 16931 has one BG-16; CII repeats the means once per account, so the first code wins.
    inv.facts.saw_group(16);
    every_means_coded = every_means_coded && c(m, "TypeCode");
    if (pi.means_code.empty()) pi.means_code = t(m, "TypeCode");
    if (pi.means_text.empty()) pi.means_text = t(m, "Information");
    if (pugi::xml_node card = c(m, "ApplicableTradeSettlementFinancialCard")) {
      pi.card.primary_account_number = t(card, "ID");
      pi.card.holder_name = t(card, "CardholderName");
    }
    if (pugi::xml_node debtor = c(m, "PayerPartyDebtorFinancialAccount"))
      pi.direct_debit.debited_account_id = t(debtor, "IBANID");
    pugi::xml_node creditor = c(m, "PayeePartyCreditorFinancialAccount");
    if (creditor) {
      CreditTransfer ct;
      ct.account_id = t(creditor, "IBANID");
      if (ct.account_id.empty()) ct.account_id = t(creditor, "ProprietaryID");
      ct.account_name = t(creditor, "AccountName");
      ct.service_provider_id = t(c(m, "PayeeSpecifiedCreditorFinancialInstitution"), "BICID");
      pi.credit_transfers.push_back(std::move(ct));
    }
  });
  if (inv.facts.has_group(16) && every_means_coded) inv.facts.saw_term(81);
  x_.for_each(s, ram, "ApplicableTradeTax", [&](pugi::xml_node tax) {
    VatBreakdown v;
    v.tax_amount = x_.decimal_child(tax, ram, "CalculatedAmount", "BT-117");
    v.exemption_reason = t(tax, "ExemptionReason");
    v.taxable_amount = x_.decimal_child(tax, ram, "BasisAmount", "BT-116");
    v.category_code = t(tax, "CategoryCode");
    v.exemption_reason_code = t(tax, "ExemptionReasonCode");
    if (pugi::xml_node tp = c(tax, "TaxPointDate"); tp && !inv.tax_point_date)
      inv.tax_point_date = x_.cii_date(tp, "BT-7");
    if (std::string code = t(tax, "DueDateTypeCode"); !code.empty() && inv.tax_point_date_code.empty())
      inv.tax_point_date_code = detail::tax_point_code_from_cii(code);
    v.rate = x_.decimal_child(tax, ram, "RateApplicablePercent", "BT-119");
    inv.vat_breakdown.push_back(std::move(v));
  });
  if (pugi::xml_node p = c(s, "BillingSpecifiedPeriod")) {
    inv.facts.saw_group(14);
    inv.invoicing_period = read_period(p, inv.facts, false);
  }
  x_.for_each(s, ram, "SpecifiedTradeAllowanceCharge", [&](pugi::xml_node ac) {
    DocumentAllowanceCharge d;
    const bool is_charge = indicator(ac) == "true";
    const char* bt_amount = is_charge ? "BT-99" : "BT-92";
    d.percentage = x_.decimal_child(ac, ram, "CalculationPercent", is_charge ? "BT-101" : "BT-94");
    d.base_amount = x_.decimal_child(ac, ram, "BasisAmount", is_charge ? "BT-100" : "BT-93");
    d.amount = x_.decimal_child(ac, ram, "ActualAmount", bt_amount);
    d.reason_code = t(ac, "ReasonCode");
    d.reason = t(ac, "Reason");
    pugi::xml_node ct = c(ac, "CategoryTradeTax");
    d.vat_category_code = t(ct, "CategoryCode");
    d.vat_rate = x_.decimal_child(ct, ram, "RateApplicablePercent", is_charge ? "BT-103" : "BT-96");
    (is_charge ? inv.charges : inv.allowances).push_back(std::move(d));
  });
  // BT-20 may be spread over several SpecifiedTradePaymentTerms; the due date and mandate are one each.
  x_.for_each(s, ram, "SpecifiedTradePaymentTerms", [&](pugi::xml_node pt) {
    if (std::string d = t(pt, "Description"); !d.empty()) {
      if (!inv.payment_terms.empty()) inv.payment_terms += '\n';
      inv.payment_terms += d;
    }
    if (!inv.due_date) inv.due_date = x_.cii_date(c(pt, "DueDateDateTime"), "BT-9");
    if (inv.payment_instructions.direct_debit.mandate_reference.empty())
      inv.payment_instructions.direct_debit.mandate_reference = t(pt, "DirectDebitMandateID");
  });
  if (pugi::xml_node m = c(s, "SpecifiedTradeSettlementHeaderMonetarySummation")) {
    DocumentTotals& tt = inv.totals;
    tt.sum_of_line_net_amounts = x_.decimal_child(m, ram, "LineTotalAmount", "BT-106");
    tt.sum_of_charges = x_.decimal_child(m, ram, "ChargeTotalAmount", "BT-108");
    tt.sum_of_allowances = x_.decimal_child(m, ram, "AllowanceTotalAmount", "BT-107");
    tt.total_without_vat = x_.decimal_child(m, ram, "TaxBasisTotalAmount", "BT-109");
    // BT-110 is the TaxTotalAmount in the invoice currency, BT-111 the one in the tax currency.
    x_.for_each(m, ram, "TaxTotalAmount", [&](pugi::xml_node ta) {
      const std::string_view cur = ta.attribute("currencyID").value();
      if (cur == inv.currency) ++inv.facts.document_currency_tax_totals;
      const bool in_tax_currency =
          !inv.tax_currency.empty() && cur == inv.tax_currency && inv.tax_currency != inv.currency;
      if (in_tax_currency)
        tt.total_vat_in_tax_currency = x_.decimal(ta, "BT-111");
      else if (!tt.total_vat)
        tt.total_vat = x_.decimal(ta, "BT-110");
    });
    tt.rounding_amount = x_.decimal_child(m, ram, "RoundingAmount", "BT-114");
    tt.total_with_vat = x_.decimal_child(m, ram, "GrandTotalAmount", "BT-112");
    tt.paid_amount = x_.decimal_child(m, ram, "TotalPrepaidAmount", "BT-113");
    tt.payable_amount = x_.decimal_child(m, ram, "DuePayableAmount", "BT-115");
  }
  x_.for_each(s, ram, "InvoiceReferencedDocument", [&](pugi::xml_node r) {
    inv.facts.saw_group(3);
    inv.preceding_invoices.push_back(
        PrecedingInvoice{t(r, "IssuerAssignedID"), x_.cii_date(c(r, "FormattedIssueDateTime"), "BT-26")});
  });
  inv.buyer_accounting_reference = t(c(s, "ReceivableSpecifiedTradeAccountingAccount"), "ID");
}

void CiiReader::read_line(pugi::xml_node l, InvoiceLine& line) {
  if (pugi::xml_node doc = c(l, "AssociatedDocumentLineDocument")) {
    line.id = t(doc, "LineID");
    line.note = t(c(doc, "IncludedNote"), "Content");
  }
  if (pugi::xml_node p = c(l, "SpecifiedTradeProduct")) {
    Item& it = line.item;
    it.standard_id = id_with_scheme(c(p, "GlobalID"));
    it.sellers_id = t(p, "SellerAssignedID");
    it.buyers_id = t(p, "BuyerAssignedID");
    it.name = t(p, "Name");
    it.description = t(p, "Description");
    x_.for_each(p, ram, "ApplicableProductCharacteristic", [&](pugi::xml_node ch) {
      it.attributes.push_back(ItemAttribute{t(ch, "Description"), t(ch, "Value")});
    });
    x_.for_each(p, ram, "DesignatedProductClassification", [&](pugi::xml_node cl) {
      pugi::xml_node code = c(cl, "ClassCode");
      it.classifications.push_back(ItemClassification{detail::trimmed(code.child_value()),
                                                      code.attribute("listID").value(),
                                                      code.attribute("listVersionID").value()});
    });
    it.origin_country = t(c(p, "OriginTradeCountry"), "ID");
  }
  if (pugi::xml_node a = c(l, "SpecifiedLineTradeAgreement")) {
    line.order_line_reference = t(c(a, "BuyerOrderReferencedDocument"), "LineID");
    PriceDetails& pr = line.price;
    auto read_basis = [&](pugi::xml_node price) {
      if (pugi::xml_node q = c(price, "BasisQuantity"); q && !pr.base_quantity) {
        pr.base_quantity = x_.decimal(q, "BT-149");
        pr.base_quantity_unit_code = q.attribute("unitCode").value();
      }
    };
    if (pugi::xml_node gross = c(a, "GrossPriceProductTradePrice")) {
      pr.gross_price = x_.decimal_child(gross, ram, "ChargeAmount", "BT-148");
      read_basis(gross);
      x_.for_each(gross, ram, "AppliedTradeAllowanceCharge", [&](pugi::xml_node ac) {
        if (indicator(ac) != "true" && !pr.price_discount)
          pr.price_discount = x_.decimal_child(ac, ram, "ActualAmount", "BT-147");
      });
    }
    if (pugi::xml_node net = c(a, "NetPriceProductTradePrice")) {
      pr.net_price = x_.decimal_child(net, ram, "ChargeAmount", "BT-146");
      read_basis(net);
    }
  }
  if (pugi::xml_node q = c(c(l, "SpecifiedLineTradeDelivery"), "BilledQuantity")) {
    line.quantity = x_.decimal(q, "BT-129");
    line.unit_code = q.attribute("unitCode").value();
  }
  if (pugi::xml_node s = c(l, "SpecifiedLineTradeSettlement")) {
    pugi::xml_node tax = c(s, "ApplicableTradeTax");
    line.vat_category_code = t(tax, "CategoryCode");
    line.vat_rate = x_.decimal_child(tax, ram, "RateApplicablePercent", "BT-152");
    if (pugi::xml_node p = c(s, "BillingSpecifiedPeriod")) {
      line.facts.saw_group(26);
      line.period = read_period(p, line.facts, true);
    }
    x_.for_each(s, ram, "SpecifiedTradeAllowanceCharge", [&](pugi::xml_node ac) {
      LineAllowanceCharge d;
      const bool is_charge = indicator(ac) == "true";
      d.percentage = x_.decimal_child(ac, ram, "CalculationPercent", is_charge ? "BT-143" : "BT-138");
      d.base_amount = x_.decimal_child(ac, ram, "BasisAmount", is_charge ? "BT-142" : "BT-137");
      d.amount = x_.decimal_child(ac, ram, "ActualAmount", is_charge ? "BT-141" : "BT-136");
      d.reason_code = t(ac, "ReasonCode");
      d.reason = t(ac, "Reason");
      (is_charge ? line.charges : line.allowances).push_back(std::move(d));
    });
    line.net_amount = x_.decimal_child(c(s, "SpecifiedTradeSettlementLineMonetarySummation"), ram,
                                       "LineTotalAmount", "BT-131");
    x_.for_each(s, ram, "AdditionalReferencedDocument", [&](pugi::xml_node d) {
      if (t(d, "TypeCode") == "130" && line.object_identifier.empty())
        line.object_identifier = {t(d, "IssuerAssignedID"), t(d, "ReferenceTypeCode")};
    });
    line.buyer_accounting_reference = t(c(s, "ReceivableSpecifiedTradeAccountingAccount"), "ID");
  }
}

}  // namespace

Result<Invoice> read_cii(std::string_view xml, std::string_view source_name, bool syntax_rules) {
  Result<Invoice> result;
  pugi::xml_document doc;
  if (!detail::parse_xml(doc, xml, source_name, result.diagnostics)) return result;
  pugi::xml_node root = doc.document_element();
  detail::XmlReader x(source_name, xml, root, result.diagnostics);
  if (!x.ns().is(root, Ns::rsm, "CrossIndustryInvoice")) {
    x.error(root, "RL-XML-002",
            std::string("the root element <") + root.name() + "> is not a CII CrossIndustryInvoice", "");
    return result;
  }
  Invoice inv;
  CiiReader(x).read(root, inv);
  if (syntax_rules) detail::check_cii_syntax(x, root, xml, source_name, result.diagnostics);
  result.value = std::move(inv);
  return result;
}

}  // namespace relance::formats
