#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "relance/pipeline/exit_code.hpp"

namespace relance::pipeline::detail {

struct InspectOptions {
  std::vector<std::string> inputs;
  bool json = false;
};
ExitCode run_inspect(const InspectOptions& options, std::ostream& out, std::ostream& err);

struct ConvertOptions {
  std::vector<std::string> inputs;
  std::string to;      // "cii" or "ubl"
  std::string output;  // file (one input) or folder; empty: standard output (one input only)
};
ExitCode run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err);

struct ValidateOptions {
  std::vector<std::string> inputs;
  std::string format = "text";  // "text" or "json"
  std::string as_of;            // YYYY-MM-DD or empty
  std::string rules;            // comma-separated ids or prefixes ending in '*'
  std::string config;           // relance.toml path, or empty for the default lookup
};
ExitCode run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err);

struct RulesOptions {
  std::string pattern;  // a rule id or a prefix ending in '*'; empty lists them all
  bool json = false;
};
ExitCode run_rules(const RulesOptions& options, std::ostream& out, std::ostream& err);

struct RenderOptions {
  std::vector<std::string> inputs;
  std::string output;           // folder for NAME.pdf
  bool facturx = false;         // Factur-X PDF/A-3 with the CII inside
  std::string language = "fr";  // fr, en, de
  std::string templates;        // a copy of templates/ to use instead of the default
  bool verbose = false;         // print each written file
};
ExitCode run_render(const RenderOptions& options, std::ostream& out, std::ostream& err);

}  // namespace relance::pipeline::detail
