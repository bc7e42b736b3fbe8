#include "relance/formats/facturx_profile.hpp"

namespace relance::formats {

std::string facturx_conformance_level(std::string_view id) {
  constexpr std::string_view en16931 = "urn:cen.eu:en16931:2017";
  if (id == "urn:factur-x.eu:1p0:minimum") return "MINIMUM";
  if (id == "urn:factur-x.eu:1p0:basicwl") return "BASIC WL";
  if (id == "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic") return "BASIC";
  if (id == en16931) return "EN 16931";
  const std::string_view conformant = "urn:cen.eu:en16931:2017#conformant#";
  if (id.starts_with(conformant) && (id.ends_with(":extended") || id.ends_with(":extended-ctc-fr")))
    return "EXTENDED";
  // A CIUS of EN 16931 (XRechnung, Peppol BIS) is an EN 16931 invoice to a Factur-X reader.
  if (id.starts_with("urn:cen.eu:en16931:2017#compliant#")) return "EN 16931";
  return {};
}

}  // namespace relance::formats
