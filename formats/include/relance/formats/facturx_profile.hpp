#pragma once

#include <string>
#include <string_view>

namespace relance::formats {

// The Factur-X 1.0 XMP ConformanceLevel that a CII guideline id (BT-24) announces: MINIMUM,
// BASIC WL, BASIC, EN 16931 (also for a CIUS such as XRechnung or Peppol BIS) or EXTENDED; empty
// for an id Factur-X does not know.
std::string facturx_conformance_level(std::string_view guideline_id);

}  // namespace relance::formats
