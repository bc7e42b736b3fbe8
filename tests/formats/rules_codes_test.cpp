// Code list rules BR-CL-*: the artefacts' lists, the rules on the model (invoices not read from
// XML) and on the XML (what the readers judge), each silent on a valid invoice and firing, with
// its severity and path, once the invoice is changed in one place.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "../../formats/src/rules/code_lists.hpp"
#include "../samples/sample_invoice.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"

using namespace relance::formats;
using codes::CodeList;
using relance::Severity;

namespace {

// ------------------------------------------------------------------------------------------------
// On the model

Invoice sample() {
  return relance::samples::make_invoice(2);
}

std::vector<relance::Diagnostic> diagnostics_of(const Invoice& inv, std::string_view id) {
  ValidationOptions options;
  options.only_rules = {std::string(id)};
  return validate(inv, options).items();
}

void expect_silent(const Invoice& inv, std::string_view id) {
  for (const auto& found : diagnostics_of(inv, id))
    ADD_FAILURE() << id << " fired: " << found.where.path << ": " << found.message;
}

void expect_fires(const Invoice& inv, std::string_view id, std::string_view path) {
  const auto found = diagnostics_of(inv, id);
  ASSERT_EQ(found.size(), 1u) << id;
  EXPECT_EQ(found[0].rule_id, id);
  EXPECT_EQ(found[0].severity, Severity::fatal);
  EXPECT_EQ(found[0].where.path, path);
  EXPECT_FALSE(found[0].message.empty());
}

// One change to the sample invoice, which must pass before it and fail after it.
template <class Change>
void check(std::string_view id, Change change, std::string_view path) {
  Invoice inv = sample();
  expect_silent(inv, id);
  change(inv);
  expect_fires(inv, id, path);
}

// ------------------------------------------------------------------------------------------------
// On the XML

constexpr std::string_view ubl_namespaces =
    R"(xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" )"
    R"(xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2")";

std::string ubl(std::string_view body) {
  return std::string(R"(<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" )") +
         std::string(ubl_namespaces) + ">\n" + std::string(body) + "\n</Invoice>\n";
}

std::string ubl_credit_note(std::string_view body) {
  return std::string(R"(<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" )") +
         std::string(ubl_namespaces) + ">\n" + std::string(body) + "\n</CreditNote>\n";
}

std::string cii(std::string_view transaction, std::string_view document = {}) {
  return std::string(
             R"(<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" )"
             R"(xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" )"
             R"(xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">)"
             "\n<rsm:ExchangedDocument>") +
         std::string(document) + "</rsm:ExchangedDocument>\n<rsm:SupplyChainTradeTransaction>\n" +
         std::string(transaction) + "\n</rsm:SupplyChainTradeTransaction>\n</rsm:CrossIndustryInvoice>\n";
}

constexpr std::string_view tx = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction";

std::vector<relance::Diagnostic> read_findings(const std::string& xml, std::string_view id) {
  auto r = read_invoice(xml, "t.xml", {.syntax_rules = true});
  EXPECT_TRUE(r.value) << xml;
  std::vector<relance::Diagnostic> out;
  for (const auto& d : r.diagnostics.items())
    if (d.rule_id == id) out.push_back(d);
  // A document read from XML is judged by its reader only.
  if (r.value) {
    const relance::Diagnostics model = validate(*r.value);
    for (const auto& d : model.items()) EXPECT_FALSE(d.rule_id.starts_with("BR-CL-")) << d.rule_id;
  }
  return out;
}

