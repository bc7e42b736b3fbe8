// VAT category rules BR-S/Z/E/AE/IC/G/O/AF/AG (release 1.3.16 of the official artefacts; that
// release has no BR-IG or BR-IP rules). The nine families share one shape, so one implementation
// runs them all from the category table below. Where the UBL and CII artefacts disagree, the rule
// follows the artefact of the syntax the invoice was read from (UBL when it was built in code).

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "rule_context.hpp"

namespace relance::formats::rules {
namespace {

// Ordered by family, then by rule number: each category below points at its slice.
constexpr RuleInfo infos[] = {
    {"BR-S-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"S\" (standard rated) on a line, allowance or charge needs at least one VAT breakdown of "
     "that category.",
     "EN 16931-1"},
    {"BR-S-02", Severity::fatal, "BT-31, BT-32, BT-63, BT-151",
     "An invoice line in category \"S\" (standard rated) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-S-03", Severity::fatal, "BT-31, BT-32, BT-63, BT-95",
     "A document level allowance in category \"S\" (standard rated) requires the seller VAT identifier, the "
     "seller tax registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-S-04", Severity::fatal, "BT-31, BT-32, BT-63, BT-102",
     "A document level charge in category \"S\" (standard rated) requires the seller VAT identifier, the "
     "seller tax registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-S-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"S\" (standard rated) has a VAT rate greater than zero.", "EN 16931-1"},
    {"BR-S-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"S\" (standard rated) has a VAT rate greater than zero.",
     "EN 16931-1"},
    {"BR-S-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"S\" (standard rated) has a VAT rate greater than zero.",
     "EN 16931-1"},
    {"BR-S-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "For each rate of category \"S\" (standard rated), the breakdown taxable amount is the sum of the line "
     "net amounts plus charges minus allowances at that rate.",
     "EN 16931-1"},
    {"BR-S-09", Severity::fatal, "BT-117, BT-116, BT-119",
     "The VAT amount of a category \"S\" (standard rated) breakdown is its taxable amount multiplied by its "
     "rate.",
     "EN 16931-1"},
    {"BR-S-10", Severity::fatal, "BT-120, BT-121",
     "A category \"S\" (standard rated) breakdown carries neither an exemption reason nor an exemption "
     "reason code.",
     "EN 16931-1"},
    {"BR-Z-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"Z\" (zero rated) on a line, allowance or charge needs exactly one VAT breakdown of that "
     "category.",
     "EN 16931-1"},
    {"BR-Z-02", Severity::fatal, "BT-31, BT-32, BT-63, BT-151",
     "An invoice line in category \"Z\" (zero rated) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-Z-03", Severity::fatal, "BT-31, BT-32, BT-63, BT-95",
     "A document level allowance in category \"Z\" (zero rated) requires the seller VAT identifier, the "
     "seller tax registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-Z-04", Severity::fatal, "BT-31, BT-32, BT-63, BT-102",
     "A document level charge in category \"Z\" (zero rated) requires the seller VAT identifier, the seller "
     "tax registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-Z-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"Z\" (zero rated) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-Z-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"Z\" (zero rated) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-Z-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"Z\" (zero rated) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-Z-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "The taxable amount of the category \"Z\" (zero rated) breakdown is the sum of the line net amounts "
     "plus charges minus allowances of that category.",
     "EN 16931-1"},
    {"BR-Z-09", Severity::fatal, "BT-117",
     "The VAT amount of a category \"Z\" (zero rated) breakdown is zero.", "EN 16931-1"},
    {"BR-Z-10", Severity::fatal, "BT-120, BT-121",
     "A category \"Z\" (zero rated) breakdown carries neither an exemption reason nor an exemption reason "
     "code.",
     "EN 16931-1"},
    {"BR-E-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"E\" (exempt from VAT) on a line, allowance or charge needs exactly one VAT breakdown of "
     "that category.",
     "EN 16931-1"},
    {"BR-E-02", Severity::fatal, "BT-31, BT-32, BT-63, BT-151",
     "An invoice line in category \"E\" (exempt from VAT) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-E-03", Severity::fatal, "BT-31, BT-32, BT-63, BT-95",
     "A document level allowance in category \"E\" (exempt from VAT) requires the seller VAT identifier, the "
     "seller tax registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-E-04", Severity::fatal, "BT-31, BT-32, BT-63, BT-102",
     "A document level charge in category \"E\" (exempt from VAT) requires the seller VAT identifier, the "
     "seller tax registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-E-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"E\" (exempt from VAT) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-E-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"E\" (exempt from VAT) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-E-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"E\" (exempt from VAT) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-E-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "The taxable amount of the category \"E\" (exempt from VAT) breakdown is the sum of the line net "
     "amounts plus charges minus allowances of that category.",
     "EN 16931-1"},
    {"BR-E-09", Severity::fatal, "BT-117",
     "The VAT amount of a category \"E\" (exempt from VAT) breakdown is zero.", "EN 16931-1"},
    {"BR-E-10", Severity::fatal, "BT-120, BT-121",
     "A category \"E\" (exempt from VAT) breakdown states an exemption reason or an exemption reason code.",
     "EN 16931-1"},
    {"BR-AE-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"AE\" (reverse charge) on a line, allowance or charge needs exactly one VAT breakdown of "
     "that category.",
     "EN 16931-1"},
    {"BR-AE-02", Severity::fatal, "BT-31, BT-32, BT-63, BT-48, BT-47, BT-151",
     "An invoice line in category \"AE\" (reverse charge) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier and the buyer VAT identifier or legal "
     "registration identifier.",
     "EN 16931-1"},
    {"BR-AE-03", Severity::fatal, "BT-31, BT-32, BT-63, BT-48, BT-47, BT-95",
     "A document level allowance in category \"AE\" (reverse charge) requires the seller VAT identifier, the "
     "seller tax registration identifier or the tax representative VAT identifier and the buyer VAT "
     "identifier or legal registration identifier.",
     "EN 16931-1"},
    {"BR-AE-04", Severity::fatal, "BT-31, BT-32, BT-63, BT-48, BT-47, BT-102",
     "A document level charge in category \"AE\" (reverse charge) requires the seller VAT identifier, the "
     "seller tax registration identifier or the tax representative VAT identifier and the buyer VAT "
     "identifier or legal registration identifier.",
     "EN 16931-1"},
    {"BR-AE-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"AE\" (reverse charge) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-AE-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"AE\" (reverse charge) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-AE-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"AE\" (reverse charge) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-AE-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "The taxable amount of the category \"AE\" (reverse charge) breakdown is the sum of the line net "
     "amounts plus charges minus allowances of that category.",
     "EN 16931-1"},
    {"BR-AE-09", Severity::fatal, "BT-117",
     "The VAT amount of a category \"AE\" (reverse charge) breakdown is zero.", "EN 16931-1"},
    {"BR-AE-10", Severity::fatal, "BT-120, BT-121",
     "A category \"AE\" (reverse charge) breakdown states an exemption reason or an exemption reason code.",
     "EN 16931-1"},
    {"BR-IC-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"K\" (intra-community supply) on a line, allowance or charge needs exactly one VAT breakdown "
     "of that category.",
     "EN 16931-1"},
    {"BR-IC-02", Severity::fatal, "BT-31, BT-63, BT-48, BT-151",
     "An invoice line in category \"K\" (intra-community supply) requires the seller VAT identifier or the "
     "tax representative VAT identifier and the buyer VAT identifier.",
     "EN 16931-1"},
    {"BR-IC-03", Severity::fatal, "BT-31, BT-63, BT-48, BT-95",
     "A document level allowance in category \"K\" (intra-community supply) requires the seller VAT "
     "identifier or the tax representative VAT identifier and the buyer VAT identifier.",
     "EN 16931-1"},
    {"BR-IC-04", Severity::fatal, "BT-31, BT-63, BT-48, BT-102",
     "A document level charge in category \"K\" (intra-community supply) requires the seller VAT identifier "
     "or the tax representative VAT identifier and the buyer VAT identifier.",
     "EN 16931-1"},
    {"BR-IC-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"K\" (intra-community supply) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-IC-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"K\" (intra-community supply) has a VAT rate of zero.",
     "EN 16931-1"},
    {"BR-IC-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"K\" (intra-community supply) has a VAT rate of zero.",
     "EN 16931-1"},
    {"BR-IC-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "The taxable amount of the category \"K\" (intra-community supply) breakdown is the sum of the line net "
     "amounts plus charges minus allowances of that category.",
     "EN 16931-1"},
    {"BR-IC-09", Severity::fatal, "BT-117",
     "The VAT amount of a category \"K\" (intra-community supply) breakdown is zero.", "EN 16931-1"},
    {"BR-IC-10", Severity::fatal, "BT-120, BT-121",
     "A category \"K\" (intra-community supply) breakdown states an exemption reason or an exemption reason "
     "code.",
     "EN 16931-1"},
    {"BR-IC-11", Severity::fatal, "BT-72, BG-14",
     "An invoice with an intra-community supply breakdown states the actual delivery date or the invoicing "
     "period.",
     "EN 16931-1"},
    {"BR-IC-12", Severity::fatal, "BT-80",
     "An invoice with an intra-community supply breakdown states the deliver-to country code.", "EN 16931-1"},
    {"BR-G-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"G\" (export outside the EU) on a line, allowance or charge needs exactly one VAT breakdown "
     "of that category.",
     "EN 16931-1"},
    {"BR-G-02", Severity::fatal, "BT-31, BT-63, BT-151",
     "An invoice line in category \"G\" (export outside the EU) requires the seller VAT identifier or the "
     "tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-G-03", Severity::fatal, "BT-31, BT-63, BT-95",
     "A document level allowance in category \"G\" (export outside the EU) requires the seller VAT "
     "identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-G-04", Severity::fatal, "BT-31, BT-63, BT-102",
     "A document level charge in category \"G\" (export outside the EU) requires the seller VAT identifier "
     "or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-G-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"G\" (export outside the EU) has a VAT rate of zero.", "EN 16931-1"},
    {"BR-G-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"G\" (export outside the EU) has a VAT rate of zero.",
     "EN 16931-1"},
    {"BR-G-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"G\" (export outside the EU) has a VAT rate of zero.",
     "EN 16931-1"},
    {"BR-G-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "The taxable amount of the category \"G\" (export outside the EU) breakdown is the sum of the line net "
     "amounts plus charges minus allowances of that category.",
     "EN 16931-1"},
    {"BR-G-09", Severity::fatal, "BT-117",
     "The VAT amount of a category \"G\" (export outside the EU) breakdown is zero.", "EN 16931-1"},
    {"BR-G-10", Severity::fatal, "BT-120, BT-121",
     "A category \"G\" (export outside the EU) breakdown states an exemption reason or an exemption reason "
     "code.",
     "EN 16931-1"},
    {"BR-O-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"O\" (not subject to VAT) on a line, allowance or charge needs exactly one VAT breakdown of "
     "that category.",
     "EN 16931-1"},
    {"BR-O-02", Severity::fatal, "BT-31, BT-63, BT-48, BT-151",
     "An invoice line in category \"O\" (not subject to VAT) excludes the seller VAT identifier, the tax "
     "representative VAT identifier and the buyer VAT identifier.",
     "EN 16931-1"},
    {"BR-O-03", Severity::fatal, "BT-31, BT-63, BT-48, BT-95",
     "A document level allowance in category \"O\" (not subject to VAT) excludes the seller VAT identifier, "
     "the tax representative VAT identifier and the buyer VAT identifier.",
     "EN 16931-1"},
    {"BR-O-04", Severity::fatal, "BT-31, BT-63, BT-48, BT-102",
     "A document level charge in category \"O\" (not subject to VAT) excludes the seller VAT identifier, the "
     "tax representative VAT identifier and the buyer VAT identifier.",
     "EN 16931-1"},
    {"BR-O-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"O\" (not subject to VAT) has no VAT rate.", "EN 16931-1"},
    {"BR-O-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"O\" (not subject to VAT) has no VAT rate.", "EN 16931-1"},
    {"BR-O-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"O\" (not subject to VAT) has no VAT rate.", "EN 16931-1"},
    {"BR-O-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "The taxable amount of the category \"O\" (not subject to VAT) breakdown is the sum of the line net "
     "amounts plus charges minus allowances of that category.",
     "EN 16931-1"},
    {"BR-O-09", Severity::fatal, "BT-117",
     "The VAT amount of a category \"O\" (not subject to VAT) breakdown is zero.", "EN 16931-1"},
    {"BR-O-10", Severity::fatal, "BT-120, BT-121",
     "A category \"O\" (not subject to VAT) breakdown states an exemption reason or an exemption reason "
     "code.",
     "EN 16931-1"},
    {"BR-O-11", Severity::fatal, "BT-118",
     "An invoice with a breakdown not subject to VAT has no VAT breakdown of another category.",
     "EN 16931-1"},
    {"BR-O-12", Severity::fatal, "BT-151",
     "An invoice with a breakdown not subject to VAT has no line of another VAT category.", "EN 16931-1"},
    {"BR-O-13", Severity::fatal, "BT-95",
     "An invoice with a breakdown not subject to VAT has no document level allowance of another VAT "
     "category.",
     "EN 16931-1"},
    {"BR-O-14", Severity::fatal, "BT-102",
     "An invoice with a breakdown not subject to VAT has no document level charge of another VAT category.",
     "EN 16931-1"},
    {"BR-AF-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"L\" (IGIC) on a line, allowance or charge needs at least one VAT breakdown of that "
     "category.",
     "EN 16931-1"},
    {"BR-AF-02", Severity::fatal, "BT-31, BT-32, BT-63, BT-151",
     "An invoice line in category \"L\" (IGIC) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-AF-03", Severity::fatal, "BT-31, BT-32, BT-63, BT-95",
     "A document level allowance in category \"L\" (IGIC) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-AF-04", Severity::fatal, "BT-31, BT-32, BT-63, BT-102",
     "A document level charge in category \"L\" (IGIC) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-AF-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"L\" (IGIC) has a VAT rate of zero or more.", "EN 16931-1"},
    {"BR-AF-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"L\" (IGIC) has a VAT rate of zero or more.", "EN 16931-1"},
    {"BR-AF-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"L\" (IGIC) has a VAT rate of zero or more.", "EN 16931-1"},
    {"BR-AF-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "For each rate of category \"L\" (IGIC), the breakdown taxable amount is the sum of the line net "
     "amounts plus charges minus allowances at that rate.",
     "EN 16931-1"},
    {"BR-AF-09", Severity::fatal, "BT-117, BT-116, BT-119",
     "The VAT amount of a category \"L\" (IGIC) breakdown is its taxable amount multiplied by its rate.",
     "EN 16931-1"},
    {"BR-AF-10", Severity::fatal, "BT-120, BT-121",
     "A category \"L\" (IGIC) breakdown carries neither an exemption reason nor an exemption reason code.",
     "EN 16931-1"},
    {"BR-AG-01", Severity::fatal, "BT-118, BT-151, BT-95, BT-102",
     "Category \"M\" (IPSI) on a line, allowance or charge needs at least one VAT breakdown of that "
     "category.",
     "EN 16931-1"},
    {"BR-AG-02", Severity::fatal, "BT-31, BT-32, BT-63, BT-151",
     "An invoice line in category \"M\" (IPSI) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-AG-03", Severity::fatal, "BT-31, BT-32, BT-63, BT-95",
     "A document level allowance in category \"M\" (IPSI) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-AG-04", Severity::fatal, "BT-31, BT-32, BT-63, BT-102",
     "A document level charge in category \"M\" (IPSI) requires the seller VAT identifier, the seller tax "
     "registration identifier or the tax representative VAT identifier.",
     "EN 16931-1"},
    {"BR-AG-05", Severity::fatal, "BT-152, BT-151",
     "An invoice line in category \"M\" (IPSI) has a VAT rate of zero or more.", "EN 16931-1"},
    {"BR-AG-06", Severity::fatal, "BT-96, BT-95",
     "A document level allowance in category \"M\" (IPSI) has a VAT rate of zero or more.", "EN 16931-1"},
    {"BR-AG-07", Severity::fatal, "BT-103, BT-102",
     "A document level charge in category \"M\" (IPSI) has a VAT rate of zero or more.", "EN 16931-1"},
    {"BR-AG-08", Severity::fatal, "BT-116, BT-131, BT-99, BT-92",
     "For each rate of category \"M\" (IPSI), the breakdown taxable amount is the sum of the line net "
     "amounts plus charges minus allowances at that rate.",
     "EN 16931-1"},
    {"BR-AG-09", Severity::fatal, "BT-117, BT-116, BT-119",
     "The VAT amount of a category \"M\" (IPSI) breakdown is its taxable amount multiplied by its rate.",
     "EN 16931-1"},
    {"BR-AG-10", Severity::fatal, "BT-120, BT-121",
     "A category \"M\" (IPSI) breakdown carries neither an exemption reason nor an exemption reason code.",
     "EN 16931-1"},
};

enum class Breakdowns { exactly_one, at_least_one };
// Which party identifiers a supply of the category needs (or, for "O", must not carry).
enum class SellerIds { tax_id, vat_id, forbidden };  // BT-31/32/63, BT-31/63, none of BT-31/63/48
enum class BuyerIds { not_required, vat_id, vat_or_legal_id };
enum class Rate { positive, zero, non_negative, absent };
enum class Exemption { forbidden, required };
// How BT-116 is compared to the sum of its supplies; `none` when an artefact never checks it.
enum class Tolerance { none, exact, within_one };
// What else the UBL artefact wants behind a breakdown: any invoice line, or for "S" a line,
// allowance or charge at the breakdown's very rate.
enum class Backing { any_line, supply_at_rate };

struct Category {
  std::string_view code;  // BT-118, BT-151, BT-95, BT-102
  std::string_view label;
  std::string_view family;
  std::size_t rule_count;  // its rules follow one another in infos, in this table's order
  Breakdowns breakdowns;
  SellerIds seller;
  BuyerIds buyer;
  Rate rate_ubl;
  Rate rate_cii;
  bool per_rate;  // taxable amount per rate and VAT = base x rate; otherwise one breakdown, VAT zero
  Exemption exemption;
  Tolerance sum_ubl;
  Backing backing_ubl;
  Tolerance sum_cii;  // CII also rounds each sum to 2 decimals first
};

// Columns: code, label, family, rule count, breakdowns, seller and buyer identifiers, rate in UBL
// and in CII, taxed per rate, exemption reason, taxable amount check in UBL (with its backing) and
// in CII. The IGIC and IPSI CII rules 08 read the rate from the wrong element and 09 are `true()`:
// they never fire, hence Tolerance::none. IGIC CII rates must be > 0 where UBL accepts 0.
constexpr Category categories[] = {
    {"S", "standard rated", "BR-S", 10, Breakdowns::at_least_one, SellerIds::tax_id, BuyerIds::not_required,
     Rate::positive, Rate::positive, true, Exemption::forbidden, Tolerance::within_one,
     Backing::supply_at_rate, Tolerance::exact},
    {"Z", "zero rated", "BR-Z", 10, Breakdowns::exactly_one, SellerIds::tax_id, BuyerIds::not_required,
     Rate::zero, Rate::zero, false, Exemption::forbidden, Tolerance::exact, Backing::any_line,
     Tolerance::within_one},
    {"E", "exempt from VAT", "BR-E", 10, Breakdowns::exactly_one, SellerIds::tax_id, BuyerIds::not_required,
     Rate::zero, Rate::zero, false, Exemption::required, Tolerance::exact, Backing::any_line,
     Tolerance::within_one},
    {"AE", "reverse charge", "BR-AE", 10, Breakdowns::exactly_one, SellerIds::tax_id,
     BuyerIds::vat_or_legal_id, Rate::zero, Rate::zero, false, Exemption::required, Tolerance::exact,
     Backing::any_line, Tolerance::within_one},
    {"K", "intra-community supply", "BR-IC", 12, Breakdowns::exactly_one, SellerIds::vat_id, BuyerIds::vat_id,
     Rate::zero, Rate::zero, false, Exemption::required, Tolerance::exact, Backing::any_line,
     Tolerance::within_one},
    {"G", "export outside the EU", "BR-G", 10, Breakdowns::exactly_one, SellerIds::vat_id,
     BuyerIds::not_required, Rate::zero, Rate::zero, false, Exemption::required, Tolerance::exact,
     Backing::any_line, Tolerance::within_one},
    {"O", "not subject to VAT", "BR-O", 14, Breakdowns::exactly_one, SellerIds::forbidden,
     BuyerIds::not_required, Rate::absent, Rate::absent, false, Exemption::required, Tolerance::exact,
     Backing::any_line, Tolerance::exact},
    {"L", "IGIC", "BR-AF", 10, Breakdowns::at_least_one, SellerIds::tax_id, BuyerIds::not_required,
     Rate::non_negative, Rate::positive, true, Exemption::forbidden, Tolerance::within_one, Backing::any_line,
     Tolerance::none},
    {"M", "IPSI", "BR-AG", 10, Breakdowns::at_least_one, SellerIds::tax_id, BuyerIds::not_required,
     Rate::non_negative, Rate::non_negative, true, Exemption::forbidden, Tolerance::within_one,
     Backing::any_line, Tolerance::none},
};
constexpr std::size_t category_count = std::size(categories);
constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

constexpr std::size_t category_index(std::string_view code) {
  for (std::size_t i = 0; i < category_count; ++i)
    if (categories[i].code == code) return i;
  return none;
}
constexpr std::size_t ic = category_index("K"), o = category_index("O");  // families beyond rule 10

// Index in infos of each category's first rule.
constexpr std::array<std::size_t, category_count> first_rules = [] {
  std::array<std::size_t, category_count> first{};
  for (std::size_t k = 1; k < category_count; ++k) first[k] = first[k - 1] + categories[k - 1].rule_count;
  return first;
}();

constexpr bool slices_match_ids() {
  std::size_t total = 0;
  for (std::size_t k = 0; k < category_count; ++k) {
    const Category& c = categories[k];
    for (std::size_t n = 1; n <= c.rule_count; ++n) {
      const std::string_view id = infos[first_rules[k] + n - 1].id;
      if (!id.starts_with(c.family) || id.size() != c.family.size() + 3 || id[c.family.size()] != '-' ||
          id[id.size() - 2] != static_cast<char>('0' + n / 10) ||
          id[id.size() - 1] != static_cast<char>('0' + n % 10))
        return false;
    }
    total += c.rule_count;
  }
  return total == std::size(infos) && categories[ic].family == "BR-IC" && categories[o].family == "BR-O";
}
static_assert(slices_match_ids(), "each category must point at its rules BR-x-01 .. BR-x-nn in infos");

// The id of rule `n` of a category's family: rule(S, 8) is "BR-S-08".
std::string_view rule(const Category& c, std::size_t n) {
  return infos[first_rules[static_cast<std::size_t>(&c - categories)] + n - 1].id;
}

std::string quoted(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}
std::string quoted(const Decimal& d) {
  return quoted(d.to_string());
}
std::string category_text(const Category& c) {
  return "VAT category " + quoted(c.code) + " (" + std::string(c.label) + ")";
}

// The places a VAT category code appears, used as indexes.
constexpr std::size_t on_line = 0, on_allowance = 1, on_charge = 2, on_breakdown = 3;
constexpr std::size_t supply_kinds = 3;  // lines, allowances and charges: what a breakdown sums

// How one category is used across the document, gathered in one pass.
struct Use {
  std::array<std::size_t, 4> count{};
  std::array<std::size_t, 4> first{none, none, none, none};
  std::size_t second_breakdown = none;
  std::array<Decimal, supply_kinds> sum{};  // BT-131, BT-92, BT-99, unless taxed per rate
  bool supplied() const { return count[on_line] + count[on_allowance] + count[on_charge] > 0; }
};

// Sums of one category at one rate, for the categories taxed per rate.
struct RateSum {
  std::size_t category;
  Decimal rate;
  std::array<Decimal, supply_kinds> sum{};
  std::array<std::size_t, supply_kinds> count{};
};

// Rates are mostly written alike ("20.00" every time): compare the digits before the value.
bool same_rate(const Decimal& a, const Decimal& b) {
  return a.identical(b) || a == b;
}

struct Facts {
  std::array<Use, category_count> use{};
  std::vector<RateSum> rate_sums;
  // First line, allowance, charge and breakdown of a category other than "O" (BR-O-11 .. 14).
  std::array<std::size_t, 4> other{none, none, none, none};
  bool sums_overflowed = false;  // absurd magnitudes: the BR-x-08 sums cannot be trusted

