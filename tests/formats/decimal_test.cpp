#include "relance/formats/decimal.hpp"

#include <gtest/gtest.h>

#include <type_traits>

using relance::formats::Decimal;

namespace {
Decimal d(const char* s) {
  return *Decimal::parse(s);
}
}  // namespace

TEST(Decimal, ParsesAndKeepsWrittenScale) {
  EXPECT_EQ(d("19.9").to_string(), "19.9");
  EXPECT_EQ(d("19.90").to_string(), "19.90");
  EXPECT_EQ(d("-0.5").to_string(), "-0.5");
  EXPECT_EQ(d(" 12 ").to_string(), "12");
  EXPECT_EQ(d("+3.25").to_string(), "3.25");
}

TEST(Decimal, RejectsWhatIsNotADecimal) {
  for (const char* bad : {"", "abc", "1,5", "1e3", "1.2.3", "--1", ".", "12 34", "0x10", "NaN"})
    EXPECT_FALSE(Decimal::parse(bad)) << bad;
  EXPECT_FALSE(Decimal::parse("1234567890123456789012345678901234567"));  // 37 significant digits
}

TEST(Decimal, ComparesNumerically) {
  EXPECT_EQ(d("19.9"), d("19.90"));
  EXPECT_LT(d("-1"), d("0.01"));
  EXPECT_FALSE(d("19.9").identical(d("19.90")));
}

TEST(Decimal, ExactArithmetic) {
  EXPECT_EQ((d("0.1") + d("0.2")).to_string(), "0.3");
  EXPECT_EQ((d("9.95") * d("2")).to_string(), "19.90");
  EXPECT_EQ((d("1.005") - d("0.005")).to_string(), "1.000");
  EXPECT_EQ(Decimal::divide(d("10"), d("3"), 2).to_string(), "3.33");
  EXPECT_EQ(Decimal::divide(d("-2"), d("3"), 2).to_string(), "-0.67");
}

TEST(Decimal, RoundsHalfAwayFromZero) {
  EXPECT_EQ(d("2.345").rounded(2).to_string(), "2.35");
  EXPECT_EQ(d("-2.345").rounded(2).to_string(), "-2.35");
  EXPECT_EQ(d("2.344").rounded(2).to_string(), "2.34");
  EXPECT_EQ(d("2.5").rounded(0).to_string(), "3");
  EXPECT_EQ(d("2").rounded(2).to_string(), "2.00");
}

TEST(Decimal, RoundsHalfUpLikeXPath) {
  EXPECT_EQ(d("2.345").rounded_half_up(2).to_string(), "2.35");
  EXPECT_EQ(d("-2.345").rounded_half_up(2).to_string(), "-2.34");
  EXPECT_EQ(d("-2.346").rounded_half_up(2).to_string(), "-2.35");
  EXPECT_EQ(d("-0.5").rounded_half_up(0).to_string(), "0");
  EXPECT_EQ(d("1.5").rounded_half_up(0).to_string(), "2");
}

TEST(Decimal, HasNoConstructorFromFloatingPoint) {
  static_assert(!std::is_constructible_v<Decimal, double>);
  static_assert(!std::is_constructible_v<Decimal, float>);
  static_assert(!std::is_convertible_v<double, Decimal>);
}
