// Syntax rules of the official artefacts (UBL-*, CII-*) that the readers check on the XML
// itself, where the model no longer sees them (repetitions, attributes).

#include "rule_context.hpp"

namespace relance::formats::rules {

std::span<const RuleInfo> syntax_rules() { return {}; }

}  // namespace relance::formats::rules
