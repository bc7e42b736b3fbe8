// UBL 2.1 Invoice / CreditNote (PEPPOL BIS Billing 3.0, XRechnung UBL) to the EN 16931 model,
// following the EN 16931-3-2 syntax binding. Elements the model has no room for are ignored.

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "relance/formats/ubl.hpp"
#include "syntax_rules.hpp"
#include "xml_support.hpp"

namespace relance::formats {
namespace {

using detail::Ns;

// The official rules compare tax scheme ids as normalize-space(upper-case(.)) = 'VAT'.
bool is_vat_scheme(std::string_view scheme) {
  if (scheme.size() != 3) return false;
  const auto up = [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); };
  return up(scheme[0]) == 'V' && up(scheme[1]) == 'A' && up(scheme[2]) == 'T';
}

// PEPPOL BIS carries BT-21 inside the note text as "#AAI#text" (UNCL 4451 codes are three letters).
Note parse_note(std::string text) {
  const bool coded =
      text.size() >= 5 && text[0] == '#' && text[4] == '#' &&
      std::all_of(text.begin() + 1, text.begin() + 4, [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!coded) return Note{{}, std::move(text)};
  return Note{text.substr(1, 3), text.substr(5)};
}

void append_line(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += '\n';
  to += text;
}

class UblReader {
 public:
  UblReader(detail::XmlReader& x, bool credit_note) : x_(x), credit_note_(credit_note) {}

  void read(pugi::xml_node root, Invoice& inv);

 private:
  static constexpr Ns cac = Ns::cac;
  static constexpr Ns cbc = Ns::cbc;

  std::string t(pugi::xml_node n, std::string_view local) const { return x_.text(n, cbc, local); }
  pugi::xml_node b(pugi::xml_node n, std::string_view local) const { return x_.child(n, cbc, local); }
  pugi::xml_node a(pugi::xml_node n, std::string_view local) const { return x_.child(n, cac, local); }
  // A scheme with no value identifies nothing: normalised to empty, as the CII reader does.
  static Identifier id_with_scheme(pugi::xml_node n) {
    if (!n) return {};
    std::string value = detail::trimmed(n.child_value());
    if (value.empty()) return {};
    return {std::move(value), detail::trimmed(n.attribute("schemeID").value())};
  }
  static bool is_charge(const std::string& indicator) { return indicator == "true" || indicator == "1"; }

  void read_header(pugi::xml_node root, Invoice& inv);
  void read_references(pugi::xml_node root, Invoice& inv);
  void read_seller(pugi::xml_node p, Invoice& inv);
  void read_buyer(pugi::xml_node p, Invoice& inv);
  void read_payee(pugi::xml_node p, Invoice& inv);
  void read_tax_representative(pugi::xml_node p, Invoice& inv);
  void read_delivery(pugi::xml_node d, Invoice& inv);
  void read_payment(pugi::xml_node root, Invoice& inv);
  void read_allowances_charges(pugi::xml_node root, Invoice& inv);
  void read_taxes(pugi::xml_node root, Invoice& inv);
  void read_totals(pugi::xml_node m, DocumentTotals& tt);
  void read_line(pugi::xml_node l, InvoiceLine& line);
  void read_item(pugi::xml_node item, InvoiceLine& line);
  void read_price(pugi::xml_node price, PriceDetails& pr);
  Address read_address(pugi::xml_node a) const;
  Contact read_contact(pugi::xml_node party) const;
  Period read_period(pugi::xml_node p, SourceFacts& facts, bool line);

  detail::XmlReader& x_;
  bool credit_note_;
};

void UblReader::read(pugi::xml_node root, Invoice& inv) {
  inv.source_syntax = credit_note_ ? Syntax::ubl_credit_note : Syntax::ubl_invoice;
  inv.facts.read_from_source = true;
  read_header(root, inv);
  read_references(root, inv);
  read_seller(a(a(root, "AccountingSupplierParty"), "Party"), inv);
  read_buyer(a(a(root, "AccountingCustomerParty"), "Party"), inv);
  read_payee(a(root, "PayeeParty"), inv);
  read_tax_representative(a(root, "TaxRepresentativeParty"), inv);
  read_delivery(a(root, "Delivery"), inv);
  read_payment(root, inv);
  read_allowances_charges(root, inv);
  read_taxes(root, inv);
  read_totals(a(root, "LegalMonetaryTotal"), inv.totals);
  x_.for_each(root, cac, credit_note_ ? "CreditNoteLine" : "InvoiceLine",
              [&](pugi::xml_node l) { read_line(l, inv.lines.emplace_back()); });
}

void UblReader::read_header(pugi::xml_node root, Invoice& inv) {
  inv.specification_identifier = t(root, "CustomizationID");
  inv.business_process = t(root, "ProfileID");
  inv.number = t(root, "ID");
  // BR-03 asks for a non-blank cbc:IssueDate, not a valid one: an unreadable date still counts.
  if (pugi::xml_node d = b(root, "IssueDate")) {
    inv.issue_date = x_.iso_date(d, "BT-2");
    if (!detail::trimmed(d.child_value()).empty()) inv.facts.saw_term(2);
  }
  // A CreditNote has no cbc:DueDate: its BT-9 is in cac:PaymentMeans (read with the payment).
  if (!credit_note_) inv.due_date = x_.iso_date(b(root, "DueDate"), "BT-9");
  inv.type_code = t(root, credit_note_ ? "CreditNoteTypeCode" : "InvoiceTypeCode");
  x_.for_each(root, cbc, "Note",
              [&](pugi::xml_node n) { inv.notes.push_back(parse_note(detail::trimmed(n.child_value()))); });
  inv.tax_point_date = x_.iso_date(b(root, "TaxPointDate"), "BT-7");
  inv.currency = t(root, "DocumentCurrencyCode");
  inv.tax_currency = t(root, "TaxCurrencyCode");
  inv.buyer_accounting_reference = t(root, "AccountingCost");
  inv.buyer_reference = t(root, "BuyerReference");
  if (pugi::xml_node p = a(root, "InvoicePeriod")) {
    inv.facts.saw_group(14);
    inv.invoicing_period = read_period(p, inv.facts, false);
    pugi::xml_node code = b(p, "DescriptionCode");
    if (code) inv.facts.saw_term(8);
    inv.tax_point_date_code = detail::trimmed(code.child_value());
  }
}

void UblReader::read_references(pugi::xml_node root, Invoice& inv) {
  if (pugi::xml_node o = a(root, "OrderReference")) {
    inv.purchase_order_reference = t(o, "ID");
    inv.sales_order_reference = t(o, "SalesOrderID");
  }
  // A BillingReference without an InvoiceDocumentReference is still a BG-3 that BR-55 judges:
  // it is kept as a reference without number.
  x_.for_each(root, cac, "BillingReference", [&](pugi::xml_node r) {
    inv.facts.saw_group(3);
    pugi::xml_node d = a(r, "InvoiceDocumentReference");
    inv.preceding_invoices.push_back(PrecedingInvoice{t(d, "ID"), x_.iso_date(b(d, "IssueDate"), "BT-26")});
  });
  inv.despatch_advice_reference = t(a(root, "DespatchDocumentReference"), "ID");
  inv.receiving_advice_reference = t(a(root, "ReceiptDocumentReference"), "ID");
  inv.tender_or_lot_reference = t(a(root, "OriginatorDocumentReference"), "ID");
  inv.contract_reference = t(a(root, "ContractDocumentReference"), "ID");
  x_.for_each(root, cac, "AdditionalDocumentReference", [&](pugi::xml_node d) {
    const std::string type = t(d, "DocumentTypeCode");
    if (type == "130") {
      if (inv.invoiced_object_identifier.empty()) inv.invoiced_object_identifier = id_with_scheme(b(d, "ID"));
    } else if (type == "50" && credit_note_) {
      // UBL 2.1 CreditNote has no cac:ProjectReference; the binding puts BT-11 here instead.
      if (inv.project_reference.empty()) inv.project_reference = t(d, "ID");
    } else {
      SupportingDocument s;
      s.reference = t(d, "ID");
      s.description = t(d, "DocumentDescription");
      if (pugi::xml_node at = a(d, "Attachment")) {
        if (pugi::xml_node bin = b(at, "EmbeddedDocumentBinaryObject")) {
          s.attachment.content_base64 = detail::trimmed(bin.child_value());
          s.attachment.mime_code = detail::trimmed(bin.attribute("mimeCode").value());
          s.attachment.filename = detail::trimmed(bin.attribute("filename").value());
        }
        s.external_location = t(a(at, "ExternalReference"), "URI");
      }
      inv.supporting_documents.push_back(std::move(s));
    }
  });
  if (std::string project = t(a(root, "ProjectReference"), "ID"); !project.empty())
    inv.project_reference = project;
}

Address UblReader::read_address(pugi::xml_node n) const {
  Address r;
  if (!n) return r;
  r.line_one = t(n, "StreetName");
  r.line_two = t(n, "AdditionalStreetName");
  r.line_three = t(a(n, "AddressLine"), "Line");
  r.city = t(n, "CityName");
  r.post_code = t(n, "PostalZone");
  r.country_subdivision = t(n, "CountrySubentity");
  r.country_code = t(a(n, "Country"), "IdentificationCode");
  return r;
}

Contact UblReader::read_contact(pugi::xml_node party) const {
  Contact r;
  pugi::xml_node k = a(party, "Contact");
  if (!k) return r;
  r.point = t(k, "Name");
  r.telephone = t(k, "Telephone");
  r.email = t(k, "ElectronicMail");
  return r;
}

void UblReader::read_seller(pugi::xml_node p, Invoice& inv) {
  if (!p) return;
  Seller& s = inv.seller;
  s.electronic_address = id_with_scheme(b(p, "EndpointID"));
  x_.for_each(p, cac, "PartyIdentification", [&](pugi::xml_node pi) {
    Identifier id = id_with_scheme(b(pi, "ID"));
    if (id.scheme == "SEPA") {
      if (inv.payment_instructions.direct_debit.creditor_id.empty())
        inv.payment_instructions.direct_debit.creditor_id = id.value;
    } else if (!id.empty()) {
      s.identifiers.push_back(std::move(id));
    }
  });
  // CII must write scheme-less ids (ram:ID) before ram:GlobalID; both readers normalise to
  // that order so that a document compares equal whichever syntax it went through.
  std::stable_partition(s.identifiers.begin(), s.identifiers.end(),
                        [](const Identifier& id) { return id.scheme.empty(); });
  s.trading_name = t(a(p, "PartyName"), "Name");
  if (pugi::xml_node addr = a(p, "PostalAddress")) {
    inv.facts.saw_group(5);
    s.postal_address = read_address(addr);
  }
  x_.for_each(p, cac, "PartyTaxScheme", [&](pugi::xml_node ts) {
    std::string id = t(ts, "CompanyID");
    std::string& target = is_vat_scheme(t(a(ts, "TaxScheme"), "ID")) ? s.vat_id : s.tax_registration_id;
    if (target.empty()) target = std::move(id);
  });
  if (pugi::xml_node le = a(p, "PartyLegalEntity")) {
    s.name = t(le, "RegistrationName");
    s.legal_registration_id = id_with_scheme(b(le, "CompanyID"));
    s.additional_legal_info = t(le, "CompanyLegalForm");
  }
  s.contact = read_contact(p);
}

void UblReader::read_buyer(pugi::xml_node p, Invoice& inv) {
  if (!p) return;
  Buyer& by = inv.buyer;
  by.electronic_address = id_with_scheme(b(p, "EndpointID"));
  by.identifier = id_with_scheme(b(a(p, "PartyIdentification"), "ID"));
  by.trading_name = t(a(p, "PartyName"), "Name");
  if (pugi::xml_node addr = a(p, "PostalAddress")) {
    inv.facts.saw_group(8);
    by.postal_address = read_address(addr);
  }
  x_.for_each(p, cac, "PartyTaxScheme", [&](pugi::xml_node ts) {
    if (by.vat_id.empty() && is_vat_scheme(t(a(ts, "TaxScheme"), "ID"))) by.vat_id = t(ts, "CompanyID");
  });
  if (pugi::xml_node le = a(p, "PartyLegalEntity")) {
    by.name = t(le, "RegistrationName");
    by.legal_registration_id = id_with_scheme(b(le, "CompanyID"));
  }
  by.contact = read_contact(p);
}

void UblReader::read_payee(pugi::xml_node p, Invoice& inv) {
  if (!p) return;
  inv.facts.saw_group(10);
  Payee& py = inv.payee;
  x_.for_each(p, cac, "PartyIdentification", [&](pugi::xml_node pi) {
    Identifier id = id_with_scheme(b(pi, "ID"));
    if (id.scheme == "SEPA") {
      if (inv.payment_instructions.direct_debit.creditor_id.empty())
        inv.payment_instructions.direct_debit.creditor_id = id.value;
    } else if (py.identifier.empty()) {
      py.identifier = std::move(id);
    }
  });
  if (pugi::xml_node name = b(a(p, "PartyName"), "Name")) {
    inv.facts.saw_term(59);
    py.name = detail::trimmed(name.child_value());
  }
  py.legal_registration_id = id_with_scheme(b(a(p, "PartyLegalEntity"), "CompanyID"));
}

void UblReader::read_tax_representative(pugi::xml_node p, Invoice& inv) {
  if (!p) return;
  inv.facts.saw_group(11);
  TaxRepresentative& tr = inv.tax_representative;
  tr.name = t(a(p, "PartyName"), "Name");
  if (pugi::xml_node addr = a(p, "PostalAddress")) {
    inv.facts.saw_group(12);
    tr.postal_address = read_address(addr);
  }
  x_.for_each(p, cac, "PartyTaxScheme", [&](pugi::xml_node ts) {
    if (!is_vat_scheme(t(a(ts, "TaxScheme"), "ID"))) return;
    pugi::xml_node id = b(ts, "CompanyID");
    if (id) inv.facts.saw_term(63);
    if (tr.vat_id.empty()) tr.vat_id = detail::trimmed(id.child_value());
  });
}

void UblReader::read_delivery(pugi::xml_node d, Invoice& inv) {
  if (!d) return;
  inv.facts.saw_group(13);
  Delivery& del = inv.delivery;
  del.actual_delivery_date = x_.iso_date(b(d, "ActualDeliveryDate"), "BT-72");
  if (pugi::xml_node loc = a(d, "DeliveryLocation")) {
    del.location_id = id_with_scheme(b(loc, "ID"));
    if (pugi::xml_node addr = a(loc, "Address")) {
      inv.facts.saw_group(15);
      if (b(a(addr, "Country"), "IdentificationCode")) inv.facts.saw_term(80);
      del.deliver_to = read_address(addr);
    }
  }
  del.deliver_to_name = t(a(a(d, "DeliveryParty"), "PartyName"), "Name");
}

Period UblReader::read_period(pugi::xml_node p, SourceFacts& facts, bool line) {
  Period r;
  if (!p) return r;
  // BR-CO-19/20 ask whether a date element exists, readable or not.
  if (pugi::xml_node d = b(p, "StartDate")) {
    facts.saw_term(line ? 134 : 73);
    r.start = x_.iso_date(d, line ? "BT-134" : "BT-73");
  }
  if (pugi::xml_node d = b(p, "EndDate")) {
    facts.saw_term(line ? 135 : 74);
    r.end = x_.iso_date(d, line ? "BT-135" : "BT-74");
  }
  return r;
}

void UblReader::read_payment(pugi::xml_node root, Invoice& inv) {
  PaymentInstructions& pi = inv.payment_instructions;
  // EN 16931 has one BG-16; UBL repeats cac:PaymentMeans once per account, so the first
  // code, text and payment id win and the accounts accumulate.
  // BR-49 asks every cac:PaymentMeans for a code element; BT-81 counts as seen only if all have one.
  bool every_means_coded = true;
  x_.for_each(root, cac, "PaymentMeans", [&](pugi::xml_node m) {
    inv.facts.saw_group(16);
    pugi::xml_node code = b(m, "PaymentMeansCode");
    every_means_coded = every_means_coded && code;
    if (code) {
      if (pi.means_code.empty()) pi.means_code = detail::trimmed(code.child_value());
      if (pi.means_text.empty()) pi.means_text = detail::trimmed(code.attribute("name").value());
    }
    if (credit_note_ && !inv.due_date) inv.due_date = x_.iso_date(b(m, "PaymentDueDate"), "BT-9");
    if (pi.remittance_information.empty()) pi.remittance_information = t(m, "PaymentID");
    if (pugi::xml_node card = a(m, "CardAccount"); card && pi.card.empty()) {
      pi.card.primary_account_number = t(card, "PrimaryAccountNumberID");
      pi.card.holder_name = t(card, "HolderName");
    }
    x_.for_each(m, cac, "PayeeFinancialAccount", [&](pugi::xml_node acc) {
      pi.credit_transfers.push_back(
          CreditTransfer{t(acc, "ID"), t(acc, "Name"), t(a(acc, "FinancialInstitutionBranch"), "ID")});
    });
    if (pugi::xml_node mandate = a(m, "PaymentMandate")) {
      if (pi.direct_debit.mandate_reference.empty()) pi.direct_debit.mandate_reference = t(mandate, "ID");
      if (pi.direct_debit.debited_account_id.empty())
        pi.direct_debit.debited_account_id = t(a(mandate, "PayerFinancialAccount"), "ID");
    }
  });
  if (inv.facts.has_group(16) && every_means_coded) inv.facts.saw_term(81);
  x_.for_each(root, cac, "PaymentTerms", [&](pugi::xml_node pt) {
    x_.for_each(pt, cbc, "Note",
                [&](pugi::xml_node n) { append_line(inv.payment_terms, detail::trimmed(n.child_value())); });
  });
}

void UblReader::read_allowances_charges(pugi::xml_node root, Invoice& inv) {
  x_.for_each(root, cac, "AllowanceCharge", [&](pugi::xml_node ac) {
    DocumentAllowanceCharge d;
    const bool charge = is_charge(t(ac, "ChargeIndicator"));
    d.reason_code = t(ac, "AllowanceChargeReasonCode");
    d.reason = t(ac, "AllowanceChargeReason");
    d.percentage = x_.decimal_child(ac, cbc, "MultiplierFactorNumeric", charge ? "BT-101" : "BT-94");
    d.amount = x_.decimal_child(ac, cbc, "Amount", charge ? "BT-99" : "BT-92");
    d.base_amount = x_.decimal_child(ac, cbc, "BaseAmount", charge ? "BT-100" : "BT-93");
    pugi::xml_node cat = a(ac, "TaxCategory");
    d.vat_category_code = t(cat, "ID");
    d.vat_rate = x_.decimal_child(cat, cbc, "Percent", charge ? "BT-103" : "BT-96");
    (charge ? inv.charges : inv.allowances).push_back(std::move(d));
  });
}

void UblReader::read_taxes(pugi::xml_node root, Invoice& inv) {
  DocumentTotals& tt = inv.totals;
  const bool distinct_tax_currency = !inv.tax_currency.empty() && inv.tax_currency != inv.currency;
  bool seen_document_currency = false;
  // BT-110 and BG-23 are in the TaxTotal in the invoice currency, BT-111 in the one in BT-6.
  x_.for_each(root, cac, "TaxTotal", [&](pugi::xml_node total) {
    pugi::xml_node amount = b(total, "TaxAmount");
    const std::string_view cur = amount.attribute("currencyID").value();
    if (cur == inv.currency) ++inv.facts.document_currency_tax_totals;
    const bool in_tax_currency =
        distinct_tax_currency ? cur == inv.tax_currency : seen_document_currency && !inv.tax_currency.empty();
    if (in_tax_currency) {
      if (!tt.total_vat_in_tax_currency) tt.total_vat_in_tax_currency = x_.decimal(amount, "BT-111");
      return;
    }
    // BR-CO-15 fires on a second total in the invoice currency and the VAT category rules count
    // the subtotals of every cac:TaxTotal, so a second one's subtotals are kept too.
    if (!seen_document_currency) tt.total_vat = x_.decimal(amount, "BT-110");
    seen_document_currency = true;
    x_.for_each(total, cac, "TaxSubtotal", [&](pugi::xml_node sub) {
      VatBreakdown v;
      v.taxable_amount = x_.decimal_child(sub, cbc, "TaxableAmount", "BT-116");
      v.tax_amount = x_.decimal_child(sub, cbc, "TaxAmount", "BT-117");
      pugi::xml_node cat = a(sub, "TaxCategory");
      v.category_code = t(cat, "ID");
      v.rate = x_.decimal_child(cat, cbc, "Percent", "BT-119");
      v.exemption_reason_code = t(cat, "TaxExemptionReasonCode");
      v.exemption_reason = t(cat, "TaxExemptionReason");
      inv.vat_breakdown.push_back(std::move(v));
    });
  });
}

void UblReader::read_totals(pugi::xml_node m, DocumentTotals& tt) {
  if (!m) return;
  tt.sum_of_line_net_amounts = x_.decimal_child(m, cbc, "LineExtensionAmount", "BT-106");
  tt.total_without_vat = x_.decimal_child(m, cbc, "TaxExclusiveAmount", "BT-109");
  tt.total_with_vat = x_.decimal_child(m, cbc, "TaxInclusiveAmount", "BT-112");
  tt.sum_of_allowances = x_.decimal_child(m, cbc, "AllowanceTotalAmount", "BT-107");
  tt.sum_of_charges = x_.decimal_child(m, cbc, "ChargeTotalAmount", "BT-108");
  tt.paid_amount = x_.decimal_child(m, cbc, "PrepaidAmount", "BT-113");
  tt.rounding_amount = x_.decimal_child(m, cbc, "PayableRoundingAmount", "BT-114");
  tt.payable_amount = x_.decimal_child(m, cbc, "PayableAmount", "BT-115");
}

void UblReader::read_line(pugi::xml_node l, InvoiceLine& line) {
  line.id = t(l, "ID");
  x_.for_each(l, cbc, "Note",
              [&](pugi::xml_node n) { append_line(line.note, detail::trimmed(n.child_value())); });
  if (pugi::xml_node q = b(l, credit_note_ ? "CreditedQuantity" : "InvoicedQuantity")) {
    line.quantity = x_.decimal(q, "BT-129");
    line.unit_code = detail::trimmed(q.attribute("unitCode").value());
  }
  line.net_amount = x_.decimal_child(l, cbc, "LineExtensionAmount", "BT-131");
  line.buyer_accounting_reference = t(l, "AccountingCost");
  if (pugi::xml_node p = a(l, "InvoicePeriod")) {
    line.facts.saw_group(26);
    line.period = read_period(p, line.facts, true);
  }
  line.order_line_reference = t(a(l, "OrderLineReference"), "LineID");
  // The binding types BT-128 with code 130; some producers leave the code out of the one
  // document reference a line may have, and it can mean nothing else.
  x_.for_each(l, cac, "DocumentReference", [&](pugi::xml_node d) {
    const std::string type = t(d, "DocumentTypeCode");
    if (line.object_identifier.empty() && (type.empty() || type == "130"))
      line.object_identifier = id_with_scheme(b(d, "ID"));
  });
  x_.for_each(l, cac, "AllowanceCharge", [&](pugi::xml_node ac) {
    LineAllowanceCharge d;
    const bool charge = is_charge(t(ac, "ChargeIndicator"));
    d.reason_code = t(ac, "AllowanceChargeReasonCode");
    d.reason = t(ac, "AllowanceChargeReason");
    d.percentage = x_.decimal_child(ac, cbc, "MultiplierFactorNumeric", charge ? "BT-143" : "BT-138");
    d.amount = x_.decimal_child(ac, cbc, "Amount", charge ? "BT-141" : "BT-136");
    d.base_amount = x_.decimal_child(ac, cbc, "BaseAmount", charge ? "BT-142" : "BT-137");
    (charge ? line.charges : line.allowances).push_back(std::move(d));
  });
  read_item(a(l, "Item"), line);
  read_price(a(l, "Price"), line.price);
}

void UblReader::read_item(pugi::xml_node item, InvoiceLine& line) {
  if (!item) return;
  Item& it = line.item;
  it.description = t(item, "Description");
  it.name = t(item, "Name");
  it.buyers_id = t(a(item, "BuyersItemIdentification"), "ID");
  it.sellers_id = t(a(item, "SellersItemIdentification"), "ID");
  it.standard_id = id_with_scheme(b(a(item, "StandardItemIdentification"), "ID"));
  it.origin_country = t(a(item, "OriginCountry"), "IdentificationCode");
  x_.for_each(item, cac, "CommodityClassification", [&](pugi::xml_node cl) {
    if (pugi::xml_node code = b(cl, "ItemClassificationCode"))
      it.classifications.push_back(ItemClassification{
          detail::trimmed(code.child_value()), detail::trimmed(code.attribute("listID").value()),
          detail::trimmed(code.attribute("listVersionID").value())});
  });
  if (pugi::xml_node cat = a(item, "ClassifiedTaxCategory")) {
    line.vat_category_code = t(cat, "ID");
    line.vat_rate = x_.decimal_child(cat, cbc, "Percent", "BT-152");
  }
  x_.for_each(item, cac, "AdditionalItemProperty", [&](pugi::xml_node p) {
    it.attributes.push_back(ItemAttribute{t(p, "Name"), t(p, "Value")});
  });
}

void UblReader::read_price(pugi::xml_node price, PriceDetails& pr) {
  if (!price) return;
  pr.net_price = x_.decimal_child(price, cbc, "PriceAmount", "BT-146");
  if (pugi::xml_node q = b(price, "BaseQuantity")) {
    pr.base_quantity = x_.decimal(q, "BT-149");
    pr.base_quantity_unit_code = detail::trimmed(q.attribute("unitCode").value());
  }
  // EN 16931 knows only a price discount here (BT-147 off the gross price BT-148).
  x_.for_each(price, cac, "AllowanceCharge", [&](pugi::xml_node ac) {
    if (is_charge(t(ac, "ChargeIndicator")) || pr.price_discount || pr.gross_price) return;
    pr.price_discount = x_.decimal_child(ac, cbc, "Amount", "BT-147");
    pr.gross_price = x_.decimal_child(ac, cbc, "BaseAmount", "BT-148");
  });
}

}  // namespace

Result<Invoice> read_ubl(std::string_view xml, std::string_view source_name, bool syntax_rules) {
  Result<Invoice> result;
  pugi::xml_document doc;
  if (!detail::parse_xml(doc, xml, source_name, result.diagnostics)) return result;
  pugi::xml_node root = doc.document_element();
  detail::XmlReader x(source_name, xml, root, result.diagnostics);
  const bool invoice = x.ns().is(root, Ns::ubl_invoice, "Invoice");
  const bool credit_note = x.ns().is(root, Ns::ubl_credit_note, "CreditNote");
  if (!invoice && !credit_note) {
    x.error(root, "RL-XML-002",
            std::string("the root element <") + root.name() + "> is not a UBL 2.1 Invoice or CreditNote", "");
    return result;
  }
  Invoice inv;
  UblReader(x, credit_note).read(root, inv);
  if (syntax_rules) detail::check_ubl_syntax(x, root, xml, source_name, result.diagnostics);
  result.value = std::move(inv);
  return result;
}

}  // namespace relance::formats
