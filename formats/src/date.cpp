#include "relance/formats/date.hpp"

#include <cstdio>

namespace relance::formats {
namespace {

bool parse_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

bool Date::is_leap_year(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int Date::days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && is_leap_year(y)) return 29;
  return days[m - 1];
}

std::optional<Date> Date::from_ymd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date(y, m, d);
}

std::optional<Date> Date::parse_iso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_digits(t.substr(0, 4), y) || !parse_digits(t.substr(5, 2), m) ||
      !parse_digits(t.substr(8, 2), d))
    return std::nullopt;
  return from_ymd(y, m, d);
}

std::optional<Date> Date::parse_basic(std::string_view t) {
  if (t.size() != 8) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_digits(t.substr(0, 4), y) || !parse_digits(t.substr(4, 2), m) ||
      !parse_digits(t.substr(6, 2), d))
    return std::nullopt;
  return from_ymd(y, m, d);
}

// Howard Hinnant's civil-from-days algorithms (public domain descriptions).
std::int64_t Date::days_since_epoch() const {
  const int y = month_ <= 2 ? year_ - 1 : year_;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = month_ > 2 ? month_ - 3 : month_ + 9;
  const int doy = (153 * mp + 2) / 5 + day_ - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

Date Date::from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<int>(z - era * 146097);
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  const auto y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date(y, m, d);
}

Date Date::end_of_month() const {
  return Date(year_, month_, days_in_month(year_, month_));
}

std::string Date::to_iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

std::string Date::to_basic() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year_, month_, day_);
  return buf;
}

}  // namespace relance::formats
