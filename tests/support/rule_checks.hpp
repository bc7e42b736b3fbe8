#pragma once

// Helpers shared by the rule tests: run one rule on an invoice and assert that it stays
// silent, or fires once with the expected severity at the expected path.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/validate.hpp"

namespace relance::testing::rule_checks {

inline formats::Decimal d(const char* text) {
  return *formats::Decimal::parse(text);
}

inline std::vector<Diagnostic> diagnostics_of(const formats::Invoice& inv, std::string_view id) {
  formats::ValidationOptions options;
  options.only_rules = {std::string(id)};
  return formats::validate(inv, options).items();
}

inline void expect_silent(const formats::Invoice& inv, std::string_view id) {
  for (const auto& found : diagnostics_of(inv, id))
    ADD_FAILURE() << id << " fired: " << found.where.path << ": " << found.message;
}

inline void expect_fires(const formats::Invoice& inv, std::string_view id, std::string_view path,
                         Severity severity = Severity::fatal) {
  const auto found = diagnostics_of(inv, id);
  ASSERT_EQ(found.size(), 1u) << id;
  EXPECT_EQ(found[0].rule_id, id);
  EXPECT_EQ(found[0].severity, severity);
  EXPECT_EQ(found[0].where.path, path);
  EXPECT_FALSE(found[0].message.empty());
}

inline std::string at(std::string_view base, std::string_view rest) {
  return std::string(base) + std::string(rest);
}

// Paths in an invoice built in code (source syntax unknown: written as UBL Invoice paths).
inline constexpr std::string_view root = "/Invoice";
inline constexpr std::string_view totals = "/Invoice/cac:LegalMonetaryTotal";
inline constexpr std::string_view line_1 = "/Invoice/cac:InvoiceLine[1]";
inline constexpr std::string_view allowance_1 =
    "/Invoice/cac:AllowanceCharge[cbc:ChargeIndicator='false'][1]";
inline constexpr std::string_view charge_1 = "/Invoice/cac:AllowanceCharge[cbc:ChargeIndicator='true'][1]";
inline constexpr std::string_view subtotal_1 = "/Invoice/cac:TaxTotal/cac:TaxSubtotal[1]";

}  // namespace relance::testing::rule_checks
