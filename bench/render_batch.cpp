// Memory of a long render batch: renders N one-page Factur-X invoices one after the other, as
// `relance render` does, and prints the resident set size every 1,000 invoices, so a leak or a
// cache that grows with the batch shows as a rising column. Usage: relance_bench_render_batch [N]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "relance/letters/invoice_renderer.hpp"
#include "relance/pipeline/process_setup.hpp"
#include "sample_invoice.hpp"

namespace {

long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

long peak_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  relance::pipeline::tune_allocator_for_batches();  // as the relance CLI does
  const long count = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 10000;
  relance::letters::RenderOptions options;
  options.facturx = true;
  relance::letters::InvoiceRenderer renderer(options);
  std::size_t bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  std::printf("%10s %12s %12s %14s\n", "invoices", "rss_KiB", "peak_KiB", "invoices/s");
  for (long i = 1; i <= count; ++i) {
    // A different invoice each time (number, buyer), as in a real batch.
    const auto invoice = relance::samples::make_invoice(10, static_cast<std::size_t>(i));
    auto pdf = renderer.render(invoice, "batch");
    if (!pdf.value) {
      std::fprintf(stderr, "invoice %ld failed to render\n", i);
      return 1;
    }
    bytes += pdf.value->size();
    if (i % 1000 == 0 || i == count) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("%10ld %12ld %12ld %14.1f\n", i, resident_kib(), peak_kib(),
                  static_cast<double>(i) / seconds);
    }
  }
  std::printf("bytes per invoice: %.0f\n", static_cast<double>(bytes) / static_cast<double>(count));
  return 0;
}
