#include <nlohmann/json.hpp>

#include <ostream>
#include <sstream>

#include "commands.hpp"
#include "config.hpp"
#include "inputs.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"

namespace relance::pipeline::detail {
namespace {

using Json = nlohmann::ordered_json;

struct FileVerdict {
  std::string file;
  std::string syntax = "unknown";
  bool readable = false;
  Diagnostics diagnostics;
  bool valid() const { return readable && !diagnostics.has_fatal(); }
};

struct Totals {
  std::size_t valid = 0, invalid = 0, unreadable = 0, fatal = 0, warning = 0, info = 0;
};

FileVerdict judge(const std::filesystem::path& file, const formats::ValidationOptions& options) {
  FileVerdict v;
  v.file = file.string();
  const auto bytes = read_input(file, v.diagnostics);
  if (!bytes) return v;
  auto r = formats::read_invoice(*bytes, v.file, {.syntax_rules = true});
  formats::apply_rule_settings(r.diagnostics, options);
  v.diagnostics.merge(r.diagnostics);
  if (!r.value) return v;
  v.readable = true;
  v.syntax = std::string(formats::to_string(r.value->source_syntax));
  v.diagnostics.merge(formats::validate(*r.value, options, v.file));
  return v;
}

void count(Totals& t, const FileVerdict& v) {
  if (!v.readable)
    ++t.unreadable;
  else if (v.valid())
    ++t.valid;
  else
    ++t.invalid;
  for (const auto& d : v.diagnostics.items()) {
    if (d.severity == Severity::fatal) ++t.fatal;
    if (d.severity == Severity::warning) ++t.warning;
    if (d.severity == Severity::info) ++t.info;
  }
}

void print_text(std::ostream& out, const FileVerdict& v) {
  std::size_t fatal = 0, warnings = 0;
  for (const auto& d : v.diagnostics.items()) {
    fatal += d.severity == Severity::fatal;
    warnings += d.severity == Severity::warning;
  }
  out << v.file << " (" << v.syntax << "): "
      << (!v.readable ? "unreadable"
          : v.valid() ? "valid"
                      : "invalid");
  if (fatal) out << ", " << fatal << " fatal";
  if (warnings) out << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
  out << '\n';
  for (const auto& d : v.diagnostics.items()) out << "  " << format_diagnostic(d) << '\n';
}

Json to_json(const FileVerdict& v) {
  Json j = Json::object();
  j["file"] = v.file;
  j["syntax"] = v.syntax;
  j["valid"] = v.valid();
  Json diags = Json::array();
  for (const auto& d : v.diagnostics.items()) {
    Json o = Json::object();
    o["rule"] = d.rule_id;
    o["severity"] = std::string(to_string(d.severity));
    o["message"] = d.message;
    o["path"] = d.where.path;
    if (!d.business_term.empty()) o["business_term"] = d.business_term;
    if (d.where.line) {
      o["line"] = d.where.line;
      o["column"] = d.where.column;
    }
    diags.push_back(std::move(o));
  }
  j["diagnostics"] = std::move(diags);
  return j;
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream s(list);
  for (std::string item; std::getline(s, item, ',');) {
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

ExitCode run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  auto config = load_config(options.config);
  for (const auto& d : config.diagnostics.items()) err << format_diagnostic(d) << '\n';
  if (!config.value) return ExitCode::failure;
  formats::ValidationOptions vo = config.value->validation;
  if (!options.as_of.empty()) {
    vo.as_of = formats::Date::parse_iso(options.as_of);
    if (!vo.as_of) {
      err << "relance validate: --as-of '" << options.as_of << "' is not a date (YYYY-MM-DD)\n";
      return ExitCode::failure;
    }
  }
  for (const auto& id : split_list(options.rules)) {
    const bool prefix = id.back() == '*';
    bool known = false;
    for (const auto& r : formats::rule_registry())
      known =
          known || (prefix ? r.id.starts_with(std::string_view(id).substr(0, id.size() - 1)) : r.id == id);
    if (!known) {
      err << "relance validate: --rules: '" << id << "' names no rule ('relance rules' lists them)\n";
      return ExitCode::failure;
    }
    vo.only_rules.push_back(id);
  }

  Diagnostics input_diags;
  const auto files = expand_inputs(options.inputs, input_diags);
  Totals totals;
  Json all = Json::array();
  for (const auto& d : input_diags.items()) {
    FileVerdict v;
    v.file = d.where.source;
    v.diagnostics.add(d);
    count(totals, v);
    if (options.format == "json")
      all.push_back(to_json(v));
    else
      print_text(out, v);
  }
  for (const auto& file : files) {
    const FileVerdict v = judge(file, vo);
    count(totals, v);
    if (options.format == "json")
      all.push_back(to_json(v));
    else
      print_text(out, v);
  }
  const std::size_t n = totals.valid + totals.invalid + totals.unreadable;
  if (options.format == "json") {
    out << (all.size() == 1 && n == 1 ? all[0].dump(2) : all.dump(2)) << '\n';
  } else {
    out << n << (n == 1 ? " file: " : " files: ") << totals.valid << " valid, " << totals.invalid
        << " invalid";
    if (totals.unreadable) out << ", " << totals.unreadable << " unreadable";
    out << "; " << totals.fatal << " fatal, " << totals.warning
        << (totals.warning == 1 ? " warning" : " warnings") << ", " << totals.info << " info\n";
  }
  if (totals.unreadable) return ExitCode::failure;
  return totals.invalid ? ExitCode::rejected : ExitCode::success;
}

}  // namespace relance::pipeline::detail