  const RateSum* find_rate(std::size_t category, const Decimal& rate) const {
    for (const RateSum& r : rate_sums)
      if (r.category == category && same_rate(r.rate, rate)) return &r;
    return nullptr;
  }
  RateSum& at_rate(std::size_t category, const Decimal& rate) {
    for (RateSum& r : rate_sums)
      if (r.category == category && same_rate(r.rate, rate)) return r;
    return rate_sums.emplace_back(RateSum{category, rate, {}, {}});
  }

  void add(Decimal& sum, const Decimal& a) {
    try {
      sum += a;
    } catch (const std::overflow_error&) {
      sums_overflowed = true;
    }
  }

  void note(std::size_t where, std::size_t i, std::string_view code, const std::optional<Decimal>& rate = {},
            const std::optional<Decimal>& amount = {}) {
    if (other[where] == none && !code.empty() && code != "O") other[where] = i;
    const std::size_t c = category_index(code);
    if (c == none) return;
    Use& u = use[c];
    if (where == on_breakdown && u.count[where] == 1) u.second_breakdown = i;
    if (u.count[where]++ == 0) u.first[where] = i;
    if (where == on_breakdown) return;
    const Decimal a = amount.value_or(Decimal{});
    if (categories[c].per_rate && rate) {
      RateSum& r = at_rate(c, *rate);
      ++r.count[where];
      add(r.sum[where], a);
    } else if (!categories[c].per_rate) {
      add(u.sum[where], a);
    }
  }
};

Facts gather(const Invoice& inv) {
  Facts f;
  for (std::size_t i = 0; i < inv.lines.size(); ++i)
    f.note(on_line, i, inv.lines[i].vat_category_code, inv.lines[i].vat_rate, inv.lines[i].net_amount);
  for (std::size_t i = 0; i < inv.allowances.size(); ++i)
    f.note(on_allowance, i, inv.allowances[i].vat_category_code, inv.allowances[i].vat_rate,
           inv.allowances[i].amount);
  for (std::size_t i = 0; i < inv.charges.size(); ++i)
    f.note(on_charge, i, inv.charges[i].vat_category_code, inv.charges[i].vat_rate, inv.charges[i].amount);
  for (std::size_t i = 0; i < inv.vat_breakdown.size(); ++i)
    f.note(on_breakdown, i, inv.vat_breakdown[i].category_code);
  return f;
}

// Locating and naming the line, allowance, charge or breakdown a finding is about.
std::string category_path(const RuleContext& ctx, std::size_t where, std::size_t i) {
  switch (where) {
    case on_line:
      return ctx.paths.line(i, "BT-151");
    case on_allowance:
      return ctx.paths.allowance_charge(false, i, "BT-95");
    case on_charge:
      return ctx.paths.allowance_charge(true, i, "BT-102");
    default:
      return ctx.paths.vat_breakdown(i, "BT-118");
  }
}
std::string_view category_code(const Invoice& inv, std::size_t where, std::size_t i) {
  switch (where) {
    case on_line:
      return inv.lines[i].vat_category_code;
    case on_allowance:
      return inv.allowances[i].vat_category_code;
    case on_charge:
      return inv.charges[i].vat_category_code;
    default:
      return inv.vat_breakdown[i].category_code;
  }
}
std::string describe(const Invoice& inv, std::size_t where, std::size_t i) {
  switch (where) {
    case on_line:
      return "line " + quoted(inv.lines[i].id);
    case on_allowance:
      return "document level allowance " + std::to_string(i + 1);
    case on_charge:
      return "document level charge " + std::to_string(i + 1);
    default:
      return "VAT breakdown " + std::to_string(i + 1);
  }
}
std::size_t first_supply(const Use& u) {
  for (std::size_t k = 0; k < supply_kinds; ++k)
    if (u.first[k] != none) return k;
  return none;
}

// BR-x-01: the breakdown groups of a category against its supplies.
void check_breakdown_count(RuleContext& ctx, const Category& c, const Use& u, bool cii) {
  const std::size_t breakdowns = u.count[on_breakdown];
  bool missing = false, surplus = false, unused = false;
  if (c.breakdowns == Breakdowns::exactly_one) {
    surplus = breakdowns >= 2;
    // UBL takes the breakdown itself as a use; CII wants a supply behind it. CII BR-O-01 only
    // judges invoices that have an "O" breakdown.
    missing = breakdowns == 0 && u.supplied() && !(cii && c.code == "O");
    unused = cii && breakdowns == 1 && !u.supplied();
  } else if (cii) {
    // CII counts lines and allowances/charges separately, each together with the breakdowns.
    const std::size_t lines = u.count[on_line], others = u.count[on_allowance] + u.count[on_charge];
    missing = (lines > 0 && lines + breakdowns < 2) || (others > 0 && others + breakdowns < 2);
  } else {
    missing = breakdowns == 0 && u.supplied();
    unused = breakdowns > 0 && !u.supplied();
  }
  if (surplus) {
    ctx.fail(rule(c, 1), category_path(ctx, on_breakdown, u.second_breakdown),
             category_text(c) + " appears in " + quoted(std::to_string(breakdowns)) +
                 " VAT breakdowns instead of exactly one");
  } else if (missing) {
    const std::size_t k = first_supply(u);
    ctx.fail(rule(c, 1), category_path(ctx, k, u.first[k]),
             describe(ctx.inv, k, u.first[k]) + " is in " + category_text(c) +
                 " but the VAT breakdown has no group of that category");
  } else if (unused) {
    ctx.fail(rule(c, 1), category_path(ctx, on_breakdown, u.first[on_breakdown]),
             "the VAT breakdown has " + category_text(c) + " but no line, allowance or charge is in it");
  }
}

// What the invoice lacks among the identifiers a category requires; empty when complete.
std::string_view missing_identifiers(const Category& c, const Invoice& inv) {
  const bool seller_vat = !inv.seller.vat_id.empty() || !inv.tax_representative.vat_id.empty();
  if (c.seller == SellerIds::tax_id && !seller_vat && inv.seller.tax_registration_id.empty())
    return "the seller VAT identifier (BT-31), tax registration identifier (BT-32) or tax representative VAT "
           "identifier (BT-63)";
  if (c.seller == SellerIds::vat_id && !seller_vat)
    return "the seller VAT identifier (BT-31) or tax representative VAT identifier (BT-63)";
  if (c.buyer == BuyerIds::vat_id && inv.buyer.vat_id.empty()) return "the buyer VAT identifier (BT-48)";
  if (c.buyer == BuyerIds::vat_or_legal_id && inv.buyer.vat_id.empty() &&
      inv.buyer.legal_registration_id.empty())
    return "the buyer VAT identifier (BT-48) or legal registration identifier (BT-47)";
  return {};
}

// The first VAT identifier an invoice not subject to VAT must not carry, if any.
std::pair<std::string_view, const std::string*> forbidden_identifier(const Invoice& inv) {
  if (!inv.seller.vat_id.empty()) return {"BT-31", &inv.seller.vat_id};
  if (!inv.tax_representative.vat_id.empty()) return {"BT-63", &inv.tax_representative.vat_id};
  if (!inv.buyer.vat_id.empty()) return {"BT-48", &inv.buyer.vat_id};
  return {{}, nullptr};
}

// BR-x-02 .. BR-x-04: party identifiers, judged once for the lines, the allowances and the charges.
void check_identifiers(RuleContext& ctx, const Category& c, const Use& u) {
  const Invoice& inv = ctx.inv;
  for (std::size_t k = 0; k < supply_kinds; ++k) {
    if (u.first[k] == none) continue;
    const std::string_view id = rule(c, 2 + k);
    if (c.seller == SellerIds::forbidden) {
      if (const auto [term, value] = forbidden_identifier(inv); value)
        ctx.fail(id, ctx.paths.term(term),
                 describe(inv, k, u.first[k]) + " is in " + category_text(c) + " yet the invoice carries " +
                     std::string(term) + " " + quoted(*value));
    } else if (const std::string_view missing = missing_identifiers(c, inv); !missing.empty()) {
      ctx.fail(id, category_path(ctx, k, u.first[k]),
               describe(inv, k, u.first[k]) + " is in " + category_text(c) + ", which requires " +
                   std::string(missing));
    }
  }
}

bool rate_fits(Rate r, const std::optional<Decimal>& rate) {
  switch (r) {
    case Rate::positive:
      return rate && rate->sign() > 0;
    case Rate::zero:
      return rate && rate->is_zero();
    case Rate::non_negative:
      return rate && rate->sign() >= 0;
    case Rate::absent:
      return !rate;
  }
  return true;
}

std::string_view rate_wanted(Rate r) {
  switch (r) {
    case Rate::positive:
      return "a rate greater than zero";
    case Rate::zero:
      return "a rate of zero";
    case Rate::non_negative:
      return "a rate of zero or more";
    case Rate::absent:
      return "no rate";
  }
  return {};
}

// BR-x-05 .. BR-x-07 for one line, allowance or charge.
void check_rate(RuleContext& ctx, std::size_t where, std::size_t i, const std::optional<Decimal>& rate,
                bool cii) {
  const std::size_t k = category_index(category_code(ctx.inv, where, i));
  if (k == none) return;
  const Category& c = categories[k];
  const Rate wanted = cii ? c.rate_cii : c.rate_ubl;
  if (rate_fits(wanted, rate)) return;
  static constexpr std::string_view rate_terms[] = {"BT-152", "BT-96", "BT-103"};
  std::string path = !rate ? category_path(ctx, where, i)
                     : where == on_line
                         ? ctx.paths.line(i, rate_terms[where])
                         : ctx.paths.allowance_charge(where == on_charge, i, rate_terms[where]);
  ctx.fail(rule(c, 5 + where), std::move(path),
           describe(ctx.inv, where, i) + " is in " + category_text(c) + " with " +
               (rate ? "rate " + quoted(*rate) : std::string("no rate")) + " where " +
               std::string(rate_wanted(wanted)) + " is expected");
}

// XPath round(x * 100) div 100.
Decimal cents(const Decimal& d) {
  return d.rounded_half_up(2);
}

// The artefacts do part of their arithmetic in xs:double (an untyped amount minus 1, a CII rate),
// so whether a difference of exactly 1 passes hangs on binary rounding; the helpers below
// reproduce that rather than deciding the boundary differently.
double to_double(const Decimal& d) {
  const std::string s = d.to_string();
  double x = 0;
  std::from_chars(s.data(), s.data() + s.size(), x);
  return x;
}

// Compares unsigned fixed-point numerals: "12.5" and "012.50" are equal.
int compare_numerals(std::string_view a, std::string_view b) {
  const auto split = [](std::string_view s) {
    const std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot), fraction = dot == s.npos ? "" : s.substr(dot + 1);
    while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
    while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
    return std::pair{whole, fraction};
  };
  const auto [aw, af] = split(a);
  const auto [bw, bf] = split(b);
  if (aw.size() != bw.size()) return aw.size() < bw.size() ? -1 : 1;
  const int c = aw != bw ? aw.compare(bw) : af.compare(bf);
  return (c > 0) - (c < 0);
}

// Sign of x - d, exactly: what XPath gets comparing xs:decimal(x) with d.
int compare_exact(double x, const Decimal& d) {
  const double y = to_double(d);
  if (x != y) return x < y ? -1 : 1;
  if (d.is_zero()) return 0;
  // x is the double nearest d: only its full expansion tells on which side of d it lies.
  int exponent = 0;
  std::frexp(x, &exponent);
  // 53 - exponent fraction digits hold every bit of the mantissa.
  std::array<char, 1500> buf;
  const auto [end, error] = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(x),
                                          std::chars_format::fixed, std::clamp(53 - exponent, 0, 1100));
  if (error != std::errc{}) return 0;
  const int c = compare_numerals(std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data())),
                                 d.abs().to_string());
  return d.sign() < 0 ? -c : c;
}

