// code list rules BR-CL-*.

#include "rule_context.hpp"

namespace relance::formats::rules {

std::span<const RuleInfo> code_rules() { return {}; }

void check_codes(RuleContext&) {}

}  // namespace relance::formats::rules
