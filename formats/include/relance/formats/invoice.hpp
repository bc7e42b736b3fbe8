#pragma once

// The EN 16931-1 semantic model of an invoice: every business group (BG) and business
// term (BT), with the syntax-neutral names of the standard. Plain data, no I/O.
// A text term that is absent is an empty string; an absent number or date is nullopt.

#include <bitset>
#include <optional>
#include <string>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"

namespace relance::formats {

// What the source document showed beyond the business terms: which terms and groups had an
// element (an empty or unreadable element is present yet has no value), and what the model
// folds (repeated tax totals). The official rules test existence in places, so they need this;
// it is not business content, so it never makes two invoices compare unequal. An invoice built
// in code has no facts, and rules then judge the values alone.
struct SourceFacts {
  std::bitset<200> terms;                // BT-n had an element: terms[n]
  std::bitset<40> groups;                // BG-n had an element: groups[n]
  int document_currency_tax_totals = 0;  // UBL cac:TaxTotal / CII ram:TaxTotalAmount in BT-5
  bool read_from_source = false;         // false for an invoice built in code

  bool has_term(std::size_t bt) const { return bt < terms.size() && terms.test(bt); }
  bool has_group(std::size_t bg) const { return bg < groups.size() && groups.test(bg); }
  void saw_term(std::size_t bt) {
    if (bt < terms.size()) terms.set(bt);
  }
  void saw_group(std::size_t bg) {
    if (bg < groups.size()) groups.set(bg);
  }
  friend bool operator==(const SourceFacts&, const SourceFacts&) { return true; }
};

// An identifier with its optional identification scheme (ISO 6523 ICD, EAS, ...).
struct Identifier {
  std::string value;
  std::string scheme;  // e.g. "0002" for SIREN, "0009" for SIRET, "EM" for an email endpoint
  bool empty() const { return value.empty(); }
  friend bool operator==(const Identifier&, const Identifier&) = default;
};

struct Address {                    // BG-5, BG-8, BG-12, BG-15
  std::string line_one;             // BT-35 / BT-50 / BT-64 / BT-75
  std::string line_two;             // BT-36 / BT-51 / BT-65 / BT-76
  std::string line_three;           // BT-162 / BT-163 / BT-164 / BT-165
  std::string city;                 // BT-37 / BT-52 / BT-66 / BT-77
  std::string post_code;            // BT-38 / BT-53 / BT-67 / BT-78
  std::string country_subdivision;  // BT-39 / BT-54 / BT-68 / BT-79
  std::string country_code;         // BT-40 / BT-55 / BT-69 / BT-80 (ISO 3166-1 alpha-2)
  bool empty() const;
  friend bool operator==(const Address&, const Address&) = default;
};

struct Contact {          // BG-6, BG-9
  std::string point;      // BT-41 / BT-56
  std::string telephone;  // BT-42 / BT-57
  std::string email;      // BT-43 / BT-58
  bool empty() const { return point.empty() && telephone.empty() && email.empty(); }
  friend bool operator==(const Contact&, const Contact&) = default;
};

struct Seller {                         // BG-4
  std::string name;                     // BT-27
  std::string trading_name;             // BT-28
  std::vector<Identifier> identifiers;  // BT-29 (+ BT-29-1 scheme)
  Identifier legal_registration_id;     // BT-30 (+ BT-30-1)
  std::string vat_id;                   // BT-31
  std::string tax_registration_id;      // BT-32
  std::string additional_legal_info;    // BT-33
  Identifier electronic_address;        // BT-34 (+ BT-34-1)
  Address postal_address;               // BG-5
  Contact contact;                      // BG-6
  friend bool operator==(const Seller&, const Seller&) = default;
};

struct Buyer {                       // BG-7
  std::string name;                  // BT-44
  std::string trading_name;          // BT-45
  Identifier identifier;             // BT-46 (+ BT-46-1)
  Identifier legal_registration_id;  // BT-47 (+ BT-47-1)
  std::string vat_id;                // BT-48
  Identifier electronic_address;     // BT-49 (+ BT-49-1)
  Address postal_address;            // BG-8
  Contact contact;                   // BG-9
  friend bool operator==(const Buyer&, const Buyer&) = default;
};

struct Payee {                       // BG-10
  std::string name;                  // BT-59
  Identifier identifier;             // BT-60 (+ BT-60-1)
  Identifier legal_registration_id;  // BT-61 (+ BT-61-1)
  bool empty() const { return name.empty() && identifier.empty() && legal_registration_id.empty(); }
  friend bool operator==(const Payee&, const Payee&) = default;
};

struct TaxRepresentative {  // BG-11
  std::string name;         // BT-62
  std::string vat_id;       // BT-63
  Address postal_address;   // BG-12
  bool empty() const { return name.empty() && vat_id.empty() && postal_address.empty(); }
  friend bool operator==(const TaxRepresentative&, const TaxRepresentative&) = default;
};

struct Period {               // BG-14, BG-26
  std::optional<Date> start;  // BT-73 / BT-134
  std::optional<Date> end;    // BT-74 / BT-135
  bool empty() const { return !start && !end; }
  friend bool operator==(const Period&, const Period&) = default;
};

struct Delivery {                            // BG-13
  std::string deliver_to_name;               // BT-70
  Identifier location_id;                    // BT-71 (+ BT-71-1)
  std::optional<Date> actual_delivery_date;  // BT-72
  Address deliver_to;                        // BG-15
  bool empty() const;
  friend bool operator==(const Delivery&, const Delivery&) = default;
};

struct CreditTransfer {             // BG-17
  std::string account_id;           // BT-84 (IBAN or proprietary)
  std::string account_name;         // BT-85
  std::string service_provider_id;  // BT-86 (BIC)
  friend bool operator==(const CreditTransfer&, const CreditTransfer&) = default;
};

struct PaymentCard {                   // BG-18
  std::string primary_account_number;  // BT-87 (last digits only)
  std::string holder_name;             // BT-88
  bool empty() const { return primary_account_number.empty() && holder_name.empty(); }
  friend bool operator==(const PaymentCard&, const PaymentCard&) = default;
};

struct DirectDebit {               // BG-19
  std::string mandate_reference;   // BT-89
  std::string creditor_id;         // BT-90 (bank assigned creditor identifier)
  std::string debited_account_id;  // BT-91
  bool empty() const {
    return mandate_reference.empty() && creditor_id.empty() && debited_account_id.empty();
  }
  friend bool operator==(const DirectDebit&, const DirectDebit&) = default;
};

struct PaymentInstructions {                     // BG-16
  std::string means_code;                        // BT-81 (UNCL 4461)
  std::string means_text;                        // BT-82
  std::string remittance_information;            // BT-83
  std::vector<CreditTransfer> credit_transfers;  // BG-17
  PaymentCard card;                              // BG-18
  DirectDebit direct_debit;                      // BG-19
  bool empty() const;
  friend bool operator==(const PaymentInstructions&, const PaymentInstructions&) = default;
};

// BG-20 document level allowance, BG-21 document level charge.
struct DocumentAllowanceCharge {
  std::optional<Decimal> amount;       // BT-92 / BT-99 (required: BR-31, BR-36)
  std::optional<Decimal> base_amount;  // BT-93 / BT-100
  std::optional<Decimal> percentage;   // BT-94 / BT-101
  std::string vat_category_code;       // BT-95 / BT-102
  std::optional<Decimal> vat_rate;     // BT-96 / BT-103
  std::string reason;                  // BT-97 / BT-104
  std::string reason_code;             // BT-98 / BT-105 (UNCL 5189 / UNCL 7161)
  friend bool operator==(const DocumentAllowanceCharge&, const DocumentAllowanceCharge&) = default;
};

struct DocumentTotals {                              // BG-22
  std::optional<Decimal> sum_of_line_net_amounts;    // BT-106
  std::optional<Decimal> sum_of_allowances;          // BT-107
  std::optional<Decimal> sum_of_charges;             // BT-108
  std::optional<Decimal> total_without_vat;          // BT-109
  std::optional<Decimal> total_vat;                  // BT-110 (in the invoice currency)
  std::optional<Decimal> total_vat_in_tax_currency;  // BT-111 (in BT-6)
  std::optional<Decimal> total_with_vat;             // BT-112
  std::optional<Decimal> paid_amount;                // BT-113
  std::optional<Decimal> rounding_amount;            // BT-114
  std::optional<Decimal> payable_amount;             // BT-115
  friend bool operator==(const DocumentTotals&, const DocumentTotals&) = default;
};

struct VatBreakdown {                     // BG-23
  std::optional<Decimal> taxable_amount;  // BT-116
  std::optional<Decimal> tax_amount;      // BT-117
  std::string category_code;              // BT-118 (UNCL 5305 subset)
  std::optional<Decimal> rate;            // BT-119
  std::string exemption_reason;           // BT-120
  std::string exemption_reason_code;      // BT-121 (VATEX)
  friend bool operator==(const VatBreakdown&, const VatBreakdown&) = default;
};

struct Attachment {            // BT-125 with BT-125-1 and BT-125-2
  std::string content_base64;  // kept encoded: it is passed on, rarely opened
  std::string mime_code;       // BT-125-1
  std::string filename;        // BT-125-2
  bool empty() const { return content_base64.empty() && mime_code.empty() && filename.empty(); }
  friend bool operator==(const Attachment&, const Attachment&) = default;
};

struct SupportingDocument {       // BG-24
  std::string reference;          // BT-122
  std::string description;        // BT-123
  std::string external_location;  // BT-124
  Attachment attachment;          // BT-125
  friend bool operator==(const SupportingDocument&, const SupportingDocument&) = default;
};

struct Note {                // BG-1
  std::string subject_code;  // BT-21 (UNCL 4451)
  std::string text;          // BT-22
  friend bool operator==(const Note&, const Note&) = default;
};

struct PrecedingInvoice {          // BG-3
  std::string reference;           // BT-25
  std::optional<Date> issue_date;  // BT-26
  friend bool operator==(const PrecedingInvoice&, const PrecedingInvoice&) = default;
};

// BG-27 invoice line allowance, BG-28 invoice line charge.
struct LineAllowanceCharge {
  std::optional<Decimal> amount;       // BT-136 / BT-141 (required: BR-41, BR-43)
  std::optional<Decimal> base_amount;  // BT-137 / BT-142
  std::optional<Decimal> percentage;   // BT-138 / BT-143
  std::string reason;                  // BT-139 / BT-144
  std::string reason_code;             // BT-140 / BT-145
  friend bool operator==(const LineAllowanceCharge&, const LineAllowanceCharge&) = default;
};

struct PriceDetails {                     // BG-29
  std::optional<Decimal> net_price;       // BT-146
  std::optional<Decimal> price_discount;  // BT-147
  std::optional<Decimal> gross_price;     // BT-148
  std::optional<Decimal> base_quantity;   // BT-149
  std::string base_quantity_unit_code;    // BT-150
  friend bool operator==(const PriceDetails&, const PriceDetails&) = default;
};

struct ItemClassification {  // BT-158
  std::string code;
  std::string scheme;          // BT-158-1 (UNTDID 7143)
  std::string scheme_version;  // BT-158-2
  friend bool operator==(const ItemClassification&, const ItemClassification&) = default;
};

struct ItemAttribute {  // BG-32
  std::string name;     // BT-160
  std::string value;    // BT-161
  friend bool operator==(const ItemAttribute&, const ItemAttribute&) = default;
};

struct Item {                                       // BG-31
  std::string name;                                 // BT-153
  std::string description;                          // BT-154
  std::string sellers_id;                           // BT-155
  std::string buyers_id;                            // BT-156
  Identifier standard_id;                           // BT-157 (+ BT-157-1)
  std::vector<ItemClassification> classifications;  // BT-158
  std::string origin_country;                       // BT-159
  std::vector<ItemAttribute> attributes;            // BG-32
  friend bool operator==(const Item&, const Item&) = default;
};

struct InvoiceLine {                            // BG-25
  std::string id;                               // BT-126
  std::string note;                             // BT-127
  Identifier object_identifier;                 // BT-128 (+ BT-128-1)
  std::optional<Decimal> quantity;              // BT-129
  std::string unit_code;                        // BT-130 (UN/ECE Rec 20/21)
  std::optional<Decimal> net_amount;            // BT-131
  std::string order_line_reference;             // BT-132
  std::string buyer_accounting_reference;       // BT-133
  Period period;                                // BG-26
  std::vector<LineAllowanceCharge> allowances;  // BG-27
  std::vector<LineAllowanceCharge> charges;     // BG-28
  PriceDetails price;                           // BG-29
  std::string vat_category_code;                // BT-151
  std::optional<Decimal> vat_rate;              // BT-152
  Item item;                                    // BG-31
  SourceFacts facts;                            // line-level terms and groups seen in the source
  friend bool operator==(const InvoiceLine&, const InvoiceLine&) = default;
};

// Which syntax a document came in, which says how to point back into it.
enum class Syntax { unknown, cii, ubl_invoice, ubl_credit_note };
std::string_view to_string(Syntax s);

struct Invoice {
  std::string number;                                // BT-1
  std::optional<Date> issue_date;                    // BT-2
  std::string type_code;                             // BT-3 (UNCL 1001: 380 invoice, 381 credit note, ...)
  std::string currency;                              // BT-5 (ISO 4217)
  std::string tax_currency;                          // BT-6
  std::optional<Date> tax_point_date;                // BT-7
  std::string tax_point_date_code;                   // BT-8 (UNCL 2005: 3, 35, 432)
  std::optional<Date> due_date;                      // BT-9
  std::string buyer_reference;                       // BT-10
  std::string project_reference;                     // BT-11
  std::string contract_reference;                    // BT-12
  std::string purchase_order_reference;              // BT-13
  std::string sales_order_reference;                 // BT-14
  std::string receiving_advice_reference;            // BT-15
  std::string despatch_advice_reference;             // BT-16
  std::string tender_or_lot_reference;               // BT-17
  Identifier invoiced_object_identifier;             // BT-18 (+ BT-18-1)
  std::string buyer_accounting_reference;            // BT-19
  std::string payment_terms;                         // BT-20
  std::vector<Note> notes;                           // BG-1
  std::string business_process;                      // BT-23
  std::string specification_identifier;              // BT-24
  std::vector<PrecedingInvoice> preceding_invoices;  // BG-3
  Seller seller;                                     // BG-4
  Buyer buyer;                                       // BG-7
  Payee payee;                                       // BG-10
  TaxRepresentative tax_representative;              // BG-11
  Delivery delivery;                                 // BG-13
  Period invoicing_period;                           // BG-14
  PaymentInstructions payment_instructions;          // BG-16
  std::vector<DocumentAllowanceCharge> allowances;   // BG-20
  std::vector<DocumentAllowanceCharge> charges;      // BG-21
  DocumentTotals totals;                             // BG-22
  std::vector<VatBreakdown> vat_breakdown;           // BG-23
  std::vector<SupportingDocument> supporting_documents;  // BG-24
  std::vector<InvoiceLine> lines;                        // BG-25

  Syntax source_syntax = Syntax::unknown;  // not a business term: where it was read from
  SourceFacts facts;                       // document-level terms and groups seen in the source

  bool is_credit_note() const;  // BT-3 in the credit note family (381, 396, 532)
  // Business content only: the source syntax is not part of the comparison.
  bool same_business_content(const Invoice& other) const;
  friend bool operator==(const Invoice&, const Invoice&) = default;
};

}  // namespace relance::formats
