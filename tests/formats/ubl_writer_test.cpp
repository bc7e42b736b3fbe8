// The UBL writer: schema order, currencies, the PEPPOL conventions, and a model with every
// business term set surviving write -> read.

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>

#include "relance/formats/invoice_json.hpp"
#include "relance/formats/ubl.hpp"
#include "test_support.hpp"
#include "ubl_schema_order.hpp"

using namespace relance::formats;

namespace {

Decimal d(const char* s) {
  return *Decimal::parse(s);
}
Date date(const char* s) {
  return *Date::parse_iso(s);
}

Address address(const std::string& tag) {
  return Address{tag + " street",
                 tag + " building",
                 tag + " floor",
                 tag + " city",
                 tag + "-75001",
                 tag + " region",
                 "FR"};
}

// Every business term of the model set, so that a round trip proves none is dropped.
Invoice full_invoice() {
  Invoice inv;
  inv.number = "F-2026-0042";
  inv.issue_date = date("2026-11-23");
  inv.type_code = "380";
  inv.currency = "EUR";
  inv.tax_currency = "SEK";
  inv.tax_point_date = date("2026-11-20");
  inv.tax_point_date_code = "35";
  inv.due_date = date("2026-12-23");
  inv.buyer_reference = "BUYER-REF";
  inv.project_reference = "PRJ-1";
  inv.contract_reference = "CTR-1";
  inv.purchase_order_reference = "PO-1";
  inv.sales_order_reference = "SO-1";
  inv.receiving_advice_reference = "RCV-1";
  inv.despatch_advice_reference = "DSP-1";
  inv.tender_or_lot_reference = "LOT-1";
  inv.invoiced_object_identifier = {"OBJ-1", "AAB"};
  inv.buyer_accounting_reference = "ACC-1";
  inv.payment_terms = "30 days net\nPenalty 3 x legal rate";
  inv.notes = {Note{"AAI", "General information"}, Note{"", "A note\nover two lines"}};
  inv.business_process = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
  inv.specification_identifier = "urn:cen.eu:en16931:2017";
  inv.preceding_invoices = {PrecedingInvoice{"F-2026-0001", date("2026-01-15")},
                            PrecedingInvoice{"F-2026-0002", {}}};

  Seller& s = inv.seller;
  s.name = "Vendeur SAS";
  s.trading_name = "Vendeur";
  s.identifiers = {Identifier{"LOCAL-7", ""}, Identifier{"12345678900017", "0009"}};
  s.legal_registration_id = {"123456789", "0002"};
  s.vat_id = "FR32123456789";
  s.tax_registration_id = "TAX-REG-1";
  s.additional_legal_info = "SAS au capital de 10 000 EUR";
  s.electronic_address = {"123456789", "0225"};
  s.postal_address = address("seller");
  s.contact = Contact{"Jeanne", "+33 1 00 00 00 00", "jeanne@vendeur.example"};

  Buyer& b = inv.buyer;
  b.name = "Acheteur SA";
  b.trading_name = "Acheteur";
  b.identifier = {"5790000435968", "0088"};
  b.legal_registration_id = {"987654321", "0002"};
  b.vat_id = "FR12987654321";
  b.electronic_address = {"ap@acheteur.example", "EM"};
  b.postal_address = address("buyer");
  b.contact = Contact{"Compta", "+33 4 00 00 00 00", "compta@acheteur.example"};

  inv.payee = Payee{"Factor SA", {"7350053850019", "0088"}, {"555666777", "0002"}};
  inv.tax_representative = TaxRepresentative{"Tax Rep", "BE0123456789", address("taxrep")};
  inv.delivery = Delivery{"Entrepôt 3", {"7350000001211", "0088"}, date("2026-11-19"), address("delivery")};
  inv.invoicing_period = Period{date("2026-11-01"), date("2026-11-30")};

  PaymentInstructions& pi = inv.payment_instructions;
  pi.means_code = "30";
  pi.means_text = "Credit transfer";
  pi.remittance_information = "F-2026-0042";
  pi.credit_transfers = {CreditTransfer{"FR7630006000011234567890189", "Vendeur SAS", "AGRIFRPP"},
                         CreditTransfer{"DE89370400440532013000", "", ""}};
  pi.card = PaymentCard{"1234", "J Doe"};
  pi.direct_debit = DirectDebit{"MANDATE-1", "FR12ZZZ123456", "DE02120300000000202051"};

  inv.allowances = {
      DocumentAllowanceCharge{d("10.00"), d("100.00"), d("10"), "S", d("20"), "Discount", "95"}};
  inv.charges = {DocumentAllowanceCharge{d("5.00"), {}, {}, "S", d("20"), "Freight", "FC"}};
  DocumentTotals& t = inv.totals;
  t.sum_of_line_net_amounts = d("100.00");
  t.sum_of_allowances = d("10.00");
  t.sum_of_charges = d("5.00");
  t.total_without_vat = d("95.00");
  t.total_vat = d("19.00");
  t.total_vat_in_tax_currency = d("215.50");
  t.total_with_vat = d("114.00");
  t.paid_amount = d("14.00");
  t.rounding_amount = d("0.00");
  t.payable_amount = d("100.00");
  inv.vat_breakdown = {
      VatBreakdown{d("95.00"), d("19.00"), "S", d("20"), "", ""},
      VatBreakdown{d("0.00"), d("0.00"), "E", d("0"), "Exempt per article 261", "VATEX-FR-FRANCHISE"}};
  inv.supporting_documents = {
      SupportingDocument{"TS-1", "Timesheet", "", Attachment{"MTIzNA==", "text/csv", "ts.csv"}},
      SupportingDocument{"EXT-1", "", "https://example.com/doc.pdf", {}}};

  InvoiceLine l;
  l.id = "1";
  l.note = "Line note";
  l.object_identifier = {"METER-9", "ABZ"};
  l.quantity = d("2.000");
  l.unit_code = "HUR";
  l.net_amount = d("100.00");
  l.order_line_reference = "PO-1/3";
  l.buyer_accounting_reference = "ACC-LINE";
  l.period = Period{date("2026-11-01"), date("2026-11-15")};
  l.allowances = {LineAllowanceCharge{d("5.00"), d("105.00"), d("4.7619"), "Discount", "95"}};
  l.charges = {LineAllowanceCharge{d("5.00"), {}, {}, "Packing", "ABL"}};
  l.price = PriceDetails{d("50.00"), d("2.00"), d("52.00"), d("1"), "HUR"};
  l.vat_category_code = "S";
  l.vat_rate = d("20");
  l.item.name = "Consulting";
  l.item.description = "Senior consulting";
  l.item.sellers_id = "S-SKU";
  l.item.buyers_id = "B-SKU";
  l.item.standard_id = {"17350053850016", "0160"};
  l.item.classifications = {ItemClassification{"72221000", "STI", "2008"},
                            ItemClassification{"X1", "ZZZ", ""}};
  l.item.origin_country = "FR";
  l.item.attributes = {ItemAttribute{"Level", "Senior"}, ItemAttribute{"Site", "Remote"}};
  inv.lines.push_back(l);
  InvoiceLine l2;
  l2.id = "2";
  l2.quantity = d("1");
  l2.unit_code = "C62";
  l2.net_amount = d("0.00");
  l2.vat_category_code = "E";
  l2.vat_rate = d("0");
  l2.item.name = "Free item";
  l2.price.net_price = d("0.00");
  inv.lines.push_back(l2);
  inv.source_syntax = Syntax::ubl_invoice;
  return inv;
}

Invoice full_credit_note() {
  Invoice inv = full_invoice();
  inv.type_code = "381";
  inv.source_syntax = Syntax::ubl_credit_note;
  return inv;
}

Invoice read_back(const std::string& xml) {
  auto r = read_ubl(xml, "written.xml");
  for (const auto& diag : r.diagnostics.items()) ADD_FAILURE() << relance::format_diagnostic(diag);
  if (!r.value) {
    ADD_FAILURE() << "no value";
    return {};
  }
  return *r.value;
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str()));
  return doc;
}

