#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/diagnostic.hpp"

namespace relance::pipeline::detail {

// Expands the command line's operands: files as given, folders to the files below them whose
// extension (any case) is one of `extensions` (sorted, so runs are reproducible). Operands that
// do not exist are reported as diagnostics and kept out.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::string>& operands, Diagnostics& diags,
                                                 std::initializer_list<std::string_view> extensions = {
                                                     ".xml", ".pdf"});

// Whole-file read; nullopt with a diagnostic (RL-IN-002) when the file cannot be read.
std::optional<std::string> read_input(const std::filesystem::path& p, Diagnostics& diags);

// Writes atomically (temporary file then rename) so an interrupted run never leaves half a file.
void write_output(const std::filesystem::path& p, std::string_view bytes);

}  // namespace relance::pipeline::detail
