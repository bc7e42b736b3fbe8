// Focused CII reader tests, one business term or group each, on small inline documents.

#include <gtest/gtest.h>

#include "relance/formats/cii.hpp"
#include "relance/formats/ingest.hpp"

using namespace relance::formats;

namespace {

// A CII skeleton: `body` goes inside SupplyChainTradeTransaction, `doc` inside ExchangedDocument.
std::string cii(const std::string& body, const std::string& doc = "", const std::string& prefix = "ram") {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:)" +
         prefix +
         R"(="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100">
<rsm:ExchangedDocument><)" +
         prefix + ":ID>INV-1</" + prefix + ":ID>" + doc + R"(</rsm:ExchangedDocument>
<rsm:SupplyChainTradeTransaction>)" +
         body + R"(</rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>)";
}

Invoice read_ok(const std::string& xml) {
  auto r = read_cii(xml, "t.xml");
  EXPECT_TRUE(r.value);
  for (const auto& d : r.diagnostics.items()) ADD_FAILURE() << relance::format_diagnostic(d);
  return r.value.value_or(Invoice{});
}

}  // namespace

TEST(CiiReader, ReadsBt1NumberWhateverThePrefix) {
  EXPECT_EQ(read_ok(cii("", "", "x")).number, "INV-1");
}

TEST(CiiReader, ResolvesNamespacesByUriNotByPrefix) {
  // Same local names in a foreign namespace must not be taken for CII elements.
  const std::string xml =
      R"(<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:example:not-cii">
<rsm:ExchangedDocument><ram:ID>NOT-THIS</ram:ID>
<c:ID xmlns:c="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">THIS</c:ID>
</rsm:ExchangedDocument></rsm:CrossIndustryInvoice>)";
  EXPECT_EQ(read_ok(xml).number, "THIS");
}

