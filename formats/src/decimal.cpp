#include "relance/formats/decimal.hpp"

#include <algorithm>
#include <stdexcept>

namespace relance::formats {
namespace {

using M = Decimal::Mantissa;

constexpr int max_digits = 36;

M pow10(int n) {
  M p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

M checked_mul(M a, M b) {
  M r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("decimal overflow");
  return r;
}

M checked_add(M a, M b) {
  M r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("decimal overflow");
  return r;
}

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string digits_of(M value) {
  if (value == 0) return "0";
  std::string s;
  while (value > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace

Decimal Decimal::from_units(std::int64_t units, int scale) {
  if (scale < 0 || scale > max_scale) throw std::invalid_argument("decimal scale out of range");
  return Decimal(static_cast<M>(units), scale);
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back())) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  bool negative = false;
  if (text.front() == '-' || text.front() == '+') {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  M mantissa = 0;
  int scale = 0;
  int digits = 0;
  int integer_digits = 0;
  bool seen_point = false;
  for (char c : text) {
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (mantissa != 0 || c != '0') ++digits;
    if (digits > max_digits) return std::nullopt;
    mantissa = mantissa * 10 + (c - '0');
    if (seen_point) {
      ++scale;
      if (scale > max_scale) return std::nullopt;
    } else {
      ++integer_digits;
    }
  }
  // "." alone, "5." and ".5" are not xs:decimal lexical forms EN 16931 documents use;
  // ".5" and "5." are accepted by XSD though, so accept them, but require a digit.
  if (integer_digits == 0 && scale == 0) return std::nullopt;
  return Decimal(negative ? -mantissa : mantissa, scale);
}

std::string Decimal::to_string() const {
  const bool negative = mantissa_ < 0;
  std::string digits = digits_of(negative ? -mantissa_ : mantissa_);
  const auto scale = static_cast<std::size_t>(scale_);
  if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
  if (scale > 0) digits.insert(digits.size() - scale, 1, '.');
  if (negative) digits.insert(0, 1, '-');
  return digits;
}

std::string Decimal::to_plain_string(int min_scale) const {
  const int s = std::max(min_scale, significant_scale());
  if (s >= scale_) return rescaled_up(s).to_string();
  return rounded(s).to_string();
}

int Decimal::significant_scale() const {
  int s = scale_;
  M m = mantissa_;
  while (s > 0 && m % 10 == 0) {
    m /= 10;
    --s;
  }
  return s;
}

Decimal Decimal::rounded(int scale) const {
  if (scale >= scale_) return rescaled_up(scale);
  const M divisor = pow10(scale_ - scale);
  M q = mantissa_ / divisor;
  const M r = mantissa_ % divisor;
  // Half away from zero: compare twice the remainder with the divisor.
  if (r != 0 && (r < 0 ? -r : r) * 2 >= divisor) q += (mantissa_ < 0 ? -1 : 1);
  return Decimal(q, scale);
}

Decimal Decimal::rounded_half_up(int scale) const {
  if (scale >= scale_) return rescaled_up(scale);
  const M divisor = pow10(scale_ - scale);
  // Floor division, then up when the remainder is at least half.
  M q = mantissa_ / divisor;
  M r = mantissa_ % divisor;
  if (r < 0) {
    q -= 1;
    r += divisor;
  }
  if (r * 2 >= divisor) q += 1;
  return Decimal(q, scale);
}

Decimal Decimal::rescaled_up(int scale) const {
  if (scale <= scale_) return *this;
  if (scale > max_scale) throw std::overflow_error("decimal scale too large");
  return Decimal(checked_mul(mantissa_, pow10(scale - scale_)), scale);
}

Decimal Decimal::operator-() const {
  return Decimal(-mantissa_, scale_);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  const int s = std::max(a.scale_, b.scale_);
  return Decimal(checked_add(a.rescaled_up(s).mantissa_, b.rescaled_up(s).mantissa_), s);
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  return a + (-b);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  Decimal r(checked_mul(a.mantissa_, b.mantissa_), a.scale_ + b.scale_);
  if (r.scale_ > Decimal::max_scale) r = r.rounded(Decimal::max_scale);
  return r;
}

Decimal Decimal::divide(const Decimal& a, const Decimal& b, int scale) {
  if (b.mantissa_ == 0) throw std::domain_error("decimal division by zero");
  // a/b at scale s, one digit more, then rounded: (a.m * 10^(s+1+b.scale-a.scale)) / b.m
  int shift = scale + 1 + b.scale_ - a.scale_;
  M num = a.mantissa_;
  M den = b.mantissa_;
  if (shift >= 0) {
    num = checked_mul(num, pow10(shift));
  } else {
    den = checked_mul(den, pow10(-shift));
  }
  const Decimal wide(num / den, scale + 1);
  return wide.rounded(scale);
}

int Decimal::compare(const Decimal& a, const Decimal& b) {
  const int s = std::max(a.scale_, b.scale_);
  const M x = a.rescaled_up(s).mantissa_;
  const M y = b.rescaled_up(s).mantissa_;
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace relance::formats
