#pragma once

// Postal code shapes of the countries relance's users invoice most (the EU, CH, GB, US and a few
// neighbours), as the national postal operators publish them; and the countries that have no
// postal code, where an address is complete without one.

#include <string_view>

namespace relance::formats::rules::postal {

enum class Shape { ok, wrong, unknown_country };

// Judges a postal code against its country's shape; "unknown_country" when no shape is known.
Shape check(std::string_view country, std::string_view post_code);

// The shapes in words for a message: "5 digits", "4 digits, a space and 2 letters (1234 AB)".
std::string_view describe(std::string_view country);

// Countries whose addresses have no postal code (or where it is optional, such as Ireland's
// Eircode): a missing BT-38/53/67/78 is not a gap there.
bool has_no_postal_codes(std::string_view country);

}  // namespace relance::formats::rules::postal
