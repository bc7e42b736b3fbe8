// Dunning letters rendered per second on one core, and bytes per letter (issue 5: "letters as fast
// as invoices", about 200 one-page PDFs a second): a one-page reminder_1, a formal notice with its
// interest computation (partial payments, a change of reference rate), an account statement, and
// what `relance remind` writes for each letter (the letter and the customer's statement).
// Run: build-release/bench/relance_bench_letters (scripts/bench records the figures).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "relance/letters/dunning.hpp"
#include "relance/letters/late_interest.hpp"
#include "relance/letters/letter.hpp"
#include "relance/pipeline/process_setup.hpp"

namespace {

using relance::formats::Date;
using relance::formats::Decimal;
using namespace relance::letters;

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}
Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

// Within the period the shipped ECB table covers (data/ecb_main_refinancing_rates.tsv).
const Date as_of = day("2025-06-30");

LetterParty creditor() {
  LetterParty p{"Atelier Dupont SARL", {}, "732829320", "FR44732829320", "recouvrement@dupont.example",
                "+33 4 72 00 00 00"};
  p.address.line_one = "12 rue des Lilas";
  p.address.post_code = "69003";
  p.address.city = "Lyon";
  p.address.country_code = "FR";
  return p;
}

LetterParty debtor() {
  LetterParty p{
      "Bâtiments Réunis SA", {}, "812345676", "FR19812345676", "compta@batiments-reunis.example", ""};
  p.address.line_one = "5 avenue Foch";
  p.address.post_code = "75116";
  p.address.city = "Paris";
  p.address.country_code = "FR";
  return p;
}

// Open items as the ledger gives them: some partially paid.
std::vector<DunningItem> open_items(std::size_t count, const char* first_due, int spacing_days) {
  std::vector<DunningItem> items;
  for (std::size_t i = 0; i < count; ++i) {
    DunningItem it;
    it.id = static_cast<std::int64_t>(i + 1);
    it.customer_id = "C-BR";
    it.number = "FA-2025-" + std::to_string(1000 + i);
    it.due_date = day(first_due).plus_days(static_cast<std::int64_t>(i) * spacing_days);
    it.issue_date = it.due_date.plus_days(-30);
    it.amount = dec(i % 2 == 0 ? "4380.00" : "1250.40");
    if (i % 3 == 0) it.payments.push_back({it.due_date.plus_days(20), dec("1000.00")});
    items.push_back(std::move(it));
  }
  return items;
}

LetterItem letter_item(const DunningItem& it) {
  LetterItem li;
  li.number = it.number;
  li.issue_date = it.issue_date;
  li.due_date = it.due_date;
  li.amount = it.amount;
  li.outstanding = it.outstanding();
  li.paid = it.amount - li.outstanding;
  li.days_late =
      static_cast<int>(std::max<std::int64_t>(0, as_of.days_since_epoch() - it.due_date.days_since_epoch()));
  return li;
}

Letter base_letter(const char* level) {
  Letter l;
  l.level = level;
  l.template_name = level;
  l.profile = "regular";
  l.language = Language::fr;
  l.as_of = as_of;
  l.reference = "20250630-C-BR-" + std::string(level);
  l.creditor = creditor();
  l.debtor = debtor();
  l.customer_id = "C-BR";
  l.creditor_iban = "FR7630006000011234567890189";
  l.creditor_bic = "AGRIFRPP";
  l.account_manager = "Claire Martin";
  return l;
}

// reminder_1: three items a week or so late, one page.
Letter reminder_1() {
  Letter l = base_letter("reminder_1");
  for (const auto& it : open_items(3, "2025-06-16", 3)) {
    l.items.push_back(letter_item(it));
    l.principal = l.principal + l.items.back().outstanding;
  }
  l.total = l.principal;
  return l;
}

// The formal notice: interest per item from the shipped ECB table across the 1 January 2025 change,
// a partial payment lowering the base, and the EUR 40 indemnity per invoice, as remind computes it.
Letter formal_notice() {
  const auto rates = ReferenceRates::load(default_reference_rates_path());
  if (!rates.value) {
    std::fprintf(stderr, "relance_bench_letters: cannot load %s\n", default_reference_rates_path().c_str());
    std::exit(1);
  }
  const PenaltyRatePolicy policy;
  Letter l = base_letter("formal_notice");
  for (const auto& it : open_items(3, "2024-11-15", 30)) {
    LetterItem li = letter_item(it);
    auto interest = late_interest(it, as_of, policy, *rates.value);
    if (!interest.value) {
      std::fprintf(stderr, "relance_bench_letters: late_interest failed\n");
      std::exit(1);
    }
    li.interest = *interest.value;
    l.interest = l.interest + li.interest.total;
    l.indemnity = l.indemnity + recovery_indemnity(l.profile);
    l.principal = l.principal + li.outstanding;
    l.items.push_back(std::move(li));
  }
  l.total = l.principal + l.interest + l.indemnity;
  if (const auto rate = penalty_rate_on(as_of, policy, *rates.value))
    l.penalty_rate_text = format_percent(*rate, l.language);
  return l;
}

// The account statement: every open item of the customer (twelve, some not yet due).
Statement statement() {
  Statement s{creditor(), debtor(), "C-BR", Language::fr, as_of, "EUR", {}, {}};
  for (const auto& it : open_items(12, "2025-02-01", 15)) {
    s.items.push_back(letter_item(it));
    s.total_outstanding = s.total_outstanding + s.items.back().outstanding;
  }
  return s;
}

constexpr const char* fixed_date = "D:20250630000000+00'00'";

template <class Render>
void render_loop(benchmark::State& state, Render render) {
  LetterRenderer renderer({{}, fixed_date});
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::size_t n = render(renderer);
    if (n == 0) {
      state.SkipWithError("rendering failed");
      break;
    }
    bytes += n;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_letter"] =
      static_cast<double>(bytes) /
      static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
}

std::size_t size_of(const relance::Result<std::string>& pdf) {
  return pdf.value ? pdf.value->size() : 0;
}

void BM_Reminder1(benchmark::State& state) {
  const Letter letter = reminder_1();
  render_loop(state, [&](LetterRenderer& r) { return size_of(r.render_letter(letter)); });
}

void BM_FormalNotice(benchmark::State& state) {
  const Letter letter = formal_notice();
  render_loop(state, [&](LetterRenderer& r) { return size_of(r.render_letter(letter)); });
}

void BM_Statement(benchmark::State& state) {
  const Statement s = statement();
  render_loop(state, [&](LetterRenderer& r) { return size_of(r.render_statement(s)); });
}

// One letter of a remind batch: the reminder and the statement that travels with it.
void BM_Reminder1WithStatement(benchmark::State& state) {
  const Letter letter = reminder_1();
  const Statement s = statement();
  render_loop(state, [&](LetterRenderer& r) {
    const std::size_t a = size_of(r.render_letter(letter));
    const std::size_t b = size_of(r.render_statement(s));
    return a == 0 || b == 0 ? 0 : a + b;
  });
}

}  // namespace

BENCHMARK(BM_Reminder1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FormalNotice)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Statement)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Reminder1WithStatement)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  relance::pipeline::tune_allocator_for_batches();  // as the relance CLI does
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
