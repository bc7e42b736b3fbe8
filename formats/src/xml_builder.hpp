#pragma once

// Small helpers to build documents through the pugixml DOM (never by string concatenation),
// skipping what the model leaves empty so writers stay a flat list of business terms.

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"

namespace relance::formats::detail {

inline pugi::xml_node add(pugi::xml_node parent, const char* name) {
  return parent.append_child(name);
}

inline pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node n = parent.append_child(name);
  n.text().set(std::string(text).c_str());
  return n;
}

// Appends <name>text</name> only when text is not empty; returns the node (or an empty handle).
inline pugi::xml_node add_if(pugi::xml_node parent, const char* name, std::string_view text) {
  if (text.empty()) return {};
  return add_text(parent, name, text);
}

inline pugi::xml_node add_if(pugi::xml_node parent, const char* name, const std::optional<Decimal>& d) {
  if (!d) return {};
  return add_text(parent, name, d->to_string());
}

inline void set_attr_if(pugi::xml_node n, const char* attr, std::string_view value) {
  if (n && !value.empty()) n.append_attribute(attr).set_value(std::string(value).c_str());
}

}  // namespace relance::formats::detail
