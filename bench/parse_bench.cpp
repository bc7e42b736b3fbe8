// Parse throughput of the CII and UBL readers on one core, for invoices of 10 to 10,000 lines,
// plus the process's peak memory. Run: build/bench/relance_bench_parse
// (or scripts/bench, which also records the figures).

#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <pugixml.hpp>

#include "relance/formats/cii.hpp"
#include "relance/formats/ingest.hpp"
#include "relance/formats/ubl.hpp"
#include "sample_invoice.hpp"

namespace {

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

template <class Write>
void read_invoices(benchmark::State& state, Write write) {
  const auto lines = static_cast<std::size_t>(state.range(0));
  const std::string xml = write(relance::samples::make_invoice(lines));
  std::size_t read_lines = 0;
  for (auto _ : state) {
    auto r = relance::formats::read_invoice(xml, "bench.xml");
    if (!r.value || r.diagnostics.has_fatal()) {
      state.SkipWithError("the sample invoice did not read back");
      break;
    }
    read_lines += r.value->lines.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());  // items/s = invoices per second
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xml.size()));
  state.counters["lines_per_s"] =
      benchmark::Counter(static_cast<double>(read_lines), benchmark::Counter::kIsRate);
  state.counters["xml_bytes"] = static_cast<double>(xml.size());
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

void BM_ReadCii(benchmark::State& state) {
  read_invoices(state, [](const auto& inv) { return relance::formats::write_cii(inv); });
}
void BM_ReadUbl(benchmark::State& state) {
  read_invoices(state, [](const auto& inv) { return relance::formats::write_ubl(inv); });
}

// The floor: pugixml alone parsing the same document, no model built.
void BM_XmlParseOnly(benchmark::State& state) {
  const std::string xml =
      relance::formats::write_cii(relance::samples::make_invoice(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) {
    pugi::xml_document doc;
    benchmark::DoNotOptimize(doc.load_buffer(xml.data(), xml.size()));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_WriteCii(benchmark::State& state) {
  const auto inv = relance::samples::make_invoice(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(relance::formats::write_cii(inv));
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_ReadCii)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK(BM_ReadUbl)->Arg(10)->Arg(1000);
BENCHMARK(BM_XmlParseOnly)->Arg(10)->Arg(1000);
BENCHMARK(BM_WriteCii)->Arg(10)->Arg(1000);
BENCHMARK_MAIN();
