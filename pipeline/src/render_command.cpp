#include <filesystem>
#include <ostream>
#include <set>

#include "batch_report.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"
#include "relance/letters/invoice_renderer.hpp"

namespace relance::pipeline::detail {

namespace {

// Two inputs called invoice.xml in different folders must not overwrite each other's PDF.
std::filesystem::path unique_output(const std::filesystem::path& folder, const std::string& stem,
                                    std::set<std::string>& taken) {
  std::string name = stem + ".pdf";
  for (int n = 2; taken.count(name) != 0; ++n) name = stem + "-" + std::to_string(n) + ".pdf";
  taken.insert(name);
  return folder / name;
}

}  // namespace

ExitCode run_render(const RenderOptions& options, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  const auto language = letters::parse_language(options.language);
  if (!language) {
    err << "relance render: --lang must be fr, en or de, not '" << options.language << "'\n";
    return ExitCode::failure;
  }
  Diagnostics input_diags;
  const auto files = expand_inputs(options.inputs, input_diags);
  BatchReport report(err);
  report.print(input_diags);
  for (const auto& d : input_diags.items()) report.failed(d.where.source);

  std::error_code ec;
  fs::create_directories(options.output, ec);
  if (ec) {
    err << "fatal: " << options.output << ": RL-OUT-001: cannot create the output folder: " << ec.message()
        << '\n';
    return ExitCode::failure;
  }
  letters::RenderOptions render_options;
  render_options.language = *language;
  render_options.templates_dir = options.templates;
  render_options.facturx = options.facturx;
  letters::InvoiceRenderer renderer(render_options);
  std::set<std::string> taken;
  std::size_t done = 0;
  for (const auto& file : files) {
    Diagnostics diags;
    const auto bytes = read_input(file, diags);
    Result<formats::Invoice> r;
    if (bytes) r = formats::read_invoice(*bytes, file.string());
    r.diagnostics.merge(diags);
    if (r.value && options.facturx) {
      // A Factur-X is a legal e-invoice: one that breaks a fatal EN 16931 rule is not issued.
      Diagnostics rules = formats::validate(*r.value, {}, file.string());
      for (auto& d : rules.items())
        if (d.severity == Severity::fatal) r.diagnostics.add(d);
    }
    report.print(r.diagnostics);
    if (!r.value || r.diagnostics.has_fatal()) {
      report.failed(file.string());
      continue;
    }
    auto pdf = renderer.render(*r.value, file.string());
    report.print(pdf.diagnostics);
    if (!pdf.value) {
      report.failed(file.string());
      // A broken template fails every invoice the same way: say it once, not a thousand times.
      if (!pdf.diagnostics.empty() && pdf.diagnostics.items().front().rule_id == "RL-RENDER-002") break;
      continue;
    }
    const auto target = unique_output(options.output, file.stem().string(), taken);
    try {
      write_output(target, *pdf.value);
      report.succeeded();
      if (options.verbose) out << target.string() << '\n';
    } catch (const Error& e) {
      err << format_diagnostic(e.diagnostic) << '\n';
      report.failed(file.string());
    }
    if (++done % 500 == 0 && files.size() >= 1000)
      err << "relance render: " << done << " / " << files.size() << " rendered\n";
  }
  report.summary("rendered");
  out << done << (options.facturx ? " Factur-X invoice(s)" : " PDF invoice(s)") << " written to "
      << options.output << '\n';
  return report.any_failed() ? ExitCode::failure : ExitCode::success;
}

}  // namespace relance::pipeline::detail
