// The UBL reader on small inline documents, one business group or term at a time.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "relance/formats/ingest.hpp"
#include "relance/formats/ubl.hpp"
#include "test_support.hpp"

using namespace relance::formats;

namespace {

constexpr std::string_view namespaces =
    R"(xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" )"
    R"(xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2")";

std::string invoice(std::string_view body) {
  return std::string(R"(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )") +
         std::string(namespaces) + ">\n" + std::string(body) + "</Invoice>\n";
}

std::string credit_note(std::string_view body) {
  return std::string(R"(<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" )") +
         std::string(namespaces) + ">\n" + std::string(body) + "</CreditNote>\n";
}

// Reads a document that must be readable without any diagnostic.
Invoice read_clean(const std::string& xml) {
  auto r = read_ubl(xml, "test.xml");
  for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << relance::format_diagnostic(d);
  if (!r.value) {
    ADD_FAILURE() << "no value";
    return {};
  }
  return *r.value;
}

Decimal d(const char* s) {
  return *Decimal::parse(s);
}
Date date(const char* s) {
  return *Date::parse_iso(s);
}

}  // namespace

TEST(UblReader, ReportsMalformedXmlAsRlXml001WithLineAndColumn) {
  const std::string xml = invoice("  <cbc:ID>1</cbc:ID>\n  <cbc:IssueDate>2026-01-02</cbc:IssueDat>\n");
  const auto r = read_ubl(xml, "bad.xml");
  EXPECT_FALSE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& diag = r.diagnostics.items()[0];
  EXPECT_EQ(diag.rule_id, "RL-XML-001");
  EXPECT_EQ(diag.severity, relance::Severity::fatal);
  EXPECT_EQ(diag.where.source, "bad.xml");
  // Line 3 is "  <cbc:IssueDate>2026-01-02</cbc:IssueDat>": the name of the mismatched end tag.
  EXPECT_EQ(diag.where.line, 3u);
  EXPECT_EQ(diag.where.column, 30u);
}

TEST(UblReader, ReportsAWrongRootAsRlXml002WithoutValue) {
  const auto r =
      read_ubl(R"(<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>)", "order.xml");
  EXPECT_FALSE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-XML-002");
  EXPECT_EQ(r.diagnostics.items()[0].where.path, "/Order");
}

TEST(UblReader, ReportsAnInvoiceRootInTheWrongNamespaceAsRlXml002) {
  const auto r = read_ubl(R"(<Invoice xmlns="urn:example:not-ubl"><ID>1</ID></Invoice>)", "x.xml");
  EXPECT_FALSE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-XML-002");
}

TEST(UblReader, ReportsABadAmountAsRlXml003WithXPathAndPosition) {
  const std::string xml = invoice(
      "  <cbc:ID>1</cbc:ID>\n"
      "  <cac:LegalMonetaryTotal>\n"
      "    <cbc:LineExtensionAmount currencyID=\"EUR\">100.00</cbc:LineExtensionAmount>\n"
      "    <cbc:PayableAmount currencyID=\"EUR\">1,50</cbc:PayableAmount>\n"
      "  </cac:LegalMonetaryTotal>\n");
  const auto r = read_ubl(xml, "amount.xml");
  ASSERT_TRUE(r.value);
  EXPECT_TRUE(r.diagnostics.has_fatal());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& diag = r.diagnostics.items()[0];
  EXPECT_EQ(diag.rule_id, "RL-XML-003");
  EXPECT_EQ(diag.business_term, "BT-115");
  EXPECT_EQ(diag.where.path, "/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount");
  // Line 5 is "    <cbc:PayableAmount ...": positions point at the element name.
  EXPECT_EQ(diag.where.line, 5u);
  EXPECT_EQ(diag.where.column, 6u);
  EXPECT_FALSE(r.value->totals.payable_amount);
  EXPECT_EQ(r.value->totals.sum_of_line_net_amounts, d("100.00"));
}

TEST(UblReader, ReportsABadLineQuantityWithThePositionalXPath) {
  const std::string xml = invoice(
      "<cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>"
      "<cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:InvoicedQuantity unitCode=\"C62\">two</cbc:InvoicedQuantity>"
      "</cac:InvoiceLine>");
  const auto r = read_ubl(xml, "q.xml");
  ASSERT_TRUE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-XML-003");
  EXPECT_EQ(r.diagnostics.items()[0].business_term, "BT-129");
  EXPECT_EQ(r.diagnostics.items()[0].where.path, "/Invoice/cac:InvoiceLine[2]/cbc:InvoicedQuantity");
}

TEST(UblReader, ReportsABadDateAsRlXml004) {
  const auto r = read_ubl(invoice("<cbc:ID>1</cbc:ID><cbc:IssueDate>2026-02-30</cbc:IssueDate>"), "date.xml");
  ASSERT_TRUE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-XML-004");
  EXPECT_EQ(r.diagnostics.items()[0].business_term, "BT-2");
  EXPECT_EQ(r.diagnostics.items()[0].where.path, "/Invoice/cbc:IssueDate");
  EXPECT_FALSE(r.value->issue_date);
}

