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

}  // namespace relance::pipeline::detail
