// VAT category rules BR-S/Z/E/AE/IC/G/O/AF/AG/IG/IP.

#include "rule_context.hpp"

namespace relance::formats::rules {

std::span<const RuleInfo> vat_rules() { return {}; }

void check_vat(RuleContext&) {}

}  // namespace relance::formats::rules
