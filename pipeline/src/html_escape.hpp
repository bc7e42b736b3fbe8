#pragma once

#include <string>
#include <string_view>

namespace relance::pipeline::detail {

// Text for HTML content and attribute values: & < > " ' escaped (customer names in emails and
// reports come from invoices and CSV files, so they never become markup).
std::string html_escape(std::string_view text);

}  // namespace relance::pipeline::detail