// Whether a and b differ by so nearly `target` (within `band`) that binary rounding may decide a
// comparison differently from exact decimals; amounts from a billion up are always that close.
// Everything else takes the exact path, which needs no conversion.
bool near_boundary(const Decimal& a, const Decimal& b, const Decimal& target, const Decimal& band) {
  static const Decimal billion = Decimal::from_integer(1'000'000'000);
  return a.abs() >= billion || b.abs() >= billion || ((a - b).abs() - target).abs() <= band;
}

// BT-116 against the sum it should equal, the way each artefact compares them: UBL computes
// xs:decimal(BT-116 -/+ 1) through a double, CII compares doubles.
bool taxable_agrees(Tolerance t, bool cii, const Decimal& taxable, const Decimal& sum) {
  static const Decimal zero, one = Decimal::from_integer(1), band = Decimal::from_units(1, 3);
  if (t == Tolerance::exact) {
    if (!cii || taxable == sum || !near_boundary(taxable, sum, zero, band)) return taxable == sum;
    return to_double(taxable) == to_double(sum);
  }
  if (!near_boundary(taxable, sum, one, band)) return (taxable - sum).abs() < one;
  const double d = to_double(taxable);
  if (cii) return d - 1 < to_double(sum) && d + 1 > to_double(sum);
  return compare_exact(d - 1, sum) < 0 && compare_exact(d + 1, sum) > 0;
}

std::string breakdown_text(const Category& c, const VatBreakdown& v) {
  return "the VAT breakdown of " + category_text(c) +
         (c.per_rate && v.rate ? " at rate " + quoted(*v.rate) : "");
}

// BR-x-08: the taxable amount of breakdown `i` against the supplies it covers.
void check_taxable_amount(RuleContext& ctx, std::size_t k, const Facts& f, std::size_t i, bool cii) {
  const Category& c = categories[k];
  const VatBreakdown& v = ctx.inv.vat_breakdown[i];
  const Tolerance t = cii ? c.sum_cii : c.sum_ubl;
  // A per-rate breakdown without a rate is checked for no rate at all ("every $rate in ()").
  if (t == Tolerance::none || (c.per_rate && !v.rate)) return;
  if (!v.taxable_amount) {
    ctx.fail(rule(c, 8), ctx.paths.vat_breakdown(i, "BT-116"),
             breakdown_text(c, v) + " has no taxable amount");
    return;
  }
  const RateSum* at_rate = c.per_rate ? f.find_rate(k, *v.rate) : nullptr;
  std::array<Decimal, supply_kinds> sum =
      c.per_rate ? (at_rate ? at_rate->sum : decltype(sum){}) : f.use[k].sum;
  if (cii)
    for (Decimal& s : sum) s = cents(s);
  const Decimal expected = sum[on_line] + sum[on_charge] - sum[on_allowance];
  bool ok = taxable_agrees(t, cii, *v.taxable_amount, expected);
  const bool no_line = !cii && c.backing_ubl == Backing::any_line && ctx.inv.lines.empty();
  if (no_line) {
    ok = false;
  } else if (!cii && c.backing_ubl == Backing::supply_at_rate) {
    // UBL BR-S-08 also accepts charges minus allowances alone, when some are at that rate: its
    // credit note branch, whose line sum is zero on an invoice (and vice versa).
    const bool with_lines = at_rate && at_rate->count[on_line] > 0;
    const bool with_others = at_rate && at_rate->count[on_allowance] + at_rate->count[on_charge] > 0;
    ok = ((with_lines || with_others) && ok) ||
         (with_others && taxable_agrees(t, cii, *v.taxable_amount, sum[on_charge] - sum[on_allowance]));
  }
  if (ok) return;
  const std::string why = no_line ? "the invoice has no line"
                          : c.per_rate && !at_rate
                              ? "no line, allowance or charge is in that category at that rate"
                              : "its lines plus charges minus allowances come to " + quoted(expected);
  ctx.fail(rule(c, 8), ctx.paths.vat_breakdown(i, "BT-116"),
           breakdown_text(c, v) + " has taxable amount " + quoted(*v.taxable_amount) + " but " + why);
}

// BR-x-09 for the categories taxed at their rate: BT-117 is BT-116 x BT-119 within 1. UBL
// computes in xs:decimal; CII multiplies by the untyped rate, hence in doubles.
bool tax_agrees(bool cii, const Decimal& tax, const Decimal& taxable, const Decimal& rate,
                Decimal& expected) {
  // In doubles the product may round to the next cent, hence the wider band.
  static const Decimal one = Decimal::from_integer(1), band = Decimal::from_units(2, 2);
  expected = cents(taxable.abs() * rate * Decimal::from_units(1, 2));
  if (!cii || !near_boundary(tax.abs(), expected, one, band)) return (tax.abs() - expected).abs() < one;
  const double product = std::floor(to_double(taxable.abs()) * to_double(rate) + 0.5) / 100;
  return to_double(tax.abs() - one) < product && to_double(tax.abs() + one) > product;
}

// BR-x-09.
void check_tax_amount(RuleContext& ctx, const Category& c, std::size_t i, bool cii) {
  const VatBreakdown& v = ctx.inv.vat_breakdown[i];
  if (c.per_rate && (cii ? c.sum_cii : c.sum_ubl) == Tolerance::none) return;
  std::string why;
  Decimal expected;
  if (!v.tax_amount) {
    why = " has no VAT amount";
  } else if (!c.per_rate) {
    if (!v.tax_amount->is_zero()) why = " has VAT amount " + quoted(*v.tax_amount) + " instead of zero";
  } else if (!v.taxable_amount || !v.rate) {
    why = " has VAT amount " + quoted(*v.tax_amount) + " but no " + (v.rate ? "taxable amount" : "rate") +
          " to check it against";
  } else if (!tax_agrees(cii, *v.tax_amount, *v.taxable_amount, *v.rate, expected)) {
    why = " has VAT amount " + quoted(*v.tax_amount) + " but " + quoted(*v.taxable_amount) + " at " +
          quoted(*v.rate) + " % gives " + quoted(expected);
  }
  if (!why.empty()) ctx.fail(rule(c, 9), ctx.paths.vat_breakdown(i, "BT-117"), breakdown_text(c, v) + why);
}

// BR-x-10.
void check_exemption(RuleContext& ctx, const Category& c, std::size_t i) {
  const VatBreakdown& v = ctx.inv.vat_breakdown[i];
  const bool has_reason = !v.exemption_reason.empty() || !v.exemption_reason_code.empty();
  if (c.exemption == Exemption::forbidden && has_reason)
    ctx.fail(rule(c, 10), ctx.paths.vat_breakdown(i, v.exemption_reason_code.empty() ? "BT-120" : "BT-121"),
             breakdown_text(c, v) + " gives the exemption reason " +
                 quoted(v.exemption_reason_code.empty() ? v.exemption_reason : v.exemption_reason_code) +
                 " although the category is taxed");
  else if (c.exemption == Exemption::required && !has_reason)
    ctx.fail(rule(c, 10), ctx.paths.vat_breakdown(i),
             breakdown_text(c, v) + " gives neither an exemption reason nor an exemption reason code");
}

// BR-IC-11, BR-IC-12: an intra-community supply says when and where the goods went.
void check_intra_community(RuleContext& ctx, const Use& u, bool cii) {
  if (u.count[on_breakdown] == 0) return;
  const Invoice& inv = ctx.inv;
  const Category& c = categories[ic];
  const std::string path = category_path(ctx, on_breakdown, u.first[on_breakdown]);
  const std::string intro = "the invoice has a VAT breakdown of " + category_text(c) + " but ";
  // UBL accepts any child of cac:InvoicePeriod, which includes BT-8 (cbc:DescriptionCode).
  const bool when = inv.delivery.actual_delivery_date || inv.invoicing_period.start ||
                    inv.invoicing_period.end || (!cii && !inv.tax_point_date_code.empty());
  if (!when)
    ctx.fail(rule(c, 11), path,
             intro + "neither an actual delivery date (BT-72) nor an invoicing period (BG-14)");
  // UBL wants more than one character; CII only the element.
  const std::string& country = inv.delivery.deliver_to.country_code;
  if (country.size() < (cii ? 1u : 2u))
    ctx.fail(
        rule(c, 12), path,
        intro + "the deliver-to country code (BT-80) is " + (country.empty() ? "missing" : quoted(country)));
}

// BR-O-11 .. BR-O-14: an invoice with a breakdown not subject to VAT has nothing in another
// category. UBL looks at breakdowns, lines, allowances and charges respectively; CII reads 11
// and 12 alike as "breakdowns or lines", 13 and 14 alike as "allowances or charges".
void check_only_o(RuleContext& ctx, const Use& u, const Facts& f, bool cii) {
  if (u.count[on_breakdown] == 0) return;
  const Category& c = categories[o];
  static constexpr std::size_t ubl_places[][2] = {
      {on_breakdown, on_breakdown}, {on_line, on_line}, {on_allowance, on_allowance}, {on_charge, on_charge}};
  static constexpr std::size_t cii_places[][2] = {
      {on_breakdown, on_line}, {on_breakdown, on_line}, {on_allowance, on_charge}, {on_allowance, on_charge}};
  for (std::size_t n = 0; n < 4; ++n) {
    const auto& places = cii ? cii_places[n] : ubl_places[n];
    const std::size_t where = f.other[places[0]] != none ? places[0] : places[1];
    const std::size_t i = f.other[where];
    if (i == none) continue;
    ctx.fail(rule(c, 11 + n), category_path(ctx, where, i),
             "the invoice has a VAT breakdown of " + category_text(c) + " and also " +
                 describe(ctx.inv, where, i) + " in VAT category " +
                 quoted(category_code(ctx.inv, where, i)));
  }
}

// Decimal arithmetic throws on overflow (absurd magnitudes): the rule that cannot compute stays
// silent rather than letting validate() throw.
template <class Check>
void guarded(const Check& check) {
  try {
    check();
  } catch (const std::overflow_error&) {
  } catch (const std::logic_error&) {
  }
}

}  // namespace

