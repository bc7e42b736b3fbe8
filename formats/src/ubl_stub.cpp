// Temporary: replaced by ubl_reader.cpp / ubl_writer.cpp.
#include "relance/formats/ubl.hpp"
namespace relance::formats {
Result<Invoice> read_ubl(std::string_view, std::string_view source_name) {
  Result<Invoice> r;
  r.diagnostics.add("RL-XML-002", Severity::fatal, Location{std::string(source_name), {}, 0, 0}, "UBL not yet supported");
  return r;
}
std::string write_ubl(const Invoice&) { return {}; }
}  // namespace relance::formats
