#pragma once

// The code lists of the EN 16931 validation artefacts (release 1.3.16), entry for entry as the
// artefacts test them, so that relance's verdicts agree with the official ones: the artefacts
// lag or lead the registries here and there (the UBL and CII country lists even differ by one
// code each), and a "better" list would only make relance disagree.

#include <span>
#include <string_view>

#include "relance/formats/invoice.hpp"

namespace relance::formats::codes {

enum class CodeList {
  currency,                    // ISO 4217 alpha-3
  country,                     // ISO 3166-1 alpha-2 plus 1A and XI, the union of the UBL and CII lists
  invoice_type,                // UNTDID 1001, what a UBL Invoice may carry
  credit_note_type,            // UNTDID 1001, what a UBL CreditNote may carry
  vat_date_code,               // UNTDID 2005 subset: 3, 35, 432 (UBL and the model)
  cii_vat_date_code,           // UNTDID 2475 subset: 5, 29, 72 (CII)
  object_scheme,               // UNTDID 1153
  note_subject,                // UNTDID 4451, the CII list (the UBL one is a subset)
  icd_scheme,                  // ISO 6523 ICD
  eas_scheme,                  // CEF EAS
  item_classification_scheme,  // UNTDID 7143
  payment_means,               // UNTDID 4461
  vat_category,                // UNTDID 5305, EN 16931 subset
  allowance_reason,            // UNTDID 5189, EN 16931 subset
  charge_reason,               // UNTDID 7161
  vatex,                       // CEF VATEX
  unit,                        // UN/ECE Recommendation 20 with Recommendation 21
  mime,                        // MIME types of attachments
};

// The sorted entries of a list.
std::span<const std::string_view> entries(CodeList list);

// Exact membership.
bool contains(CodeList list, std::string_view code);

// The artefacts' usual test, contains(' A B C ', concat(' ', normalize-space(x), ' ')) with no
// space inside normalize-space(x): XML white space around `raw` is ignored, inside it fails.
bool listed(CodeList list, std::string_view raw);

// The same for VATEX, which the artefacts compare upper-cased.
bool listed_vatex(std::string_view raw);

// Countries as one syntax's artefact accepts them: UBL knows SS, CII knows AN; any other
// syntax (a model not read from XML) gets the union.
bool listed_country(std::string_view raw, Syntax syntax);

// UNTDID 4451 as a syntax's artefact accepts it. UBL's test is a plain substring search of the
// three characters between the first two '#' of a note in its list string (so "B A" passes);
// `code` is taken verbatim there.
bool listed_note_subject(std::string_view code, Syntax syntax);

// The artefacts' MIME test compares the attribute verbatim, without trimming.
inline bool listed_mime(std::string_view raw) {
  return contains(CodeList::mime, raw);
}

}  // namespace relance::formats::codes
