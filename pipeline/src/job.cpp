#include "relance/pipeline/job.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>

#include "commands.hpp"
#include "dossier_commands.hpp"

namespace relance::pipeline {
namespace {

constexpr const char* footer = R"(Exit status:
  0  success (warnings allowed)
  1  some documents were rejected (fatal diagnostics)
  2  usage, configuration or system error, or an input that cannot be read

Inputs are recognised by their content, not their name: CII or UBL 2.1 XML, or a
Factur-X / ZUGFeRD / XRechnung PDF with the invoice XML embedded. A folder stands for
every .xml and .pdf file below it.

Examples:
  relance validate inbox/ --format json
  relance validate invoice.pdf --as-of 2026-11-23 --rules 'BR-CO-*,RL-*'
  relance inspect invoice.pdf
  relance inspect --json invoice.xml | jq .totals.payable_amount
  relance convert supplier-ubl.xml --to cii -o invoice-cii.xml
  relance convert inbox/ --to ubl -o converted/
  relance render invoice.xml --out pdf/ --facturx --lang fr
)";

}  // namespace

ExitCode Job::run(const std::vector<std::string>& args) {
  CLI::App app{"relance: accounts receivable from invoice to cash (EN 16931, Factur-X, CII, UBL)", "relance"};
  app.footer(footer);
  app.set_version_flag("--version", "relance 0.1.0");
  app.require_subcommand(1);

  detail::InspectOptions inspect;
  CLI::App* inspect_cmd = app.add_subcommand("inspect", "Read invoices and print the EN 16931 model");
  inspect_cmd->add_option("files", inspect.inputs, "Invoices (CII, UBL, Factur-X PDF) or folders")
      ->required();
  inspect_cmd->add_flag(
      "--json", inspect.json,
      "Print the model as JSON (snake_case keys, amounts as decimal strings); several files give an "
      "array");

  detail::ConvertOptions convert;
  CLI::App* convert_cmd =
      app.add_subcommand("convert", "Convert invoices to CII (Factur-X EN 16931) or UBL 2.1");
  convert_cmd->add_option("files", convert.inputs, "Invoices (CII, UBL, Factur-X PDF) or folders")
      ->required();
  convert_cmd->add_option("--to", convert.to, "Target syntax")
      ->required()
      ->check(CLI::IsMember({"cii", "ubl"}));
  convert_cmd->add_option("-o,--output", convert.output,
                          "Output file (one input) or folder (several inputs: NAME.cii.xml / NAME.ubl.xml); "
                          "default: standard output");

  detail::ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate",
      "Check invoices against the EN 16931 rules and relance's own (addresses, due dates, French law)");
  validate_cmd->add_option("files", validate.inputs, "Invoices (CII, UBL, Factur-X PDF) or folders")
      ->required();
  validate_cmd->add_option("--format", validate.format, "Output: text (one line per diagnostic) or json")
      ->check(CLI::IsMember({"text", "json"}));
  validate_cmd->add_option("--as-of", validate.as_of,
                           "Date (YYYY-MM-DD): also report invoices already past due");
  validate_cmd->add_option("--rules", validate.rules,
                           "Only these rules, comma-separated ids or prefixes: BR-CO-*,RL-DUE-*");
  validate_cmd->add_option("--config", validate.config,
                           "Configuration file (default: $RELANCE_CONFIG, else ./relance.toml when present)");
  validate_cmd->footer(
      "Exit status: 0 no fatal diagnostic, 1 some invoice has one, 2 an input cannot be read.");

  detail::RenderOptions render;
  CLI::App* render_cmd = app.add_subcommand(
      "render", "Render invoices as PDF, or as Factur-X e-invoices (PDF/A-3 with the CII XML inside)");
  render_cmd->add_option("files", render.inputs, "Invoices (CII, UBL, Factur-X PDF) or folders")->required();
  render_cmd->add_option("--out", render.output, "Folder for the PDFs (NAME.pdf, created if needed)")
      ->required();
  render_cmd->add_flag("--facturx", render.facturx,
                       "Make Factur-X 1.0 (ZUGFeRD 2.3) PDF/A-3b e-invoices; invoices with a fatal EN 16931 "
                       "error are refused");
  render_cmd->add_option("--lang", render.language, "Language of labels, numbers and dates: fr, en or de")
      ->check(CLI::IsMember({"fr", "en", "de"}));
  render_cmd->add_option("--templates", render.templates,
                         "A templates folder (fr/, en/, de/ with invoice.mustache) to use instead of the "
                         "default ($RELANCE_TEMPLATES, else the bundled one)");
  render_cmd->add_flag("-v,--verbose", render.verbose, "Print the path of each PDF written");

  detail::RemindOptions remind;
  CLI::App* remind_cmd = app.add_subcommand(
      "remind", "Plan and write today's dunning letters from the ledger: who gets which letter, as PDF");
  remind_cmd->add_option("--as-of", remind.as_of, "The batch date (YYYY-MM-DD)")->required();
  remind_cmd->add_flag("--dry-run", remind.dry_run, "Show the batch; render and record nothing");
  remind_cmd->add_flag("--json", remind.json, "Print the batch as JSON (amounts as decimal strings)");
  remind_cmd->add_option("--db", remind.db,
                         "Ledger file (default: [ledger] path, $RELANCE_DB, ./relance.db)");
  remind_cmd->add_option("--config", remind.config, "Configuration file (scenario, rates, company)");
  remind_cmd->add_option("--out", remind.output, "Folder for the letters (a subfolder per date)");
  remind_cmd->add_option("--templates", remind.templates, "A templates folder instead of the default");
  remind_cmd->footer(
      "Running it again for the same date sends nothing new: a batch is recorded once per date.\n"
      "Phone calls go to OUT/DATE/phone_tasks.csv; each letter comes with the customer's statement.");

  detail::DispatchOptions dispatch;
  CLI::App* dispatch_cmd = app.add_subcommand(
      "dispatch",
      "Send the queued letters that are due (pending, retries whose time has come, messages in doubt) "
      "through their channels");
  dispatch_cmd
      ->add_option("--channel", dispatch.channel,
                   "Only this channel's messages: email, postal, registered, agency")
      ->check(CLI::IsMember({"email", "postal", "registered", "agency"}));
  dispatch_cmd->add_flag("--dry-run", dispatch.dry_run,
                         "Show what would be sent or cancelled; send nothing and leave the journal as it is");
  dispatch_cmd->add_option("--limit", dispatch.limit, "Attempt at most N messages (the others stay queued)")
      ->check(CLI::PositiveNumber);
  dispatch_cmd->add_option("--db", dispatch.db,
                           "Ledger file (default: [ledger] path, $RELANCE_DB, ./relance.db)");
  dispatch_cmd->add_option("--config", dispatch.config,
                           "Configuration file ([dispatch]: channels, retries, servers)");
  dispatch_cmd->add_option("--as-of", dispatch.as_of,
                           "Check the letters' items against the ledger as of this date (default: today)");
  dispatch_cmd->footer(
      "Each message has a stable id from the moment remind queues it, and moves\n"
      "pending -> sending -> sent, failed (permanent) or retry (transient: again after 30 s, 60 s,\n"
      "... at most an hour, up to [dispatch] max_attempts). Retries due within\n"
      "[dispatch] retry_window_seconds (60) are made in the same run; later ones wait for the next run.\n"
      "A letter whose items were all paid, disputed or promised since it was written is cancelled,\n"
      "not sent. A message a stopped run left in sending is in doubt: it is sent again under the\n"
      "same id (same Message-ID, same idempotency key).\n"
      "Exit status: 0 nothing failed for good, 1 some message failed, 2 usage, configuration or\n"
      "system error.");

  detail::TrackOptions track;
  CLI::App* track_cmd = app.add_subcommand(
      "track", "Ask the postal provider where each posted letter is, and record it in the journal");
  track_cmd->add_flag("--all", track.all, "Also ask about the letters already delivered or failed");
  track_cmd->add_option("--db", track.db, "Ledger file (default: [ledger] path, $RELANCE_DB, ./relance.db)");
  track_cmd->add_option("--config", track.config, "Configuration file ([dispatch.postal])");
  track_cmd->footer(
      "Every letter sent through the postal transport and not yet delivered or failed is looked up\n"
      "by the provider's reference (Pingen: GET /organisations/ORG/letters/ID, credentials from\n"
      "RELANCE_POSTAL_CLIENT_ID, RELANCE_POSTAL_CLIENT_SECRET, RELANCE_POSTAL_ORGANISATION).\n"
      "Its stage (in_progress, action_required, sent, delivered, failed), the provider's word and a\n"
      "registered letter's tracking number go to the journal; each change is an event of the message\n"
      "and shows in the agency dossier's history. Run it daily, after dispatch.\n"
      "Exit status: 0 every letter answered, 1 the provider did not answer for some (ask again later),\n"
      "2 usage, configuration or system error.");

  detail::RunOptions run;
  CLI::App* run_cmd =
      app.add_subcommand("run", "Import, validate, render, remind and dispatch in one go: the daily run");
  run_cmd->add_option("--config", run.config, "Configuration file ([run] inputs, [dispatch], [dunning], ...)")
      ->required();
  run_cmd->add_option("--as-of", run.as_of, "The batch date (YYYY-MM-DD)")->required();
  run_cmd->add_option("--db", run.db, "Ledger file (default: [ledger] path, $RELANCE_DB, ./relance.db)");
  run_cmd->add_option("--out", run.output,
                      "Output folder: OUT/invoices (Factur-X of the imported invoices), OUT/letters/DATE");
  run_cmd->add_option("--templates", run.templates, "A templates folder instead of the default");
  run_cmd->footer(
      "Imports [run] inputs into the ledger (invoices, customers CSV, bank statements), reports the\n"
      "invoices with a fatal EN 16931 error, renders each new valid invoice as Factur-X, writes the\n"
      "day's letters (relance remind) and sends them (relance dispatch), then prints one summary.\n"
      "Exit status: 0 all done, 1 some document or message was rejected, 2 usage, configuration or\n"
      "system error.");

  detail::RulesOptions rules;
  CLI::App* rules_cmd = app.add_subcommand(
      "rules", "List the rules validate knows: id, default severity, what it checks, source");
  rules_cmd->add_option("pattern", rules.pattern, "A rule id or a prefix ending in '*': 'RL-*', 'BR-CO-*'");
  rules_cmd->add_flag("--json", rules.json, "Print the list as JSON");

  // relance report aging: the aged balance (balance âgée) of the ledger.
  detail::ReportAgingOptions aging;
  CLI::App* report_cmd = app.add_subcommand("report", "Reports on the ledger");
  report_cmd->require_subcommand(1);
  CLI::App* aging_cmd = report_cmd->add_subcommand(
      "aging",
      "The aged balance per customer: not due, 1-30, 31-60, 61-90, over 90 days; DSO; whom to chase "
      "first; expected cash-in per week");
  aging_cmd->add_option("--as-of", aging.as_of, "Date of the balance (YYYY-MM-DD)")->required();
  aging_cmd->add_option("--format", aging.format, "csv (default), html (one self-contained file) or pdf")
      ->check(CLI::IsMember({"csv", "html", "pdf"}));
  aging_cmd->add_option("-o,--output", aging.output,
                        "Output file (default: standard output; pdf: aging-YYYY-MM-DD.pdf)");
  aging_cmd->add_option("--db", aging.db, "Ledger file (default: $RELANCE_DB, else ./relance.db)");
  aging_cmd->add_option("--config", aging.config,
                        "Configuration file (default: $RELANCE_CONFIG, else ./relance.toml)");
  aging_cmd->add_option("--lang", aging.language, "Language of the html and pdf reports: fr, en or de")
      ->check(CLI::IsMember({"fr", "en", "de"}));
  aging_cmd->add_option("--weeks", aging.weeks, "Weeks of expected cash-in (default 8)");
  aging_cmd->add_option("--templates", aging.templates,
                        "A templates folder for the pdf (with aging.mustache)");

  // The ledger (relance.db): ledger import|show, payment assign|list, dispute open|close, promise add, note
  // add.
  const detail::LedgerCommands ledger_commands(app);
  const detail::DossierCommands dossier_commands(app);

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes argv reversed
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out_ << app.help();
    return ExitCode::success;
  } catch (const CLI::CallForAllHelp&) {
    out_ << app.help("", CLI::AppFormatMode::All);
    return ExitCode::success;
  } catch (const CLI::CallForVersion&) {
    out_ << "relance 0.1.0\n";
    return ExitCode::success;
  } catch (const CLI::ParseError& e) {
    err_ << "relance: " << e.what() << "\nRun 'relance --help' for the commands and their options.\n";
    return ExitCode::failure;
  }

  if (inspect_cmd->parsed()) return detail::run_inspect(inspect, out_, err_);
  if (convert_cmd->parsed()) return detail::run_convert(convert, out_, err_);
  if (validate_cmd->parsed()) return detail::run_validate(validate, out_, err_);
  if (render_cmd->parsed()) return detail::run_render(render, out_, err_);
  if (remind_cmd->parsed()) return detail::run_remind(remind, out_, err_);
  if (rules_cmd->parsed()) return detail::run_rules(rules, out_, err_);
  if (dispatch_cmd->parsed()) return detail::run_dispatch(dispatch, out_, err_);
  if (track_cmd->parsed()) return detail::run_track(track, out_, err_);
  if (run_cmd->parsed()) return detail::run_run(run, out_, err_);
  if (aging_cmd->parsed()) return detail::run_report_aging(aging, out_, err_);
  if (const auto code = ledger_commands.run(out_, err_)) return *code;
  if (const auto code = dossier_commands.run(out_, err_)) return *code;
  return ExitCode::failure;
}

}  // namespace relance::pipeline
