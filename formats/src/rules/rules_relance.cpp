// relance's own RL-* rules.

#include "rule_context.hpp"

namespace relance::formats::rules {

std::span<const RuleInfo> relance_rules() { return {}; }

void check_relance(RuleContext&) {}

}  // namespace relance::formats::rules