void check_xml(std::string_view id, const std::string& passing, const std::string& failing,
               std::string_view path) {
  for (const auto& d : read_findings(passing, id))
    ADD_FAILURE() << id << " fired on the passing document: " << relance::format_diagnostic(d);
  const auto found = read_findings(failing, id);
  ASSERT_EQ(found.size(), 1u) << id << " on\n" << failing;
  EXPECT_EQ(found[0].severity, Severity::fatal);
  EXPECT_EQ(found[0].where.path, path);
  EXPECT_GT(found[0].where.line, 0u);
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// The lists

TEST(CodeLists, AreTheArtefactsLists) {
  EXPECT_EQ(codes::entries(CodeList::currency).size(), 178u);
  EXPECT_EQ(codes::entries(CodeList::country).size(), 252u);  // 250 shared, SS (UBL), AN (CII)
  EXPECT_EQ(codes::entries(CodeList::invoice_type).size(), 50u);
  EXPECT_EQ(codes::entries(CodeList::credit_note_type).size(), 13u);
  EXPECT_EQ(codes::entries(CodeList::object_scheme).size(), 818u);
  EXPECT_EQ(codes::entries(CodeList::note_subject).size(), 401u);
  EXPECT_EQ(codes::entries(CodeList::icd_scheme).size(), 243u);
  EXPECT_EQ(codes::entries(CodeList::eas_scheme).size(), 104u);
  EXPECT_EQ(codes::entries(CodeList::item_classification_scheme).size(), 185u);
  EXPECT_EQ(codes::entries(CodeList::payment_means).size(), 84u);
  EXPECT_EQ(codes::entries(CodeList::vat_category).size(), 10u);
  EXPECT_EQ(codes::entries(CodeList::allowance_reason).size(), 19u);
  EXPECT_EQ(codes::entries(CodeList::charge_reason).size(), 178u);
  EXPECT_EQ(codes::entries(CodeList::vatex).size(), 88u);
  EXPECT_EQ(codes::entries(CodeList::unit).size(), 2162u);
  EXPECT_EQ(codes::entries(CodeList::mime).size(), 6u);
  for (const auto* c : {"EUR", "XXX", "CHW"}) EXPECT_TRUE(codes::contains(CodeList::currency, c)) << c;
  for (const auto* c : {"1A", "XI", "FR"}) EXPECT_TRUE(codes::contains(CodeList::country, c)) << c;
  for (const auto* c : {"C62", "XYZ", "H87", "10"}) EXPECT_TRUE(codes::contains(CodeList::unit, c)) << c;
  EXPECT_TRUE(codes::contains(CodeList::credit_note_type, "81"));
  EXPECT_TRUE(codes::contains(CodeList::invoice_type, "81"));
  EXPECT_FALSE(codes::contains(CodeList::invoice_type, "381"));
  EXPECT_FALSE(codes::contains(CodeList::unit, "ZZ9"));
}

TEST(CodeLists, ListedFollowsNormalizeSpace) {
  EXPECT_TRUE(codes::listed(CodeList::currency, " EUR\n"));
  EXPECT_FALSE(codes::listed(CodeList::currency, "E UR"));
  EXPECT_FALSE(codes::listed(CodeList::currency, ""));
  EXPECT_FALSE(codes::listed(CodeList::currency, "eur"));
  EXPECT_TRUE(codes::listed_vatex(" vatex-eu-ic "));  // VATEX is compared upper-cased
  EXPECT_FALSE(codes::listed_vatex("VATEX EU IC"));
  EXPECT_TRUE(codes::listed_mime("application/pdf"));
  EXPECT_FALSE(codes::listed_mime(" application/pdf"));  // the MIME test is verbatim
}

TEST(CodeLists, EachSyntaxHasItsCountriesAndNoteSubjects) {
  EXPECT_TRUE(codes::listed_country("SS", Syntax::ubl_invoice));
  EXPECT_FALSE(codes::listed_country("SS", Syntax::cii));
  EXPECT_TRUE(codes::listed_country("AN", Syntax::cii));
  EXPECT_FALSE(codes::listed_country("AN", Syntax::ubl_credit_note));
  EXPECT_TRUE(codes::listed_country("AN", Syntax::unknown));
  // UBL searches the three characters in its list string; CII compares whole codes.
  EXPECT_TRUE(codes::listed_note_subject("AAI", Syntax::ubl_invoice));
  EXPECT_TRUE(codes::listed_note_subject("B A", Syntax::ubl_invoice));
  EXPECT_FALSE(codes::listed_note_subject("B A", Syntax::cii));
  EXPECT_FALSE(codes::listed_note_subject("BAT", Syntax::ubl_invoice));
  EXPECT_TRUE(codes::listed_note_subject("BAT", Syntax::cii));
}

// ------------------------------------------------------------------------------------------------
// On the model: one test per rule.

TEST(CodeRules, RegistryHasEveryBrClRuleOfTheArtefacts) {
  std::vector<std::string> ids;
  for (const auto& r : rule_registry())
    if (r.id.starts_with("BR-CL-")) {
      ids.emplace_back(r.id);
      EXPECT_EQ(r.severity, Severity::fatal) << r.id;
    }
  EXPECT_EQ(ids,
            (std::vector<std::string>{"BR-CL-01", "BR-CL-03", "BR-CL-04", "BR-CL-05", "BR-CL-06", "BR-CL-07",
                                      "BR-CL-08", "BR-CL-10", "BR-CL-11", "BR-CL-13", "BR-CL-14", "BR-CL-15",
                                      "BR-CL-16", "BR-CL-17", "BR-CL-18", "BR-CL-19", "BR-CL-20", "BR-CL-21",
                                      "BR-CL-22", "BR-CL-23", "BR-CL-24", "BR-CL-25", "BR-CL-26"}));
}

TEST(CodeRules, BR_CL_01_TypeCode) {
  check(
      "BR-CL-01", [](Invoice& i) { i.type_code = "999"; }, "/Invoice/cbc:InvoiceTypeCode");
  Invoice credit = sample();
  credit.type_code = "381";
  expect_silent(credit, "BR-CL-01");
}

TEST(CodeRules, BR_CL_04_InvoiceCurrency) {
  check(
      "BR-CL-04", [](Invoice& i) { i.currency = "EURO"; }, "/Invoice/cbc:DocumentCurrencyCode");
}

TEST(CodeRules, BR_CL_05_TaxCurrency) {
  Invoice with = sample();
  with.tax_currency = "SEK";
  expect_silent(with, "BR-CL-05");
  check(
      "BR-CL-05", [](Invoice& i) { i.tax_currency = "SKK"; }, "/Invoice/cbc:TaxCurrencyCode");
}

TEST(CodeRules, BR_CL_06_VatPointDateCode) {
  Invoice with = sample();
  with.tax_point_date_code = "432";
  expect_silent(with, "BR-CL-06");
  check(
      "BR-CL-06", [](Invoice& i) { i.tax_point_date_code = "5"; },
      "/Invoice/cac:InvoicePeriod/cbc:DescriptionCode");
}

TEST(CodeRules, BR_CL_07_ObjectIdentifierScheme) {
  Invoice with = sample();
  with.invoiced_object_identifier = {"OBJ", "AAB"};
  with.lines[1].object_identifier = {"M", "ABZ"};
  expect_silent(with, "BR-CL-07");
  check(
      "BR-CL-07",
      [](Invoice& i) {
        i.invoiced_object_identifier = {"OBJ", "XXA"};
      },
      "/Invoice/cac:AdditionalDocumentReference/cbc:ID");
  check(
      "BR-CL-07",
      [](Invoice& i) {
        i.lines[1].object_identifier = {"M", "XXA"};
      },
      "/Invoice/cac:InvoiceLine[2]/cac:DocumentReference/cbc:ID");
}

TEST(CodeRules, BR_CL_08_NoteSubject) {
  Invoice with = sample();
  with.notes = {Note{"AAI", "text"}};
  expect_silent(with, "BR-CL-08");
  check(
      "BR-CL-08",
      [](Invoice& i) {
        i.notes = {Note{"XYZ", "text"}};
      },
      "/Invoice/cbc:Note");
}

TEST(CodeRules, BR_CL_10_PartyIdentifierScheme) {
  Invoice with = sample();
  with.seller.identifiers = {Identifier{"C1", "SEPA"}, Identifier{"7300010000001", "0088"}};
  with.payee.identifier = {"C2", "SEPA"};
  expect_silent(with, "BR-CL-10");
  check(
      "BR-CL-10",
      [](Invoice& i) {
        i.buyer.identifier = {"C3", "SEPA"};
      },
      "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID");
}

TEST(CodeRules, BR_CL_11_LegalRegistrationScheme) {
  check(
      "BR-CL-11", [](Invoice& i) { i.seller.legal_registration_id.scheme = "9999"; },
      "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID");
}

TEST(CodeRules, BR_CL_13_ItemClassificationScheme) {
  Invoice with = sample();
  with.lines[0].item.classifications = {ItemClassification{"72221000", "STI", ""}};
  expect_silent(with, "BR-CL-13");
  check(
      "BR-CL-13",
      [](Invoice& i) {
        i.lines[0].item.classifications = {ItemClassification{"1", "XXX", ""}};
      },
      "/Invoice/cac:InvoiceLine[1]/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode");
}

TEST(CodeRules, BR_CL_14_AddressCountry) {
  check(
      "BR-CL-14", [](Invoice& i) { i.buyer.postal_address.country_code = "UK"; },
      "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode");
  Invoice kosovo = sample();
  kosovo.delivery.deliver_to.country_code = "1A";
  expect_silent(kosovo, "BR-CL-14");
}

TEST(CodeRules, BR_CL_15_OriginCountry) {
  Invoice with = sample();
  with.lines[1].item.origin_country = "XI";
  expect_silent(with, "BR-CL-15");
  check(
      "BR-CL-15", [](Invoice& i) { i.lines[1].item.origin_country = "EU"; },
      "/Invoice/cac:InvoiceLine[2]/cac:Item/cac:OriginCountry/cbc:IdentificationCode");
}

TEST(CodeRules, BR_CL_16_PaymentMeans) {
  check(
      "BR-CL-16", [](Invoice& i) { i.payment_instructions.means_code = "99"; },
      "/Invoice/cac:PaymentMeans/cbc:PaymentMeansCode");
}

TEST(CodeRules, BR_CL_17_VatCategoryOfTheBreakdownAndOfDocumentAllowances) {
  check(
      "BR-CL-17", [](Invoice& i) { i.vat_breakdown[0].category_code = "X"; },
      "/Invoice/cac:TaxTotal/cac:TaxSubtotal[1]/cac:TaxCategory/cbc:ID");
  check(
      "BR-CL-17", [](Invoice& i) { i.allowances[0].vat_category_code = "s"; },
      "/Invoice/cac:AllowanceCharge[cbc:ChargeIndicator='false'][1]/cac:TaxCategory/cbc:ID");
}

TEST(CodeRules, BR_CL_18_VatCategoryOfTheLines) {
  check(
      "BR-CL-18", [](Invoice& i) { i.lines[1].vat_category_code = "VAT"; },
      "/Invoice/cac:InvoiceLine[2]/cac:Item/cac:ClassifiedTaxCategory/cbc:ID");
}

TEST(CodeRules, BR_CL_19_AllowanceReason) {
  check(
      "BR-CL-19", [](Invoice& i) { i.allowances[0].reason_code = "FC"; },
      "/Invoice/cac:AllowanceCharge[cbc:ChargeIndicator='false'][1]/cbc:AllowanceChargeReasonCode");
  check(
      "BR-CL-19",
      [](Invoice& i) {
        i.lines[0].allowances = {LineAllowanceCharge{{}, {}, {}, "", "999"}};
      },
      "/Invoice/cac:InvoiceLine[1]/cac:AllowanceCharge[cbc:ChargeIndicator='false'][1]/"
      "cbc:AllowanceChargeReasonCode");
}

TEST(CodeRules, BR_CL_20_ChargeReason) {
  Invoice with = sample();
  with.charges = {DocumentAllowanceCharge{{}, {}, {}, "S", {}, "Freight", "FC"}};
  expect_silent(with, "BR-CL-20");
  check(
      "BR-CL-20",
      [](Invoice& i) {
        i.lines[1].charges = {LineAllowanceCharge{{}, {}, {}, "", "95"}};
      },
      "/Invoice/cac:InvoiceLine[2]/cac:AllowanceCharge[cbc:ChargeIndicator='true'][1]/"
      "cbc:AllowanceChargeReasonCode");
}

TEST(CodeRules, BR_CL_21_ItemStandardIdentifierScheme) {
  Invoice with = sample();
  with.lines[0].item.standard_id = {"17350053850016", "0160"};
  expect_silent(with, "BR-CL-21");
  check(
      "BR-CL-21",
      [](Invoice& i) {
        i.lines[0].item.standard_id = {"1", "GTIN"};
      },
      "/Invoice/cac:InvoiceLine[1]/cac:Item/cac:StandardItemIdentification/cbc:ID");
}

TEST(CodeRules, BR_CL_22_Vatex) {
  Invoice with = sample();
  with.vat_breakdown[0].exemption_reason_code = "vatex-eu-ic";
  expect_silent(with, "BR-CL-22");
  check(
      "BR-CL-22", [](Invoice& i) { i.vat_breakdown[0].exemption_reason_code = "VATEX-EU-999"; },
      "/Invoice/cac:TaxTotal/cac:TaxSubtotal[1]/cac:TaxCategory/cbc:TaxExemptionReasonCode");
}

TEST(CodeRules, BR_CL_23_UnitCodes) {
  check(
      "BR-CL-23", [](Invoice& i) { i.lines[0].unit_code = "PCS"; },
      "/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity/@unitCode");
  check(
      "BR-CL-23", [](Invoice& i) { i.lines[1].price.base_quantity_unit_code = "pcs"; },
      "/Invoice/cac:InvoiceLine[2]/cac:Price/cbc:BaseQuantity");
}

TEST(CodeRules, BR_CL_24_AttachmentMimeCode) {
  Invoice with = sample();
  with.supporting_documents = {SupportingDocument{"D1", "", "", Attachment{"MTI=", "text/csv", "a.csv"}}};
  expect_silent(with, "BR-CL-24");
  check(
      "BR-CL-24",
      [](Invoice& i) {
        i.supporting_documents = {
            SupportingDocument{"D1", "", "", Attachment{"MTI=", "application/xml", "a.xml"}}};
      },
      "/Invoice");
}

TEST(CodeRules, BR_CL_25_ElectronicAddressScheme) {
  check(
      "BR-CL-25", [](Invoice& i) { i.buyer.electronic_address.scheme = "0001"; },
      "/Invoice/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID");
}

TEST(CodeRules, BR_CL_26_DeliveryLocationScheme) {
  Invoice with = sample();
  with.delivery.location_id = {"7350000001211", "0088"};
  expect_silent(with, "BR-CL-26");
  check(
      "BR-CL-26",
      [](Invoice& i) {
        i.delivery.location_id = {"L1", "GLN"};
      },
      "/Invoice/cac:Delivery/cac:DeliveryLocation/cbc:ID");
}

// ------------------------------------------------------------------------------------------------
// On the XML, where the readers judge them with each artefact's contexts.

TEST(CodeRulesOnXml, BR_CL_01_EachUblRootHasItsList) {
  check_xml("BR-CL-01", ubl("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>"),
            ubl("<cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>"), "/Invoice/cbc:InvoiceTypeCode");
  check_xml("BR-CL-01", ubl_credit_note("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"),
            ubl_credit_note("<cbc:CreditNoteTypeCode>380</cbc:CreditNoteTypeCode>"),
            "/CreditNote/cbc:CreditNoteTypeCode");
  check_xml("BR-CL-01", cii("", "<ram:TypeCode>381</ram:TypeCode>"),
            cii("", "<ram:TypeCode> </ram:TypeCode>"),
            "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode");
}

TEST(CodeRulesOnXml, BR_CL_03_TheCurrencyOfEveryAmount) {
  check_xml("BR-CL-03",
            ubl(R"(<cac:AllowanceCharge><cbc:Amount currencyID="EUR">1</cbc:Amount></cac:AllowanceCharge>)"),
            ubl("<cac:AllowanceCharge><cbc:Amount>1</cbc:Amount></cac:AllowanceCharge>"),
            "/Invoice/cac:AllowanceCharge/cbc:Amount");
  check_xml(
      "BR-CL-03",
      cii(R"(<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeSettlementHeaderMonetarySummation>)"
          R"(<ram:TaxTotalAmount currencyID="EUR">1</ram:TaxTotalAmount>)"
          "</ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement>"),
      cii(R"(<ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeSettlementHeaderMonetarySummation>)"
          R"(<ram:TaxTotalAmount currencyID="EURO">1</ram:TaxTotalAmount>)"
          "</ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement>"),
      std::string(tx) +
          "/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/"
          "ram:TaxTotalAmount");
}

TEST(CodeRulesOnXml, BR_CL_04_05_Currencies) {
  check_xml("BR-CL-04", ubl("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"),
            ubl("<cbc:DocumentCurrencyCode/>"), "/Invoice/cbc:DocumentCurrencyCode");
  check_xml("BR-CL-05",
            cii("<ram:ApplicableHeaderTradeSettlement><ram:TaxCurrencyCode>SEK</ram:TaxCurrencyCode>"
                "</ram:ApplicableHeaderTradeSettlement>"),
            cii("<ram:ApplicableHeaderTradeSettlement><ram:TaxCurrencyCode>sek</ram:TaxCurrencyCode>"
                "</ram:ApplicableHeaderTradeSettlement>"),
            std::string(tx) + "/ram:ApplicableHeaderTradeSettlement/ram:TaxCurrencyCode");
}

TEST(CodeRulesOnXml, BR_CL_06_EachSyntaxHasItsVatPointDateCodes) {
  check_xml("BR-CL-06",
            ubl("<cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>"),
            ubl("<cac:InvoicePeriod><cbc:DescriptionCode>29</cbc:DescriptionCode></cac:InvoicePeriod>"),
            "/Invoice/cac:InvoicePeriod/cbc:DescriptionCode");
  check_xml(
      "BR-CL-06",
      cii("<ram:ApplicableHeaderTradeSettlement><ram:ApplicableTradeTax><ram:DueDateTypeCode>29"
          "</ram:DueDateTypeCode></ram:ApplicableTradeTax></ram:ApplicableHeaderTradeSettlement>"),
      cii("<ram:ApplicableHeaderTradeSettlement><ram:ApplicableTradeTax><ram:DueDateTypeCode>35"
          "</ram:DueDateTypeCode></ram:ApplicableTradeTax></ram:ApplicableHeaderTradeSettlement>"),
      std::string(tx) + "/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:DueDateTypeCode");
}

TEST(CodeRulesOnXml, BR_CL_07_TheSchemeOfAnEmptyObjectIdentifierCountsToo) {
  check_xml(
      "BR-CL-07",
      ubl(R"(<cac:InvoiceLine><cac:DocumentReference><cbc:ID schemeID="XXA"/></cac:DocumentReference></cac:InvoiceLine>)"),
      ubl(R"(<cac:InvoiceLine><cac:DocumentReference><cbc:ID schemeID="XXA"/><cbc:DocumentTypeCode>130)"
          "</cbc:DocumentTypeCode></cac:DocumentReference></cac:InvoiceLine>"),
      "/Invoice/cac:InvoiceLine/cac:DocumentReference/cbc:ID");
  check_xml(
      "BR-CL-07",
      cii("<ram:ApplicableHeaderTradeAgreement><ram:AdditionalReferencedDocument><ram:ReferenceTypeCode>AAB"
          "</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument></ram:ApplicableHeaderTradeAgreement>"),
      cii("<ram:ApplicableHeaderTradeAgreement><ram:AdditionalReferencedDocument><ram:ReferenceTypeCode>XXA"
          "</ram:ReferenceTypeCode></ram:AdditionalReferencedDocument></ram:ApplicableHeaderTradeAgreement>"),
      std::string(tx) +
          "/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument/ram:ReferenceTypeCode");
}

TEST(CodeRulesOnXml, BR_CL_08_NoteSubjects) {
  check_xml("BR-CL-08", ubl("<cbc:Note>Reference #AAI# 12</cbc:Note><cbc:Note>no code</cbc:Note>"),
            ubl("<cbc:Note>Reference #aai# 12</cbc:Note>"), "/Invoice/cbc:Note");
  check_xml("BR-CL-08",
            cii("", "<ram:IncludedNote><ram:SubjectCode>BAT</ram:SubjectCode></ram:IncludedNote>"),
            cii("", "<ram:IncludedNote><ram:SubjectCode>XXX</ram:SubjectCode></ram:IncludedNote>"),
            "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote/ram:SubjectCode");
}

TEST(CodeRulesOnXml, BR_CL_10_PartyIdentifiersAndTheCreditorReference) {
  check_xml(
      "BR-CL-10",
      ubl(R"(<cac:PayeeParty><cac:PartyIdentification><cbc:ID schemeID="SEPA"/></cac:PartyIdentification>)"
          "</cac:PayeeParty>"),
      ubl(R"(<cac:AccountingCustomerParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="SEPA"/>)"
          "</cac:PartyIdentification></cac:Party></cac:AccountingCustomerParty>"),
      "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID");
  check_xml("BR-CL-10",
            cii(R"(<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:GlobalID schemeID="0088">1)"
                "</ram:GlobalID></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>"),
            cii(R"(<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:GlobalID schemeID="9901">1)"
                "</ram:GlobalID></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>"),
            std::string(tx) + "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:GlobalID");
}

TEST(CodeRulesOnXml, BR_CL_11_RegistrationIdentifiers) {
  check_xml("BR-CL-11",
            ubl(R"(<cac:PayeeParty><cac:PartyLegalEntity><cbc:CompanyID schemeID="0002">1</cbc:CompanyID>)"
                "</cac:PartyLegalEntity></cac:PayeeParty>"),
            ubl(R"(<cac:PayeeParty><cac:Party><cac:PartyLegalEntity><cbc:CompanyID schemeID="0283"/>)"
                "</cac:PartyLegalEntity></cac:Party></cac:PayeeParty>"),
            "/Invoice/cac:PayeeParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID");
  check_xml(
      "BR-CL-11",
      cii(R"(<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:SpecifiedTaxRegistration>)"
          R"(<ram:ID schemeID="VA">FR1</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>)"
          "</ram:ApplicableHeaderTradeAgreement>"),
      cii(R"(<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:ID schemeID="VA">FR1</ram:ID>)"
          "</ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>"),
      std::string(tx) + "/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:ID");
}

TEST(CodeRulesOnXml, BR_CL_13_ItemClassificationSchemes) {
  check_xml(
      "BR-CL-13",
      ubl(R"(<cac:InvoiceLine><cac:Item><cac:CommodityClassification><cbc:ItemClassificationCode listID="STI"/>)"
          "</cac:CommodityClassification></cac:Item></cac:InvoiceLine>"),
      ubl(R"(<cac:InvoiceLine><cac:Item><cac:CommodityClassification><cbc:ItemClassificationCode listID=""/>)"
          "</cac:CommodityClassification></cac:Item></cac:InvoiceLine>"),
      "/Invoice/cac:InvoiceLine/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode");
}

TEST(CodeRulesOnXml, BR_CL_14_15_Countries) {
  check_xml("BR-CL-14",
            ubl("<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cac:RegistrationAddress><cac:"
                "Country>"
                "<cbc:IdentificationCode>SS</cbc:IdentificationCode></cac:Country></cac:RegistrationAddress>"
                "</cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>"),
            ubl("<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cac:RegistrationAddress><cac:"
                "Country>"
                "<cbc:IdentificationCode>AN</cbc:IdentificationCode></cac:Country></cac:RegistrationAddress>"
                "</cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>"),
            "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:RegistrationAddress/"
            "cac:Country/cbc:IdentificationCode");
  check_xml(
      "BR-CL-15",
      cii("<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct><ram:OriginTradeCountry>"
          "<ram:ID>AN</ram:ID></ram:OriginTradeCountry></ram:SpecifiedTradeProduct>"
          "</ram:IncludedSupplyChainTradeLineItem>"),
      cii("<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct><ram:OriginTradeCountry>"
          "<ram:ID>SS</ram:ID></ram:OriginTradeCountry></ram:SpecifiedTradeProduct>"
          "</ram:IncludedSupplyChainTradeLineItem>"),
      std::string(tx) +
          "/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:OriginTradeCountry/ram:ID");
}

TEST(CodeRulesOnXml, BR_CL_16_EveryPaymentMeansCode) {
  check_xml("BR-CL-16",
            ubl("<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>"),
            ubl("<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>"
                "<cac:PaymentMeans><cbc:PaymentMeansCode>99</cbc:PaymentMeansCode></cac:PaymentMeans>"),
            "/Invoice/cac:PaymentMeans[2]/cbc:PaymentMeansCode");
}

TEST(CodeRulesOnXml, BR_CL_17_18_EachSyntaxPutsItsCategoriesInOneOrTheOther) {
  check_xml("BR-CL-17",
            ubl("<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:ID>S</cbc:ID></cac:TaxCategory>"
                "</cac:TaxSubtotal></cac:TaxTotal>"),
            ubl("<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:ID>X</cbc:ID></cac:TaxCategory>"
                "</cac:TaxSubtotal></cac:TaxTotal>"),
            "/Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID");
  check_xml("BR-CL-18",
            cii("<ram:ApplicableHeaderTradeSettlement><ram:ApplicableTradeTax><ram:CategoryCode>S</"
                "ram:CategoryCode>"
                "</ram:ApplicableTradeTax></ram:ApplicableHeaderTradeSettlement>"),
            cii("<ram:ApplicableHeaderTradeSettlement><ram:ApplicableTradeTax><ram:CategoryCode>X</"
                "ram:CategoryCode>"
                "</ram:ApplicableTradeTax></ram:ApplicableHeaderTradeSettlement>"),
            std::string(tx) + "/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
}

TEST(CodeRulesOnXml, BR_CL_19_20_ReasonCodesByChargeIndicator) {
  const auto ac = [](std::string_view indicator, std::string_view code) {
    return ubl("<cac:AllowanceCharge><cbc:ChargeIndicator>" + std::string(indicator) +
               "</cbc:ChargeIndicator><cbc:AllowanceChargeReasonCode>" + std::string(code) +
               "</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>");
  };
  check_xml("BR-CL-19", ac("false", "95"), ac(" false ", "FC"),
            "/Invoice/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode");
  check_xml("BR-CL-20", ac("true", "FC"), ac("1", "95"),
            "/Invoice/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode");
  // Without an indicator neither context applies.
  for (std::string_view id : {"BR-CL-19", "BR-CL-20"})
    EXPECT_TRUE(read_findings(ubl("<cac:AllowanceCharge><cbc:AllowanceChargeReasonCode>ZZ9"
                                  "</cbc:AllowanceChargeReasonCode></cac:AllowanceCharge>"),
                              id)
                    .empty());
}

TEST(CodeRulesOnXml, BR_CL_21_ItemStandardIdentifiers) {
  check_xml(
      "BR-CL-21",
      cii(R"(<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct><ram:GlobalID schemeID="0160">1)"
          "</ram:GlobalID></ram:SpecifiedTradeProduct></ram:IncludedSupplyChainTradeLineItem>"),
      cii(R"(<ram:IncludedSupplyChainTradeLineItem><ram:SpecifiedTradeProduct><ram:GlobalID schemeID="GTIN">1)"
          "</ram:GlobalID></ram:SpecifiedTradeProduct></ram:IncludedSupplyChainTradeLineItem>"),
      std::string(tx) + "/ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/ram:GlobalID");
}

TEST(CodeRulesOnXml, BR_CL_22_Vatex) {
  check_xml("BR-CL-22",
            ubl("<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:TaxExemptionReasonCode>vatex-eu-g"
                "</cbc:TaxExemptionReasonCode></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>"),
            ubl("<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:TaxExemptionReasonCode>VATEX-EU-Z"
                "</cbc:TaxExemptionReasonCode></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>"),
            "/Invoice/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReasonCode");
}

TEST(CodeRulesOnXml, BR_CL_23_UnitCodes) {
  check_xml(
      "BR-CL-23",
      ubl(R"(<cac:InvoiceLine><cbc:InvoicedQuantity unitCode="MON">1</cbc:InvoicedQuantity>)"
          R"(<cac:Price><cbc:BaseQuantity unitCode="KW">1</cbc:BaseQuantity></cac:Price></cac:InvoiceLine>)"),
      ubl(R"(<cac:InvoiceLine><cac:Price><cbc:BaseQuantity unitCode="MO">1</cbc:BaseQuantity></cac:Price>)"
          "</cac:InvoiceLine>"),
      "/Invoice/cac:InvoiceLine/cac:Price/cbc:BaseQuantity");
}

TEST(CodeRulesOnXml, BR_CL_24_MimeCodes) {
  check_xml(
      "BR-CL-24",
      cii(R"(<ram:ApplicableHeaderTradeAgreement><ram:AdditionalReferencedDocument><ram:AttachmentBinaryObject )"
          R"(mimeCode="image/png" filename="a.png">MTI=</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>)"
          "</ram:ApplicableHeaderTradeAgreement>"),
      cii(R"(<ram:ApplicableHeaderTradeAgreement><ram:AdditionalReferencedDocument><ram:AttachmentBinaryObject )"
          R"(mimeCode="image/gif" filename="a.gif">MTI=</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>)"
          "</ram:ApplicableHeaderTradeAgreement>"),
      std::string(tx) +
          "/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument/ram:AttachmentBinaryObject");
}

TEST(CodeRulesOnXml, BR_CL_25_ElectronicAddresses) {
  check_xml(
      "BR-CL-25",
      ubl(R"(<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="EM">a@b</cbc:EndpointID>)"
          "</cac:Party></cac:AccountingSupplierParty>"),
      ubl(R"(<cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="0001">1</cbc:EndpointID>)"
          "</cac:Party></cac:AccountingSupplierParty>"),
      "/Invoice/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID");
}

TEST(CodeRulesOnXml, BR_CL_26_DeliveryLocations) {
  check_xml("BR-CL-26",
            cii(R"(<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty><ram:GlobalID schemeID="0088">1)"
                "</ram:GlobalID></ram:ShipToTradeParty></ram:ApplicableHeaderTradeDelivery>"),
            cii(R"(<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty><ram:GlobalID schemeID="GLN">1)"
                "</ram:GlobalID></ram:ShipToTradeParty></ram:ApplicableHeaderTradeDelivery>"),
            std::string(tx) + "/ram:ApplicableHeaderTradeDelivery/ram:ShipToTradeParty/ram:GlobalID");
}