TEST(UblReader, ReadsBt1Bt2Bt3Bt5Bt6Bt23Bt24DocumentHeader) {
  const Invoice inv = read_clean(invoice(R"(
    <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
    <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
    <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
    <cbc:ID> INV-42 </cbc:ID>
    <cbc:IssueDate>2026-11-23</cbc:IssueDate>
    <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
    <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
    <cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>)"));
  EXPECT_EQ(inv.source_syntax, Syntax::ubl_invoice);
  EXPECT_EQ(inv.specification_identifier,
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
  EXPECT_EQ(inv.business_process, "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
  EXPECT_EQ(inv.number, "INV-42");
  EXPECT_EQ(inv.issue_date, date("2026-11-23"));
  EXPECT_EQ(inv.type_code, "380");
  EXPECT_EQ(inv.currency, "EUR");
  EXPECT_EQ(inv.tax_currency, "SEK");
}

TEST(UblReader, ReadsBt3FromCreditNoteTypeCode) {
  const Invoice inv =
      read_clean(credit_note("<cbc:ID>CN-1</cbc:ID><cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"));
  EXPECT_EQ(inv.source_syntax, Syntax::ubl_credit_note);
  EXPECT_EQ(inv.type_code, "381");
  EXPECT_TRUE(inv.is_credit_note());
}

TEST(UblReader, ReadsBt9DueDateOfInvoiceFromDueDate) {
  const Invoice inv = read_clean(invoice(R"(
    <cbc:ID>1</cbc:ID><cbc:DueDate>2026-12-31</cbc:DueDate>
    <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
      <cbc:PaymentDueDate>2027-01-15</cbc:PaymentDueDate></cac:PaymentMeans>)"));
  EXPECT_EQ(inv.due_date, date("2026-12-31"));
}

TEST(UblReader, ReadsBt9DueDateOfCreditNoteFromPaymentMeans) {
  const Invoice inv = read_clean(credit_note(R"(
    <cbc:ID>1</cbc:ID>
    <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
      <cbc:PaymentDueDate>2027-01-15</cbc:PaymentDueDate></cac:PaymentMeans>)"));
  EXPECT_EQ(inv.due_date, date("2027-01-15"));
}

TEST(UblReader, ReadsBt7TaxPointDateAndBt8DescriptionCodeAsIs) {
  const Invoice inv = read_clean(invoice(R"(
    <cbc:ID>1</cbc:ID><cbc:TaxPointDate>2026-11-01</cbc:TaxPointDate>
    <cac:InvoicePeriod><cbc:DescriptionCode>432</cbc:DescriptionCode></cac:InvoicePeriod>)"));
  EXPECT_EQ(inv.tax_point_date, date("2026-11-01"));
  EXPECT_EQ(inv.tax_point_date_code, "432");
  EXPECT_TRUE(inv.invoicing_period.empty());
}

TEST(UblReader, ReadsBg14InvoicingPeriod) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:InvoicePeriod><cbc:StartDate>2026-10-01</cbc:StartDate><cbc:EndDate>2026-10-31</cbc:EndDate></cac:InvoicePeriod>)"));
  EXPECT_EQ(inv.invoicing_period.start, date("2026-10-01"));
  EXPECT_EQ(inv.invoicing_period.end, date("2026-10-31"));
}

TEST(UblReader, ReadsBg1NotesWithThePeppolSubjectCodeConvention) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cbc:Note>#AAI#Goods remain our property.</cbc:Note>
    <cbc:Note>Plain note
on two lines</cbc:Note>
    <cbc:Note>#1# not a code</cbc:Note>)"));
  ASSERT_EQ(inv.notes.size(), 3u);
  EXPECT_EQ(inv.notes[0], (Note{"AAI", "Goods remain our property."}));
  EXPECT_EQ(inv.notes[1], (Note{"", "Plain note\non two lines"}));
  EXPECT_EQ(inv.notes[2], (Note{"", "#1# not a code"}));
}

TEST(UblReader, ReadsBt10ToBt17AndBt19References) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cbc:AccountingCost>4711-ACC</cbc:AccountingCost>
    <cbc:BuyerReference>LEITWEG-1</cbc:BuyerReference>
    <cac:OrderReference><cbc:ID>PO-9</cbc:ID><cbc:SalesOrderID>SO-8</cbc:SalesOrderID></cac:OrderReference>
    <cac:DespatchDocumentReference><cbc:ID>DESP-1</cbc:ID></cac:DespatchDocumentReference>
    <cac:ReceiptDocumentReference><cbc:ID>REC-1</cbc:ID></cac:ReceiptDocumentReference>
    <cac:OriginatorDocumentReference><cbc:ID>LOT-3</cbc:ID></cac:OriginatorDocumentReference>
    <cac:ContractDocumentReference><cbc:ID>CTR-7</cbc:ID></cac:ContractDocumentReference>
    <cac:ProjectReference><cbc:ID>PRJ-5</cbc:ID></cac:ProjectReference>)"));
  EXPECT_EQ(inv.buyer_reference, "LEITWEG-1");
  EXPECT_EQ(inv.project_reference, "PRJ-5");
  EXPECT_EQ(inv.contract_reference, "CTR-7");
  EXPECT_EQ(inv.purchase_order_reference, "PO-9");
  EXPECT_EQ(inv.sales_order_reference, "SO-8");
  EXPECT_EQ(inv.receiving_advice_reference, "REC-1");
  EXPECT_EQ(inv.despatch_advice_reference, "DESP-1");
  EXPECT_EQ(inv.tender_or_lot_reference, "LOT-3");
  EXPECT_EQ(inv.buyer_accounting_reference, "4711-ACC");
}

TEST(UblReader, ReadsBt11ProjectReferenceOfCreditNoteFromDocumentType50) {
  const Invoice inv = read_clean(credit_note(R"(<cbc:ID>1</cbc:ID>
    <cac:AdditionalDocumentReference><cbc:ID>PRJ-5</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>
    </cac:AdditionalDocumentReference>)"));
  EXPECT_EQ(inv.project_reference, "PRJ-5");
  EXPECT_TRUE(inv.supporting_documents.empty());
}

TEST(UblReader, ReadsBg3PrecedingInvoices) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-1</cbc:ID>
      <cbc:IssueDate>2026-01-31</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>
    <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-2</cbc:ID>
      </cac:InvoiceDocumentReference></cac:BillingReference>)"));
  ASSERT_EQ(inv.preceding_invoices.size(), 2u);
  EXPECT_EQ(inv.preceding_invoices[0], (PrecedingInvoice{"INV-1", date("2026-01-31")}));
  EXPECT_EQ(inv.preceding_invoices[1], (PrecedingInvoice{"INV-2", std::nullopt}));
}

