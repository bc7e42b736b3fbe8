#pragma once

#include <string_view>

#include "relance/formats/diagnostic.hpp"
#include "relance/formats/invoice.hpp"

namespace relance::formats {

enum class InputKind { unknown, pdf, cii, ubl_invoice, ubl_credit_note, other_xml };

// Recognises the input from its content, never from its file name.
InputKind sniff(std::string_view bytes);

struct ReadOptions {
  // Also check the official syntax rules (UBL-*, CII-*) and code lists (BR-CL-*) on the XML
  // itself, where the model cannot see them: what `validate` needs, what `inspect` does not.
  bool syntax_rules = false;
};

// The one entry point: PDF (Factur-X / ZUGFeRD), CII or UBL bytes to the model.
// Never throws for bad input.
Result<Invoice> read_invoice(std::string_view bytes, std::string_view source_name, const ReadOptions& options = {});

}  // namespace relance::formats
