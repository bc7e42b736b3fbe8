#pragma once
// Turns page-markup instructions into positioned text and shapes on A4 pages: words wrapped
// with the embedded fonts' real widths, tables flowing over pages with their head repeated,
// headings kept with what follows, and each page's footer with "page n / m" once the count is
// known.
#include <string_view>
#include <vector>

#include "fonts.hpp"
#include "markup.hpp"
#include "page_content.hpp"

namespace relance::letters::detail {

std::vector<PageContent> lay_out(const std::vector<Instruction>& instructions, const FontSet& fonts,
                                 std::string_view template_name);

// Lines of at most `width` points; explicit '\n' breaks; a word wider than the line is cut
// between characters so nothing ever leaves the page.
std::vector<std::string> wrap_text(const FontFace& face, std::string_view text, double size, double width);

}  // namespace relance::letters::detail