TEST(UblReader, ReadsBt18InvoicedObjectAndBg24SupportingDocuments) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:AdditionalDocumentReference><cbc:ID schemeID="AAB">METER-1</cbc:ID>
      <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>
    <cac:AdditionalDocumentReference><cbc:ID>TR-1</cbc:ID>
      <cbc:DocumentDescription>Timesheet</cbc:DocumentDescription>
      <cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="ts.csv">
        MTIzNA==
      </cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>
    <cac:AdditionalDocumentReference><cbc:ID>EXT-1</cbc:ID>
      <cac:Attachment><cac:ExternalReference><cbc:URI>https://example.com/doc</cbc:URI></cac:ExternalReference>
      </cac:Attachment></cac:AdditionalDocumentReference>)"));
  EXPECT_EQ(inv.invoiced_object_identifier, (Identifier{"METER-1", "AAB"}));
  ASSERT_EQ(inv.supporting_documents.size(), 2u);
  const SupportingDocument& ts = inv.supporting_documents[0];
  EXPECT_EQ(ts.reference, "TR-1");
  EXPECT_EQ(ts.description, "Timesheet");
  EXPECT_EQ(ts.attachment, (Attachment{"MTIzNA==", "text/csv", "ts.csv"}));
  EXPECT_EQ(inv.supporting_documents[1].reference, "EXT-1");
  EXPECT_EQ(inv.supporting_documents[1].external_location, "https://example.com/doc");
  EXPECT_TRUE(inv.supporting_documents[1].attachment.empty());
}

TEST(UblReader, ReadsBg4SellerWithSchemeLessBt29IdentifiersFirst) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:AccountingSupplierParty><cac:Party>
      <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
      <cac:PartyIdentification><cbc:ID schemeID="0088">7350000001204</cbc:ID></cac:PartyIdentification>
      <cac:PartyIdentification><cbc:ID>Bilateral-1</cbc:ID></cac:PartyIdentification>
      <cac:PartyIdentification><cbc:ID schemeID="0009">12345678900017</cbc:ID></cac:PartyIdentification>
      <cac:PartyIdentification><cbc:ID>Bilateral-2</cbc:ID></cac:PartyIdentification>
      <cac:PartyName><cbc:Name>Trading Name</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>1 rue de la Paix</cbc:StreetName><cbc:AdditionalStreetName>Bât. B</cbc:AdditionalStreetName>
        <cbc:CityName>Paris</cbc:CityName><cbc:PostalZone>75002</cbc:PostalZone>
        <cbc:CountrySubentity>Île-de-France</cbc:CountrySubentity>
        <cac:AddressLine><cbc:Line>3e étage</cbc:Line></cac:AddressLine>
        <cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity><cbc:RegistrationName>Seller SAS</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">123456789</cbc:CompanyID>
        <cbc:CompanyLegalForm>SAS au capital de 10 000 EUR</cbc:CompanyLegalForm></cac:PartyLegalEntity>
      <cac:Contact><cbc:Name>Jeanne Martin</cbc:Name><cbc:Telephone>+33 1 23 45 67 89</cbc:Telephone>
        <cbc:ElectronicMail>jeanne@seller.example</cbc:ElectronicMail></cac:Contact>
    </cac:Party></cac:AccountingSupplierParty>)"));
  const Seller& s = inv.seller;
  EXPECT_EQ(s.name, "Seller SAS");
  EXPECT_EQ(s.trading_name, "Trading Name");
  ASSERT_EQ(s.identifiers.size(), 4u);
  EXPECT_EQ(s.identifiers[0], (Identifier{"Bilateral-1", ""}));
  EXPECT_EQ(s.identifiers[1], (Identifier{"Bilateral-2", ""}));
  EXPECT_EQ(s.identifiers[2], (Identifier{"7350000001204", "0088"}));
  EXPECT_EQ(s.identifiers[3], (Identifier{"12345678900017", "0009"}));
  EXPECT_EQ(s.legal_registration_id, (Identifier{"123456789", "0002"}));
  EXPECT_EQ(s.additional_legal_info, "SAS au capital de 10 000 EUR");
  EXPECT_EQ(s.electronic_address, (Identifier{"7300010000001", "0088"}));
  EXPECT_EQ(s.postal_address,
            (Address{"1 rue de la Paix", "Bât. B", "3e étage", "Paris", "75002", "Île-de-France", "FR"}));
  EXPECT_EQ(s.contact, (Contact{"Jeanne Martin", "+33 1 23 45 67 89", "jeanne@seller.example"}));
}

