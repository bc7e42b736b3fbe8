#pragma once

#include <string>
#include <string_view>

#include "relance/formats/diagnostic.hpp"
#include "relance/formats/invoice.hpp"

namespace relance::formats {

// Reads a UBL 2.1 Invoice or CreditNote (PEPPOL BIS Billing 3.0, XRechnung UBL).
// Never throws for bad input: problems are diagnostics.
// With `syntax_rules`, the UBL-* syntax rules and BR-CL-* code lists are checked on the XML too.
Result<Invoice> read_ubl(std::string_view xml, std::string_view source_name, bool syntax_rules = false);

// Writes UBL 2.1: a CreditNote when BT-3 is a credit note code, an Invoice otherwise.
// BT-24 is the invoice's own, or the EN 16931 id when it has none.
std::string write_ubl(const Invoice& invoice);

}  // namespace relance::formats