TEST(CiiReader, ReadsBt2IssueDateAndBt3TypeCode) {
  const Invoice inv = read_ok(cii("", R"(<ram:TypeCode>381</ram:TypeCode>
<ram:IssueDateTime><udt:DateTimeString format="102">20261123</udt:DateTimeString></ram:IssueDateTime>)"));
  ASSERT_TRUE(inv.issue_date);
  EXPECT_EQ(inv.issue_date->to_iso(), "2026-11-23");
  EXPECT_EQ(inv.type_code, "381");
  EXPECT_TRUE(inv.is_credit_note());
}

TEST(CiiReader, ReadsBg1NotesWithSubjectCode) {
  const Invoice inv =
      read_ok(cii("", R"(<ram:IncludedNote><ram:Content>Pénalités : 3 × taux légal</ram:Content>
<ram:SubjectCode>PMD</ram:SubjectCode></ram:IncludedNote><ram:IncludedNote><ram:Content>Second</ram:Content></ram:IncludedNote>)"));
  ASSERT_EQ(inv.notes.size(), 2u);
  EXPECT_EQ(inv.notes[0].subject_code, "PMD");
  EXPECT_EQ(inv.notes[0].text, "Pénalités : 3 × taux légal");
  EXPECT_EQ(inv.notes[1].subject_code, "");
}

TEST(CiiReader, ReadsBg15DeliverToAndBt72DeliveryDate) {
  const Invoice inv = read_ok(cii(R"(<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty>
<ram:GlobalID schemeID="0088">5790000436057</ram:GlobalID><ram:Name>Dépôt Nord</ram:Name>
<ram:PostalTradeAddress><ram:PostcodeCode>59000</ram:PostcodeCode><ram:LineOne>1 rue du Port</ram:LineOne>
<ram:CityName>Lille</ram:CityName><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:ShipToTradeParty>
<ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20261120</udt:DateTimeString>
</ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent></ram:ApplicableHeaderTradeDelivery>)"));
  EXPECT_EQ(inv.delivery.deliver_to_name, "Dépôt Nord");
  EXPECT_EQ(inv.delivery.location_id.value, "5790000436057");
  EXPECT_EQ(inv.delivery.location_id.scheme, "0088");
  EXPECT_EQ(inv.delivery.deliver_to.city, "Lille");
  EXPECT_EQ(inv.delivery.deliver_to.post_code, "59000");
  ASSERT_TRUE(inv.delivery.actual_delivery_date);
  EXPECT_EQ(inv.delivery.actual_delivery_date->to_iso(), "2026-11-20");
}

TEST(CiiReader, ReadsBt8TaxPointCodeAsUntdid2005AndBt111InTaxCurrency) {
  const Invoice inv = read_ok(cii(R"(<ram:ApplicableHeaderTradeSettlement>
<ram:TaxCurrencyCode>DKK</ram:TaxCurrencyCode><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
<ram:ApplicableTradeTax><ram:CalculatedAmount>20.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
<ram:BasisAmount>100.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:DueDateTypeCode>29</ram:DueDateTypeCode>
<ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount>
<ram:TaxTotalAmount currencyID="DKK">149.20</ram:TaxTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>
</ram:ApplicableHeaderTradeSettlement>)"));
  EXPECT_EQ(inv.tax_point_date_code, "35");  // CII 29 (date of delivery) is UNTDID 2005 code 35
  EXPECT_EQ(inv.totals.total_vat->to_string(), "20.00");
  EXPECT_EQ(inv.totals.total_vat_in_tax_currency->to_string(), "149.20");
  const std::string written = write_cii(inv);
  EXPECT_NE(written.find("<ram:DueDateTypeCode>29</ram:DueDateTypeCode>"), std::string::npos);
}

TEST(CiiReader, ReadsBg16PaymentMeansWithSeveralAccounts) {
  const Invoice inv = read_ok(cii(
      R"(<ram:ApplicableHeaderTradeSettlement><ram:CreditorReferenceID>FR12ZZZ123456</ram:CreditorReferenceID>
<ram:PaymentReference>REM-7</ram:PaymentReference>
<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>
<ram:PayeePartyCreditorFinancialAccount><ram:IBANID>FR7630006000011234567890189</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
<ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>AGRIFRPP</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>
</ram:SpecifiedTradeSettlementPaymentMeans><ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>
<ram:PayeePartyCreditorFinancialAccount><ram:ProprietaryID>12345</ram:ProprietaryID></ram:PayeePartyCreditorFinancialAccount>
</ram:SpecifiedTradeSettlementPaymentMeans>
<ram:SpecifiedTradePaymentTerms><ram:DirectDebitMandateID>MANDATE-1</ram:DirectDebitMandateID></ram:SpecifiedTradePaymentTerms>
</ram:ApplicableHeaderTradeSettlement>)"));
  const auto& pi = inv.payment_instructions;
  EXPECT_EQ(pi.means_code, "58");
  EXPECT_EQ(pi.remittance_information, "REM-7");
  ASSERT_EQ(pi.credit_transfers.size(), 2u);
  EXPECT_EQ(pi.credit_transfers[0].account_id, "FR7630006000011234567890189");
  EXPECT_EQ(pi.credit_transfers[0].service_provider_id, "AGRIFRPP");
  EXPECT_EQ(pi.credit_transfers[1].account_id, "12345");
  EXPECT_EQ(pi.direct_debit.creditor_id, "FR12ZZZ123456");
  EXPECT_EQ(pi.direct_debit.mandate_reference, "MANDATE-1");
}

TEST(CiiReader, ReadsBg25LineWithPriceDetailsAllowanceAndAttributes) {
  const Invoice inv = read_ok(cii(R"(<ram:IncludedSupplyChainTradeLineItem>
<ram:AssociatedDocumentLineDocument><ram:LineID>7</ram:LineID><ram:IncludedNote><ram:Content>fragile</ram:Content></ram:IncludedNote></ram:AssociatedDocumentLineDocument>
<ram:SpecifiedTradeProduct><ram:GlobalID schemeID="0160">4012345678901</ram:GlobalID><ram:Name>Vis</ram:Name>
<ram:ApplicableProductCharacteristic><ram:Description>Couleur</ram:Description><ram:Value>Noir</ram:Value></ram:ApplicableProductCharacteristic>
<ram:DesignatedProductClassification><ram:ClassCode listID="STI" listVersionID="1">0815</ram:ClassCode></ram:DesignatedProductClassification>
<ram:OriginTradeCountry><ram:ID>DE</ram:ID></ram:OriginTradeCountry></ram:SpecifiedTradeProduct>
<ram:SpecifiedLineTradeAgreement><ram:GrossPriceProductTradePrice><ram:ChargeAmount>10.0000</ram:ChargeAmount>
<ram:BasisQuantity unitCode="C62">100</ram:BasisQuantity>
<ram:AppliedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1.0000</ram:ActualAmount></ram:AppliedTradeAllowanceCharge>
</ram:GrossPriceProductTradePrice><ram:NetPriceProductTradePrice><ram:ChargeAmount>9.0000</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">250</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>19</ram:RateApplicablePercent></ram:ApplicableTradeTax>
<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>2.50</ram:ActualAmount><ram:Reason>Remise</ram:Reason></ram:SpecifiedTradeAllowanceCharge>
<ram:SpecifiedTradeAllowanceCharge><ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator><ram:ActualAmount>1.00</ram:ActualAmount></ram:SpecifiedTradeAllowanceCharge>
<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>21.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>)"));
  ASSERT_EQ(inv.lines.size(), 1u);
  const InvoiceLine& l = inv.lines[0];
  EXPECT_EQ(l.id, "7");
  EXPECT_EQ(l.note, "fragile");
  EXPECT_EQ(l.item.standard_id.scheme, "0160");
  EXPECT_EQ(l.item.attributes.at(0).name, "Couleur");
  EXPECT_EQ(l.item.classifications.at(0).scheme, "STI");
  EXPECT_EQ(l.item.origin_country, "DE");
  EXPECT_EQ(l.price.gross_price->to_string(), "10.0000");
  EXPECT_EQ(l.price.price_discount->to_string(), "1.0000");
  EXPECT_EQ(l.price.net_price->to_string(), "9.0000");
  EXPECT_EQ(l.price.base_quantity->to_string(), "100");
  EXPECT_EQ(l.quantity->to_string(), "250");
  ASSERT_EQ(l.allowances.size(), 1u);
  ASSERT_EQ(l.charges.size(), 1u);
  EXPECT_EQ(l.allowances[0].reason, "Remise");
  EXPECT_EQ(l.vat_rate->to_string(), "19");
}

TEST(CiiReader, MalformedXmlNamesFileLineAndColumn) {
  auto r = read_cii("<?xml version=\"1.0\"?>\n<a>\n  <b></c>\n</a>", "broken.xml");
  EXPECT_FALSE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.rule_id, "RL-XML-001");
  EXPECT_EQ(d.where.source, "broken.xml");
  EXPECT_EQ(d.where.line, 3u);
  EXPECT_EQ(d.where.column, 8u);  // the name of the closing tag that does not match
}

TEST(CiiReader, BadAmountIsADiagnosticWithPathAndTerm) {
  auto r = read_cii(
      cii(R"(<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeSettlementHeaderMonetarySummation>
<ram:DuePayableAmount>12,50</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement>)"),
      "t.xml");
  ASSERT_TRUE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const auto& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.rule_id, "RL-XML-003");
  EXPECT_EQ(d.business_term, "BT-115");
  EXPECT_EQ(d.where.path,
            "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
            "ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount");
  EXPECT_EQ(d.where.line, 5u);
  EXPECT_FALSE(r.value->totals.payable_amount);
}

TEST(CiiReader, ImpossibleDateIsADiagnostic) {
  auto r = read_cii(
      cii("",
          R"(<ram:IssueDateTime><udt:DateTimeString format="102">20250229</udt:DateTimeString></ram:IssueDateTime>)"),
      "t.xml");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-XML-004");
  EXPECT_EQ(r.diagnostics.items()[0].business_term, "BT-2");
}

TEST(CiiReader, UnknownElementsAreIgnored) {
  const Invoice inv = read_ok(cii("<ram:SomethingNew><ram:ID>x</ram:ID></ram:SomethingNew>",
                                  "<ram:FutureElement>y</ram:FutureElement>"));
  EXPECT_EQ(inv.number, "INV-1");
}

TEST(CiiReader, WrongRootIsRl_Xml_002) {
  auto r = read_cii("<Invoice xmlns='urn:oasis:names:specification:ubl:schema:xsd:Invoice-2'/>", "t.xml");
  EXPECT_FALSE(r.value);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].rule_id, "RL-XML-002");
}
