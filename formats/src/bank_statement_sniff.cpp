// Recognises a bank statement by content (camt.053 / camt.054 by the namespace of the document
// element, the payments CSV by its header line), and the helpers the camt and CSV readers share:
// the stable content hash that stands for a missing bank reference, and the pass that keeps
// references unique within one file.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bank_statement_support.hpp"
#include "relance/formats/bank_statement.hpp"

namespace relance::formats {
namespace detail {

// camt.053.001.NN -> camt053, camt.054.001.NN -> camt054, anything else -> unknown.
BankFormat camt_format_of_namespace(std::string_view uri) {
  constexpr std::string_view stem = "urn:iso:std:iso:20022:tech:xsd:camt.";
  if (uri.substr(0, stem.size()) != stem) return BankFormat::unknown;
  uri.remove_prefix(stem.size());
  BankFormat format = BankFormat::unknown;
  if (uri.substr(0, 8) == "053.001.")
    format = BankFormat::camt053;
  else if (uri.substr(0, 8) == "054.001.")
    format = BankFormat::camt054;
  else
    return BankFormat::unknown;
  uri.remove_prefix(8);
  if (uri.empty()) return BankFormat::unknown;
  for (char c : uri)
    if (c < '0' || c > '9') return BankFormat::unknown;
  return format;
}

// 128-bit FNV-1a: small, stable across platforms and releases (the references it makes are stored
// in the ledger), and wide enough that two different transactions never meet in practice.
std::string bank_hash_reference(std::string_view content) {
  __extension__ using U128 = unsigned __int128;
  const U128 prime = (U128{1} << 88) + 0x13B;
  U128 h = (U128{0x6c62272e07bb0142ULL} << 64) | U128{0x62b821756295c58dULL};
  for (char c : content) {
    h ^= static_cast<unsigned char>(c);
    h *= prime;
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "hash:";
  for (int shift = 124; shift >= 0; shift -= 4) out += hex[static_cast<unsigned>(h >> shift) & 0xFu];
  return out;
}

// A reference met a second time in the same file (two identical CSV lines, an end-to-end id used
// twice) becomes "REF#2", "REF#3": still the same on every import of that file.
void make_bank_references_unique(std::vector<BankEntry>& entries) {
  std::unordered_map<std::string, int> seen;
  for (BankEntry& e : entries) seen.emplace(e.reference, 0);
  for (BankEntry& e : entries) {
    int& count = seen[e.reference];
    if (++count == 1) continue;
    std::string candidate;
    int n = count;
    do {
      candidate = e.reference + "#" + std::to_string(n++);
    } while (seen.count(candidate) != 0);
    seen.emplace(candidate, 1);
    e.reference = std::move(candidate);
  }
}

}  // namespace detail

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_name_end(char c) {
  return is_space(c) || c == '/' || c == '>' || c == '=';
}

// Walks the start tags in the first few KB and returns the camt flavour of the first element whose
// own prefix is bound, in that same tag, to a camt.053 / camt.054 namespace: the document element,
// or a Document inside an envelope (a business application header wrapper).
BankFormat sniff_camt(std::string_view text) {
  constexpr std::size_t window = 8192;
  if (text.size() > window) text = text.substr(0, window);
  std::size_t i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = text.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      const auto end = text.find("-->", i + 4);
      if (end == std::string_view::npos) return BankFormat::unknown;
      i = end + 3;
      continue;
    }
    if (rest.substr(0, 2) == "<?" || rest.substr(0, 2) == "<!" || rest.substr(0, 2) == "</") {
      i += 2;
      continue;
    }
    // A start tag: its name, then attributes up to '>' (quoted values may hold '>').
    std::size_t p = i + 1;
    const std::size_t name_start = p;
    while (p < text.size() && !is_name_end(text[p])) ++p;
    const std::string_view name = text.substr(name_start, p - name_start);
    const auto colon = name.find(':');
    const std::string_view prefix =
        colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
    const std::string wanted = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    while (p < text.size() && text[p] != '>') {
      if (is_space(text[p]) || text[p] == '/') {
        ++p;
        continue;
      }
      const std::size_t attr_start = p;
      while (p < text.size() && !is_name_end(text[p])) ++p;
      const std::string_view attr = text.substr(attr_start, p - attr_start);
      while (p < text.size() && is_space(text[p])) ++p;
      if (p >= text.size() || text[p] != '=') {
        if (attr.empty()) ++p;  // stray character: step over it
        continue;
      }
      ++p;
      while (p < text.size() && is_space(text[p])) ++p;
      if (p >= text.size() || (text[p] != '"' && text[p] != '\'')) continue;
      const char quote = text[p++];
      const auto close = text.find(quote, p);
      if (close == std::string_view::npos) return BankFormat::unknown;
      if (attr == wanted) {
        const BankFormat f = detail::camt_format_of_namespace(text.substr(p, close - p));
        if (f != BankFormat::unknown) return f;
      }
      p = close + 1;
    }
    i = p;
  }
  return BankFormat::unknown;
}

}  // namespace

BankFormat sniff_bank_format(std::string_view bytes) {
  std::string_view text = bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t first = 0;
  while (first < text.size() && is_space(text[first])) ++first;
  if (first < text.size() && text[first] == '<') return sniff_camt(text.substr(first));
  return detail::is_payments_csv_header(bytes) ? BankFormat::csv : BankFormat::unknown;
}

}  // namespace relance::formats