TEST(UblReader, ReadsBt31VatIdAndBt32TaxRegistrationByTaxScheme) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:AccountingSupplierParty><cac:Party>
      <cac:PartyTaxScheme><cbc:CompanyID>SE5560000001</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>Tax</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
      <cac:PartyTaxScheme><cbc:CompanyID>SE556000000101</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID> vat </cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
    </cac:Party></cac:AccountingSupplierParty>)"));
  EXPECT_EQ(inv.seller.vat_id, "SE556000000101");
  EXPECT_EQ(inv.seller.tax_registration_id, "SE5560000001");
}

TEST(UblReader, ReadsBt90CreditorIdFromASepaPartyIdentificationNotAsBt29) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:AccountingSupplierParty><cac:Party>
      <cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>
      <cac:PartyIdentification><cbc:ID>S-1</cbc:ID></cac:PartyIdentification>
    </cac:Party></cac:AccountingSupplierParty>)"));
  EXPECT_EQ(inv.payment_instructions.direct_debit.creditor_id, "DE98ZZZ09999999999");
  ASSERT_EQ(inv.seller.identifiers.size(), 1u);
  EXPECT_EQ(inv.seller.identifiers[0].value, "S-1");
}

TEST(UblReader, ReadsBg7Buyer) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:AccountingCustomerParty><cac:Party>
      <cbc:EndpointID schemeID="EM">ap@buyer.example</cbc:EndpointID>
      <cac:PartyIdentification><cbc:ID schemeID="0088">5790000435968</cbc:ID></cac:PartyIdentification>
      <cac:PartyName><cbc:Name>Buyer Shop</cbc:Name></cac:PartyName>
      <cac:PostalAddress><cbc:CityName>Lyon</cbc:CityName><cbc:PostalZone>69001</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
      <cac:PartyTaxScheme><cbc:CompanyID>FR32123456789</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
      <cac:PartyLegalEntity><cbc:RegistrationName>Buyer SA</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">987654321</cbc:CompanyID></cac:PartyLegalEntity>
      <cac:Contact><cbc:Name>Compta</cbc:Name></cac:Contact>
    </cac:Party></cac:AccountingCustomerParty>)"));
  const Buyer& b = inv.buyer;
  EXPECT_EQ(b.name, "Buyer SA");
  EXPECT_EQ(b.trading_name, "Buyer Shop");
  EXPECT_EQ(b.identifier, (Identifier{"5790000435968", "0088"}));
  EXPECT_EQ(b.legal_registration_id, (Identifier{"987654321", "0002"}));
  EXPECT_EQ(b.vat_id, "FR32123456789");
  EXPECT_EQ(b.electronic_address, (Identifier{"ap@buyer.example", "EM"}));
  EXPECT_EQ(b.postal_address.city, "Lyon");
  EXPECT_EQ(b.postal_address.post_code, "69001");
  EXPECT_EQ(b.postal_address.country_code, "FR");
  EXPECT_EQ(b.contact.point, "Compta");
}

TEST(UblReader, ReadsBg10PayeeAndBt90FromItsSepaIdentifier) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:PayeeParty>
      <cac:PartyIdentification><cbc:ID schemeID="0088">7350053850019</cbc:ID></cac:PartyIdentification>
      <cac:PartyIdentification><cbc:ID schemeID="SEPA">FR12ZZZ123456</cbc:ID></cac:PartyIdentification>
      <cac:PartyName><cbc:Name>Factor SA</cbc:Name></cac:PartyName>
      <cac:PartyLegalEntity><cbc:CompanyID schemeID="0002">555666777</cbc:CompanyID></cac:PartyLegalEntity>
    </cac:PayeeParty>)"));
  EXPECT_EQ(inv.payee.name, "Factor SA");
  EXPECT_EQ(inv.payee.identifier, (Identifier{"7350053850019", "0088"}));
  EXPECT_EQ(inv.payee.legal_registration_id, (Identifier{"555666777", "0002"}));
  EXPECT_EQ(inv.payment_instructions.direct_debit.creditor_id, "FR12ZZZ123456");
}

