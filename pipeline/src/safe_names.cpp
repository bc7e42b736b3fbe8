#include "safe_names.hpp"

namespace relance::pipeline::detail {

std::string safe_file_stem(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    out += keep ? c : '_';
    if (out.size() >= 80) break;
  }
  while (!out.empty() && out.front() == '.') out.front() = '_';
  if (out.empty()) out = "_";
  return out;
}

}  // namespace relance::pipeline::detail
