#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "relance/formats/diagnostic.hpp"
#include "relance/formats/validate.hpp"

namespace relance::pipeline::detail {

// relance.toml. Every key has a default, so no file is needed; a file that exists must be
// right: an unknown key or a wrong type is an error naming the file, line and key.
struct Config {
  formats::ValidationOptions validation;
  std::filesystem::path source;  // the file it was read from, empty for the defaults
};

// The file named by `explicit_path`, else $RELANCE_CONFIG, else ./relance.toml when present,
// else the defaults. Errors are RL-CONFIG-001 diagnostics and no value.
Result<Config> load_config(const std::string& explicit_path);

// "fatal", "warning", "info" set `severity`; "off" resets it. False for anything else.
bool parse_severity_setting(std::string_view text, std::optional<Severity>& severity);

}  // namespace relance::pipeline::detail
