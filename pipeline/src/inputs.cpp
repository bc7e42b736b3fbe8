#include "inputs.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace relance::pipeline::detail {
namespace {

bool has_extension(const std::filesystem::path& p, std::initializer_list<std::string_view> extensions) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

}  // namespace

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::string>& operands, Diagnostics& diags,
                                                 std::initializer_list<std::string_view> extensions) {
  std::vector<std::filesystem::path> out;
  for (const auto& op : operands) {
    std::error_code ec;
    const std::filesystem::path p(op);
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> found;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && has_extension(it->path(), extensions)) found.push_back(it->path());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(p, ec)) {
      out.push_back(p);
    } else {
      diags.add("RL-IN-002", Severity::fatal, Location{op, {}, 0, 0}, "no such file or folder");
    }
  }
  return out;
}

std::optional<std::string> read_input(const std::filesystem::path& p, Diagnostics& diags) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  if (in) s << in.rdbuf();
  if (!in || in.bad()) {
    diags.add("RL-IN-002", Severity::fatal, Location{p.string(), {}, 0, 0}, "the file cannot be read");
    return std::nullopt;
  }
  return std::move(s).str();
}

void write_output(const std::filesystem::path& p, std::string_view bytes) {
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  const std::filesystem::path tmp = p.string() + ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      Diagnostic d{
          "RL-OUT-001", Severity::fatal, Location{p.string(), {}, 0, 0}, "cannot write the file", {}};
      throw Error(std::move(d));
    }
  }
  std::filesystem::rename(tmp, p);
}

}  // namespace relance::pipeline::detail
