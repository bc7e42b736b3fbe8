#pragma once

// Where a business term sits in the document it was read from, as an XPath-like location,
// for CII and UBL. Rules work on the model; this puts their findings back into the source.

#include <cstddef>
#include <string>
#include <string_view>

#include "relance/formats/invoice.hpp"

namespace relance::formats::rules {

class SourcePaths {
 public:
  explicit SourcePaths(Syntax syntax) : syntax_(syntax) {}

  // The root element: /rsm:CrossIndustryInvoice, /Invoice or /CreditNote.
  std::string root() const;
  // A document-level term or group ("BT-9", "BG-15", "BT-115"); the root when unknown.
  std::string term(std::string_view id) const;
  // The i-th (0-based) invoice line, optionally one term inside it ("BT-131").
  std::string line(std::size_t i, std::string_view id = {}) const;
  // The i-th VAT breakdown (BG-23), optionally a term inside it ("BT-117").
  std::string vat_breakdown(std::size_t i, std::string_view id = {}) const;
  // The i-th document level allowance (BG-20) or charge (BG-21), optionally a term inside it.
  std::string allowance_charge(bool charge, std::size_t i, std::string_view id = {}) const;
  // The i-th allowance or charge of line `line_index` (BG-27, BG-28).
  std::string line_allowance_charge(std::size_t line_index, bool charge, std::size_t i,
                                    std::string_view id = {}) const;

  Syntax syntax() const { return syntax_; }

 private:
  bool cii() const { return syntax_ == Syntax::cii; }
  Syntax syntax_;
};

}  // namespace relance::formats::rules
