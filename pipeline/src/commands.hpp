#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "relance/pipeline/exit_code.hpp"

namespace CLI {
class App;
}

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

// relance report aging (report_command.cpp): the aged balance of the ledger on a date.
struct ReportAgingOptions {
  std::string as_of;            // YYYY-MM-DD
  std::string format = "csv";   // csv, html or pdf
  std::string output;           // file; empty: standard output (pdf: aging-YYYY-MM-DD.pdf)
  std::string db;               // ledger path; empty: [ledger] path, $RELANCE_DB, ./relance.db
  std::string config;           // relance.toml path, or empty for the default lookup
  std::string language = "fr";  // fr, en, de (html and pdf)
  std::string templates;        // a copy of templates/ for the pdf
  int weeks = 8;                // weeks of expected cash-in
};
ExitCode run_report_aging(const ReportAgingOptions& options, std::ostream& out, std::ostream& err);

struct RemindOptions {
  std::string as_of;                   // YYYY-MM-DD
  bool dry_run = false;                // plan and print; render and record nothing
  bool json = false;                   // print the batch as JSON
  std::string db;                      // ledger file; empty: [ledger] path, $RELANCE_DB, ./relance.db
  std::string config;                  // relance.toml
  std::string output = "out/letters";  // letters go to OUTPUT/AS_OF/
  std::string templates;               // a templates folder instead of the default
};
ExitCode run_remind(const RemindOptions& options, std::ostream& out, std::ostream& err);

struct DispatchSummary;

// relance dispatch (dispatch_command.cpp): sends the outbox's due messages (outbox.hpp).
struct DispatchOptions {
  std::string channel;                 // only this channel's messages: email, postal, registered, agency
  bool dry_run = false;                // say what would be sent or cancelled; send and change nothing
  std::size_t limit = 0;               // at most this many messages attempted; 0: no limit
  std::string db;                      // ledger file; empty: [ledger] path, $RELANCE_DB, ./relance.db
  std::string config;                  // relance.toml ([dispatch])
  std::string as_of;                   // the date the items are checked against; empty: today
  DispatchSummary* summary = nullptr;  // filled when set (relance run)
};
ExitCode run_dispatch(const DispatchOptions& options, std::ostream& out, std::ostream& err);

// relance track (track_command.cpp): asks the postal provider where each posted letter is and
// records it in the journal.
struct TrackOptions {
  bool all = false;    // also the letters already delivered or failed
  std::string db;      // ledger file; empty: [ledger] path, $RELANCE_DB, ./relance.db
  std::string config;  // relance.toml ([dispatch.postal])
};
ExitCode run_track(const TrackOptions& options, std::ostream& out, std::ostream& err);

// relance run (run_command.cpp): import, validation, rendering, reminders and dispatch in one go.
struct RunOptions {
  std::string config;          // relance.toml ([run] inputs, [dispatch], ...)
  std::string as_of;           // YYYY-MM-DD
  std::string db;              // ledger file; empty: [ledger] path, $RELANCE_DB, ./relance.db
  std::string output = "out";  // OUT/invoices (Factur-X), OUT/letters/DATE (letters)
  std::string templates;       // a templates folder instead of the default
};
ExitCode run_run(const RunOptions& options, std::ostream& out, std::ostream& err);

// The ledger's commands (ledger_commands.cpp): `ledger import|show`, `payment assign|list`,
// `dispute open|close`, `promise add`, `note add`, each with --db PATH (else $RELANCE_DB, else
// ./relance.db). Registers them on the application; run() runs the one parsed, if any.
class LedgerCommands {
 public:
  explicit LedgerCommands(CLI::App& app);
  ~LedgerCommands();
  LedgerCommands(const LedgerCommands&) = delete;
  LedgerCommands& operator=(const LedgerCommands&) = delete;
  std::optional<ExitCode> run(std::ostream& out, std::ostream& err) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace relance::pipeline::detail
