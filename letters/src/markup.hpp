#pragma once
// The page markup templates render to: one instruction per line, fields separated by '|'.
// Mustache fills the values; the escaper (markup_escape) protects '|', '\' and line breaks in
// them, so a customer name can never add or break an instruction.
//
//   title | Facture | N° F-2026-001        big title, optional right-aligned text
//   columns … box | Heading … line | t … end   boxes side by side (addresses)
//   fields | 4 … field | Label | Value … end   a grid of labelled values
//   heading | Text                          section heading, kept with what follows
//   table | 50 l | 10 r | … … head | … … row | … … note | … … end
//                                           a table; widths are relative; flows over pages
//                                           with its head repeated; note spans the row
//   totals … total | L | V … grand | L | V … end   right-hand totals block
//   para | text    bold | text    small | text     wrapped paragraphs
//   qr | payload | caption                  QR code (EPC payment) with a caption
//   space | 6      rule                     vertical space (points), horizontal rule
//   window | line\nline                     the recipient's address where a window envelope shows it
//   footer | text                           printed at the foot of every page
//   pages | Page {page} / {pages}           the page-number pattern
//
// Inside a value "\n" is a line break. Blank lines and lines starting with '#' are ignored.
#include <string>
#include <string_view>
#include <vector>

namespace relance::letters::detail {

struct Instruction {
  std::string keyword;
  std::vector<std::string> fields;                // after the keyword, unescaped and trimmed
  int line = 0;                                   // 1-based line in the rendered template
  const std::string& field(std::size_t i) const;  // empty string when absent
};

// Throws relance::Error RL-RENDER-002 naming `template_name` and the line for an unknown keyword.
std::vector<Instruction> parse_markup(std::string_view text, std::string_view template_name);

// What Mustache's {{value}} writes into the markup.
std::string markup_escape(std::string_view value);

}  // namespace relance::letters::detail
