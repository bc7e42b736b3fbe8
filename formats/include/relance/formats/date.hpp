#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relance::formats {

// A calendar date (proleptic Gregorian), always valid once constructed through parse or from_ymd.
class Date {
 public:
  // "2026-11-23"
  static std::optional<Date> parse_iso(std::string_view text);
  // CII format 102: "20261123"
  static std::optional<Date> parse_basic(std::string_view text);
  static std::optional<Date> from_ymd(int year, int month, int day);
  static Date from_days(std::int64_t days_since_epoch);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  // Days since 1970-01-01.
  std::int64_t days_since_epoch() const;
  Date plus_days(std::int64_t days) const { return from_days(days_since_epoch() + days); }
  Date end_of_month() const;

  std::string to_iso() const;    // 2026-11-23
  std::string to_basic() const;  // 20261123

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

  static bool is_leap_year(int year);
  static int days_in_month(int year, int month);

 private:
  Date(int y, int m, int d) : year_(y), month_(m), day_(d) {}
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

}  // namespace relance::formats
