#include <filesystem>
#include <ostream>

#include "batch_report.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "relance/formats/cii.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/ubl.hpp"

namespace relance::pipeline::detail {

ExitCode run_convert(const ConvertOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics input_diags;
  const auto files = expand_inputs(options.inputs, input_diags);
  BatchReport report(err);
  report.print(input_diags);
  for (const auto& d : input_diags.items()) report.failed(d.where.source);

  namespace fs = std::filesystem;
  const bool to_folder = files.size() > 1 || (!options.output.empty() && fs::is_directory(options.output));
  if (files.size() > 1 && options.output.empty()) {
    err << "relance convert: several inputs need -o FOLDER for the converted files\n";
    return ExitCode::failure;
  }
  for (const auto& file : files) {
    Diagnostics diags;
    const auto bytes = read_input(file, diags);
    Result<formats::Invoice> r;
    if (bytes) r = formats::read_invoice(*bytes, file.string());
    r.diagnostics.merge(diags);
    report.print(r.diagnostics);
    if (!r.value || r.diagnostics.has_fatal()) {
      report.failed(file.string());
      continue;
    }
    const std::string xml = options.to == "ubl" ? formats::write_ubl(*r.value) : formats::write_cii(*r.value);
    try {
      if (options.output.empty()) {
        out << xml;
      } else if (to_folder) {
        write_output(fs::path(options.output) / (file.stem().string() + "." + options.to + ".xml"), xml);
      } else {
        write_output(options.output, xml);
      }
      report.succeeded();
    } catch (const Error& e) {
      err << format_diagnostic(e.diagnostic) << '\n';
      report.failed(file.string());
    } catch (const fs::filesystem_error& e) {
      err << "fatal: " << e.path1().string() << ": RL-OUT-001: " << e.code().message() << '\n';
      report.failed(file.string());
    }
  }
  report.summary("converted");
  return report.any_failed() ? ExitCode::failure : ExitCode::success;
}

}  // namespace relance::pipeline::detail
