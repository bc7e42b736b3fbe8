// BR-CO-*, BR-DEC-*.

#include "rule_context.hpp"

namespace relance::formats::rules {

std::span<const RuleInfo> calc_rules() { return {}; }

void check_calc(RuleContext&) {}

}  // namespace relance::formats::rules
