#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"

namespace relance::letters {

// The languages relance ships templates and number formats for.
enum class Language { fr, en, de };

std::optional<Language> parse_language(std::string_view code);  // "fr", "en", "de"
std::string_view language_code(Language language);

// Amounts with grouping and the currency placed as each language writes it:
// fr "1 234,56 €" (narrow no-break space U+202F as group separator, no-break space before the symbol),
// en "€1,234.56", de "1.234,56 €". Known symbols: EUR €, USD $, GBP £, CHF "CHF"; other ISO codes
// are written as the code ("1 234,56 SEK"/"SEK 1,234.56"). Negative amounts keep the sign before the
// digits ("-1 234,56 €", "-€1,234.56"). The amount is rounded half away from zero to `decimals`.
std::string format_amount(const formats::Decimal& amount, std::string_view currency, Language language,
                          int decimals = 2);
// A number with the language's grouping and decimal separator and exactly the digits it was written
// with (quantities, unit prices): "1 234,5".
std::string format_number(const formats::Decimal& value, Language language);
// A percentage for VAT rates: "20 %" (fr, with a no-break space), "20%" (en), "20 %" (de); "5,5 %".
std::string format_percent(const formats::Decimal& rate, Language language);
// fr 23/11/2026, en 2026-11-23, de 23.11.2026.
std::string format_date(const formats::Date& date, Language language);

}  // namespace relance::letters
