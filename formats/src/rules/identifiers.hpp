#pragma once

// Check keys and shapes of the identifiers an invoice carries: SIREN/SIRET (INSEE), VAT
// identification numbers (the algorithms of the member states as VIES applies them), IBAN
// (ISO 13616) and BIC (ISO 9362). Pure functions on text, no allocation on the way.

#include <string>
#include <string_view>

namespace relance::formats::rules::ids {

// Luhn (ISO/IEC 7812-1) over a string of ASCII digits; false for anything else or empty.
bool luhn_valid(std::string_view digits);

enum class Check {
  ok,
  bad_shape,
  bad_key,
  bad_siren_part,  // a SIRET whose 14 digits pass Luhn but whose first 9, the SIREN, do not
};

// A SIREN (9 digits) or SIRET (14 digits), spaces allowed as printed ("732 829 320 00074").
// La Poste's establishments (SIREN 356000000) are too many for Luhn's NICs: INSEE gives them SIRETs
// whose digit sum is a multiple of 5 instead (the head office, 35600000000048, passes Luhn).
Check check_siren_or_siret(std::string_view id);

// The French VAT key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97.
int french_vat_key(unsigned long siren);

struct VatCheck {
  Check result = Check::ok;
  bool known_country = false;  // false: no algorithm here for that prefix, nothing was judged
  std::string_view expected;   // the shape, when bad_shape: "FR + 2 key characters + 9-digit SIREN"
};

// An EU-style VAT identifier with its two-letter prefix ("FR44732829320", "DE136695976",
// "ATU13585627", "CHE-123.456.788 MWST"). Spaces, dots and hyphens are ignored, as printed
// forms carry them. Prefixes without an algorithm here are not judged.
VatCheck check_vat_id(std::string_view vat_id);

// Two letters then two digits: the account identifier is meant as an IBAN.
bool looks_like_iban(std::string_view account);

struct IbanCheck {
  Check result = Check::ok;
  int expected_length = 0;  // for bad_shape on a country with a registered length
};
// ISO 13616: registered length of the country, alphanumerics only, mod 97 == 1. Spaces are
// ignored (the paper form groups by four).
IbanCheck check_iban(std::string_view iban);

// ISO 9362 (2014): 4 alphanumerics (party prefix), 2 letters (country), 2 alphanumerics
// (suffix), optionally a 3-character branch code; upper case.
bool bic_shape_valid(std::string_view bic);

// ISO 3166-1 alpha-2 of the EU member states (the VAT prefix EL is GR).
bool is_eu_member_state(std::string_view country);
// The country of a VAT identifier's prefix: "EL" is Greece (GR), "XI" Northern Ireland.
std::string_view vat_prefix_country(std::string_view vat_id);

}  // namespace relance::formats::rules::ids
