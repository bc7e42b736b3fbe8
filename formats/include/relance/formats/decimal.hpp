#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relance::formats {

// An exact decimal number: an integer mantissa and a count of fraction digits.
// Amounts, prices and quantities are Decimals; there is deliberately no constructor
// from double, so binary floating point cannot creep into money.
// The scale written in the source ("19.9" vs "19.90") is kept, because the BR-DEC
// rules judge the number of decimals, and writers reproduce what was read.
class Decimal {
 public:
  __extension__ using Mantissa = __int128;
  static constexpr int max_scale = 30;

  constexpr Decimal() = default;
  Decimal(double) = delete;
  Decimal(float) = delete;

  // Integer value with scale 0.
  static constexpr Decimal from_integer(std::int64_t value) { return Decimal(value, 0); }
  // units * 10^-scale, e.g. from_units(1234, 2) is 12.34.
  static Decimal from_units(std::int64_t units, int scale);

  // Accepts [+-]digits[.digits] with surrounding XML white space; nothing else
  // (no exponent, no thousands separator). Returns nullopt on anything malformed
  // or beyond 36 significant digits.
  static std::optional<Decimal> parse(std::string_view text);

  // Fixed notation with exactly scale() fraction digits; the classic locale always.
  std::string to_string() const;
  // Fixed notation with at least min_scale fraction digits and no trailing zeros beyond.
  std::string to_plain_string(int min_scale = 0) const;

  int scale() const { return scale_; }
  int sign() const { return mantissa_ < 0 ? -1 : (mantissa_ > 0 ? 1 : 0); }
  bool is_zero() const { return mantissa_ == 0; }
  // Count of fraction digits once trailing zeros are dropped.
  int significant_scale() const;

  // Half away from zero, the rounding EN 16931 and commercial practice use.
  Decimal rounded(int scale) const;
  // Half towards positive infinity, as XPath's round(): the official Schematron rounds
  // with round(x * 100) div 100, so -2.345 gives -2.34 there.
  Decimal rounded_half_up(int scale) const;
  // Same value with more fraction digits (never loses precision).
  Decimal rescaled_up(int scale) const;

  Decimal operator-() const;
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
  Decimal& operator-=(const Decimal& o) { return *this = *this - o; }
  // a / b rounded half away from zero to `scale` fraction digits; b must not be zero.
  static Decimal divide(const Decimal& a, const Decimal& b, int scale);
  Decimal abs() const { return sign() < 0 ? -*this : *this; }

  // Numeric comparison: 19.9 == 19.90.
  friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) { return compare(a, b) <=> 0; }
  // Same value and same written scale.
  bool identical(const Decimal& o) const { return mantissa_ == o.mantissa_ && scale_ == o.scale_; }

 private:
  constexpr Decimal(Mantissa m, int scale) : mantissa_(m), scale_(scale) {}
  static int compare(const Decimal& a, const Decimal& b);

  Mantissa mantissa_ = 0;
  int scale_ = 0;
};

}  // namespace relance::formats
