// Rendered invoices per second on one core, and bytes per invoice: a plain PDF and a Factur-X
// (draw with libharu, write the CII, finish as PDF/A-3b with qpdf), for one-page (ten-line) and
// longer invoices. Run: build-release/bench/relance_bench_render
// The memory of a long batch is measured by relance_bench_render_batch.

#include <benchmark/benchmark.h>

#include "relance/letters/invoice_renderer.hpp"
#include "relance/pipeline/process_setup.hpp"
#include "sample_invoice.hpp"

namespace {

void render_loop(benchmark::State& state, bool facturx) {
  const auto lines = static_cast<std::size_t>(state.range(0));
  const auto invoice = relance::samples::make_invoice(lines);
  relance::letters::RenderOptions options;
  options.facturx = facturx;
  options.modification_date = "D:20261124000000+00'00'";
  relance::letters::InvoiceRenderer renderer(options);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = renderer.render(invoice, "bench");
    if (!pdf.value) {
      state.SkipWithError("rendering failed");
      break;
    }
    bytes += pdf.value->size();
    benchmark::DoNotOptimize(pdf);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_invoice"] =
      static_cast<double>(bytes) /
      static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
}

void BM_RenderFacturx(benchmark::State& state) {
  render_loop(state, true);
}
void BM_RenderPdf(benchmark::State& state) {
  render_loop(state, false);
}

}  // namespace

BENCHMARK(BM_RenderFacturx)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderPdf)->Arg(10)->Unit(benchmark::kMillisecond);
int main(int argc, char** argv) {
  relance::pipeline::tune_allocator_for_batches();  // as the relance CLI does
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