std::string text(const pugi::xml_document& doc, const char* xpath) {
  return doc.select_node(xpath).node().child_value();
}

std::size_t count(const pugi::xml_document& doc, const char* xpath) {
  return doc.select_nodes(xpath).size();
}

}  // namespace

TEST(UblWriter, RoundTripsEveryBusinessTermOfAnInvoice) {
  const Invoice inv = full_invoice();
  const Invoice back = read_back(write_ubl(inv));
  EXPECT_TRUE(back == inv);
  if (!(back == inv)) {
    EXPECT_EQ(to_json(back), to_json(inv));
  }
}

TEST(UblWriter, RoundTripsEveryBusinessTermOfACreditNote) {
  const Invoice inv = full_credit_note();
  const Invoice back = read_back(write_ubl(inv));
  EXPECT_TRUE(back == inv);
  if (!(back == inv)) {
    EXPECT_EQ(to_json(back), to_json(inv));
  }
}

TEST(UblWriter, WritesElementsInUbl21SchemaOrder) {
  for (const Invoice& inv : {full_invoice(), full_credit_note()}) {
    const pugi::xml_document doc = parse(write_ubl(inv));
    for (const auto& problem : relance::testing::ubl::order_problems(doc, true)) ADD_FAILURE() << problem;
  }
}

