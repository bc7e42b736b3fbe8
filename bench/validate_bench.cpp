// Validated invoices per second on one core: parse plus every rule, for 10 to 10,000 lines,
// and the rules alone on an already read model. Run: build-release/bench/relance_bench_validate

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "relance/formats/cii.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/validate.hpp"
#include "sample_invoice.hpp"

namespace {

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void BM_ReadAndValidateCii(benchmark::State& state) {
  const auto lines = static_cast<std::size_t>(state.range(0));
  const std::string xml = relance::formats::write_cii(relance::samples::make_invoice(lines));
  std::size_t diagnostics = 0;
  for (auto _ : state) {
    auto r = relance::formats::read_invoice(xml, "bench.xml", {.syntax_rules = true});
    if (!r.value) {
      state.SkipWithError("the sample invoice did not read back");
      break;
    }
    auto d = relance::formats::validate(*r.value, {}, "bench.xml");
    diagnostics += d.size();
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["diagnostics_per_invoice"] =
      static_cast<double>(diagnostics) /
      static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

void BM_RulesOnly(benchmark::State& state) {
  const auto inv = relance::samples::make_invoice(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(relance::formats::validate(inv, {}, "bench.xml"));
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_ReadAndValidateCii)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK(BM_RulesOnly)->Arg(10)->Arg(1000)->Arg(10000);
BENCHMARK_MAIN();
