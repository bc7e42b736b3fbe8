#include <nlohmann/json.hpp>

#include <ostream>

#include "commands.hpp"
#include "relance/formats/validate.hpp"

namespace relance::pipeline::detail {

ExitCode run_rules(const RulesOptions& options, std::ostream& out, std::ostream& err) {
  const std::string& p = options.pattern;
  const bool prefix = !p.empty() && p.back() == '*';
  auto matches = [&](std::string_view id) {
    if (p.empty()) return true;
    return prefix ? id.starts_with(std::string_view(p).substr(0, p.size() - 1)) : id == p;
  };
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  std::size_t n = 0;
  for (const auto& r : formats::rule_registry()) {
    if (!matches(r.id)) continue;
    ++n;
    if (options.json) {
      all.push_back({{"rule", r.id},
                     {"severity", to_string(r.severity)},
                     {"terms", r.terms},
                     {"title", r.title},
                     {"source", r.source}});
    } else {
      out << r.id << "  " << to_string(r.severity) << "  " << r.title;
      if (!r.terms.empty()) out << " [" << r.terms << "]";
      out << "  (" << r.source << ")\n";
    }
  }
  if (options.json) out << all.dump(2) << '\n';
  if (n == 0) {
    err << "relance rules: '" << p << "' names no rule\n";
    return ExitCode::failure;
  }
  return ExitCode::success;
}

}  // namespace relance::pipeline::detail
