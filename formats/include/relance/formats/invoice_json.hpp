#pragma once

#include <string>

#include "relance/formats/invoice.hpp"

namespace relance::formats {

// The model as JSON with snake_case keys named after the business terms; amounts, prices
// and quantities are decimal strings ("1234.50"), dates yyyy-mm-dd. The keys number,
// type_code, issue_date, currency, due_date, seller, buyer, deliver_to, totals and lines are
// always present (null when the invoice lacks them); other empty terms are left out.
// indent < 0 gives one line.
std::string to_json(const Invoice& invoice, int indent = 2);

}  // namespace relance::formats
