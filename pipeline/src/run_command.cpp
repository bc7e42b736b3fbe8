// relance run: the daily run in one command. Imports [run] inputs into the ledger, reports the
// imported invoices that break a fatal EN 16931 rule, renders each new valid invoice as Factur-X,
// writes the day's letters (remind) and sends them (dispatch), asks the postal provider where the
// posted letters are when letters go by post (track), then prints one summary.
#include <filesystem>
#include <ostream>

#include "commands.hpp"
#include "config.hpp"
#include "inputs.hpp"
#include "ledger.hpp"
#include "outbox.hpp"
#include "relance/formats/bank_statement.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"
#include "relance/letters/invoice_renderer.hpp"
#include "relance/pipeline/job.hpp"
#include "safe_names.hpp"

namespace relance::pipeline::detail {

namespace {

using formats::Date;

ExitCode worst(ExitCode a, ExitCode b) {
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

// A customers CSV or a bank statement among the inputs (payments CSV, camt.05x, any other ISO
// 20022 message): the import's business, not an invoice.
bool is_not_invoice(std::string_view bytes) {
  return is_customers_csv(bytes) || formats::sniff_bank_format(bytes) != formats::BankFormat::unknown ||
         bytes.substr(0, 4096).find("urn:iso:std:iso:20022:tech:xsd:") != std::string_view::npos;
}

struct InvoiceTally {
  std::size_t read = 0, valid = 0, invalid = 0, unreadable = 0, rendered = 0, already_rendered = 0,
              render_failed = 0;
};

// Validation of the invoices among the inputs (fatal diagnostics printed) and the Factur-X of each
// valid one not rendered yet (OUT/invoices/NUMBER.pdf).
InvoiceTally validate_and_render(const Config& config, const RunOptions& options, std::ostream& out,
                                 std::ostream& err) {
  InvoiceTally t;
  std::vector<std::string> operands;
  for (const auto& p : config.run.inputs) operands.push_back(p.string());
  Diagnostics input_diags;
  const auto files = expand_inputs(operands, input_diags);  // already reported by the import
  const std::filesystem::path invoices = std::filesystem::path(options.output) / "invoices";
  letters::RenderOptions render_options;
  render_options.templates_dir = options.templates;
  render_options.facturx = true;
  std::optional<letters::InvoiceRenderer> renderer;
  bool renderer_broken = false;
  for (const auto& file : files) {
    Diagnostics diags;
    const auto bytes = read_input(file, diags);
    if (!bytes || is_not_invoice(*bytes)) {
      if (!bytes) ++t.unreadable;
      continue;
    }
    auto r = formats::read_invoice(*bytes, file.string(), {.syntax_rules = true});
    formats::apply_rule_settings(r.diagnostics, config.validation);
    Diagnostics all = r.diagnostics;
    if (r.value) all.merge(formats::validate(*r.value, config.validation, file.string()));
    ++t.read;
    if (!r.value || all.has_fatal()) {
      ++t.invalid;
      for (const auto& d : all.items())
        if (d.severity == Severity::fatal) err << format_diagnostic(d) << '\n';
      continue;
    }
    ++t.valid;
    const auto target = invoices / (safe_file_stem(r.value->number) + ".pdf");
    std::error_code ec;
    if (std::filesystem::exists(target, ec)) {
      ++t.already_rendered;
      continue;
    }
    if (renderer_broken) {
      ++t.render_failed;
      continue;
    }
    if (!renderer) renderer.emplace(render_options);
    auto pdf = renderer->render(*r.value, file.string());
    for (const auto& d : pdf.diagnostics.items()) err << format_diagnostic(d) << '\n';
    if (!pdf.value) {
      ++t.render_failed;
      // Missing fonts or a broken template fail every invoice the same way: say it once.
      const auto& items = pdf.diagnostics.items();
      renderer_broken = !items.empty() && (items.front().rule_id == "RL-RENDER-001" ||
                                           items.front().rule_id == "RL-RENDER-002");
      continue;
    }
    try {
      write_output(target, *pdf.value);
      ++t.rendered;
    } catch (const Error& e) {
      err << format_diagnostic(e.diagnostic) << '\n';
      ++t.render_failed;
    }
  }
  out << "  " << t.read << " invoice(s) read: " << t.valid << " valid, " << t.invalid
      << " with a fatal error (above)\n";
  out << "  Factur-X: " << t.rendered << " new in " << invoices.string() << ", " << t.already_rendered
      << " already there" << (t.render_failed ? ", " + std::to_string(t.render_failed) + " failed" : "")
      << '\n';
  return t;
}

}  // namespace

ExitCode run_run(const RunOptions& options, std::ostream& out, std::ostream& err) {
  const auto as_of = Date::parse_iso(options.as_of);
  if (!as_of) {
    err << "relance run: --as-of must be a date YYYY-MM-DD, not '" << options.as_of << "'\n";
    return ExitCode::failure;
  }
  auto loaded = load_config(options.config);
  for (const auto& d : loaded.diagnostics.items()) err << format_diagnostic(d) << '\n';
  if (!loaded.value) return ExitCode::failure;
  const Config& config = *loaded.value;
  const std::string db = ledger_path(options.db.empty() ? config.ledger_path : options.db).string();
  ExitCode code = ExitCode::success;

  out << "== import\n";
  InvoiceTally invoices;
  if (config.run.inputs.empty()) {
    out << "  nothing to import: [run] inputs names no folder or file\n";
  } else {
    std::vector<std::string> args = {"ledger", "import"};
    for (const auto& p : config.run.inputs) args.push_back(p.string());
    args.push_back("--db");
    args.push_back(db);
    const ExitCode imported = Job(out, err).run(args);
    code = worst(code, imported);
    out << "== validate and render\n";
    invoices = validate_and_render(config, options, out, err);
    if (invoices.invalid > 0 || invoices.render_failed > 0) code = worst(code, ExitCode::rejected);
  }

  out << "== remind\n";
  RemindOptions remind;
  remind.as_of = options.as_of;
  remind.db = db;
  remind.config = options.config;
  remind.output = (std::filesystem::path(options.output) / "letters").string();
  remind.templates = options.templates;
  const ExitCode reminded = run_remind(remind, out, err);
  code = worst(code, reminded);
  if (reminded == ExitCode::failure) {
    out << "relance run " << as_of->to_iso() << ": stopped, the reminders could not be made (above)\n";
    return code;
  }

  out << "== dispatch\n";
  DispatchSummary sent;
  DispatchOptions dispatch;
  dispatch.db = db;
  dispatch.config = options.config;
  dispatch.as_of = options.as_of;
  dispatch.summary = &sent;
  code = worst(code, run_dispatch(dispatch, out, err));

  // Letters handed to a postal provider: where the earlier ones are now (relance track).
  bool posts = false;
  for (const auto& [channel, transport] : config.dispatch.channels) posts = posts || transport == "postal";
  if (posts) {
    out << "== track\n";
    TrackOptions track;
    track.db = db;
    track.config = options.config;
    code = worst(code, run_track(track, out, err));
  }

  out << "relance run " << as_of->to_iso() << ": " << invoices.valid << " valid invoice(s), "
      << invoices.invalid << " rejected, " << invoices.rendered
      << " Factur-X rendered; messages: " << sent.sent << " sent, " << sent.retry_later << " to retry, "
      << sent.failed << " failed, " << sent.cancelled << " cancelled"
      << (sent.in_doubt ? ", " + std::to_string(sent.in_doubt) + " in doubt sent again" : "") << '\n';
  return code;
}

}  // namespace relance::pipeline::detail
