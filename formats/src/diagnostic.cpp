#include "relance/formats/diagnostic.hpp"

namespace relance {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::fatal:
      return "fatal";
  }
  return "fatal";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out(to_string(d.severity));
  out += ": ";
  if (!d.where.source.empty()) {
    out += d.where.source;
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line) + ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  out += d.rule_id;
  if (!d.business_term.empty()) out += " [" + d.business_term + "]";
  if (!d.where.path.empty()) out += " " + d.where.path;
  out += ": " + d.message;
  return out;
}

void Diagnostics::add(std::string rule_id, Severity severity, Location where, std::string message,
                      std::string business_term) {
  items_.push_back(Diagnostic{std::move(rule_id), severity, std::move(where), std::move(message),
                              std::move(business_term)});
}

void Diagnostics::merge(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_fatal() const {
  for (const auto& d : items_)
    if (d.severity == Severity::fatal) return true;
  return false;
}

}  // namespace relance
