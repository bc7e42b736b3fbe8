#pragma once

#include <cstddef>

#include "relance/formats/invoice.hpp"

namespace relance::samples {

// A consistent EN 16931 invoice with `lines` lines (French seller, German buyer, deliver-to
// elsewhere, two VAT rates, one document allowance): totals add up, so it validates. Used by
// benchmarks and by tests that need invoices of any size.
formats::Invoice make_invoice(std::size_t lines, std::size_t serial = 1);

}  // namespace relance::samples