TEST(UblReader, ReadsBg11TaxRepresentative) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:TaxRepresentativeParty>
      <cac:PartyName><cbc:Name>Tax Rep Ltd</cbc:Name></cac:PartyName>
      <cac:PostalAddress><cbc:StreetName>Rep Street 1</cbc:StreetName>
        <cac:Country><cbc:IdentificationCode>BE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
      <cac:PartyTaxScheme><cbc:CompanyID>BE0123456789</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
    </cac:TaxRepresentativeParty>)"));
  const TaxRepresentative& tr = inv.tax_representative;
  EXPECT_EQ(tr.name, "Tax Rep Ltd");
  EXPECT_EQ(tr.vat_id, "BE0123456789");
  EXPECT_EQ(tr.postal_address.line_one, "Rep Street 1");
  EXPECT_EQ(tr.postal_address.country_code, "BE");
}

TEST(UblReader, ReadsBg13DeliveryWithBg15Address) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:Delivery>
      <cbc:ActualDeliveryDate>2026-11-20</cbc:ActualDeliveryDate>
      <cac:DeliveryLocation><cbc:ID schemeID="0088">7350000001211</cbc:ID>
        <cac:Address><cbc:CityName>Nantes</cbc:CityName>
          <cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:Address>
      </cac:DeliveryLocation>
      <cac:DeliveryParty><cac:PartyName><cbc:Name>Warehouse 3</cbc:Name></cac:PartyName></cac:DeliveryParty>
    </cac:Delivery>)"));
  const Delivery& del = inv.delivery;
  EXPECT_EQ(del.actual_delivery_date, date("2026-11-20"));
  EXPECT_EQ(del.location_id, (Identifier{"7350000001211", "0088"}));
  EXPECT_EQ(del.deliver_to.city, "Nantes");
  EXPECT_EQ(del.deliver_to.country_code, "FR");
  EXPECT_EQ(del.deliver_to_name, "Warehouse 3");
}

TEST(UblReader, ReadsBg16AndBg17AcrossSeveralPaymentMeans) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:PaymentMeans><cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>
      <cbc:PaymentID>REF-77</cbc:PaymentID>
      <cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID><cbc:Name>Seller SAS</cbc:Name>
        <cac:FinancialInstitutionBranch><cbc:ID>AGRIFRPP</cbc:ID></cac:FinancialInstitutionBranch>
      </cac:PayeeFinancialAccount></cac:PaymentMeans>
    <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cbc:PaymentID>OTHER</cbc:PaymentID>
      <cac:PayeeFinancialAccount><cbc:ID>DE89370400440532013000</cbc:ID></cac:PayeeFinancialAccount>
    </cac:PaymentMeans>)"));
  const PaymentInstructions& pi = inv.payment_instructions;
  EXPECT_EQ(pi.means_code, "30");
  EXPECT_EQ(pi.means_text, "Credit transfer");
  EXPECT_EQ(pi.remittance_information, "REF-77");
  ASSERT_EQ(pi.credit_transfers.size(), 2u);
  EXPECT_EQ(pi.credit_transfers[0],
            (CreditTransfer{"FR7630006000011234567890189", "Seller SAS", "AGRIFRPP"}));
  EXPECT_EQ(pi.credit_transfers[1], (CreditTransfer{"DE89370400440532013000", "", ""}));
}

TEST(UblReader, ReadsBg18PaymentCardAndBg19DirectDebit) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>
      <cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID>
        <cbc:NetworkID>VISA</cbc:NetworkID><cbc:HolderName>J Doe</cbc:HolderName></cac:CardAccount>
      <cac:PaymentMandate><cbc:ID>MANDATE-1</cbc:ID>
        <cac:PayerFinancialAccount><cbc:ID>DE02120300000000202051</cbc:ID></cac:PayerFinancialAccount>
      </cac:PaymentMandate></cac:PaymentMeans>)"));
  const PaymentInstructions& pi = inv.payment_instructions;
  EXPECT_EQ(pi.card, (PaymentCard{"1234", "J Doe"}));
  EXPECT_EQ(pi.direct_debit.mandate_reference, "MANDATE-1");
  EXPECT_EQ(pi.direct_debit.debited_account_id, "DE02120300000000202051");
  EXPECT_TRUE(pi.credit_transfers.empty());
}

TEST(UblReader, ReadsBt20PaymentTermsJoinedByNewlines) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:PaymentTerms><cbc:Note>30 days net</cbc:Note></cac:PaymentTerms>
    <cac:PaymentTerms><cbc:Note>2 % discount within 10 days</cbc:Note></cac:PaymentTerms>)"));
  EXPECT_EQ(inv.payment_terms, "30 days net\n2 % discount within 10 days");
}

