#pragma once

#include <string>
#include <string_view>

namespace relance::pipeline::detail {

// A file name stem made from data (a customer id, an invoice number): letters, digits, '-', '_'
// and '.' kept, anything else '_', no leading dot, at most 80 bytes, never empty. Such a stem
// cannot climb out of or name anything outside the folder it is joined to.
std::string safe_file_stem(std::string_view text);

}  // namespace relance::pipeline::detail
