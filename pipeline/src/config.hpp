#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "relance/formats/diagnostic.hpp"
#include "relance/formats/validate.hpp"
#include "relance/letters/dunning.hpp"
#include "relance/letters/late_interest.hpp"
#include "relance/letters/letter.hpp"

namespace relance::pipeline::detail {

// [company]: the creditor, as the dunning letters name it.
struct CompanyConfig {
  letters::LetterParty party;  // name, address, siren, vat_id, email, phone
  std::string iban, bic;
};

// relance.toml. Every key has a default, so no file is needed; a file that exists must be
// right: an unknown key or a wrong type is an error naming the file, line and key.
// Relative paths in the file ([dunning] reference_rates, [ledger] path) are relative to the
// folder of the file.
struct Config {
  formats::ValidationOptions validation;
  // [dunning]: the levels ([[dunning.level]] replaces the whole default list) and the per-profile
  // changes ([dunning.profile.<profile>.<level>]).
  letters::Scenario scenario = letters::default_scenario();
  // [dunning] penalty_rate_percent (a fixed rate) or penalty_margin_points (10 over the ECB rate).
  letters::PenaltyRatePolicy penalty;
  // [dunning] reference_rates; empty: letters::default_reference_rates_path().
  std::filesystem::path reference_rates;
  // [ledger] path; empty: not configured (--db, $RELANCE_DB, ./relance.db).
  std::string ledger_path;
  CompanyConfig company;
  std::filesystem::path source;  // the file it was read from, empty for the defaults
};

// The file named by `explicit_path`, else $RELANCE_CONFIG, else ./relance.toml when present,
// else the defaults. Errors are RL-CONFIG-001 diagnostics and no value.
Result<Config> load_config(const std::string& explicit_path);

// "fatal", "warning", "info" set `severity`; "off" resets it. False for anything else.
bool parse_severity_setting(std::string_view text, std::optional<Severity>& severity);

}  // namespace relance::pipeline::detail