TEST(UblReader, ReadsBg20AllowancesAndBg21ChargesByChargeIndicator) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>
      <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
      <cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>
      <cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>
      <cbc:Amount currencyID="EUR">20.00</cbc:Amount><cbc:BaseAmount currencyID="EUR">200.00</cbc:BaseAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>
    <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>
      <cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>
      <cbc:Amount currencyID="EUR">5.5</cbc:Amount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>5.5</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>)"));
  ASSERT_EQ(inv.allowances.size(), 1u);
  ASSERT_EQ(inv.charges.size(), 1u);
  const DocumentAllowanceCharge& a = inv.allowances[0];
  EXPECT_EQ(a.amount->to_string(), "20.00");
  EXPECT_EQ(a.base_amount, d("200"));
  EXPECT_EQ(a.percentage, d("10"));
  EXPECT_EQ(a.vat_category_code, "S");
  EXPECT_EQ(a.vat_rate, d("20"));
  EXPECT_EQ(a.reason, "Discount");
  EXPECT_EQ(a.reason_code, "95");
  const DocumentAllowanceCharge& c = inv.charges[0];
  EXPECT_EQ(c.amount->to_string(), "5.5");
  EXPECT_FALSE(c.base_amount);
  EXPECT_FALSE(c.percentage);
  EXPECT_EQ(c.reason_code, "FC");
  EXPECT_EQ(c.vat_rate, d("5.5"));
}

TEST(UblReader, ReadsBt110AndBg23FromTheDocumentCurrencyAndBt111FromTheTaxCurrency) {
  // The tax currency total comes first on purpose: the currency decides, not the order.
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>
    <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">249</cbc:TaxAmount></cac:TaxTotal>
    <cac:TaxTotal><cbc:TaxAmount currencyID="SEK">2500</cbc:TaxAmount>
      <cac:TaxSubtotal><cbc:TaxableAmount currencyID="SEK">10000</cbc:TaxableAmount>
        <cbc:TaxAmount currencyID="SEK">2500</cbc:TaxAmount>
        <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent>
          <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
      <cac:TaxSubtotal><cbc:TaxableAmount currencyID="SEK">0</cbc:TaxableAmount>
        <cbc:TaxAmount currencyID="SEK">0</cbc:TaxAmount>
        <cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent>
          <cbc:TaxExemptionReasonCode>VATEX-EU-132-1G</cbc:TaxExemptionReasonCode>
          <cbc:TaxExemptionReason>Article 132</cbc:TaxExemptionReason>
          <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
    </cac:TaxTotal>)"));
  EXPECT_EQ(inv.totals.total_vat, d("2500"));
  EXPECT_EQ(inv.totals.total_vat_in_tax_currency, d("249"));
  ASSERT_EQ(inv.vat_breakdown.size(), 2u);
  EXPECT_EQ(inv.vat_breakdown[0].taxable_amount, d("10000"));
  EXPECT_EQ(inv.vat_breakdown[0].tax_amount, d("2500"));
  EXPECT_EQ(inv.vat_breakdown[0].category_code, "S");
  EXPECT_EQ(inv.vat_breakdown[0].rate, d("25"));
  EXPECT_EQ(inv.vat_breakdown[1].category_code, "E");
  EXPECT_EQ(inv.vat_breakdown[1].exemption_reason_code, "VATEX-EU-132-1G");
  EXPECT_EQ(inv.vat_breakdown[1].exemption_reason, "Article 132");
}

TEST(UblReader, ReadsBg22DocumentTotalsKeepingTheirScale) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:LegalMonetaryTotal>
      <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
      <cbc:TaxExclusiveAmount currencyID="EUR">90.00</cbc:TaxExclusiveAmount>
      <cbc:TaxInclusiveAmount currencyID="EUR">108.00</cbc:TaxInclusiveAmount>
      <cbc:AllowanceTotalAmount currencyID="EUR">15.00</cbc:AllowanceTotalAmount>
      <cbc:ChargeTotalAmount currencyID="EUR">5.00</cbc:ChargeTotalAmount>
      <cbc:PrepaidAmount currencyID="EUR">8.00</cbc:PrepaidAmount>
      <cbc:PayableRoundingAmount currencyID="EUR">0.01</cbc:PayableRoundingAmount>
      <cbc:PayableAmount currencyID="EUR">100.01</cbc:PayableAmount>
    </cac:LegalMonetaryTotal>)"));
  const DocumentTotals& t = inv.totals;
  EXPECT_EQ(t.sum_of_line_net_amounts->to_string(), "100.00");
  EXPECT_EQ(t.total_without_vat, d("90"));
  EXPECT_EQ(t.total_with_vat, d("108"));
  EXPECT_EQ(t.sum_of_allowances, d("15"));
  EXPECT_EQ(t.sum_of_charges, d("5"));
  EXPECT_EQ(t.paid_amount, d("8"));
  EXPECT_EQ(t.rounding_amount, d("0.01"));
  EXPECT_EQ(t.payable_amount->to_string(), "100.01");
}

