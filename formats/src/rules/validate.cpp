#include "relance/formats/validate.hpp"

#include <algorithm>
#include <vector>

#include "rule_context.hpp"

namespace relance::formats {
namespace {

std::vector<RuleInfo> build_registry() {
  std::vector<RuleInfo> all;
  for (auto family : {rules::core_rules(), rules::calc_rules(), rules::vat_rules(), rules::code_rules(),
                      rules::syntax_rules(), rules::relance_rules()})
    all.insert(all.end(), family.begin(), family.end());
  std::sort(all.begin(), all.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return all;
}

bool selected(std::string_view id, const std::vector<std::string>& only) {
  if (only.empty()) return true;
  for (const auto& pattern : only) {
    if (!pattern.empty() && pattern.back() == '*') {
      if (id.starts_with(std::string_view(pattern).substr(0, pattern.size() - 1))) return true;
    } else if (id == pattern) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::span<const RuleInfo> rule_registry() {
  static const std::vector<RuleInfo> registry = build_registry();
  return registry;
}

const RuleInfo* find_rule(std::string_view id) {
  const auto all = rule_registry();
  const auto it = std::lower_bound(all.begin(), all.end(), id,
                                   [](const RuleInfo& r, std::string_view key) { return r.id < key; });
  return it != all.end() && it->id == id ? &*it : nullptr;
}

namespace rules {

RuleContext::RuleContext(const Invoice& invoice, const ValidationOptions& opts, std::string_view source_name,
                         Diagnostics& out)
    : inv(invoice), options(opts), paths(invoice.source_syntax), source_name_(source_name), out_(out) {}

bool RuleContext::enabled(std::string_view id) const {
  if (!selected(id, options.only_rules)) return false;
  const auto o = options.overrides.find(id);
  return o == options.overrides.end() || o->second.has_value();
}

void RuleContext::fail(std::string_view id, std::string path, std::string message, std::string_view term) {
  if (!enabled(id)) return;
  const RuleInfo* info = find_rule(id);
  Severity severity = info ? info->severity : Severity::fatal;
  if (const auto o = options.overrides.find(id); o != options.overrides.end() && o->second)
    severity = *o->second;
  Diagnostic d;
  d.rule_id = std::string(id);
  d.severity = severity;
  d.where.source = std::string(source_name_);
  d.where.path = std::move(path);
  d.message = std::move(message);
  if (!term.empty())
    d.business_term = std::string(term);
  else if (info)
    d.business_term = std::string(info->terms.substr(0, info->terms.find(',')));
  out_.add(std::move(d));
}

}  // namespace rules

void apply_rule_settings(Diagnostics& diagnostics, const ValidationOptions& options) {
  auto& items = diagnostics.items();
  std::vector<Diagnostic> kept;
  kept.reserve(items.size());
  for (auto& d : items) {
    if (find_rule(d.rule_id)) {
      if (!selected(d.rule_id, options.only_rules)) continue;
      if (const auto o = options.overrides.find(d.rule_id); o != options.overrides.end()) {
        if (!o->second) continue;
        d.severity = *o->second;
      }
    }
    kept.push_back(std::move(d));
  }
  items = std::move(kept);
}

Diagnostics validate(const Invoice& invoice, const ValidationOptions& options, std::string_view source_name) {
  Diagnostics out;
  rules::RuleContext ctx(invoice, options, source_name, out);
  rules::check_core(ctx);
  rules::check_calc(ctx);
  rules::check_vat(ctx);
  rules::check_codes(ctx);
  rules::check_relance(ctx);
  return out;
}

}  // namespace relance::formats