TEST(UblWriter, WritesAnInvoiceOrACreditNoteByBt3) {
  const pugi::xml_document invoice = parse(write_ubl(full_invoice()));
  EXPECT_STREQ(invoice.document_element().name(), "Invoice");
  EXPECT_STREQ(invoice.document_element().attribute("xmlns").value(),
               "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
  EXPECT_EQ(text(invoice, "/Invoice/cbc:InvoiceTypeCode"), "380");
  EXPECT_EQ(count(invoice, "/Invoice/cac:InvoiceLine/cbc:InvoicedQuantity[@unitCode='HUR']"), 1u);

  const pugi::xml_document credit = parse(write_ubl(full_credit_note()));
  EXPECT_STREQ(credit.document_element().name(), "CreditNote");
  EXPECT_STREQ(credit.document_element().attribute("xmlns").value(),
               "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2");
  EXPECT_EQ(text(credit, "/CreditNote/cbc:CreditNoteTypeCode"), "381");
  EXPECT_EQ(count(credit, "/CreditNote/cac:CreditNoteLine"), 2u);
  EXPECT_EQ(count(credit, "/CreditNote/cac:CreditNoteLine/cbc:CreditedQuantity"), 2u);
  EXPECT_EQ(count(credit, "//cbc:DueDate | //cac:ProjectReference"), 0u);
}

TEST(UblWriter, WritesBt24OrTheEn16931IdWhenEmpty) {
  Invoice inv = full_invoice();
  inv.specification_identifier = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
  EXPECT_EQ(text(parse(write_ubl(inv)), "/Invoice/cbc:CustomizationID"), inv.specification_identifier);
  inv.specification_identifier.clear();
  EXPECT_EQ(text(parse(write_ubl(inv)), "/Invoice/cbc:CustomizationID"), "urn:cen.eu:en16931:2017");
}

TEST(UblWriter, WritesBt21AsThePeppolNotePrefix) {
  const pugi::xml_document doc = parse(write_ubl(full_invoice()));
  const auto notes = doc.select_nodes("/Invoice/cbc:Note");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_STREQ(notes[0].node().child_value(), "#AAI#General information");
  EXPECT_STREQ(notes[1].node().child_value(), "A note\nover two lines");
}

TEST(UblWriter, WritesBt9OfAnInvoiceAsDueDate) {
  const pugi::xml_document doc = parse(write_ubl(full_invoice()));
  EXPECT_EQ(text(doc, "/Invoice/cbc:DueDate"), "2026-12-23");
  EXPECT_EQ(count(doc, "//cbc:PaymentDueDate"), 0u);
}

TEST(UblWriter, WritesBt9OfACreditNoteInTheFirstPaymentMeansOnly) {
  const pugi::xml_document doc = parse(write_ubl(full_credit_note()));
  EXPECT_EQ(count(doc, "//cbc:PaymentDueDate"), 1u);
  EXPECT_EQ(text(doc, "/CreditNote/cac:PaymentMeans[1]/cbc:PaymentDueDate"), "2026-12-23");
}

TEST(UblWriter, WritesBt9OfACreditNoteEvenWithoutOtherPaymentInstructions) {
  Invoice inv = full_credit_note();
  inv.payment_instructions = {};
  const std::string xml = write_ubl(inv);
  EXPECT_EQ(text(parse(xml), "/CreditNote/cac:PaymentMeans/cbc:PaymentDueDate"), "2026-12-23");
  // "1": instrument not defined, a valid UNCL 4461 code where the model has none (BR-CL-16).
  EXPECT_EQ(text(parse(xml), "/CreditNote/cac:PaymentMeans/cbc:PaymentMeansCode"), "1");
  EXPECT_EQ(read_back(xml).due_date, date("2026-12-23"));
}

TEST(UblWriter, WritesOnePaymentMeansPerBg17CreditTransferWithCardAndMandateInTheFirst) {
  const pugi::xml_document doc = parse(write_ubl(full_invoice()));
  ASSERT_EQ(count(doc, "/Invoice/cac:PaymentMeans"), 2u);
  for (const char* means : {"/Invoice/cac:PaymentMeans[1]", "/Invoice/cac:PaymentMeans[2]"}) {
    SCOPED_TRACE(means);
    const pugi::xpath_node m = doc.select_node(means);
    EXPECT_STREQ(m.node().child_value("cbc:PaymentMeansCode"), "30");
    EXPECT_STREQ(m.node().child_value("cbc:PaymentID"), "F-2026-0042");
  }
  // BT-82 once only (UBL-SR-46).
  EXPECT_EQ(count(doc, "//cbc:PaymentMeansCode/@name"), 1u);
  EXPECT_STREQ(doc.select_node("/Invoice/cac:PaymentMeans[1]/cbc:PaymentMeansCode/@name").attribute().value(),
               "Credit transfer");
  EXPECT_EQ(text(doc, "/Invoice/cac:PaymentMeans[1]/cac:PayeeFinancialAccount/cbc:ID"),
            "FR7630006000011234567890189");
  EXPECT_EQ(
      text(doc,
           "/Invoice/cac:PaymentMeans[1]/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"),
      "AGRIFRPP");
  EXPECT_EQ(text(doc, "/Invoice/cac:PaymentMeans[2]/cac:PayeeFinancialAccount/cbc:ID"),
            "DE89370400440532013000");
  EXPECT_EQ(count(doc, "/Invoice/cac:PaymentMeans[1]/cac:CardAccount"), 1u);
  EXPECT_EQ(count(doc, "/Invoice/cac:PaymentMeans[1]/cac:PaymentMandate"), 1u);
  EXPECT_EQ(
      count(doc,
            "/Invoice/cac:PaymentMeans[2]/cac:CardAccount | /Invoice/cac:PaymentMeans[2]/cac:PaymentMandate"),
      0u);
}

TEST(UblWriter, WritesNoPaymentMeansWithoutPaymentInstructions) {
  Invoice inv = full_invoice();
  inv.payment_instructions = {};
  EXPECT_EQ(count(parse(write_ubl(inv)), "//cac:PaymentMeans"), 0u);
}

TEST(UblWriter, WritesBt90WithThePayeeOrElseWithTheSeller) {
  Invoice inv = full_invoice();
  const char* sepa = "//cac:PartyIdentification/cbc:ID[@schemeID='SEPA']";
  pugi::xml_document doc = parse(write_ubl(inv));
  EXPECT_EQ(count(doc, sepa), 1u);
  EXPECT_EQ(count(doc, "/Invoice/cac:PayeeParty/cac:PartyIdentification/cbc:ID[@schemeID='SEPA']"), 1u);
  inv.payee = {};
  const std::string xml = write_ubl(inv);
  doc = parse(xml);
  EXPECT_EQ(count(doc, sepa), 1u);
  EXPECT_EQ(
      count(
          doc,
          "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID[@schemeID='SEPA']"),
      1u);
  EXPECT_TRUE(read_back(xml) == inv);
}

TEST(UblWriter, WritesBt31AndBt32WithTheirTaxSchemes) {
  const pugi::xml_document doc = parse(write_ubl(full_invoice()));
  const std::string party = "/Invoice/cac:AccountingSupplierParty/cac:Party/";
  EXPECT_EQ(text(doc, (party + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID").c_str()),
            "FR32123456789");
  EXPECT_EQ(text(doc, (party + "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID!='VAT']/cbc:CompanyID").c_str()),
            "TAX-REG-1");
}

TEST(UblWriter, WritesACurrencyIdOnEveryAmountAndBt111InTheTaxCurrency) {
  const pugi::xml_document doc = parse(write_ubl(full_invoice()));
  const auto amounts = doc.select_nodes("//*[substring(name(), string-length(name()) - 5) = 'Amount']");
  EXPECT_GT(amounts.size(), 20u);
  for (const auto& a : amounts) {
    SCOPED_TRACE(a.node().name());
    EXPECT_STRNE(a.node().attribute("currencyID").value(), "");
  }
  EXPECT_EQ(count(doc, "//*[@currencyID='SEK']"), 1u);
  EXPECT_EQ(text(doc, "/Invoice/cac:TaxTotal[2]/cbc:TaxAmount[@currencyID='SEK']"), "215.50");
  EXPECT_EQ(text(doc, "/Invoice/cac:TaxTotal[1]/cbc:TaxAmount[@currencyID='EUR']"), "19.00");
}

TEST(UblWriter, WritesDecimalsWithTheirScale) {
  const pugi::xml_document doc = parse(write_ubl(full_invoice()));
  EXPECT_EQ(text(doc, "/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity"), "2.000");
  EXPECT_EQ(text(doc, "/Invoice/cac:LegalMonetaryTotal/cbc:PayableRoundingAmount"), "0.00");
  EXPECT_EQ(text(doc, "/Invoice/cac:InvoiceLine[1]/cac:AllowanceCharge[1]/cbc:MultiplierFactorNumeric"),
            "4.7619");
}

TEST(UblWriter, WritesTheSumOfBg23AsTheMandatoryTaxAmountWhenBt110IsAbsent) {
  Invoice inv = full_invoice();
  inv.totals.total_vat.reset();
  inv.vat_breakdown[1].tax_amount = d("1.5");
  EXPECT_EQ(text(parse(write_ubl(inv)), "/Invoice/cac:TaxTotal[1]/cbc:TaxAmount"), "20.50");
}

TEST(UblWriter, WritesBt11OfACreditNoteAsDocumentType50) {
  const pugi::xml_document doc = parse(write_ubl(full_credit_note()));
  EXPECT_EQ(text(doc, "/CreditNote/cac:AdditionalDocumentReference[cbc:DocumentTypeCode='50']/cbc:ID"),
            "PRJ-1");
  const pugi::xml_document invoice = parse(write_ubl(full_invoice()));
  EXPECT_EQ(text(invoice, "/Invoice/cac:ProjectReference/cbc:ID"), "PRJ-1");
}

TEST(UblWriter, OmitsEmptyOptionalElements) {
  Invoice inv;
  inv.number = "MIN-1";
  inv.issue_date = date("2026-11-23");
  inv.type_code = "380";
  inv.currency = "EUR";
  inv.totals.payable_amount = d("0.00");
  inv.seller.name = "Seller";
  inv.buyer.name = "Buyer";
  InvoiceLine l;
  l.id = "1";
  l.item.name = "Thing";
  inv.lines.push_back(l);
  const pugi::xml_document doc = parse(write_ubl(inv));
  for (const char* absent :
       {"//cac:PayeeParty", "//cac:TaxRepresentativeParty", "//cac:Delivery", "//cac:PaymentMeans",
        "//cac:PaymentTerms", "//cac:TaxTotal", "//cac:InvoicePeriod", "//cac:OrderReference", "//cac:Price",
        "//cac:PartyTaxScheme", "//cac:PartyIdentification", "//cac:Contact", "//cbc:ProfileID",
        "//cbc:Note"})
    EXPECT_EQ(count(doc, absent), 0u) << absent;
  for (const auto& n : doc.select_nodes("//*[not(*)]"))
    EXPECT_STRNE(n.node().child_value(), "") << n.node().name();
  for (const auto& problem : relance::testing::ubl::order_problems(doc, true)) ADD_FAILURE() << problem;
  Invoice expected = inv;
  expected.source_syntax = Syntax::ubl_invoice;
  expected.specification_identifier = "urn:cen.eu:en16931:2017";
  EXPECT_TRUE(read_back(write_ubl(inv)) == expected);
}

TEST(UblWriter, WritesAGrossPriceWithoutDiscountWithTheDiscountItImplies) {
  Invoice inv = full_invoice();
  inv.lines[0].price = PriceDetails{d("50.00"), {}, d("52.00"), {}, ""};
  const pugi::xml_document doc = parse(write_ubl(inv));
  EXPECT_EQ(text(doc, "/Invoice/cac:InvoiceLine[1]/cac:Price/cac:AllowanceCharge/cbc:Amount"), "2.00");
  EXPECT_EQ(text(doc, "/Invoice/cac:InvoiceLine[1]/cac:Price/cac:AllowanceCharge/cbc:BaseAmount"), "52.00");
}

TEST(UblWriter, IsDeterministic) {
  EXPECT_EQ(write_ubl(full_invoice()), write_ubl(full_invoice()));
}
