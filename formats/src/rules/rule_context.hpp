#pragma once

// What a rule implementation sees: the invoice, where its terms sit in the source document,
// and a sink that applies the registry's severity and the user's overrides. Paths and
// messages are built only for rules that fail, so passing invoices cost no strings.

#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "relance/formats/validate.hpp"
#include "source_paths.hpp"

namespace relance::formats::rules {

class RuleContext {
 public:
  RuleContext(const Invoice& invoice, const ValidationOptions& options, std::string_view source_name,
              Diagnostics& out);

  const Invoice& inv;
  const ValidationOptions& options;
  const SourcePaths paths;

  // False when the rule is switched off or outside --rules: lets costly checks be skipped.
  bool enabled(std::string_view id) const;

  // Records a failure of `id` at `path` (an XPath-like location in the source document). The
  // diagnostic names `term`, or else the first business term the registry gives the rule, so a
  // rule judging several terms (BT-31, BT-48, BT-63) names the one that failed.
  void fail(std::string_view id, std::string path, std::string message, std::string_view term = {});

 private:
  std::string_view source_name_;
  Diagnostics& out_;
};

// Each family registers its rules and checks them.
std::span<const RuleInfo> core_rules();  // BR-01 .. BR-65
void check_core(RuleContext& ctx);
std::span<const RuleInfo> calc_rules();  // BR-CO-*, BR-DEC-*
void check_calc(RuleContext& ctx);
std::span<const RuleInfo>
vat_rules();  // BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*, BR-O-*, BR-AF-*, BR-AG-*, BR-IG-*, BR-IP-*
void check_vat(RuleContext& ctx);
std::span<const RuleInfo> code_rules();  // BR-CL-*
void check_codes(RuleContext& ctx);
std::span<const RuleInfo> syntax_rules();   // UBL-*, CII-* checked by the readers on the XML itself
std::span<const RuleInfo> relance_rules();  // RL-*
void check_relance(RuleContext& ctx);

}  // namespace relance::formats::rules
