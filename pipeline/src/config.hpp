#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// [dispatch.smtp]: the SMTP server (smtp channel). No secret is ever read from the file: the SMTP
// channel takes its login from RELANCE_SMTP_USER and RELANCE_SMTP_PASSWORD, and the server from
// RELANCE_SMTP_URL when `url` is empty.
struct SmtpConfig {
  std::string url;        // "smtps://smtp.example.fr:465" or "smtp://smtp.example.fr:587" (STARTTLS)
  std::string from;       // the sender address; empty: [company] email
  std::string from_name;  // the sender's display name; empty: [company] name
  std::string reply_to;   // the collections mailbox; empty: no Reply-To
  // smtp:// only: false sends without STARTTLS, which the SMTP channel accepts for a loopback host
  // only (the tests' local server).
  bool starttls = true;
  // TLS certificates are not verified: for a test server only, and said loudly whenever used.
  bool insecure = false;
};

// [dispatch.postal]: the hybrid-mail provider (postal channel). The API's credentials come from the
// environment only (RELANCE_POSTAL_API_KEY, or RELANCE_POSTAL_CLIENT_ID and
// RELANCE_POSTAL_CLIENT_SECRET), the base URL from `url`, else RELANCE_POSTAL_URL.
struct PostalConfig {
  std::string url;
  std::string provider;  // empty: the postal channel's default provider
};

// [dispatch.sftp]: the recovery agency's SFTP server (sftp channel, dossiers). Key authentication;
// the user comes from the URL or RELANCE_SFTP_USER, a key passphrase from
// RELANCE_SFTP_KEY_PASSPHRASE. The host key must be in `known_hosts`.
struct SftpConfig {
  std::string url;  // "sftp://agency.example.fr:22/incoming/"
  std::filesystem::path known_hosts, private_key, public_key;
};

// [dispatch]: how queued messages leave (relance dispatch, outbox.hpp).
struct DispatchConfig {
  // [dispatch.channels]: the transport that carries each channel of the scenario (email, postal,
  // registered, agency): "spool" (the default for all), "smtp", "postal" or "sftp".
  std::map<std::string, std::string> channels = {
      {"email", "spool"}, {"postal", "spool"}, {"registered", "spool"}, {"agency", "spool"}};
  std::filesystem::path spool = "spool";  // the spool channel's folder
  int max_attempts = 5;                   // a message fails for good after this many transient failures
  int backoff_base_seconds = 30;          // wait after the n-th failure: base * 2^(n-1), at most an hour
  // A retry due within this many seconds is made in the same run (the run waits for it); a later
  // one is left for the next run.
  int retry_window_seconds = 60;
  SmtpConfig smtp;
  PostalConfig postal;
  SftpConfig sftp;
};

// [run]: what `relance run` imports before reminding and dispatching.
struct RunConfig {
  std::vector<std::filesystem::path> inputs;  // folders or files: invoices, customers CSV, bank statements
};

// relance.toml. Every key has a default, so no file is needed; a file that exists must be
// right: an unknown key or a wrong type is an error naming the file, line and key.
// Relative paths in the file ([dunning] reference_rates, [ledger] path, [dispatch] spool, [run]
// inputs, [dispatch.sftp] key files) are relative to the folder of the file.
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
  DispatchConfig dispatch;
  RunConfig run;
  std::filesystem::path source;  // the file it was read from, empty for the defaults
};

// The file named by `explicit_path`, else $RELANCE_CONFIG, else ./relance.toml when present,
// else the defaults. Errors are RL-CONFIG-001 diagnostics and no value.
Result<Config> load_config(const std::string& explicit_path);

// "fatal", "warning", "info" set `severity`; "off" resets it. False for anything else.
bool parse_severity_setting(std::string_view text, std::optional<Severity>& severity);

}  // namespace relance::pipeline::detail
