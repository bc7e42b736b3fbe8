#pragma once
// The invoice as the templates see it: every value already formatted for the language, every
// optional value either its text or false (so {{#key}} tests it and a strict context never
// misses a name). The names are documented in templates/README.md.
#include "relance/formats/invoice.hpp"
#include "relance/letters/language.hpp"
#include "template_engine.hpp"

namespace relance::letters::detail {

ViewData invoice_view(const formats::Invoice& invoice, Language language);

// Postal address lines as printed on an envelope: street lines, "post code city", country name
// when it is not the sender's country.
std::vector<std::string> address_lines(const formats::Address& address, std::string_view home_country);

}  // namespace relance::letters::detail