TEST(UblReader, ReadsBg25InvoiceLineWithBg26Bg27Bg28) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:InvoiceLine>
      <cbc:ID>10</cbc:ID>
      <cbc:Note>Line note</cbc:Note>
      <cbc:InvoicedQuantity unitCode="HUR">7.5</cbc:InvoicedQuantity>
      <cbc:LineExtensionAmount currencyID="EUR">712.50</cbc:LineExtensionAmount>
      <cbc:AccountingCost>ACC-LINE</cbc:AccountingCost>
      <cac:InvoicePeriod><cbc:StartDate>2026-11-01</cbc:StartDate><cbc:EndDate>2026-11-07</cbc:EndDate></cac:InvoicePeriod>
      <cac:OrderLineReference><cbc:LineID>PO-LINE-3</cbc:LineID></cac:OrderLineReference>
      <cac:DocumentReference><cbc:ID schemeID="ABZ">OBJ-1</cbc:ID>
        <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference>
      <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>
        <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
        <cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>
        <cbc:MultiplierFactorNumeric>5</cbc:MultiplierFactorNumeric>
        <cbc:Amount currencyID="EUR">37.50</cbc:Amount><cbc:BaseAmount currencyID="EUR">750.00</cbc:BaseAmount>
      </cac:AllowanceCharge>
      <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>
        <cbc:AllowanceChargeReason>Travel</cbc:AllowanceChargeReason>
        <cbc:Amount currencyID="EUR">0.00</cbc:Amount></cac:AllowanceCharge>
      <cac:Item><cbc:Name>Consulting</cbc:Name>
        <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent>
          <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
      <cac:Price><cbc:PriceAmount currencyID="EUR">95.00</cbc:PriceAmount></cac:Price>
    </cac:InvoiceLine>)"));
  ASSERT_EQ(inv.lines.size(), 1u);
  const InvoiceLine& l = inv.lines[0];
  EXPECT_EQ(l.id, "10");
  EXPECT_EQ(l.note, "Line note");
  EXPECT_EQ(l.quantity, d("7.5"));
  EXPECT_EQ(l.unit_code, "HUR");
  EXPECT_EQ(l.net_amount->to_string(), "712.50");
  EXPECT_EQ(l.buyer_accounting_reference, "ACC-LINE");
  EXPECT_EQ(l.period.start, date("2026-11-01"));
  EXPECT_EQ(l.period.end, date("2026-11-07"));
  EXPECT_EQ(l.order_line_reference, "PO-LINE-3");
  EXPECT_EQ(l.object_identifier, (Identifier{"OBJ-1", "ABZ"}));
  ASSERT_EQ(l.allowances.size(), 1u);
  EXPECT_EQ(l.allowances[0], (LineAllowanceCharge{d("37.50"), d("750.00"), d("5"), "Discount", "95"}));
  ASSERT_EQ(l.charges.size(), 1u);
  EXPECT_EQ(l.charges[0].reason, "Travel");
  EXPECT_EQ(l.vat_category_code, "S");
  EXPECT_EQ(l.vat_rate, d("20"));
  EXPECT_EQ(l.price.net_price, d("95"));
}

TEST(UblReader, ReadsBg25CreditNoteLineWithItsCreditedQuantity) {
  const Invoice inv = read_clean(credit_note(R"(<cbc:ID>1</cbc:ID>
    <cac:CreditNoteLine><cbc:ID>1</cbc:ID><cbc:CreditedQuantity unitCode="C62">-2</cbc:CreditedQuantity>
      <cbc:LineExtensionAmount currencyID="EUR">-20.00</cbc:LineExtensionAmount>
      <cac:Item><cbc:Name>Returned item</cbc:Name></cac:Item></cac:CreditNoteLine>
    <cac:InvoiceLine><cbc:ID>ignored</cbc:ID></cac:InvoiceLine>)"));
  ASSERT_EQ(inv.lines.size(), 1u);
  EXPECT_EQ(inv.lines[0].quantity, d("-2"));
  EXPECT_EQ(inv.lines[0].unit_code, "C62");
  EXPECT_EQ(inv.lines[0].net_amount, d("-20"));
  EXPECT_EQ(inv.lines[0].item.name, "Returned item");
}

TEST(UblReader, ReadsBg31ItemWithBt158ClassificationsAndBg32Attributes) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:InvoiceLine><cbc:ID>1</cbc:ID>
      <cac:Item>
        <cbc:Description>Universal product, option X</cbc:Description>
        <cbc:Name>Universal product</cbc:Name>
        <cac:BuyersItemIdentification><cbc:ID>B-1</cbc:ID></cac:BuyersItemIdentification>
        <cac:SellersItemIdentification><cbc:ID>S-1</cbc:ID></cac:SellersItemIdentification>
        <cac:StandardItemIdentification><cbc:ID schemeID="0160">17350053850016</cbc:ID></cac:StandardItemIdentification>
        <cac:OriginCountry><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:OriginCountry>
        <cac:CommodityClassification>
          <cbc:ItemClassificationCode listID="STI" listVersionID="19.0501">65434568</cbc:ItemClassificationCode>
        </cac:CommodityClassification>
        <cac:CommodityClassification><cbc:ItemClassificationCode listID="CG">SST3242</cbc:ItemClassificationCode>
        </cac:CommodityClassification>
        <cac:ClassifiedTaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent>
          <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
        <cac:AdditionalItemProperty><cbc:Name>Colour</cbc:Name><cbc:Value>Black</cbc:Value></cac:AdditionalItemProperty>
        <cac:AdditionalItemProperty><cbc:Name>Density</cbc:Name><cbc:Value>2.33</cbc:Value></cac:AdditionalItemProperty>
      </cac:Item>
    </cac:InvoiceLine>)"));
  ASSERT_EQ(inv.lines.size(), 1u);
  const Item& it = inv.lines[0].item;
  EXPECT_EQ(it.name, "Universal product");
  EXPECT_EQ(it.description, "Universal product, option X");
  EXPECT_EQ(it.buyers_id, "B-1");
  EXPECT_EQ(it.sellers_id, "S-1");
  EXPECT_EQ(it.standard_id, (Identifier{"17350053850016", "0160"}));
  EXPECT_EQ(it.origin_country, "SE");
  ASSERT_EQ(it.classifications.size(), 2u);
  EXPECT_EQ(it.classifications[0], (ItemClassification{"65434568", "STI", "19.0501"}));
  EXPECT_EQ(it.classifications[1], (ItemClassification{"SST3242", "CG", ""}));
  ASSERT_EQ(it.attributes.size(), 2u);
  EXPECT_EQ(it.attributes[1], (ItemAttribute{"Density", "2.33"}));
  EXPECT_EQ(inv.lines[0].vat_category_code, "Z");
  EXPECT_EQ(inv.lines[0].vat_rate, d("0"));
}

