#include "config.hpp"

#include <toml++/toml.h>
#include <cstdlib>

namespace relance::pipeline::detail {
namespace {

void config_error(Result<Config>& r, const std::string& file, const toml::source_region& where,
                  const std::string& message) {
  Location loc{
      file, {}, static_cast<std::uint32_t>(where.begin.line), static_cast<std::uint32_t>(where.begin.column)};
  r.diagnostics.add("RL-CONFIG-001", Severity::fatal, std::move(loc), message);
}

template <class T>
void read_int(Result<Config>& r, const std::string& file, const toml::table& t, const char* key, T& target) {
  const toml::node* n = t.get(key);
  if (!n) return;
  if (auto v = n->value<std::int64_t>(); v && *v >= 0 && *v <= 3650) {
    target = static_cast<T>(*v);
  } else {
    config_error(r, file, n->source(),
                 std::string("[validation] ") + key + " must be a whole number of days (0 to 3650)");
  }
}

void read_validation(Result<Config>& r, const std::string& file, const toml::table& v) {
  formats::ValidationOptions& o = r.value->validation;
  static constexpr std::string_view known[] = {"max_payment_days",           "max_payment_days_end_of_month",
                                               "end_of_month_reading",       "max_days_after_delivery",
                                               "sector_max_payment_days",    "reform_mentions_from",
                                               "seller_opted_vat_on_debits", "rules"};
  for (const auto& [key, node] : v) {
    bool ok = false;
    for (auto k : known) ok = ok || key.str() == k;
    if (!ok) config_error(r, file, node.source(), "unknown key [validation] " + std::string(key.str()));
  }
  read_int(r, file, v, "max_payment_days", o.max_payment_days);
  read_int(r, file, v, "max_payment_days_end_of_month", o.max_payment_days_end_of_month);
  read_int(r, file, v, "max_days_after_delivery", o.max_days_after_delivery);
  if (v.get("sector_max_payment_days")) {
    int days = 0;
    read_int(r, file, v, "sector_max_payment_days", days);
    o.sector_max_payment_days = days;
  }
  if (const toml::node* n = v.get("reform_mentions_from")) {
    const auto text = n->value<std::string>();
    if (text && *text == "never")
      o.reform_mentions_from.reset();
    else if (const auto date = text ? formats::Date::parse_iso(*text) : std::nullopt)
      o.reform_mentions_from = date;
    else
      config_error(r, file, n->source(),
                   "[validation] reform_mentions_from must be a date (YYYY-MM-DD) or \"never\"");
  }
  if (const toml::node* n = v.get("seller_opted_vat_on_debits")) {
    if (const auto b = n->value<bool>())
      o.seller_opted_vat_on_debits = *b;
    else
      config_error(r, file, n->source(), "[validation] seller_opted_vat_on_debits must be true or false");
  }
  if (const toml::node* n = v.get("end_of_month_reading")) {
    const auto s = n->value<std::string>();
    if (s == "stricter")
      o.end_of_month_reading = formats::EndOfMonthReading::stricter;
    else if (s == "end_of_month_then_days")
      o.end_of_month_reading = formats::EndOfMonthReading::end_of_month_then_days;
    else if (s == "days_then_end_of_month")
      o.end_of_month_reading = formats::EndOfMonthReading::days_then_end_of_month;
    else
      config_error(r, file, n->source(),
                   "[validation] end_of_month_reading must be \"stricter\", \"end_of_month_then_days\" or "
                   "\"days_then_end_of_month\"");
  }
  if (const toml::table* rules = v["rules"].as_table()) {
    for (const auto& [key, node] : *rules) {
      const std::string id(key.str());
      if (!formats::find_rule(id)) {
        config_error(r, file, node.source(), "[validation.rules] " + id + " is not a rule relance knows");
        continue;
      }
      const auto text = node.value<std::string>();
      std::optional<Severity> severity;
      if (!text || !parse_severity_setting(*text, severity)) {
        config_error(r, file, node.source(),
                     "[validation.rules] " + id + " must be \"fatal\", \"warning\", \"info\" or \"off\"");
        continue;
      }
      o.overrides[id] = severity;
    }
  }
}

}  // namespace

bool parse_severity_setting(std::string_view text, std::optional<Severity>& severity) {
  if (text == "fatal")
    severity = Severity::fatal;
  else if (text == "warning")
    severity = Severity::warning;
  else if (text == "info")
    severity = Severity::info;
  else if (text == "off")
    severity.reset();
  else
    return false;
  return true;
}

Result<Config> load_config(const std::string& explicit_path) {
  Result<Config> r;
  r.value = Config{};
  std::filesystem::path path = explicit_path;
  if (path.empty()) {
    if (const char* env = std::getenv("RELANCE_CONFIG"); env && *env) path = env;
  }
  const bool must_exist = !path.empty();
  if (path.empty() && std::filesystem::exists("relance.toml")) path = "relance.toml";
  if (path.empty()) return r;
  if (must_exist && !std::filesystem::exists(path)) {
    r.diagnostics.add("RL-CONFIG-001", Severity::fatal, Location{path.string(), {}, 0, 0},
                      "the configuration file does not exist");
    r.value.reset();
    return r;
  }
  r.value->source = path;
  const std::string file = path.string();
  toml::table root;
  try {
    root = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    config_error(r, file, e.source(), std::string("not valid TOML: ") + std::string(e.description()));
    r.value.reset();
    return r;
  }
  static constexpr std::string_view sections[] = {"validation", "ledger", "dunning", "dispatch", "render"};
  for (const auto& [key, node] : root) {
    bool ok = false;
    for (auto s : sections) ok = ok || key.str() == s;
    if (!ok) config_error(r, file, node.source(), "unknown section [" + std::string(key.str()) + "]");
  }
  if (const toml::table* v = root["validation"].as_table()) read_validation(r, file, *v);
  if (r.diagnostics.has_fatal()) r.value.reset();
  return r;
}

}  // namespace relance::pipeline::detail
