#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "relance/letters/language.hpp"

namespace {

using relance::formats::Date;
using relance::formats::Decimal;
using relance::letters::format_amount;
using relance::letters::format_date;
using relance::letters::format_number;
using relance::letters::format_percent;
using relance::letters::Language;

// Written out so that the expectations show which space is which.
const std::string nnbsp = "\u202F";  // narrow no-break space: French group separator
const std::string nbsp = "\u00A0";   // no-break space: before € and %

Decimal dec(std::string_view text) {
  const auto d = Decimal::parse(text);
  if (!d) throw std::invalid_argument("bad decimal in test: " + std::string(text));
  return *d;
}

struct AmountCase {
  std::string amount;
  std::string currency;
  std::string fr;
  std::string en;
  std::string de;
};

TEST(FormatAmount, WritesEachLanguagesGroupingDecimalsAndCurrency) {
  const std::vector<AmountCase> cases = {
      {"1234.56", "EUR", "1" + nnbsp + "234,56" + nbsp + "€", "€1,234.56", "1.234,56" + nbsp + "€"},
      {"0", "EUR", "0,00" + nbsp + "€", "€0.00", "0,00" + nbsp + "€"},
      {"0.00", "EUR", "0,00" + nbsp + "€", "€0.00", "0,00" + nbsp + "€"},
      {"7", "EUR", "7,00" + nbsp + "€", "€7.00", "7,00" + nbsp + "€"},
      {"999.99", "EUR", "999,99" + nbsp + "€", "€999.99", "999,99" + nbsp + "€"},
      {"1000", "EUR", "1" + nnbsp + "000,00" + nbsp + "€", "€1,000.00", "1.000,00" + nbsp + "€"},
      {"123456.7", "EUR", "123" + nnbsp + "456,70" + nbsp + "€", "€123,456.70", "123.456,70" + nbsp + "€"},
      {"1000000000.00", "EUR", "1" + nnbsp + "000" + nnbsp + "000" + nnbsp + "000,00" + nbsp + "€",
       "€1,000,000,000.00", "1.000.000.000,00" + nbsp + "€"},
      {"-1234.56", "EUR", "-1" + nnbsp + "234,56" + nbsp + "€", "-€1,234.56", "-1.234,56" + nbsp + "€"},
      {"-0.5", "EUR", "-0,50" + nbsp + "€", "-€0.50", "-0,50" + nbsp + "€"},
      // Half away from zero, on both sides of zero.
      {"2.345", "EUR", "2,35" + nbsp + "€", "€2.35", "2,35" + nbsp + "€"},
      {"2.344", "EUR", "2,34" + nbsp + "€", "€2.34", "2,34" + nbsp + "€"},
      {"-2.345", "EUR", "-2,35" + nbsp + "€", "-€2.35", "-2,35" + nbsp + "€"},
      {"999.995", "EUR", "1" + nnbsp + "000,00" + nbsp + "€", "€1,000.00", "1.000,00" + nbsp + "€"},
      // A negative amount that rounds to zero loses its sign.
      {"-0.004", "EUR", "0,00" + nbsp + "€", "€0.00", "0,00" + nbsp + "€"},
      {"1234.56", "USD", "1" + nnbsp + "234,56" + nbsp + "$", "$1,234.56", "1.234,56" + nbsp + "$"},
      {"1234.56", "GBP", "1" + nnbsp + "234,56" + nbsp + "£", "£1,234.56", "1.234,56" + nbsp + "£"},
      {"1234.56", "CHF", "1" + nnbsp + "234,56" + nbsp + "CHF", "CHF" + nbsp + "1,234.56",
       "1.234,56" + nbsp + "CHF"},
      {"1234.56", "SEK", "1" + nnbsp + "234,56" + nbsp + "SEK", "SEK" + nbsp + "1,234.56",
       "1.234,56" + nbsp + "SEK"},
      {"-1234.56", "SEK", "-1" + nnbsp + "234,56" + nbsp + "SEK", "-SEK" + nbsp + "1,234.56",
       "-1.234,56" + nbsp + "SEK"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.amount + " " + c.currency);
    EXPECT_EQ(format_amount(dec(c.amount), c.currency, Language::fr), c.fr);
    EXPECT_EQ(format_amount(dec(c.amount), c.currency, Language::en), c.en);
    EXPECT_EQ(format_amount(dec(c.amount), c.currency, Language::de), c.de);
  }
}

TEST(FormatAmount, RoundsOrPadsToTheRequestedDecimals) {
  EXPECT_EQ(format_amount(dec("1234.5"), "EUR", Language::en, 0), "€1,235");
  EXPECT_EQ(format_amount(dec("1234.4"), "EUR", Language::en, 0), "€1,234");
  EXPECT_EQ(format_amount(dec("-0.5"), "EUR", Language::de, 0), "-1" + nbsp + "€");
  EXPECT_EQ(format_amount(dec("2.5"), "EUR", Language::fr, 3), "2,500" + nbsp + "€");
  EXPECT_EQ(format_amount(dec("0.12345"), "EUR", Language::en, 4), "€0.1235");
}

TEST(FormatAmount, WithoutACurrencyWritesTheNumberAlone) {
  EXPECT_EQ(format_amount(dec("1234.5"), "", Language::fr), "1" + nnbsp + "234,50");
}

struct NumberCase {
  std::string value;
  std::string fr;
  std::string en;
  std::string de;
};

TEST(FormatNumber, KeepsTheWrittenDigits) {
  const std::vector<NumberCase> cases = {
      {"0", "0", "0", "0"},
      {"2.50", "2,50", "2.50", "2,50"},
      {"1234.5", "1" + nnbsp + "234,5", "1,234.5", "1.234,5"},
      {"123", "123", "123", "123"},
      {"1000000", "1" + nnbsp + "000" + nnbsp + "000", "1,000,000", "1.000.000"},
      {"0.0001", "0,0001", "0.0001", "0,0001"},
      {"-12345.678", "-12" + nnbsp + "345,678", "-12,345.678", "-12.345,678"},
      {"+7.10", "7,10", "7.10", "7,10"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(format_number(dec(c.value), Language::fr), c.fr);
    EXPECT_EQ(format_number(dec(c.value), Language::en), c.en);
    EXPECT_EQ(format_number(dec(c.value), Language::de), c.de);
  }
}

TEST(FormatPercent, DropsTrailingZerosAndPlacesTheSign) {
  const std::vector<NumberCase> cases = {
      {"20", "20" + nbsp + "%", "20%", "20" + nbsp + "%"},
      {"20.00", "20" + nbsp + "%", "20%", "20" + nbsp + "%"},
      {"5.5", "5,5" + nbsp + "%", "5.5%", "5,5" + nbsp + "%"},
      {"5.50", "5,5" + nbsp + "%", "5.5%", "5,5" + nbsp + "%"},
      {"2.1", "2,1" + nbsp + "%", "2.1%", "2,1" + nbsp + "%"},
      {"0", "0" + nbsp + "%", "0%", "0" + nbsp + "%"},
      {"0.00", "0" + nbsp + "%", "0%", "0" + nbsp + "%"},
      {"8.125", "8,125" + nbsp + "%", "8.125%", "8,125" + nbsp + "%"},
      {"-3.5", "-3,5" + nbsp + "%", "-3.5%", "-3,5" + nbsp + "%"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(format_percent(dec(c.value), Language::fr), c.fr);
    EXPECT_EQ(format_percent(dec(c.value), Language::en), c.en);
    EXPECT_EQ(format_percent(dec(c.value), Language::de), c.de);
  }
}

struct DateCase {
  int year;
  int month;
  int day;
  std::string fr;
  std::string en;
  std::string de;
};

TEST(FormatDate, WritesEachLanguagesOrderAndPadding) {
  const std::vector<DateCase> cases = {
      {2026, 11, 23, "23/11/2026", "2026-11-23", "23.11.2026"},
      {2026, 1, 5, "05/01/2026", "2026-01-05", "05.01.2026"},
      {2028, 2, 29, "29/02/2028", "2028-02-29", "29.02.2028"},
      {1999, 12, 31, "31/12/1999", "1999-12-31", "31.12.1999"},
  };
  for (const auto& c : cases) {
    const auto date = Date::from_ymd(c.year, c.month, c.day);
    ASSERT_TRUE(date.has_value());
    SCOPED_TRACE(date->to_iso());
    EXPECT_EQ(format_date(*date, Language::fr), c.fr);
    EXPECT_EQ(format_date(*date, Language::en), c.en);
    EXPECT_EQ(format_date(*date, Language::de), c.de);
  }
}

}  // namespace