TEST(UblReader, ReadsBg29PriceDetailsWithGrossPriceAndDiscount) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:InvoiceLine><cbc:ID>1</cbc:ID>
      <cac:Price><cbc:PriceAmount currencyID="EUR">19.50</cbc:PriceAmount>
        <cbc:BaseQuantity unitCode="MTR">10</cbc:BaseQuantity>
        <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator>
          <cbc:Amount currencyID="EUR">0.50</cbc:Amount><cbc:BaseAmount currencyID="EUR">20.00</cbc:BaseAmount>
        </cac:AllowanceCharge></cac:Price>
    </cac:InvoiceLine>)"));
  ASSERT_EQ(inv.lines.size(), 1u);
  const PriceDetails& p = inv.lines[0].price;
  EXPECT_EQ(p.net_price, d("19.50"));
  EXPECT_EQ(p.price_discount, d("0.50"));
  EXPECT_EQ(p.gross_price, d("20.00"));
  EXPECT_EQ(p.base_quantity, d("10"));
  EXPECT_EQ(p.base_quantity_unit_code, "MTR");
}

TEST(UblReader, ReadsBt128LineObjectIdentifierWhenTheTypeCodeIsLeftOut) {
  const Invoice inv = read_clean(invoice(R"(<cbc:ID>1</cbc:ID>
    <cac:InvoiceLine><cbc:ID>1</cbc:ID>
      <cac:DocumentReference><cbc:ID>Object2</cbc:ID></cac:DocumentReference></cac:InvoiceLine>
    <cac:InvoiceLine><cbc:ID>2</cbc:ID>
      <cac:DocumentReference><cbc:ID>Other</cbc:ID><cbc:DocumentTypeCode>916</cbc:DocumentTypeCode>
      </cac:DocumentReference></cac:InvoiceLine>)"));
  ASSERT_EQ(inv.lines.size(), 2u);
  EXPECT_EQ(inv.lines[0].object_identifier, (Identifier{"Object2", ""}));
  EXPECT_TRUE(inv.lines[1].object_identifier.empty());
}

TEST(UblReader, MatchesNamespacesByUriWhateverThePrefixes) {
  const Invoice inv =
      read_clean(R"(<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
      xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
      xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
    <cbc:ID xmlns:cbc="urn:example:other">not the number</cbc:ID>
    <b:ID>P-1</b:ID>
    <a:AccountingSupplierParty><a:Party><a:PartyLegalEntity><b:RegistrationName>Prefixed</b:RegistrationName>
    </a:PartyLegalEntity></a:Party></a:AccountingSupplierParty>
  </ubl:Invoice>)");
  EXPECT_EQ(inv.number, "P-1");
  EXPECT_EQ(inv.seller.name, "Prefixed");
}

TEST(UblReader, IgnoresUnknownElementsAndExtensions) {
  const Invoice inv = read_clean(invoice(R"(
    <ext:UBLExtensions xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
      <ext:UBLExtension><ext:ExtensionContent><cbc:ID>EXT</cbc:ID></ext:ExtensionContent></ext:UBLExtension>
    </ext:UBLExtensions>
    <cbc:ID>REAL</cbc:ID>
    <cbc:IssueTime>12:00:00</cbc:IssueTime>
    <cbc:SomethingNew>x</cbc:SomethingNew>
    <cac:Signature><cbc:ID>sig</cbc:ID></cac:Signature>)"));
  EXPECT_EQ(inv.number, "REAL");
}

TEST(UblReader, IsWhatReadInvoiceUsesForUblInput) {
  const auto r = read_invoice(
      credit_note("<cbc:ID>CN-9</cbc:ID><cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"), "cn.xml");
  ASSERT_TRUE(r.value);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.value->source_syntax, Syntax::ubl_credit_note);
  EXPECT_EQ(r.value->number, "CN-9");
}
