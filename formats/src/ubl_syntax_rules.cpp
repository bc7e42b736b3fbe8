// The official artefacts' rules that UBL checks on the XML itself (release 1.3.16): UBL-SR-*
// (repetitions), UBL-DT-* (attributes and data types), UBL-CR-* (UBL elements EN 16931 does not
// use) and the code lists BR-CL-*, each in the context and with the precedence the artefact's
// Schematron gives it.

#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "rules/code_lists.hpp"
#include "syntax_checks.hpp"
#include "syntax_rules.hpp"

namespace relance::formats::detail {
namespace {

using namespace syntax;
using codes::CodeList;

// Rule contexts of the UBL artefact, named after the element they apply to.
namespace C {
enum : std::uint8_t {
  none,
  postal_address,
  supplier_party,
  additional_document,
  amount,
  binary_object,
  delivery,
  allowance,
  charge,
  party_tax_scheme,
  root,
  line,
  payee,
  payment_means,
  billing_reference,
  tax_representative,
  tax_subtotal,
};
}  // namespace C

// In the artefact's priority order.
constexpr ContextSpec contexts[] = {
    {C::postal_address, "cac:PostalAddress"},
    {C::postal_address, "cac:Address"},
    {C::supplier_party, "cac:AccountingSupplierParty/cac:Party"},
    {C::additional_document, "cac:AdditionalDocumentReference"},
    {C::amount, "*:*Amount"},
    {C::binary_object, "*:*BinaryObject"},
    {C::delivery, "cac:Delivery"},
    {C::allowance, "cac:AllowanceCharge"},
    {C::charge, "cac:AllowanceCharge"},
    {C::party_tax_scheme, "cac:PartyTaxScheme"},
    {C::root, "/ubl:Invoice"},
    {C::root, "/cn:CreditNote"},
    {C::line, "cac:InvoiceLine"},
    {C::line, "cac:CreditNoteLine"},
    {C::payee, "cac:PayeeParty"},
    {C::payment_means, "cac:PaymentMeans"},
    {C::billing_reference, "cac:BillingReference"},
    {C::tax_representative, "cac:TaxRepresentativeParty"},
    {C::tax_subtotal, "cac:TaxSubtotal"},
};

// Generated from EN16931-UBL-validation.xslt (release 1.3.16): every rule whose test is a plain
// "not(path)", "count(path) <= n", "count(path) = 1" or "(path)". The rest is in UblHooks.
// "(cac:InvoiceLine|cac:CreditNoteLine)/x" is written as two paths of the same rule.
constexpr PathRule path_rules[] = {
    {"UBL-SR-51", C::postal_address, Kind::at_most_one, "cac:AddressLine"},
    {"UBL-SR-42", C::supplier_party, Kind::at_most_two, "cac:PartyTaxScheme"},
    {"UBL-SR-33", C::additional_document, Kind::at_most_one, "cbc:DocumentDescription"},
    {"UBL-DT-06", C::binary_object, Kind::present, "@mimeCode"},
    {"UBL-DT-07", C::binary_object, Kind::present, "@filename"},
    {"UBL-SR-25", C::delivery, Kind::at_most_one, "cac:DeliveryParty/cac:PartyName/cbc:Name"},
    {"UBL-SR-30", C::allowance, Kind::at_most_one, "cbc:AllowanceChargeReason"},
    {"UBL-SR-31", C::charge, Kind::at_most_one, "cbc:AllowanceChargeReason"},
    {"UBL-CR-003", C::root, Kind::absent, "cbc:ProfileExecutionID"},
    {"UBL-CR-004", C::root, Kind::absent, "cbc:CopyIndicator"},
    {"UBL-CR-005", C::root, Kind::absent, "cbc:UUID"},
    {"UBL-CR-006", C::root, Kind::absent, "cbc:IssueTime"},
    {"UBL-CR-007", C::root, Kind::absent, "cbc:PricingCurrencyCode"},
    {"UBL-CR-008", C::root, Kind::absent, "cbc:PaymentCurrencyCode"},
    {"UBL-CR-009", C::root, Kind::absent, "cbc:PaymentAlternativeCurrencyCode"},
    {"UBL-CR-010", C::root, Kind::absent, "cbc:AccountingCostCode"},
    {"UBL-CR-011", C::root, Kind::absent, "cbc:LineCountNumeric"},
    {"UBL-CR-012", C::root, Kind::absent, "cac:InvoicePeriod/cbc:StartTime"},
    {"UBL-CR-013", C::root, Kind::absent, "cac:InvoicePeriod/cbc:EndTime"},
    {"UBL-CR-014", C::root, Kind::absent, "cac:InvoicePeriod/cbc:DurationMeasure"},
    {"UBL-CR-015", C::root, Kind::absent, "cac:InvoicePeriod/cbc:Description"},
    {"UBL-CR-016", C::root, Kind::absent, "cac:OrderReference/cbc:CopyIndicator"},
    {"UBL-CR-017", C::root, Kind::absent, "cac:OrderReference/cbc:UUID"},
    {"UBL-CR-018", C::root, Kind::absent, "cac:OrderReference/cbc:IssueDate"},
    {"UBL-CR-019", C::root, Kind::absent, "cac:OrderReference/cbc:IssueTime"},
    {"UBL-CR-020", C::root, Kind::absent, "cac:OrderReference/cbc:CustomerReference"},
    {"UBL-CR-021", C::root, Kind::absent, "cac:OrderReference/cbc:OrderTypeCode"},
    {"UBL-CR-022", C::root, Kind::absent, "cac:OrderReference/cac:DocumentReference"},
    {"UBL-CR-023", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-024", C::root, Kind::absent, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:UUID"},
    {"UBL-CR-025", C::root, Kind::absent, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueTime"},
    {"UBL-CR-026", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentTypeCode"},
    {"UBL-CR-027", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentType"},
    {"UBL-CR-028", C::root, Kind::absent, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:XPath"},
    {"UBL-CR-029", C::root, Kind::absent, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:LanguageID"},
    {"UBL-CR-030", C::root, Kind::absent, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:LocaleCode"},
    {"UBL-CR-031", C::root, Kind::absent, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:VersionID"},
    {"UBL-CR-032", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-033", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cbc:DocumentDescription"},
    {"UBL-CR-034", C::root, Kind::absent, "cac:BillingReference/cac:InvoiceDocumentReference/cac:Attachment"},
    {"UBL-CR-035", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-036", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cac:IssuerParty"},
    {"UBL-CR-037", C::root, Kind::absent,
     "cac:BillingReference/cac:InvoiceDocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-038", C::root, Kind::absent, "cac:BillingReference/cac:SelfBilledInvoiceDocumentReference"},
    {"UBL-CR-039", C::root, Kind::absent, "cac:BillingReference/cac:CreditNoteDocumentReference"},
    {"UBL-CR-040", C::root, Kind::absent, "cac:BillingReference/cac:SelfBilledCreditNoteDocumentReference"},
    {"UBL-CR-041", C::root, Kind::absent, "cac:BillingReference/cac:DebitNoteDocumentReference"},
    {"UBL-CR-042", C::root, Kind::absent, "cac:BillingReference/cac:ReminderDocumentReference"},
    {"UBL-CR-043", C::root, Kind::absent, "cac:BillingReference/cac:AdditionalDocumentReference"},
    {"UBL-CR-044", C::root, Kind::absent, "cac:BillingReference/cac:BillingReferenceLine"},
    {"UBL-CR-045", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-046", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:UUID"},
    {"UBL-CR-047", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:IssueDate"},
    {"UBL-CR-048", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:IssueTime"},
    {"UBL-CR-049", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:DocumentTypeCode"},
    {"UBL-CR-050", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:DocumentType"},
    {"UBL-CR-051", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:XPath"},
    {"UBL-CR-052", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:LanguageID"},
    {"UBL-CR-053", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:LocaleCode"},
    {"UBL-CR-054", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:VersionID"},
    {"UBL-CR-055", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-056", C::root, Kind::absent, "cac:DespatchDocumentReference/cbc:DocumentDescription"},
    {"UBL-CR-057", C::root, Kind::absent, "cac:DespatchDocumentReference/cac:Attachment"},
    {"UBL-CR-058", C::root, Kind::absent, "cac:DespatchDocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-059", C::root, Kind::absent, "cac:DespatchDocumentReference/cac:IssuerParty"},
    {"UBL-CR-060", C::root, Kind::absent, "cac:DespatchDocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-061", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-062", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:UUID"},
    {"UBL-CR-063", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:IssueDate"},
    {"UBL-CR-064", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:IssueTime"},
    {"UBL-CR-065", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:DocumentTypeCode"},
    {"UBL-CR-066", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:DocumentType"},
    {"UBL-CR-067", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:XPath"},
    {"UBL-CR-068", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:LanguageID"},
    {"UBL-CR-069", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:LocaleCode"},
    {"UBL-CR-070", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:VersionID"},
    {"UBL-CR-071", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-072", C::root, Kind::absent, "cac:ReceiptDocumentReference/cbc:DocumentDescription"},
    {"UBL-CR-073", C::root, Kind::absent, "cac:ReceiptDocumentReference/cac:Attachment"},
    {"UBL-CR-074", C::root, Kind::absent, "cac:ReceiptDocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-075", C::root, Kind::absent, "cac:ReceiptDocumentReference/cac:IssuerParty"},
    {"UBL-CR-076", C::root, Kind::absent, "cac:ReceiptDocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-077", C::root, Kind::absent, "cac:StatementDocumentReference"},
    {"UBL-CR-078", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-079", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:UUID"},
    {"UBL-CR-080", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:IssueDate"},
    {"UBL-CR-081", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:IssueTime"},
    {"UBL-CR-082", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:DocumentTypeCode"},
    {"UBL-CR-083", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:DocumentType"},
    {"UBL-CR-084", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:XPath"},
    {"UBL-CR-085", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:LanguageID"},
    {"UBL-CR-086", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:LocaleCode"},
    {"UBL-CR-087", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:VersionID"},
    {"UBL-CR-088", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-089", C::root, Kind::absent, "cac:OriginatorDocumentReference/cbc:DocumentDescription"},
    {"UBL-CR-090", C::root, Kind::absent, "cac:OriginatorDocumentReference/cac:Attachment"},
    {"UBL-CR-091", C::root, Kind::absent, "cac:OriginatorDocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-092", C::root, Kind::absent, "cac:OriginatorDocumentReference/cac:IssuerParty"},
    {"UBL-CR-093", C::root, Kind::absent, "cac:OriginatorDocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-094", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-095", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:UUID"},
    {"UBL-CR-096", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:IssueDate"},
    {"UBL-CR-097", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:IssueTime"},
    {"UBL-CR-098", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:DocumentTypeCode"},
    {"UBL-CR-099", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:DocumentType"},
    {"UBL-CR-100", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:XPath"},
    {"UBL-CR-101", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:LanguageID"},
    {"UBL-CR-102", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:LocaleCode"},
    {"UBL-CR-103", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:VersionID"},
    {"UBL-CR-104", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-105", C::root, Kind::absent, "cac:ContractDocumentReference/cbc:DocumentDescription"},
    {"UBL-CR-106", C::root, Kind::absent, "cac:ContractDocumentReference/cac:Attachment"},
    {"UBL-CR-107", C::root, Kind::absent, "cac:ContractDocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-108", C::root, Kind::absent, "cac:ContractDocumentReference/cac:IssuerParty"},
    {"UBL-CR-109", C::root, Kind::absent, "cac:ContractDocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-110", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-111", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:UUID"},
    {"UBL-CR-112", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:IssueDate"},
    {"UBL-CR-113", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:IssueTime"},
    {"UBL-CR-114", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:DocumentType"},
    {"UBL-CR-115", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:XPath"},
    {"UBL-CR-116", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:LanguageID"},
    {"UBL-CR-117", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:LocaleCode"},
    {"UBL-CR-118", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:VersionID"},
    {"UBL-CR-119", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-121", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:DocumentHash"},
    {"UBL-CR-122", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:HashAlgorithmMethod"},
    {"UBL-CR-123", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:ExpiryDate"},
    {"UBL-CR-124", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:ExpiryTime"},
    {"UBL-CR-125", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:MimeCode"},
    {"UBL-CR-126", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:FormatCode"},
    {"UBL-CR-127", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:EncodingCode"},
    {"UBL-CR-128", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:CharacterSetCode"},
    {"UBL-CR-129", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:FileName"},
    {"UBL-CR-130", C::root, Kind::absent,
     "cac:AdditionalDocumentReference/cac:Attachment/cac:ExternalReference/cbc:Description"},
    {"UBL-CR-131", C::root, Kind::absent, "cac:AdditionalDocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-132", C::root, Kind::absent, "cac:AdditionalDocumentReference/cac:IssuerParty"},
    {"UBL-CR-133", C::root, Kind::absent, "cac:AdditionalDocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-134", C::root, Kind::absent, "cac:ProjectReference/cbc:UUID"},
    {"UBL-CR-135", C::root, Kind::absent, "cac:ProjectReference/cbc:IssueDate"},
    {"UBL-CR-136", C::root, Kind::absent, "cac:ProjectReference/cac:WorkPhaseReference"},
    {"UBL-CR-137", C::root, Kind::absent, "cac:Signature"},
    {"UBL-CR-138", C::root, Kind::absent, "cac:AccountingSupplierParty/cbc:CustomerAssignedAccountID"},
    {"UBL-CR-139", C::root, Kind::absent, "cac:AccountingSupplierParty/cbc:AdditionalAccountID"},
    {"UBL-CR-140", C::root, Kind::absent, "cac:AccountingSupplierParty/cbc:DataSendingCapability"},
    {"UBL-CR-141", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cbc:MarkCareIndicator"},
    {"UBL-CR-142", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cbc:MarkAttentionIndicator"},
    {"UBL-CR-143", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cbc:WebsiteURI"},
    {"UBL-CR-144", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cbc:LogoReferenceID"},
    {"UBL-CR-145", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cbc:IndustryClassificationCode"},
    {"UBL-CR-146", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:Language"},
    {"UBL-CR-147", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:ID"},
    {"UBL-CR-148", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:AddressTypeCode"},
    {"UBL-CR-149", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:AddressFormatCode"},
    {"UBL-CR-150", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Postbox"},
    {"UBL-CR-151", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Floor"},
    {"UBL-CR-152", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Room"},
    {"UBL-CR-153", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BlockName"},
    {"UBL-CR-154", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BuildingName"},
    {"UBL-CR-155", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:BuildingNumber"},
    {"UBL-CR-156", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:InhouseMail"},
    {"UBL-CR-157", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Department"},
    {"UBL-CR-158", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:MarkAttention"},
    {"UBL-CR-159", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:MarkCare"},
    {"UBL-CR-160", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:PlotIdentification"},
    {"UBL-CR-161", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CitySubdivisionName"},
    {"UBL-CR-162", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:CountrySubentityCode"},
    {"UBL-CR-163", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:Region"},
    {"UBL-CR-164", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:District"},
    {"UBL-CR-165", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cbc:TimezoneOffset"},
    {"UBL-CR-166", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:Name"},
    {"UBL-CR-167", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:LocationCoordinate"},
    {"UBL-CR-168", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:PhysicalLocation"},
    {"UBL-CR-169", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:RegistrationName"},
    {"UBL-CR-170", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:TaxLevelCode"},
    {"UBL-CR-171", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReasonCode"},
    {"UBL-CR-172", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReason"},
    {"UBL-CR-173", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:RegistrationAddress"},
    {"UBL-CR-174", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name"},
    {"UBL-CR-175", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode"},
    {"UBL-CR-176", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode"},
    {"UBL-CR-177", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress"},
    {"UBL-CR-178", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationDate"},
    {"UBL-CR-179", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationExpirationDate"},
    {"UBL-CR-180", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalFormCode"},
    {"UBL-CR-181", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator"},
    {"UBL-CR-182", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode"},
    {"UBL-CR-183", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount"},
    {"UBL-CR-184", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator"},
    {"UBL-CR-185", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:RegistrationAddress"},
    {"UBL-CR-186", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:CorporateRegistrationScheme"},
    {"UBL-CR-187", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:HeadOfficeParty"},
    {"UBL-CR-188", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cac:ShareholderParty"},
    {"UBL-CR-189", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:ID"},
    {"UBL-CR-190", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Telefax"},
    {"UBL-CR-191", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:Contact/cbc:Note"},
    {"UBL-CR-192", C::root, Kind::absent,
     "cac:AccountingSupplierParty/cac:Party/cac:Contact/cac:OtherCommunication"},
    {"UBL-CR-193", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:Person"},
    {"UBL-CR-194", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:AgentParty"},
    {"UBL-CR-195", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:ServiceProviderParty"},
    {"UBL-CR-196", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:PowerOfAttorney"},
    {"UBL-CR-197", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:Party/cac:FinancialAccount"},
    {"UBL-CR-198", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:DespatchContact"},
    {"UBL-CR-199", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:AccountingContact"},
    {"UBL-CR-200", C::root, Kind::absent, "cac:AccountingSupplierParty/cac:SellerContact"},
    {"UBL-CR-201", C::root, Kind::absent, "cac:AccountingCustomerParty/cbc:CustomerAssignedAccountID"},
    {"UBL-CR-202", C::root, Kind::absent, "cac:AccountingCustomerParty/cbc:SupplierAssignedAccountID"},
    {"UBL-CR-203", C::root, Kind::absent, "cac:AccountingCustomerParty/cbc:AdditionalAccountID"},
    {"UBL-CR-204", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cbc:MarkCareIndicator"},
    {"UBL-CR-205", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cbc:MarkAttentionIndicator"},
    {"UBL-CR-206", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cbc:WebsiteURI"},
    {"UBL-CR-207", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cbc:LogoReferenceID"},
    {"UBL-CR-208", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cbc:IndustryClassificationCode"},
    {"UBL-CR-209", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:Language"},
    {"UBL-CR-210", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:ID"},
    {"UBL-CR-211", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:AddressTypeCode"},
    {"UBL-CR-212", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:AddressFormatCode"},
    {"UBL-CR-213", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Postbox"},
    {"UBL-CR-214", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Floor"},
    {"UBL-CR-215", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Room"},
    {"UBL-CR-216", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BlockName"},
    {"UBL-CR-217", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BuildingName"},
    {"UBL-CR-218", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:BuildingNumber"},
    {"UBL-CR-219", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:InhouseMail"},
    {"UBL-CR-220", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Department"},
    {"UBL-CR-221", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:MarkAttention"},
    {"UBL-CR-222", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:MarkCare"},
    {"UBL-CR-223", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:PlotIdentification"},
    {"UBL-CR-224", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CitySubdivisionName"},
    {"UBL-CR-225", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:CountrySubentityCode"},
    {"UBL-CR-226", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:Region"},
    {"UBL-CR-227", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:District"},
    {"UBL-CR-228", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cbc:TimezoneOffset"},
    {"UBL-CR-229", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:Name"},
    {"UBL-CR-230", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:LocationCoordinate"},
    {"UBL-CR-231", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:PhysicalLocation"},
    {"UBL-CR-232", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:RegistrationName"},
    {"UBL-CR-233", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:TaxLevelCode"},
    {"UBL-CR-234", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReasonCode"},
    {"UBL-CR-235", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:ExemptionReason"},
    {"UBL-CR-236", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:RegistrationAddress"},
    {"UBL-CR-237", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name"},
    {"UBL-CR-238", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode"},
    {"UBL-CR-239", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode"},
    {"UBL-CR-240", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress"},
    {"UBL-CR-241", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationDate"},
    {"UBL-CR-242", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationExpirationDate"},
    {"UBL-CR-243", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalFormCode"},
    {"UBL-CR-244", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm"},
    {"UBL-CR-245", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator"},
    {"UBL-CR-246", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode"},
    {"UBL-CR-247", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CorporateStockAmount"},
    {"UBL-CR-248", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator"},
    {"UBL-CR-249", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:RegistrationAddress"},
    {"UBL-CR-250", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:CorporateRegistrationScheme"},
    {"UBL-CR-251", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:HeadOfficeParty"},
    {"UBL-CR-252", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cac:ShareholderParty"},
    {"UBL-CR-253", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ID"},
    {"UBL-CR-254", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Telefax"},
    {"UBL-CR-255", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:Note"},
    {"UBL-CR-256", C::root, Kind::absent,
     "cac:AccountingCustomerParty/cac:Party/cac:Contact/cac:OtherCommunication"},
    {"UBL-CR-257", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:Person"},
    {"UBL-CR-258", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:AgentParty"},
    {"UBL-CR-259", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:ServiceProviderParty"},
    {"UBL-CR-260", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:PowerOfAttorney"},
    {"UBL-CR-261", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:Party/cac:FinancialAccount"},
    {"UBL-CR-262", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:DeliveryContact"},
    {"UBL-CR-263", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:AccountingContact"},
    {"UBL-CR-264", C::root, Kind::absent, "cac:AccountingCustomerParty/cac:BuyerContact"},
    {"UBL-CR-265", C::root, Kind::absent, "cac:PayeeParty/cbc:MarkCareIndicator"},
    {"UBL-CR-266", C::root, Kind::absent, "cac:PayeeParty/cbc:MarkAttentionIndicator"},
    {"UBL-CR-267", C::root, Kind::absent, "cac:PayeeParty/cbc:WebsiteURI"},
    {"UBL-CR-268", C::root, Kind::absent, "cac:PayeeParty/cbc:LogoReferenceID"},
    {"UBL-CR-269", C::root, Kind::absent, "cac:PayeeParty/cbc:EndpointID"},
    {"UBL-CR-270", C::root, Kind::absent, "cac:PayeeParty/cbc:IndustryClassificationCode"},
    {"UBL-CR-271", C::root, Kind::absent, "cac:PayeeParty/cac:Language"},
    {"UBL-CR-272", C::root, Kind::absent, "cac:PayeeParty/cac:PostalAddress"},
    {"UBL-CR-273", C::root, Kind::absent, "cac:PayeeParty/cac:PhysicalLocation"},
    {"UBL-CR-274", C::root, Kind::absent, "cac:PayeeParty/cac:PartyTaxScheme"},
    {"UBL-CR-275", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationName"},
    {"UBL-CR-276", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationDate"},
    {"UBL-CR-277", C::root, Kind::absent,
     "cac:PayeeParty/cac:PartyLegalEntity/cbc:RegistrationExpirationDate"},
    {"UBL-CR-278", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLegalFormCode"},
    {"UBL-CR-279", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLegalForm"},
    {"UBL-CR-280", C::root, Kind::absent,
     "cac:PayeeParty/cac:PartyLegalEntity/cbc:SoleProprietorshipIndicator"},
    {"UBL-CR-281", C::root, Kind::absent,
     "cac:PayeeParty/cac:PartyLegalEntity/cbc:CompanyLiquidationStatusCode"},
    {"UBL-CR-282", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cbc:CorporateStockAmount"},
    {"UBL-CR-283", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cbc:FullyPaidSharesIndicator"},
    {"UBL-CR-284", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cac:RegistrationAddress"},
    {"UBL-CR-285", C::root, Kind::absent,
     "cac:PayeeParty/cac:PartyLegalEntity/cac:CorporateRegistrationScheme"},
    {"UBL-CR-286", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cac:HeadOfficeParty"},
    {"UBL-CR-287", C::root, Kind::absent, "cac:PayeeParty/cac:PartyLegalEntity/cac:ShareholderParty"},
    {"UBL-CR-288", C::root, Kind::absent, "cac:PayeeParty/cac:Contact"},
    {"UBL-CR-289", C::root, Kind::absent, "cac:PayeeParty/cac:Person"},
    {"UBL-CR-290", C::root, Kind::absent, "cac:PayeeParty/cac:AgentParty"},
    {"UBL-CR-291", C::root, Kind::absent, "cac:PayeeParty/cac:ServiceProviderParty"},
    {"UBL-CR-292", C::root, Kind::absent, "cac:PayeeParty/cac:PowerOfAttorney"},
    {"UBL-CR-293", C::root, Kind::absent, "cac:PayeeParty/cac:FinancialAccount"},
    {"UBL-CR-294", C::root, Kind::absent, "cac:BuyerCustomerParty"},
    {"UBL-CR-295", C::root, Kind::absent, "cac:SellerSupplierParty"},
    {"UBL-CR-296", C::root, Kind::absent, "cac:TaxRepresentativeParty/cbc:MarkCareIndicator"},
    {"UBL-CR-297", C::root, Kind::absent, "cac:TaxRepresentativeParty/cbc:MarkAttentionIndicator"},
    {"UBL-CR-298", C::root, Kind::absent, "cac:TaxRepresentativeParty/cbc:WebsiteURI"},
    {"UBL-CR-299", C::root, Kind::absent, "cac:TaxRepresentativeParty/cbc:LogoReferenceID"},
    {"UBL-CR-300", C::root, Kind::absent, "cac:TaxRepresentativeParty/cbc:EndpointID"},
    {"UBL-CR-301", C::root, Kind::absent, "cac:TaxRepresentativeParty/cbc:IndustryClassificationCode"},
    {"UBL-CR-302", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PartyIdentification"},
    {"UBL-CR-303", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:Language"},
    {"UBL-CR-304", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:ID"},
    {"UBL-CR-305", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:AddressTypeCode"},
    {"UBL-CR-306", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:AddressFormatCode"},
    {"UBL-CR-307", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Postbox"},
    {"UBL-CR-308", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Floor"},
    {"UBL-CR-309", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Room"},
    {"UBL-CR-310", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BlockName"},
    {"UBL-CR-311", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BuildingName"},
    {"UBL-CR-312", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:BuildingNumber"},
    {"UBL-CR-313", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:InhouseMail"},
    {"UBL-CR-314", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Department"},
    {"UBL-CR-315", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:MarkAttention"},
    {"UBL-CR-316", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:MarkCare"},
    {"UBL-CR-317", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:PlotIdentification"},
    {"UBL-CR-318", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CitySubdivisionName"},
    {"UBL-CR-319", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CountrySubentityCode"},
    {"UBL-CR-320", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:Region"},
    {"UBL-CR-321", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:District"},
    {"UBL-CR-322", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:TimezoneOffset"},
    {"UBL-CR-323", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PostalAddress/cac:Country/cbc:Name"},
    {"UBL-CR-324", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PostalAddress/cac:LocationCoordinate"},
    {"UBL-CR-325", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PhysicalLocation"},
    {"UBL-CR-326", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:RegistrationName"},
    {"UBL-CR-327", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:TaxLevelCode"},
    {"UBL-CR-328", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:ExemptionReasonCode"},
    {"UBL-CR-329", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:ExemptionReason"},
    {"UBL-CR-330", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:RegistrationAddress"},
    {"UBL-CR-331", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:Name"},
    {"UBL-CR-332", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:TaxTypeCode"},
    {"UBL-CR-333", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:CurrencyCode"},
    {"UBL-CR-334", C::root, Kind::absent,
     "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cac:JurisdictionRegionAddress"},
    {"UBL-CR-335", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PartyLegalEntity"},
    {"UBL-CR-336", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:Contact"},
    {"UBL-CR-337", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:Person"},
    {"UBL-CR-338", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:AgentParty"},
    {"UBL-CR-339", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:ServiceProviderParty"},
    {"UBL-CR-340", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:PowerOfAttorney"},
    {"UBL-CR-341", C::root, Kind::absent, "cac:TaxRepresentativeParty/cac:FinancialAccount"},
    {"UBL-CR-342", C::root, Kind::absent, "cac:Delivery/cbc:ID"},
    {"UBL-CR-343", C::root, Kind::absent, "cac:Delivery/cbc:Quantity"},
    {"UBL-CR-344", C::root, Kind::absent, "cac:Delivery/cbc:MinimumQuantity"},
    {"UBL-CR-345", C::root, Kind::absent, "cac:Delivery/cbc:MaximumQuantity"},
    {"UBL-CR-346", C::root, Kind::absent, "cac:Delivery/cbc:ActualDeliveryTime"},
    {"UBL-CR-347", C::root, Kind::absent, "cac:Delivery/cbc:LatestDeliveryDate"},
    {"UBL-CR-348", C::root, Kind::absent, "cac:Delivery/cbc:LatestDeliveryTime"},
    {"UBL-CR-349", C::root, Kind::absent, "cac:Delivery/cbc:ReleaseID"},
    {"UBL-CR-350", C::root, Kind::absent, "cac:Delivery/cbc:TrackingID"},
    {"UBL-CR-351", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cbc:Description"},
    {"UBL-CR-352", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cbc:Conditions"},
    {"UBL-CR-353", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cbc:CountrySubentity"},
    {"UBL-CR-354", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cbc:CountrySubentityCode"},
    {"UBL-CR-355", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cbc:LocationTypeCode"},
    {"UBL-CR-356", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cbc:InformationURI"},
    {"UBL-CR-357", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cbc:Name"},
    {"UBL-CR-358", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:ValidityPeriod"},
    {"UBL-CR-359", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:ID"},
    {"UBL-CR-360", C::root, Kind::absent,
     "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:AddressTypeCode"},
    {"UBL-CR-361", C::root, Kind::absent,
     "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:AddressFormatCode"},
    {"UBL-CR-362", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Postbox"},
    {"UBL-CR-363", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Floor"},
    {"UBL-CR-364", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Room"},
    {"UBL-CR-365", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BlockName"},
    {"UBL-CR-366", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BuildingName"},
    {"UBL-CR-367", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:BuildingNumber"},
    {"UBL-CR-368", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:InhouseMail"},
    {"UBL-CR-369", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Department"},
    {"UBL-CR-370", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:MarkAttention"},
    {"UBL-CR-371", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:MarkCare"},
    {"UBL-CR-372", C::root, Kind::absent,
     "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:PlotIdentification"},
    {"UBL-CR-373", C::root, Kind::absent,
     "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:CitySubdivisionName"},
    {"UBL-CR-374", C::root, Kind::absent,
     "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:CountrySubentityCode"},
    {"UBL-CR-375", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:Region"},
    {"UBL-CR-376", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:District"},
    {"UBL-CR-377", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:TimezoneOffset"},
    {"UBL-CR-378", C::root, Kind::absent,
     "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:Name"},
    {"UBL-CR-379", C::root, Kind::absent,
     "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:LocationCoordinate"},
    {"UBL-CR-380", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:SubsidiaryLocation"},
    {"UBL-CR-381", C::root, Kind::absent, "cac:Delivery/cac:DeliveryLocation/cac:LocationCoordinate"},
    {"UBL-CR-382", C::root, Kind::absent, "cac:Delivery/cac:AlternativeDeliveryLocation"},
    {"UBL-CR-383", C::root, Kind::absent, "cac:Delivery/cac:RequestedDeliveryPeriod"},
    {"UBL-CR-384", C::root, Kind::absent, "cac:Delivery/cac:EstimatedDeliveryPeriod"},
    {"UBL-CR-385", C::root, Kind::absent, "cac:Delivery/cac:CarrierParty"},
    {"UBL-CR-386", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cbc:MarkCareIndicator"},
    {"UBL-CR-387", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cbc:MarkAttentionIndicator"},
    {"UBL-CR-388", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cbc:WebsiteURI"},
    {"UBL-CR-389", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cbc:LogoReferenceID"},
    {"UBL-CR-390", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cbc:EndpointID"},
    {"UBL-CR-391", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cbc:IndustryClassificationCode"},
    {"UBL-CR-392", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:PartyIdentification"},
    {"UBL-CR-393", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:Language"},
    {"UBL-CR-394", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:PostalAddress"},
    {"UBL-CR-395", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:PhysicalLocation"},
    {"UBL-CR-396", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:PartyTaxScheme"},
    {"UBL-CR-397", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:PartyLegalEntity"},
    {"UBL-CR-398", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:Contact"},
    {"UBL-CR-399", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:Person"},
    {"UBL-CR-400", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:AgentParty"},
    {"UBL-CR-401", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:ServiceProviderParty"},
    {"UBL-CR-402", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:PowerOfAttorney"},
    {"UBL-CR-403", C::root, Kind::absent, "cac:Delivery/cac:DeliveryParty/cac:FinancialAccount"},
    {"UBL-CR-404", C::root, Kind::absent, "cac:Delivery/cac:NotifyParty"},
    {"UBL-CR-405", C::root, Kind::absent, "cac:Delivery/cac:Despatch"},
    {"UBL-CR-406", C::root, Kind::absent, "cac:Delivery/cac:DeliveryTerms"},
    {"UBL-CR-407", C::root, Kind::absent, "cac:Delivery/cac:MinimumDeliveryUnit"},
    {"UBL-CR-408", C::root, Kind::absent, "cac:Delivery/cac:MaximumDeliveryUnit"},
    {"UBL-CR-409", C::root, Kind::absent, "cac:Delivery/cac:Shipment"},
    {"UBL-CR-410", C::root, Kind::absent, "cac:DeliveryTerms"},
    {"UBL-CR-411", C::root, Kind::absent, "cac:PaymentMeans/cbc:ID"},
    {"UBL-CR-413", C::root, Kind::absent, "cac:PaymentMeans/cbc:PaymentChannelCode"},
    {"UBL-CR-414", C::root, Kind::absent, "cac:PaymentMeans/cbc:InstructionID"},
    {"UBL-CR-415", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:CardTypeCode"},
    {"UBL-CR-416", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:ValidityStartDate"},
    {"UBL-CR-417", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:ExpiryDate"},
    {"UBL-CR-418", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:IssuerID"},
    {"UBL-CR-419", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:IssueNumberID"},
    {"UBL-CR-420", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:CV2ID"},
    {"UBL-CR-421", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:CardChipCode"},
    {"UBL-CR-422", C::root, Kind::absent, "cac:PaymentMeans/cac:CardAccount/cbc:ChipApplicationID"},
    {"UBL-CR-424", C::root, Kind::absent, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AliasName"},
    {"UBL-CR-425", C::root, Kind::absent, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AccountTypeCode"},
    {"UBL-CR-426", C::root, Kind::absent, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:AccountFormatCode"},
    {"UBL-CR-427", C::root, Kind::absent, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:CurrencyCode"},
    {"UBL-CR-428", C::root, Kind::absent, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:PaymentNote"},
    {"UBL-CR-429", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:Name"},
    {"UBL-CR-430", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:FinancialInstitution/"
     "cbc:Name"},
    {"UBL-CR-431", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:FinancialInstitution/"
     "cac:Address"},
    {"UBL-CR-432", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cac:Address"},
    {"UBL-CR-433", C::root, Kind::absent, "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:Country"},
    {"UBL-CR-434", C::root, Kind::absent, "cac:PaymentMeans/cac:CreditAccount"},
    {"UBL-CR-435", C::root, Kind::absent, "cac:PaymentMeans/cac:PaymentMandate/cbc:MandateTypeCode"},
    {"UBL-CR-436", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cbc:MaximumPaymentInstructionsNumeric"},
    {"UBL-CR-437", C::root, Kind::absent, "cac:PaymentMeans/cac:PaymentMandate/cbc:MaximumPaidAmount"},
    {"UBL-CR-438", C::root, Kind::absent, "cac:PaymentMeans/cac:PaymentMandate/cbc:SignatureID"},
    {"UBL-CR-439", C::root, Kind::absent, "cac:PaymentMeans/cac:PaymentMandate/cac:PayerParty"},
    {"UBL-CR-440", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:Name"},
    {"UBL-CR-441", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AliasName"},
    {"UBL-CR-442", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AccountTypeCode"},
    {"UBL-CR-443", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:AccountFormatCode"},
    {"UBL-CR-444", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:CurrencyCode"},
    {"UBL-CR-445", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:PaymentNote"},
    {"UBL-CR-446", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cac:FinancialInstitutionBranch"},
    {"UBL-CR-447", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cac:Country"},
    {"UBL-CR-448", C::root, Kind::absent, "cac:PaymentMeans/cac:PaymentMandate/cac:ValidityPeriod"},
    {"UBL-CR-449", C::root, Kind::absent, "cac:PaymentMeans/cac:PaymentMandate/cac:PaymentReversalPeriod"},
    {"UBL-CR-450", C::root, Kind::absent, "cac:PaymentMeans/cac:PaymentMandate/cac:Clause"},
    {"UBL-CR-451", C::root, Kind::absent, "cac:PaymentMeans/cac:TradeFinancing"},
    {"UBL-CR-452", C::root, Kind::absent, "cac:PaymentTerms/cbc:ID"},
    {"UBL-CR-453", C::root, Kind::absent, "cac:PaymentTerms/cbc:PaymentMeansID"},
    {"UBL-CR-454", C::root, Kind::absent, "cac:PaymentTerms/cbc:PrepaidPaymentReferenceID"},
    {"UBL-CR-455", C::root, Kind::absent, "cac:PaymentTerms/cbc:ReferenceEventCode"},
    {"UBL-CR-456", C::root, Kind::absent, "cac:PaymentTerms/cbc:SettlementDiscountPercent"},
    {"UBL-CR-457", C::root, Kind::absent, "cac:PaymentTerms/cbc:PenaltySurchargePercent"},
    {"UBL-CR-458", C::root, Kind::absent, "cac:PaymentTerms/cbc:PaymentPercent"},
    {"UBL-CR-459", C::root, Kind::absent, "cac:PaymentTerms/cbc:Amount"},
    {"UBL-CR-460", C::root, Kind::absent, "cac:PaymentTerms/cbc:SettlementDiscountAmount"},
    {"UBL-CR-461", C::root, Kind::absent, "cac:PaymentTerms/cbc:PenaltyAmount"},
    {"UBL-CR-462", C::root, Kind::absent, "cac:PaymentTerms/cbc:PaymentTermsDetailsURI"},
    {"UBL-CR-463", C::root, Kind::absent, "cac:PaymentTerms/cbc:PaymentDueDate"},
    {"UBL-CR-464", C::root, Kind::absent, "cac:PaymentTerms/cbc:InstallmentDueDate"},
    {"UBL-CR-465", C::root, Kind::absent, "cac:PaymentTerms/cbc:InvoicingPartyReference"},
    {"UBL-CR-466", C::root, Kind::absent, "cac:PaymentTerms/cac:SettlementPeriod"},
    {"UBL-CR-467", C::root, Kind::absent, "cac:PaymentTerms/cac:PenaltyPeriod"},
    {"UBL-CR-468", C::root, Kind::absent, "cac:PaymentTerms/cac:ExchangeRate"},
    {"UBL-CR-469", C::root, Kind::absent, "cac:PaymentTerms/cac:ValidityPeriod"},
    {"UBL-CR-470", C::root, Kind::absent, "cac:PrepaidPayment"},
    {"UBL-CR-471", C::root, Kind::absent, "cac:AllowanceCharge/cbc:ID"},
    {"UBL-CR-472", C::root, Kind::absent, "cac:AllowanceCharge/cbc:PrepaidIndicator"},
    {"UBL-CR-473", C::root, Kind::absent, "cac:AllowanceCharge/cbc:SequenceNumeric"},
    {"UBL-CR-474", C::root, Kind::absent, "cac:AllowanceCharge/cbc:AccountingCostCode"},
    {"UBL-CR-475", C::root, Kind::absent, "cac:AllowanceCharge/cbc:AccountingCost"},
    {"UBL-CR-476", C::root, Kind::absent, "cac:AllowanceCharge/cbc:PerUnitAmount"},
    {"UBL-CR-477", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cbc:Name"},
    {"UBL-CR-478", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cbc:BaseUnitMeasure"},
    {"UBL-CR-479", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cbc:PerUnitAmount"},
    {"UBL-CR-480", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cbc:TaxExemptionReasonCode"},
    {"UBL-CR-481", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cbc:TaxExemptionReason"},
    {"UBL-CR-482", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cbc:TierRange"},
    {"UBL-CR-483", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cbc:TierRatePercent"},
    {"UBL-CR-484", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:Name"},
    {"UBL-CR-485", C::root, Kind::absent,
     "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode"},
    {"UBL-CR-486", C::root, Kind::absent,
     "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cbc:CurrencyCode"},
    {"UBL-CR-487", C::root, Kind::absent,
     "cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress"},
    {"UBL-CR-488", C::root, Kind::absent, "cac:AllowanceCharge/cac:TaxTotal"},
    {"UBL-CR-489", C::root, Kind::absent, "cac:AllowanceCharge/cac:PaymentMeans"},
    {"UBL-CR-490", C::root, Kind::absent, "cac:TaxExchangeRate"},
    {"UBL-CR-491", C::root, Kind::absent, "cac:PricingExchangeRate"},
    {"UBL-CR-492", C::root, Kind::absent, "cac:PaymentExchangeRate"},
    {"UBL-CR-493", C::root, Kind::absent, "cac:PaymentAlternativeExchangeRate"},
    {"UBL-CR-494", C::root, Kind::absent, "cac:TaxTotal/cbc:RoundingAmount"},
    {"UBL-CR-495", C::root, Kind::absent, "cac:TaxTotal/cbc:TaxEvidenceIndicator"},
    {"UBL-CR-496", C::root, Kind::absent, "cac:TaxTotal/cbc:TaxIncludedIndicator"},
    {"UBL-CR-497", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cbc:CalculationSequenceNumeric"},
    {"UBL-CR-498", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cbc:TransactionCurrencyTaxAmount"},
    {"UBL-CR-499", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cbc:Percent"},
    {"UBL-CR-500", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cbc:BaseUnitMeasure"},
    {"UBL-CR-501", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cbc:PerUnitAmount"},
    {"UBL-CR-502", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cbc:TierRange"},
    {"UBL-CR-503", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cbc:TierRatePercent"},
    {"UBL-CR-504", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Name"},
    {"UBL-CR-505", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:BaseUnitMeasure"},
    {"UBL-CR-506", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:PerUnitAmount"},
    {"UBL-CR-507", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TierRange"},
    {"UBL-CR-508", C::root, Kind::absent, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TierRatePercent"},
    {"UBL-CR-509", C::root, Kind::absent,
     "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:Name"},
    {"UBL-CR-510", C::root, Kind::absent,
     "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:TaxTypeCode"},
    {"UBL-CR-511", C::root, Kind::absent,
     "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cbc:CurrencyCode"},
    {"UBL-CR-512", C::root, Kind::absent,
     "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress"},
    {"UBL-CR-513", C::root, Kind::absent, "cac:WithholdingTaxTotal"},
    {"UBL-CR-514", C::root, Kind::absent, "cac:LegalMonetaryTotal/cbc:PayableAlternativeAmount"},
    {"UBL-CR-515", C::root, Kind::absent, "cac:InvoiceLine/cbc:UUID"},
    {"UBL-CR-515", C::root, Kind::absent, "cac:CreditNoteLine/cbc:UUID"},
    {"UBL-CR-516", C::root, Kind::absent, "cac:InvoiceLine/cbc:TaxPointDate"},
    {"UBL-CR-516", C::root, Kind::absent, "cac:CreditNoteLine/cbc:TaxPointDate"},
    {"UBL-CR-517", C::root, Kind::absent, "cac:InvoiceLine/cbc:AccountingCostCode"},
    {"UBL-CR-517", C::root, Kind::absent, "cac:CreditNoteLine/cbc:AccountingCostCode"},
    {"UBL-CR-518", C::root, Kind::absent, "cac:InvoiceLine/cbc:PaymentPurposeCode"},
    {"UBL-CR-518", C::root, Kind::absent, "cac:CreditNoteLine/cbc:PaymentPurposeCode"},
    {"UBL-CR-519", C::root, Kind::absent, "cac:InvoiceLine/cbc:FreeOfChargeIndicator"},
    {"UBL-CR-519", C::root, Kind::absent, "cac:CreditNoteLine/cbc:FreeOfChargeIndicator"},
    {"UBL-CR-520", C::root, Kind::absent, "cac:InvoiceLine/cac:InvoicePeriod/cbc:StartTime"},
    {"UBL-CR-520", C::root, Kind::absent, "cac:CreditNoteLine/cac:InvoicePeriod/cbc:StartTime"},
    {"UBL-CR-521", C::root, Kind::absent, "cac:InvoiceLine/cac:InvoicePeriod/cbc:EndTime"},
    {"UBL-CR-521", C::root, Kind::absent, "cac:CreditNoteLine/cac:InvoicePeriod/cbc:EndTime"},
    {"UBL-CR-522", C::root, Kind::absent, "cac:InvoiceLine/cac:InvoicePeriod/cbc:DurationMeasure"},
    {"UBL-CR-522", C::root, Kind::absent, "cac:CreditNoteLine/cac:InvoicePeriod/cbc:DurationMeasure"},
    {"UBL-CR-523", C::root, Kind::absent, "cac:InvoiceLine/cac:InvoicePeriod/cbc:DescriptionCode"},
    {"UBL-CR-523", C::root, Kind::absent, "cac:CreditNoteLine/cac:InvoicePeriod/cbc:DescriptionCode"},
    {"UBL-CR-524", C::root, Kind::absent, "cac:InvoiceLine/cac:InvoicePeriod/cbc:Description"},
    {"UBL-CR-524", C::root, Kind::absent, "cac:CreditNoteLine/cac:InvoicePeriod/cbc:Description"},
    {"UBL-CR-525", C::root, Kind::absent, "cac:InvoiceLine/cac:OrderLineReference/cbc:SalesOrderLineID"},
    {"UBL-CR-525", C::root, Kind::absent, "cac:CreditNoteLine/cac:OrderLineReference/cbc:SalesOrderLineID"},
    {"UBL-CR-526", C::root, Kind::absent, "cac:InvoiceLine/cac:OrderLineReference/cbc:UUID"},
    {"UBL-CR-526", C::root, Kind::absent, "cac:CreditNoteLine/cac:OrderLineReference/cbc:UUID"},
    {"UBL-CR-527", C::root, Kind::absent, "cac:InvoiceLine/cac:OrderLineReference/cbc:LineStatusCode"},
    {"UBL-CR-527", C::root, Kind::absent, "cac:CreditNoteLine/cac:OrderLineReference/cbc:LineStatusCode"},
    {"UBL-CR-528", C::root, Kind::absent, "cac:InvoiceLine/cac:OrderLineReference/cac:OrderReference"},
    {"UBL-CR-528", C::root, Kind::absent, "cac:CreditNoteLine/cac:OrderLineReference/cac:OrderReference"},
    {"UBL-CR-529", C::root, Kind::absent, "cac:InvoiceLine/cac:DespatchLineReference"},
    {"UBL-CR-529", C::root, Kind::absent, "cac:CreditNoteLine/cac:DespatchLineReference"},
    {"UBL-CR-530", C::root, Kind::absent, "cac:InvoiceLine/cac:ReceiptLineReference"},
    {"UBL-CR-530", C::root, Kind::absent, "cac:CreditNoteLine/cac:ReceiptLineReference"},
    {"UBL-CR-531", C::root, Kind::absent, "cac:InvoiceLine/cac:BillingReference"},
    {"UBL-CR-531", C::root, Kind::absent, "cac:CreditNoteLine/cac:BillingReference"},
    {"UBL-CR-532", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-532", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:CopyIndicator"},
    {"UBL-CR-533", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:UUID"},
    {"UBL-CR-533", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:UUID"},
    {"UBL-CR-534", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:IssueDate"},
    {"UBL-CR-534", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:IssueDate"},
    {"UBL-CR-535", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:IssueTime"},
    {"UBL-CR-535", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:IssueTime"},
    {"UBL-CR-537", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:DocumentType"},
    {"UBL-CR-537", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:DocumentType"},
    {"UBL-CR-538", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:XPath"},
    {"UBL-CR-538", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:XPath"},
    {"UBL-CR-539", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:LanguageID"},
    {"UBL-CR-539", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:LanguageID"},
    {"UBL-CR-540", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:LocaleCode"},
    {"UBL-CR-540", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:LocaleCode"},
    {"UBL-CR-541", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:VersionID"},
    {"UBL-CR-541", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:VersionID"},
    {"UBL-CR-542", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-542", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:DocumentStatusCode"},
    {"UBL-CR-543", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cbc:DocumentDescription"},
    {"UBL-CR-543", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cbc:DocumentDescription"},
    {"UBL-CR-544", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cac:Attachment"},
    {"UBL-CR-544", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cac:Attachment"},
    {"UBL-CR-545", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-545", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cac:ValidityPeriod"},
    {"UBL-CR-546", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cac:IssuerParty"},
    {"UBL-CR-546", C::root, Kind::absent, "cac:CreditNoteLine/cac:DocumentReference/cac:IssuerParty"},
    {"UBL-CR-547", C::root, Kind::absent, "cac:InvoiceLine/cac:DocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-547", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:DocumentReference/cac:ResultOfVerification"},
    {"UBL-CR-548", C::root, Kind::absent, "cac:InvoiceLine/cac:PricingReference"},
    {"UBL-CR-548", C::root, Kind::absent, "cac:CreditNoteLine/cac:PricingReference"},
    {"UBL-CR-549", C::root, Kind::absent, "cac:InvoiceLine/cac:OriginatorParty"},
    {"UBL-CR-549", C::root, Kind::absent, "cac:CreditNoteLine/cac:OriginatorParty"},
    {"UBL-CR-550", C::root, Kind::absent, "cac:InvoiceLine/cac:Delivery"},
    {"UBL-CR-550", C::root, Kind::absent, "cac:CreditNoteLine/cac:Delivery"},
    {"UBL-CR-551", C::root, Kind::absent, "cac:InvoiceLine/cac:PaymentTerms"},
    {"UBL-CR-551", C::root, Kind::absent, "cac:CreditNoteLine/cac:PaymentTerms"},
    {"UBL-CR-552", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cbc:ID"},
    {"UBL-CR-552", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cbc:ID"},
    {"UBL-CR-553", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cbc:PrepaidIndicator"},
    {"UBL-CR-553", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cbc:PrepaidIndicator"},
    {"UBL-CR-554", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cbc:SequenceNumeric"},
    {"UBL-CR-554", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cbc:SequenceNumeric"},
    {"UBL-CR-555", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cbc:AccountingCostCode"},
    {"UBL-CR-555", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cbc:AccountingCostCode"},
    {"UBL-CR-556", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cbc:AccountingCost"},
    {"UBL-CR-556", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cbc:AccountingCost"},
    {"UBL-CR-557", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cbc:PerUnitAmount"},
    {"UBL-CR-557", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cbc:PerUnitAmount"},
    {"UBL-CR-558", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cac:TaxCategory"},
    {"UBL-CR-558", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cac:TaxCategory"},
    {"UBL-CR-559", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cac:TaxTotal"},
    {"UBL-CR-559", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cac:TaxTotal"},
    {"UBL-CR-560", C::root, Kind::absent, "cac:InvoiceLine/cac:AllowanceCharge/cac:PaymentMeans"},
    {"UBL-CR-560", C::root, Kind::absent, "cac:CreditNoteLine/cac:AllowanceCharge/cac:PaymentMeans"},
    {"UBL-CR-561", C::root, Kind::absent, "cac:InvoiceLine/cac:TaxTotal"},
    {"UBL-CR-561", C::root, Kind::absent, "cac:CreditNoteLine/cac:TaxTotal"},
    {"UBL-CR-562", C::root, Kind::absent, "cac:InvoiceLine/cac:WithholdingTaxTotal"},
    {"UBL-CR-562", C::root, Kind::absent, "cac:CreditNoteLine/cac:WithholdingTaxTotal"},
    {"UBL-CR-563", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:PackQuantity"},
    {"UBL-CR-563", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:PackQuantity"},
    {"UBL-CR-564", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:PackSizeNumeric"},
    {"UBL-CR-564", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:PackSizeNumeric"},
    {"UBL-CR-565", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:CatalogueIndicator"},
    {"UBL-CR-565", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:CatalogueIndicator"},
    {"UBL-CR-566", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:HazardousRiskIndicator"},
    {"UBL-CR-566", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:HazardousRiskIndicator"},
    {"UBL-CR-567", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:AdditionalInformation"},
    {"UBL-CR-567", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:AdditionalInformation"},
    {"UBL-CR-568", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:Keyword"},
    {"UBL-CR-568", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:Keyword"},
    {"UBL-CR-569", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:BrandName"},
    {"UBL-CR-569", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:BrandName"},
    {"UBL-CR-570", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cbc:ModelName"},
    {"UBL-CR-570", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cbc:ModelName"},
    {"UBL-CR-571", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:BuyersItemIdentification/cbc:ExtendedID"},
    {"UBL-CR-571", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:BuyersItemIdentification/cbc:ExtendedID"},
    {"UBL-CR-572", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:BuyersItemIdentification/cbc:BarcodeSymbologyID"},
    {"UBL-CR-572", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:BuyersItemIdentification/cbc:BarcodeSymbologyID"},
    {"UBL-CR-573", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:BuyersItemIdentification/cac:PhysicalAttribute"},
    {"UBL-CR-573", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:BuyersItemIdentification/cac:PhysicalAttribute"},
    {"UBL-CR-574", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:BuyersItemIdentification/cac:MeasurementDimension"},
    {"UBL-CR-574", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:BuyersItemIdentification/cac:MeasurementDimension"},
    {"UBL-CR-575", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:BuyersItemIdentification/cac:IssuerParty"},
    {"UBL-CR-575", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:BuyersItemIdentification/cac:IssuerParty"},
    {"UBL-CR-576", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:SellersItemIdentification/cbc:ExtendedID"},
    {"UBL-CR-576", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:SellersItemIdentification/cbc:ExtendedID"},
    {"UBL-CR-577", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:SellersItemIdentification/cbc:BarcodeSymbologyID"},
    {"UBL-CR-577", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:SellersItemIdentification/cbc:BarcodeSymbologyID"},
    {"UBL-CR-578", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:SellersItemIdentification/cac:PhysicalAttribute"},
    {"UBL-CR-578", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:SellersItemIdentification/cac:PhysicalAttribute"},
    {"UBL-CR-579", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:SellersItemIdentification/cac:MeasurementDimension"},
    {"UBL-CR-579", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:SellersItemIdentification/cac:MeasurementDimension"},
    {"UBL-CR-580", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:SellersItemIdentification/cac:IssuerParty"},
    {"UBL-CR-580", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:SellersItemIdentification/cac:IssuerParty"},
    {"UBL-CR-581", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:ManufacturersItemIdentification"},
    {"UBL-CR-581", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:ManufacturersItemIdentification"},
    {"UBL-CR-582", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:StandardItemIdentification/cbc:ExtendedID"},
    {"UBL-CR-582", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:StandardItemIdentification/cbc:ExtendedID"},
    {"UBL-CR-583", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:StandardItemIdentification/cbc:BarcodeSymbologyID"},
    {"UBL-CR-583", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:StandardItemIdentification/cbc:BarcodeSymbologyID"},
    {"UBL-CR-584", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:StandardItemIdentification/cac:PhysicalAttribute"},
    {"UBL-CR-584", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:StandardItemIdentification/cac:PhysicalAttribute"},
    {"UBL-CR-585", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:StandardItemIdentification/cac:MeasurementDimension"},
    {"UBL-CR-585", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:StandardItemIdentification/cac:MeasurementDimension"},
    {"UBL-CR-586", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:StandardItemIdentification/cac:IssuerParty"},
    {"UBL-CR-586", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:StandardItemIdentification/cac:IssuerParty"},
    {"UBL-CR-587", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:CatalogueItemIdentification"},
    {"UBL-CR-587", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:CatalogueItemIdentification"},
    {"UBL-CR-588", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:AdditionalItemIdentification"},
    {"UBL-CR-588", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:AdditionalItemIdentification"},
    {"UBL-CR-589", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:CatalogueDocumentReference"},
    {"UBL-CR-589", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:CatalogueDocumentReference"},
    {"UBL-CR-590", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:ItemSpecificationDocumentReference"},
    {"UBL-CR-590", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ItemSpecificationDocumentReference"},
    {"UBL-CR-591", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:OriginCountry/cbc:Name"},
    {"UBL-CR-591", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:OriginCountry/cbc:Name"},
    {"UBL-CR-592", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:CommodityClassification/cbc:NatureCode"},
    {"UBL-CR-592", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:CommodityClassification/cbc:NatureCode"},
    {"UBL-CR-593", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:CommodityClassification/cbc:CargoTypeCode"},
    {"UBL-CR-593", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:CommodityClassification/cbc:CargoTypeCode"},
    {"UBL-CR-594", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:CommodityClassification/cbc:CommodityCode"},
    {"UBL-CR-594", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:CommodityClassification/cbc:CommodityCode"},
    {"UBL-CR-595", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:TransactionConditions"},
    {"UBL-CR-595", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:TransactionConditions"},
    {"UBL-CR-596", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:HazardousItem"},
    {"UBL-CR-596", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:HazardousItem"},
    {"UBL-CR-597", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:Name"},
    {"UBL-CR-597", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cbc:Name"},
    {"UBL-CR-598", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:BaseUnitMeasure"},
    {"UBL-CR-598", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cbc:BaseUnitMeasure"},
    {"UBL-CR-599", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:PerUnitAmount"},
    {"UBL-CR-599", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cbc:PerUnitAmount"},
    {"UBL-CR-600", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReasonCode"},
    {"UBL-CR-600", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReasonCode"},
    {"UBL-CR-601", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReason"},
    {"UBL-CR-601", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReason"},
    {"UBL-CR-602", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TierRange"},
    {"UBL-CR-602", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TierRange"},
    {"UBL-CR-603", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TierRatePercent"},
    {"UBL-CR-603", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cbc:TierRatePercent"},
    {"UBL-CR-604", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:Name"},
    {"UBL-CR-604", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:Name"},
    {"UBL-CR-605", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:TaxTypeCode"},
    {"UBL-CR-605", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:TaxTypeCode"},
    {"UBL-CR-606", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:CurrencyCode"},
    {"UBL-CR-606", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:CurrencyCode"},
    {"UBL-CR-607", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress"},
    {"UBL-CR-607", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:ClassifiedTaxCategory/cac:TaxScheme/cac:JurisdictionRegionAddress"},
    {"UBL-CR-608", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:ID"},
    {"UBL-CR-608", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:ID"},
    {"UBL-CR-609", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:NameCode"},
    {"UBL-CR-609", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:NameCode"},
    {"UBL-CR-610", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:TestMethod"},
    {"UBL-CR-610", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:TestMethod"},
    {"UBL-CR-611", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:ValueQuantity"},
    {"UBL-CR-611", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:ValueQuantity"},
    {"UBL-CR-612", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:ValueQualifier"},
    {"UBL-CR-612", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:ValueQualifier"},
    {"UBL-CR-613", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:ImportanceCode"},
    {"UBL-CR-613", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:ImportanceCode"},
    {"UBL-CR-614", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cbc:ListValue"},
    {"UBL-CR-614", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cbc:ListValue"},
    {"UBL-CR-615", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cac:UsabilityPeriod"},
    {"UBL-CR-615", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cac:UsabilityPeriod"},
    {"UBL-CR-616", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyGroup"},
    {"UBL-CR-616", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyGroup"},
    {"UBL-CR-617", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cac:RangeDimension"},
    {"UBL-CR-617", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cac:RangeDimension"},
    {"UBL-CR-618", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyRange"},
    {"UBL-CR-618", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Item/cac:AdditionalItemProperty/cac:ItemPropertyRange"},
    {"UBL-CR-619", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:ManufacturerParty"},
    {"UBL-CR-619", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:ManufacturerParty"},
    {"UBL-CR-620", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:InformationContentProviderParty"},
    {"UBL-CR-620", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:InformationContentProviderParty"},
    {"UBL-CR-621", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:OriginAddress"},
    {"UBL-CR-621", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:OriginAddress"},
    {"UBL-CR-622", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:ItemInstance"},
    {"UBL-CR-622", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:ItemInstance"},
    {"UBL-CR-623", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:Certificate"},
    {"UBL-CR-623", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:Certificate"},
    {"UBL-CR-624", C::root, Kind::absent, "cac:InvoiceLine/cac:Item/cac:Dimension"},
    {"UBL-CR-624", C::root, Kind::absent, "cac:CreditNoteLine/cac:Item/cac:Dimension"},
    {"UBL-CR-625", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cbc:PriceChangeReason"},
    {"UBL-CR-625", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cbc:PriceChangeReason"},
    {"UBL-CR-626", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cbc:PriceTypeCode"},
    {"UBL-CR-626", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cbc:PriceTypeCode"},
    {"UBL-CR-627", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cbc:PriceType"},
    {"UBL-CR-627", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cbc:PriceType"},
    {"UBL-CR-628", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cbc:OrderableUnitFactorRate"},
    {"UBL-CR-628", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cbc:OrderableUnitFactorRate"},
    {"UBL-CR-629", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cbc:ValidityPeriod"},
    {"UBL-CR-629", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cbc:ValidityPeriod"},
    {"UBL-CR-630", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cbc:PriceList"},
    {"UBL-CR-630", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cbc:PriceList"},
    {"UBL-CR-632", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:ID"},
    {"UBL-CR-632", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:ID"},
    {"UBL-CR-633", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode"},
    {"UBL-CR-633", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode"},
    {"UBL-CR-634", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason"},
    {"UBL-CR-634", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason"},
    {"UBL-CR-635", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric"},
    {"UBL-CR-635", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric"},
    {"UBL-CR-636", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:PrepaidIndicator"},
    {"UBL-CR-636", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:PrepaidIndicator"},
    {"UBL-CR-637", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:SequenceNumeric"},
    {"UBL-CR-637", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:SequenceNumeric"},
    {"UBL-CR-638", C::root, Kind::absent,
     "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:AccountingCostCode"},
    {"UBL-CR-638", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:AccountingCostCode"},
    {"UBL-CR-639", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:AccountingCost"},
    {"UBL-CR-639", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:AccountingCost"},
    {"UBL-CR-640", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cbc:PerUnitAmount"},
    {"UBL-CR-640", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cbc:PerUnitAmount"},
    {"UBL-CR-641", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cac:TaxCategory"},
    {"UBL-CR-641", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cac:TaxCategory"},
    {"UBL-CR-642", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cac:TaxTotal"},
    {"UBL-CR-642", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cac:TaxTotal"},
    {"UBL-CR-643", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cac:AllowanceCharge/cac:PaymentMeans"},
    {"UBL-CR-643", C::root, Kind::absent,
     "cac:CreditNoteLine/cac:Price/cac:AllowanceCharge/cac:PaymentMeans"},
    {"UBL-CR-644", C::root, Kind::absent, "cac:InvoiceLine/cac:Price/cac:PricingExchangeRate"},
    {"UBL-CR-644", C::root, Kind::absent, "cac:CreditNoteLine/cac:Price/cac:PricingExchangeRate"},
    {"UBL-CR-645", C::root, Kind::absent, "cac:InvoiceLine/cac:DeliveryTerms"},
    {"UBL-CR-645", C::root, Kind::absent, "cac:CreditNoteLine/cac:DeliveryTerms"},
    {"UBL-CR-646", C::root, Kind::absent, "cac:InvoiceLine/cac:SubInvoiceLine"},
    {"UBL-CR-646", C::root, Kind::absent, "cac:CreditNoteLine/cac:SubInvoiceLine"},
    {"UBL-CR-647", C::root, Kind::absent, "cac:InvoiceLine/cac:ItemPriceExtension"},
    {"UBL-CR-647", C::root, Kind::absent, "cac:CreditNoteLine/cac:ItemPriceExtension"},
    {"UBL-CR-648", C::root, Kind::absent, "cbc:CustomizationID/@schemeID"},
    {"UBL-CR-649", C::root, Kind::absent, "cbc:ProfileID/@schemeID"},
    {"UBL-CR-650", C::root, Kind::absent, "cbc:ID/@schemeID"},
    {"UBL-CR-651", C::root, Kind::absent, "cbc:SalesOrderID/@schemeID"},
    {"UBL-CR-652", C::root, Kind::absent, "//cac:PartyTaxScheme/cbc:CompanyID/@schemeID"},
    {"UBL-CR-653", C::root, Kind::absent, "cac:PaymentMeans/cbc:PaymentID/@schemeID"},
    {"UBL-CR-654", C::root, Kind::absent, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID/@schemeID"},
    {"UBL-CR-655", C::root, Kind::absent,
     "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID/@schemeID"},
    {"UBL-CR-656", C::root, Kind::absent, "cbc:InvoiceTypeCode/@listID"},
    {"UBL-CR-657", C::root, Kind::absent, "cbc:DocumentCurrencyCode/@listID"},
    {"UBL-CR-658", C::root, Kind::absent, "cbc:TaxCurrencyCode/@listID"},
    {"UBL-CR-659", C::root, Kind::absent, "cac:AdditionalDocumentReference/cbc:DocumentTypeCode/@listID"},
    {"UBL-CR-660", C::root, Kind::absent, "//cac:Country/cbc:IdentificationCode/@listID"},
    {"UBL-CR-661", C::root, Kind::absent, "cac:PaymentMeans/cbc:PaymentMeansCode/@listID"},
    {"UBL-CR-662", C::root, Kind::absent, "//cbc:AllowanceChargeReasonCode/@listID"},
    {"UBL-CR-663", C::root, Kind::absent, "//@unitCodeListID"},
    {"UBL-CR-664", C::root, Kind::absent, "//cac:FinancialInstitution"},
    {"UBL-CR-667", C::root, Kind::absent, "//cac:BuyersItemIdentification/cbc:ID/@schemeID"},
    {"UBL-CR-668", C::root, Kind::absent, "//cac:SellersItemIdentification/cbc:ID/@schemeID"},
    {"UBL-CR-669", C::root, Kind::absent, "//cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReasonCode"},
    {"UBL-CR-670", C::root, Kind::absent, "//cac:Price/cac:AllowanceCharge/cbc:AllowanceChargeReason"},
    {"UBL-CR-671", C::root, Kind::absent, "//cac:Price/cac:AllowanceCharge/cbc:MultiplierFactorNumeric"},
    {"UBL-CR-672", C::root, Kind::absent, "cbc:CreditNoteTypeCode/@listID"},
    {"UBL-CR-674", C::root, Kind::absent, "//cbc:PrimaryAccountNumberID/@schemeID"},
    {"UBL-CR-675", C::root, Kind::absent, "//cac:CardAccount/cbc:NetworkID/@schemeID"},
    {"UBL-CR-676", C::root, Kind::absent, "//cac:PaymentMandate/cbc:ID/@schemeID"},
    {"UBL-CR-677", C::root, Kind::absent, "//cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID/@schemeID"},
    {"UBL-CR-678", C::root, Kind::absent, "//cac:TaxCategory/cbc:ID/@schemeID"},
    {"UBL-CR-679", C::root, Kind::absent, "//cac:ClassifiedTaxCategory/cbc:ID/@schemeID"},
    {"UBL-CR-680", C::root, Kind::absent, "//cac:PaymentMeans/cac:PayerFinancialAccount"},
    {"UBL-CR-681", C::root, Kind::absent, "cac:PaymentMeans/cbc:InstructionNote"},
    {"UBL-CR-682", C::root, Kind::absent, "cac:Delivery/cac:DeliveryAddress"},
    {"UBL-DT-08", C::root, Kind::absent, "//@schemeName"},
    {"UBL-DT-09", C::root, Kind::absent, "//@schemeAgencyName"},
    {"UBL-DT-10", C::root, Kind::absent, "//@schemeDataURI"},
    {"UBL-DT-11", C::root, Kind::absent, "//@schemeURI"},
    {"UBL-DT-12", C::root, Kind::absent, "//@format"},
    {"UBL-DT-13", C::root, Kind::absent, "//@unitCodeListIdentifier"},
    {"UBL-DT-14", C::root, Kind::absent, "//@unitCodeListAgencyIdentifier"},
    {"UBL-DT-15", C::root, Kind::absent, "//@unitCodeListAgencyName"},
    {"UBL-DT-16", C::root, Kind::absent, "//@listAgencyName"},
    {"UBL-DT-17", C::root, Kind::absent, "//@listName"},
    {"UBL-DT-19", C::root, Kind::absent, "//@languageID"},
    {"UBL-DT-20", C::root, Kind::absent, "//@listURI"},
    {"UBL-DT-21", C::root, Kind::absent, "//@listSchemeURI"},
    {"UBL-DT-22", C::root, Kind::absent, "//@languageLocaleID"},
    {"UBL-DT-23", C::root, Kind::absent, "//@uri"},
    {"UBL-DT-24", C::root, Kind::absent, "//@currencyCodeListVersionID"},
    {"UBL-DT-25", C::root, Kind::absent, "//@characterSetCode"},
    {"UBL-DT-26", C::root, Kind::absent, "//@encodingCode"},
    {"UBL-DT-27", C::root, Kind::absent, "//@schemeAgencyID"},
    {"UBL-DT-28", C::root, Kind::absent, "//@listAgencyID"},
    {"UBL-SR-01", C::root, Kind::at_most_one, "cac:ContractDocumentReference/cbc:ID"},
    {"UBL-SR-02", C::root, Kind::at_most_one, "cac:ReceiptDocumentReference/cbc:ID"},
    {"UBL-SR-03", C::root, Kind::at_most_one, "cac:DespatchDocumentReference/cbc:ID"},
    {"UBL-SR-05", C::root, Kind::at_most_one, "cac:PaymentTerms/cbc:Note"},
    {"UBL-SR-08", C::root, Kind::at_most_one, "cac:InvoicePeriod"},
    {"UBL-SR-09", C::root, Kind::at_most_one,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"},
    {"UBL-SR-10", C::root, Kind::at_most_one, "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name"},
    {"UBL-SR-11", C::root, Kind::at_most_one,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"},
    {"UBL-SR-14", C::root, Kind::at_most_one,
     "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm"},
    {"UBL-SR-15", C::root, Kind::at_most_one,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"},
    {"UBL-SR-16", C::root, Kind::at_most_one,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID"},
    {"UBL-SR-17", C::root, Kind::at_most_one,
     "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"},
    {"UBL-SR-24", C::root, Kind::at_most_one, "cac:Delivery"},
    {"UBL-SR-39", C::root, Kind::at_most_one, "cac:ProjectReference/cbc:ID"},
    {"UBL-SR-40", C::root, Kind::at_most_one, "cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name"},
    {"UBL-SR-45", C::root, Kind::at_most_one, "cac:PaymentMeans/cbc:PaymentDueDate"},
    {"UBL-SR-46", C::root, Kind::at_most_one, "cac:PaymentMeans/cbc:PaymentMeansCode/@name"},
    {"UBL-SR-49", C::root, Kind::at_most_one, "cac:InvoicePeriod/cbc:DescriptionCode"},
    {"UBL-SR-54", C::root, Kind::at_most_one, "cac:PaymentMeans/cac:CardAccount"},
    {"UBL-SR-55", C::root, Kind::at_most_one, "cac:PaymentMeans/cac:PaymentMandate"},
    {"UBL-SR-56", C::root, Kind::at_most_one, "cac:OriginatorDocumentReference/cbc:ID"},
    {"UBL-SR-34", C::line, Kind::at_most_one, "cbc:Note"},
    {"UBL-SR-35", C::line, Kind::at_most_one, "cac:OrderLineReference/cbc:LineID"},
    {"UBL-SR-36", C::line, Kind::at_most_one, "cac:InvoicePeriod"},
    {"UBL-SR-37", C::line, Kind::at_most_one, "cac:Price/cac:AllowanceCharge/cbc:Amount"},
    {"UBL-SR-48", C::line, Kind::exactly_one, "cac:Item/cac:ClassifiedTaxCategory"},
    {"UBL-SR-50", C::line, Kind::at_most_one, "cac:Item/cbc:Description"},
    {"UBL-SR-52", C::line, Kind::at_most_one, "cac:DocumentReference"},
    {"UBL-SR-26", C::payment_means, Kind::at_most_one, "cbc:PaymentID"},
    {"UBL-SR-27", C::payment_means, Kind::at_most_one, "cbc:PaymentMeansCode"},
    {"UBL-SR-28", C::payment_means, Kind::at_most_one, "cac:PaymentMandate/cbc:ID"},
    {"UBL-SR-06", C::billing_reference, Kind::at_most_one, "cac:InvoiceDocumentReference"},
    {"UBL-SR-07", C::billing_reference, Kind::present, "cac:InvoiceDocumentReference/cbc:ID"},
    {"UBL-SR-22", C::tax_representative, Kind::at_most_one, "cac:PartyName/cbc:Name"},
    {"UBL-SR-23", C::tax_representative, Kind::at_most_one, "cac:PartyTaxScheme/cbc:CompanyID"},
    {"UBL-SR-32", C::tax_subtotal, Kind::at_most_one, "cac:TaxCategory/cbc:TaxExemptionReason"},
};

// Local names the hooks switch on; their ids are their positions here.
enum Name : int {
  n_AccountingCustomerParty,
  n_AccountingSupplierParty,
  n_AdditionalDocumentReference,
  n_AllowanceCharge,
  n_AllowanceChargeReasonCode,
  n_Attachment,
  n_BaseQuantity,
  n_ChargeIndicator,
  n_ClassifiedTaxCategory,
  n_CommodityClassification,
  n_CompanyID,
  n_Country,
  n_CreditNote,
  n_CreditNoteTypeCode,
  n_CreditedQuantity,
  n_DeliveryLocation,
  n_DocumentCurrencyCode,
  n_DocumentDescription,
  n_DocumentReference,
  n_DocumentTypeCode,
  n_EmbeddedDocumentBinaryObject,
  n_EndpointID,
  n_ID,
  n_Invoice,
  n_InvoicePeriod,
  n_InvoiceTypeCode,
  n_InvoicedQuantity,
  n_ItemClassificationCode,
  n_Name,
  n_Note,
  n_OriginCountry,
  n_Party,
  n_PartyIdentification,
  n_PartyLegalEntity,
  n_PartyName,
  n_PartyTaxScheme,
  n_PayeeParty,
  n_PaymentDueDate,
  n_PaymentID,
  n_PaymentMeans,
  n_PaymentMeansCode,
  n_Price,
  n_RegistrationName,
  n_StandardItemIdentification,
  n_TaxCategory,
  n_TaxCurrencyCode,
  n_TaxExemptionReasonCode,
  n_TaxScheme,
  n_UBLExtensions,
  n_UBLVersionID,
  n_DescriptionCode,
  n_IdentificationCode,
  // BR-CL-03's amounts.
  n_Amount,
  n_BaseAmount,
  n_PriceAmount,
  n_TaxAmount,
  n_TaxableAmount,
  n_LineExtensionAmount,
  n_TaxExclusiveAmount,
  n_TaxInclusiveAmount,
  n_AllowanceTotalAmount,
  n_ChargeTotalAmount,
  n_PrepaidAmount,
  n_PayableRoundingAmount,
  n_PayableAmount,
  name_count,
};

constexpr std::array<std::string_view, name_count> names = {
    "AccountingCustomerParty",
    "AccountingSupplierParty",
    "AdditionalDocumentReference",
    "AllowanceCharge",
    "AllowanceChargeReasonCode",
    "Attachment",
    "BaseQuantity",
    "ChargeIndicator",
    "ClassifiedTaxCategory",
    "CommodityClassification",
    "CompanyID",
    "Country",
    "CreditNote",
    "CreditNoteTypeCode",
    "CreditedQuantity",
    "DeliveryLocation",
    "DocumentCurrencyCode",
    "DocumentDescription",
    "DocumentReference",
    "DocumentTypeCode",
    "EmbeddedDocumentBinaryObject",
    "EndpointID",
    "ID",
    "Invoice",
    "InvoicePeriod",
    "InvoiceTypeCode",
    "InvoicedQuantity",
    "ItemClassificationCode",
    "Name",
    "Note",
    "OriginCountry",
    "Party",
    "PartyIdentification",
    "PartyLegalEntity",
    "PartyName",
    "PartyTaxScheme",
    "PayeeParty",
    "PaymentDueDate",
    "PaymentID",
    "PaymentMeans",
    "PaymentMeansCode",
    "Price",
    "RegistrationName",
    "StandardItemIdentification",
    "TaxCategory",
    "TaxCurrencyCode",
    "TaxExemptionReasonCode",
    "TaxScheme",
    "UBLExtensions",
    "UBLVersionID",
    "DescriptionCode",
    "IdentificationCode",
    "Amount",
    "BaseAmount",
    "PriceAmount",
    "TaxAmount",
    "TaxableAmount",
    "LineExtensionAmount",
    "TaxExclusiveAmount",
    "TaxInclusiveAmount",
    "AllowanceTotalAmount",
    "ChargeTotalAmount",
    "PrepaidAmount",
    "PayableRoundingAmount",
    "PayableAmount",
};

const Ruleset& ruleset() {
  static const Ruleset r(names, contexts, path_rules);
  return r;
}

constexpr std::string_view ext_namespace =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";

// The namespace URI of an element's prefix, by its in-scope declarations. Only for the rare
// element whose namespace relance's resolver does not know.
std::string_view namespace_uri_of(pugi::xml_node node) {
  const char* qualified = node.name();
  const char* colon = std::strchr(qualified, ':');
  const std::string attribute =
      colon ? "xmlns:" + std::string(qualified, static_cast<std::size_t>(colon - qualified)) : "xmlns";
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent())
    if (pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  return {};
}

class UblHooks final : public Hooks {
 public:
  UblHooks(const XmlReader& x, pugi::xml_node root, Reporter& report)
      : x_(x),
        report_(report),
        credit_note_(x.ns().is(root, Ns::ubl_credit_note, "CreditNote")),
        syntax_(credit_note_ ? Syntax::ubl_credit_note : Syntax::ubl_invoice) {}

  bool accepts(int context, const Element& e) override {
    switch (context) {
      case C::amount:
        // Price amounts and everything under a price that has a discount keep their decimals.
        return !e.local.ends_with("PriceAmount") && price_discount_depth_ == 0;
      case C::allowance:
        return charge_indicator(e.node, false);
      case C::charge:
        return charge_indicator(e.node, true);
      default:
        return true;
    }
  }

  void enter(const Element& e) override {
    if (seller_or_payee(e)) {
      ++seller_or_payee_depth_;
      e.notify_leave = true;
    }
    if (e.name == n_Price && e.ns == Ns::cac && has_child(e.node, Ns::cac, "AllowanceCharge")) {
      ++price_discount_depth_;
      price_discounts_.push_back(e.node);
      e.notify_leave = true;
    }
    if (e.attributes) check_name_attributes(e);
    // Only children and grandchildren of the root, and the parties' tax schemes, concern it.
    if (e.parent && (!e.parent->parent || !e.parent->parent->parent || e.name == n_PartyTaxScheme))
      check_under_root(e);
    switch (e.context) {
      case C::amount:
        check_decimals(e);
        break;
      case C::additional_document:
        check_additional_document(e);
        break;
      case C::party_tax_scheme:
        if (!has_scheme_id(e.node) || !first_child(x_, e.node, Ns::cbc, "CompanyID"))
          report_.fail("UBL-SR-53", e.node,
                       "a party tax scheme needs both cac:TaxScheme/cbc:ID and cbc:CompanyID");
        break;
      case C::payee:
        check_payee(e);
        break;
      default:
        break;
    }
    if (e.ns == Ns::cbc) check_codes(e);
    if (e.ns == Ns::cbc && e.name == n_PaymentID) distinct_value("UBL-SR-44", e.node, payment_ids_);
    if (e.ns == Ns::cbc && e.name == n_PaymentMeansCode)
      distinct_value("UBL-SR-47", e.node, payment_means_codes_);
    if (e.ns == Ns::cbc && e.name == n_ID && e.parent && e.parent->name == n_PartyIdentification &&
        e.parent->ns == Ns::cac && upper_equals(e.node.attribute("schemeID").value(), "SEPA") &&
        ++sepa_ids_ == 2)
      report_.fail("UBL-SR-29", e.node, "more than one bank assigned creditor reference (scheme SEPA)");
  }

  void leave(const Element& e) override {
    if (seller_or_payee(e)) --seller_or_payee_depth_;
    if (!price_discounts_.empty() && price_discounts_.back() == e.node) {
      --price_discount_depth_;
      price_discounts_.pop_back();
    }
  }

 private:
  bool has_child(pugi::xml_node n, Ns ns, std::string_view local) const {
    return first_child(x_, n, ns, local);
  }

  // cac:AllowanceCharge[cbc:ChargeIndicator = false()] and = true(): any indicator with that value.
  bool charge_indicator(pugi::xml_node ac, bool value) const {
    bool found = false;
    for_each_child(x_, ac, Ns::cbc, "ChargeIndicator", [&](pugi::xml_node c) {
      std::string buffer;
      if (boolean_value(string_value(c, buffer)) == (value ? 1 : 0)) found = true;
    });
    return found;
  }

  // exists(cac:TaxScheme/cbc:ID)
  bool has_scheme_id(pugi::xml_node party_tax_scheme) const {
    bool found = false;
    for_each_child(x_, party_tax_scheme, Ns::cac, "TaxScheme",
                   [&](pugi::xml_node s) { found = found || first_child(x_, s, Ns::cbc, "ID"); });
    return found;
  }

  // cbc:DocumentTypeCode = 'v' (compared verbatim, as the artefact does).
  bool type_code_is(pugi::xml_node reference, std::string_view v) const {
    bool found = false;
    for_each_child(x_, reference, Ns::cbc, "DocumentTypeCode", [&](pugi::xml_node c) {
      std::string buffer;
      if (string_value(c, buffer) == v) found = true;
    });
    return found;
  }
  bool type_code_other_than(pugi::xml_node reference, std::string_view v) const {
    bool found = false;
    for_each_child(x_, reference, Ns::cbc, "DocumentTypeCode", [&](pugi::xml_node c) {
      std::string buffer;
      if (string_value(c, buffer) != v) found = true;
    });
    return found;
  }

  static bool upper_equals(std::string_view s, std::string_view upper) {
    if (s.size() != upper.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i] >= 'a' && s[i] <= 'z' ? static_cast<char>(s[i] - 'a' + 'A') : s[i];
      if (c != upper[i]) return false;
    }
    return true;
  }

  // Rules of the root context on children and grandchildren of the root, judged as the walk
  // passes them rather than by rescanning the root.
  void check_under_root(const Element& e) {
    const Element* p = e.parent;
    if (!p->parent) {  // a child of the root
      if (e.name == n_UBLExtensions && e.ns == Ns::other && !ubl_extensions_ &&
          namespace_uri_of(e.node) == ext_namespace) {
        ubl_extensions_ = true;
        report_.fail("UBL-CR-001", e.node, "UBL extensions are not used by EN 16931 and should be left out");
      }
      if (e.name == n_UBLVersionID && e.ns == Ns::cbc) {
        if (!version_) version_ = e.node;
        std::string buffer;
        version_21_ = version_21_ || string_value(e.node, buffer) == "2.1";
      }
      if (e.name == n_AdditionalDocumentReference && e.ns == Ns::cac && type_code_is(e.node, "130"))
        for_each_child(x_, e.node, Ns::cbc, "ID", [&](pugi::xml_node id) {
          if (++objects_ == 2)
            report_.fail("UBL-SR-04", id, "more than one invoiced object identifier (BT-18)");
        });
      return;
    }
    const Element* pp = p->parent;
    if (!pp->parent) {  // a grandchild
      if (e.name == n_PaymentDueDate && e.ns == Ns::cbc && p->name == n_PaymentMeans && p->ns == Ns::cac &&
          !credit_note_ && !cr412_) {
        cr412_ = true;
        report_.fail("UBL-CR-412", e.node,
                     "an Invoice gives its due date in cbc:DueDate, not in cac:PaymentMeans");
      }
      return;
    }
    // cac:Accounting{Supplier,Customer}Party/cac:Party/cac:PartyTaxScheme[...]/cbc:CompanyID
    if (e.name == n_PartyTaxScheme && e.ns == Ns::cac && p->name == n_Party && p->ns == Ns::cac &&
        !pp->parent->parent && pp->ns == Ns::cac &&
        (pp->name == n_AccountingSupplierParty || pp->name == n_AccountingCustomerParty)) {
      const bool seller = pp->name == n_AccountingSupplierParty;
      bool vat = false, other = false;
      for_each_child(x_, e.node, Ns::cac, "TaxScheme", [&](pugi::xml_node s) {
        // upper-case(()) is "", which is not 'VAT'.
        pugi::xml_node id = first_child(x_, s, Ns::cbc, "ID");
        std::string buffer;
        (id && upper_equals(string_value(id, buffer), "VAT") ? vat : other) = true;
      });
      for_each_child(x_, e.node, Ns::cbc, "CompanyID", [&](pugi::xml_node c) {
        if (vat && ++(seller ? seller_vat_ids_ : buyer_vat_ids_) == 2)
          report_.fail(seller ? "UBL-SR-12" : "UBL-SR-18", c,
                       seller ? "more than one seller VAT identifier (BT-31)"
                              : "more than one buyer VAT identifier (BT-48)");
        if (other && seller && ++seller_tax_ids_ == 2)
          report_.fail("UBL-SR-13", c, "more than one seller tax registration identifier (BT-32)");
      });
    }
  }

  void finish() override {
    if (version_ && !version_21_)
      report_.fail("UBL-CR-002", version_, "the UBL version should be left out or be 2.1");
  }

  void check_decimals(const Element& e) {
    std::string buffer;
    const std::string_view v = string_value(e.node, buffer);
    const std::size_t dot = v.find('.');
    if (dot == std::string_view::npos) return;
    std::size_t chars = 0;
    for (std::size_t i = dot + 1; i < v.size(); ++i)
      chars += (static_cast<unsigned char>(v[i]) & 0xC0) != 0x80;
    if (chars > 2) report_.fail("UBL-DT-01", e.node, quoted(trim(v)) + " has more than two decimals");
  }

  void check_additional_document(const Element& e) {
    pugi::xml_node d = e.node;
    const bool object = type_code_is(d, "130");
    const bool has_type = static_cast<bool>(first_child(x_, d, Ns::cbc, "DocumentTypeCode"));
    bool scheme = false;
    for_each_child(x_, d, Ns::cbc, "ID",
                   [&](pugi::xml_node id) { scheme = scheme || id.attribute("schemeID"); });
    if (!object && !(credit_note_ && type_code_is(d, "50")) && (scheme || has_type))
      report_.fail(
          "UBL-SR-43", d,
          "a scheme identifier or document type code is only for the invoiced object identifier (130)" +
              std::string(credit_note_ ? " or the project reference (50)" : ""));
    if ((type_code_other_than(d, "130") || !has_type) && scheme && !cr665_) {
      cr665_ = true;
      report_.fail("UBL-CR-665", d,
                   "only the invoiced object identifier (130) should have a scheme identifier");
    }
    if (object) {
      if (pugi::xml_node a = first_child(x_, d, Ns::cac, "Attachment"); a && !cr666_) {
        cr666_ = true;
        report_.fail("UBL-CR-666", a,
                     "the invoiced object identifier reference (130) must not have an attachment");
      }
      if (pugi::xml_node a = first_child(x_, d, Ns::cbc, "DocumentDescription"); a && !cr673_) {
        cr673_ = true;
        report_.fail("UBL-CR-673", a,
                     "the invoiced object identifier reference (130) must not have a description");
      }
    }
  }

  // (count(...) <= 1) and (cac:PartyName/cbc:Name !=
  // ../cac:AccountingSupplierParty/.../cbc:RegistrationName): the second half needs two differing names, so a
  // payee without a name fails all three.
  void check_payee(const Element& e) {
    pugi::xml_node p = e.node;
    std::vector<std::string> payee_names, seller_names;
    for_each_child(x_, p, Ns::cac, "PartyName", [&](pugi::xml_node pn) {
      for_each_child(x_, pn, Ns::cbc, "Name", [&](pugi::xml_node n) {
        std::string buffer;
        payee_names.emplace_back(string_value(n, buffer));
      });
    });
    for_each_child(x_, p.parent(), Ns::cac, "AccountingSupplierParty", [&](pugi::xml_node s) {
      for_each_child(x_, s, Ns::cac, "Party", [&](pugi::xml_node pp) {
        for_each_child(x_, pp, Ns::cac, "PartyLegalEntity", [&](pugi::xml_node le) {
          for_each_child(x_, le, Ns::cbc, "RegistrationName", [&](pugi::xml_node n) {
            std::string buffer;
            seller_names.emplace_back(string_value(n, buffer));
          });
        });
      });
    });
    bool differs = false;
    for (const auto& a : payee_names)
      for (const auto& b : seller_names) differs = differs || a != b;
    int ids = 0, legal = 0;
    for_each_child(x_, p, Ns::cac, "PartyIdentification", [&](pugi::xml_node pi) {
      for_each_child(x_, pi, Ns::cbc, "ID", [&](pugi::xml_node id) {
        ids += !upper_equals(id.attribute("schemeID").value(), "SEPA");
      });
    });
    for_each_child(x_, p, Ns::cac, "PartyLegalEntity", [&](pugi::xml_node le) {
      for_each_child(x_, le, Ns::cbc, "CompanyID", [&](pugi::xml_node) { ++legal; });
    });
    const std::string why = differs ? "" : "; the payee must be named and differ by name from the seller";
    if (payee_names.size() > 1 || !differs)
      report_.fail("UBL-SR-19", p,
                   "payee name (BT-59) given " + std::to_string(payee_names.size()) + " times" + why);
    if (ids > 1 || !differs)
      report_.fail("UBL-SR-20", p, "payee identifier (BT-60) given " + std::to_string(ids) + " times" + why);
    if (legal > 1 || !differs)
      report_.fail(
          "UBL-SR-21", p,
          "payee legal registration identifier (BT-61) given " + std::to_string(legal) + " times" + why);
  }

  // UBL-DT-18: a name attribute anywhere but on cbc:PaymentMeansCode.
  void check_name_attributes(const Element& e) {
    if (dt18_ || (e.name == n_PaymentMeansCode && e.ns == Ns::cbc)) return;
    if (e.node.attribute("name")) {
      dt18_ = true;
      report_.fail("UBL-DT-18", e.node, "the name attribute is only used on cbc:PaymentMeansCode");
    }
  }

  // count(//x[not(preceding::x/. = .)]) <= 1: all values equal.
  void distinct_value(std::string_view rule, pugi::xml_node node, std::vector<std::string>& seen) {
    std::string buffer;
    const std::string_view v = string_value(node, buffer);
    if (seen.empty()) {
      seen.emplace_back(v);
    } else if (seen.size() == 1 && seen.front() != v) {
      seen.emplace_back(v);
      report_.fail(rule, node, quoted(v) + " differs from the earlier " + quoted(seen.front()));
    }
  }

  // BR-CL-*: the code list checks, each on its context element.
  void check_codes(const Element& e) {
    const Element* p = e.parent;
    const auto parent_is = [&](Name n, Ns ns) { return p && p->name == n && p->ns == ns; };
    std::string buffer;
    switch (e.name) {
      case n_InvoiceTypeCode:
      case n_CreditNoteTypeCode: {
        const bool invoice = e.name == n_InvoiceTypeCode;
        const std::string_view v = string_value(e.node, buffer);
        if (!listed_(invoice ? CodeList::invoice_type : CodeList::credit_note_type, v))
          report_.fail(
              "BR-CL-01", e.node,
              quoted(v) + " is not a UNTDID 1001 " + (invoice ? "invoice" : "credit note") + " type code");
        break;
      }
      case n_Amount:
      case n_BaseAmount:
      case n_PriceAmount:
      case n_TaxAmount:
      case n_TaxableAmount:
      case n_LineExtensionAmount:
      case n_TaxExclusiveAmount:
      case n_TaxInclusiveAmount:
      case n_AllowanceTotalAmount:
      case n_ChargeTotalAmount:
      case n_PrepaidAmount:
      case n_PayableRoundingAmount:
      case n_PayableAmount: {
        const std::string_view v = e.node.attribute("currencyID").value();
        if (!listed_(CodeList::currency, v))
          report_.fail("BR-CL-03", e.node, "currencyID " + quoted(v) + " is not an ISO 4217 currency code");
        break;
      }
      case n_DocumentCurrencyCode:
      case n_TaxCurrencyCode: {
        const std::string_view v = string_value(e.node, buffer);
        if (!listed_(CodeList::currency, v))
          report_.fail(e.name == n_DocumentCurrencyCode ? "BR-CL-04" : "BR-CL-05", e.node,
                       quoted(v) + " is not an ISO 4217 currency code");
        break;
      }
      case n_DescriptionCode:
        if (parent_is(n_InvoicePeriod, Ns::cac)) {
          const std::string_view v = string_value(e.node, buffer);
          if (!listed_(CodeList::vat_date_code, v))
            report_.fail("BR-CL-06", e.node,
                         quoted(v) + " is not a VAT point date code (UNTDID 2005: 3, 35, 432)");
        }
        break;
      case n_ID:
        check_id_scheme(e);
        break;
      case n_CompanyID:
        if (parent_is(n_PartyLegalEntity, Ns::cac))
          scheme("BR-CL-11", e, CodeList::icd_scheme, "ISO 6523 ICD");
        break;
      case n_ItemClassificationCode:
        if (parent_is(n_CommodityClassification, Ns::cac))
          if (pugi::xml_attribute a = e.node.attribute("listID");
              a && !listed_(CodeList::item_classification_scheme, a.value()))
            report_.fail("BR-CL-13", e.node, "listID " + quoted(a.value()) + " is not a UNTDID 7143 scheme");
        break;
      case n_Note:
        if (p && !p->parent && p->ns == (credit_note_ ? Ns::ubl_credit_note : Ns::ubl_invoice)) check_note(e);
        break;
      case n_PaymentMeansCode:
        if (parent_is(n_PaymentMeans, Ns::cac)) {
          const std::string_view v = string_value(e.node, buffer);
          if (!listed_(CodeList::payment_means, v))
            report_.fail("BR-CL-16", e.node, quoted(v) + " is not a UNTDID 4461 payment means code");
        }
        break;
      case n_AllowanceChargeReasonCode:
        if (parent_is(n_AllowanceCharge, Ns::cac)) {
          const bool allowance = charge_indicator(p->node, false);
          if (!allowance && !charge_indicator(p->node, true)) break;
          const std::string_view v = string_value(e.node, buffer);
          if (!listed_(allowance ? CodeList::allowance_reason : CodeList::charge_reason, v))
            report_.fail(allowance ? "BR-CL-19" : "BR-CL-20", e.node,
                         quoted(v) + (allowance ? " is not a UNTDID 5189 allowance reason code"
                                                : " is not a UNTDID 7161 charge reason code"));
        }
        break;
      case n_TaxExemptionReasonCode: {
        const std::string_view v = string_value(e.node, buffer);
        if (!codes::listed_vatex(v)) report_.fail("BR-CL-22", e.node, quoted(v) + " is not a VATEX code");
        break;
      }
      case n_InvoicedQuantity:
      case n_BaseQuantity:
      case n_CreditedQuantity:
        if (pugi::xml_attribute a = e.node.attribute("unitCode"); a && !listed_(CodeList::unit, a.value()))
          report_.fail(
              "BR-CL-23", e.node,
              "unitCode " + quoted(a.value()) + " is not a UN/ECE Recommendation 20 or 21 unit code");
        break;
      case n_EmbeddedDocumentBinaryObject:
        if (pugi::xml_attribute a = e.node.attribute("mimeCode"); a && !codes::listed_mime(a.value()))
          report_.fail("BR-CL-24", e.node, "mimeCode " + quoted(a.value()) + " is not an accepted MIME type");
        break;
      case n_EndpointID:
        scheme("BR-CL-25", e, CodeList::eas_scheme, "EAS");
        break;
      case n_IdentificationCode:
        if (parent_is(n_Country, Ns::cac) || parent_is(n_OriginCountry, Ns::cac)) {
          const std::string_view v = string_value(e.node, buffer);
          if (!codes::listed_country(v, syntax_))
            report_.fail(p->name == n_Country ? "BR-CL-14" : "BR-CL-15", e.node,
                         quoted(v) + " is not an ISO 3166-1 alpha-2 country code");
        }
        break;
      default:
        break;
    }
  }

  void check_id_scheme(const Element& e) {
    const Element* p = e.parent;
    if (!p || p->ns != Ns::cac) return;
    std::string buffer;
    switch (p->name) {
      case n_AdditionalDocumentReference:
      case n_DocumentReference:
        if (type_code_is(p->node, "130")) scheme("BR-CL-07", e, CodeList::object_scheme, "UNTDID 1153");
        break;
      case n_PartyIdentification:
        if (pugi::xml_attribute a = e.node.attribute("schemeID")) {
          if (listed_(CodeList::icd_scheme, a.value())) break;
          // SEPA (BT-90) is a scheme only for the seller's and the payee's identifiers.
          if (trim(a.value()) == "SEPA" && seller_or_payee_depth_ > 0) break;
          report_.fail("BR-CL-10", e.node,
                       "schemeID " + quoted(a.value()) + " is not an ISO 6523 ICD scheme");
        }
        break;
      case n_StandardItemIdentification:
        scheme("BR-CL-21", e, CodeList::icd_scheme, "ISO 6523 ICD");
        break;
      case n_DeliveryLocation:
        scheme("BR-CL-26", e, CodeList::icd_scheme, "ISO 6523 ICD");
        break;
      case n_TaxCategory:
      case n_ClassifiedTaxCategory: {
        const std::string_view v = string_value(e.node, buffer);
        if (!listed_(CodeList::vat_category, v))
          report_.fail(p->name == n_TaxCategory ? "BR-CL-17" : "BR-CL-18", e.node,
                       quoted(v) + " is not a UNTDID 5305 VAT category code");
        break;
      }
      default:
        break;
    }
  }

  // Ancestors are counted as the walk passes them, not searched: documents may nest deeply.
  static bool seller_or_payee(const Element& e) {
    return e.ns == Ns::cac && (e.name == n_AccountingSupplierParty || e.name == n_PayeeParty);
  }

  // x[@schemeID]: the scheme, when the attribute is there, is in `list`.
  void scheme(std::string_view rule, const Element& e, CodeList list, std::string_view list_name) {
    if (pugi::xml_attribute a = e.node.attribute("schemeID"); a && !listed_(list, a.value()))
      report_.fail(rule, e.node,
                   "schemeID " + quoted(a.value()) + " is not an " + std::string(list_name) + " scheme");
  }

  // BR-CL-08: the three characters between the first two '#' of a document note, when there are three.
  void check_note(const Element& e) {
    std::string buffer;
    const std::string_view v = string_value(e.node, buffer);
    const std::size_t first = v.find('#');
    if (first == std::string_view::npos) return;
    const std::size_t second = v.find('#', first + 1);
    if (second == std::string_view::npos) return;
    const std::string_view code = v.substr(first + 1, second - first - 1);
    std::size_t chars = 0;
    for (char c : code) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (chars == 3 && !codes::listed_note_subject(code, syntax_))
      report_.fail("BR-CL-08", e.node, quoted(code) + " is not a UNTDID 4451 note subject code");
  }

  const XmlReader& x_;
  Reporter& report_;
  bool credit_note_;
  Syntax syntax_;
  int price_discount_depth_ = 0, seller_or_payee_depth_ = 0;
  std::vector<pugi::xml_node> price_discounts_;
  std::vector<std::string> payment_ids_, payment_means_codes_;
  Accepted listed_;
  int sepa_ids_ = 0, objects_ = 0, seller_vat_ids_ = 0, buyer_vat_ids_ = 0, seller_tax_ids_ = 0;
  pugi::xml_node version_;
  bool version_21_ = false, cr412_ = false;
  bool ubl_extensions_ = false, cr665_ = false, cr666_ = false, cr673_ = false, dt18_ = false;
};

}  // namespace

std::span<const PathRule> ubl_path_rules() {
  return path_rules;
}
std::span<const ContextSpec> ubl_contexts() {
  return contexts;
}

void check_ubl_syntax(const XmlReader& x, pugi::xml_node root, std::string_view bytes,
                      std::string_view source_name, Diagnostics& out) {
  Reporter report(bytes, source_name, out);
  UblHooks hooks(x, root, report);
  walk(x, root, ruleset(), hooks, report);
  report.flush();
}

}  // namespace relance::formats::detail
