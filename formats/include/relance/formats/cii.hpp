#pragma once

#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"
#include "relance/formats/invoice.hpp"

namespace relance::formats {

// The Factur-X 1.0 / ZUGFeRD 2.x guideline ids (BT-24) of the CII profiles.
namespace guideline {
inline constexpr std::string_view minimum = "urn:factur-x.eu:1p0:minimum";
inline constexpr std::string_view basic_wl = "urn:factur-x.eu:1p0:basicwl";
inline constexpr std::string_view basic = "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic";
inline constexpr std::string_view en16931 = "urn:cen.eu:en16931:2017";
inline constexpr std::string_view extended =
    "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended";
}  // namespace guideline

// Reads a UN/CEFACT CII D16B CrossIndustryInvoice (Factur-X, ZUGFeRD 2.x, XRechnung CII).
// Never throws for bad input: problems are diagnostics, and the value is absent only
// when the document is not a readable CII invoice at all.
// With `syntax_rules`, the CII-* syntax rules and BR-CL-* code lists are checked on the XML too.
Result<Invoice> read_cii(std::string_view xml, std::string_view source_name, bool syntax_rules = false);

struct CiiWriteOptions {
  // BT-24 written in the document; empty keeps the invoice's own, or the EN 16931 id when it has none.
  std::string guideline_id;
};

// Writes the invoice as CII D16B, elements in schema order.
std::string write_cii(const Invoice& invoice, const CiiWriteOptions& options = {});

}  // namespace relance::formats
