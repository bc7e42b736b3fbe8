// No input can crash the readers: every official example truncated and mutated in many
// ways must come back as a value or diagnostics. Run under RELANCE_SANITIZE=ON as well.

#include <gtest/gtest.h>

#include <random>

#include "relance/formats/ingest.hpp"
#include "test_support.hpp"

using relance::formats::read_invoice;
using relance::testing::fixtures_dir;
using relance::testing::official_examples;
using relance::testing::read_file;

namespace {

std::vector<std::string> corpus() {
  std::vector<std::string> docs;
  for (const auto& f : official_examples("cii")) docs.push_back(read_file(f));
  for (const auto& f : official_examples("ubl"))
    if (std::filesystem::file_size(f) < 200'000) docs.push_back(read_file(f));
  for (const auto& e : std::filesystem::recursive_directory_iterator(fixtures_dir() / "invoices"))
    if (e.is_regular_file()) docs.push_back(read_file(e.path()));
  return docs;
}

}  // namespace

TEST(Robustness, TruncatedAndMutatedInvoicesNeverCrash) {
  const auto docs = corpus();
  ASSERT_FALSE(docs.empty());
  std::mt19937 rng(20261123);
  std::size_t runs = 0;
  for (const auto& doc : docs) {
    for (int cut = 1; cut <= 12; ++cut) {
      auto r = read_invoice(std::string_view(doc).substr(0, doc.size() * static_cast<std::size_t>(cut) / 13),
                            "cut");
      EXPECT_TRUE(r.value || !r.diagnostics.empty());
      ++runs;
    }
    static constexpr char noise[] = {'<', '>', '&', '"', '\0', '9', '-', '.', ':', '\xC3', '\xFF'};
    for (int m = 0; m < 24; ++m) {
      std::string mutated = doc;
      for (int k = 0; k < 4; ++k) {
        const auto at = std::uniform_int_distribution<std::size_t>(0, mutated.size() - 1)(rng);
        mutated[at] = noise[std::uniform_int_distribution<std::size_t>(0, sizeof noise - 1)(rng)];
      }
      auto r = read_invoice(mutated, "mutated");
      EXPECT_TRUE(r.value || !r.diagnostics.empty());
      ++runs;
    }
  }
  // 36 runs a document: the bundled fixtures alone, or with the 63 official examples when present.
  EXPECT_GE(runs, docs.size() * 36);
  if (relance::testing::en16931_dir()) {
    EXPECT_GT(runs, 1000u);
  }
}