std::span<const RuleInfo> vat_rules() {
  return infos;
}

void check_vat(RuleContext& ctx) {
  const Invoice& inv = ctx.inv;
  const bool cii = inv.source_syntax == Syntax::cii;
  const Facts f = gather(inv);
  for (std::size_t k = 0; k < category_count; ++k) {
    check_breakdown_count(ctx, categories[k], f.use[k], cii);
    check_identifiers(ctx, categories[k], f.use[k]);
  }
  for (std::size_t i = 0; i < inv.lines.size(); ++i) check_rate(ctx, on_line, i, inv.lines[i].vat_rate, cii);
  for (std::size_t i = 0; i < inv.allowances.size(); ++i)
    check_rate(ctx, on_allowance, i, inv.allowances[i].vat_rate, cii);
  for (std::size_t i = 0; i < inv.charges.size(); ++i)
    check_rate(ctx, on_charge, i, inv.charges[i].vat_rate, cii);
  for (std::size_t i = 0; i < inv.vat_breakdown.size(); ++i) {
    const std::size_t k = category_index(inv.vat_breakdown[i].category_code);
    if (k == none) continue;
    if (!f.sums_overflowed) guarded([&] { check_taxable_amount(ctx, k, f, i, cii); });
    guarded([&] { check_tax_amount(ctx, categories[k], i, cii); });
    check_exemption(ctx, categories[k], i);
  }
  check_intra_community(ctx, f.use[ic], cii);
  check_only_o(ctx, f.use[o], f, cii);
}

}  // namespace relance::formats::rules
