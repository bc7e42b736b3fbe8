#include "xml_support.hpp"

#include <cstring>
#include <sstream>

namespace relance::formats::detail {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(Ns::count)> uris = {
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "",
};

Ns ns_of_uri(std::string_view uri) {
  for (std::size_t i = 0; i + 1 < uris.size(); ++i)
    if (uris[i] == uri) return static_cast<Ns>(i);
  return Ns::other;
}

std::string_view prefix_of(const char* qualified) {
  const char* colon = std::strchr(qualified, ':');
  return colon ? std::string_view(qualified, static_cast<std::size_t>(colon - qualified))
               : std::string_view{};
}

// The attribute that declares `prefix`: "xmlns" for the default namespace, "xmlns:p" otherwise.
bool declares(const char* attr_name, std::string_view prefix) {
  std::string_view a(attr_name);
  if (prefix.empty()) return a == "xmlns";
  return a.size() == prefix.size() + 6 && a.substr(0, 6) == "xmlns:" && a.substr(6) == prefix;
}

bool is_xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::string_view namespace_uri(Ns ns) {
  return uris[static_cast<std::size_t>(ns)];
}

std::string_view local_name(const char* qualified) {
  const char* colon = std::strchr(qualified, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(qualified);
}

NamespaceResolver::NamespaceResolver(pugi::xml_node root, std::string_view bytes) {
  for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name(a.name());
    if (name == "xmlns")
      root_bindings_.emplace_back("", ns_of_uri(a.value()));
    else if (name.substr(0, 6) == "xmlns:")
      root_bindings_.emplace_back(std::string(name.substr(6)), ns_of_uri(a.value()));
  }
  std::size_t mentions = 0;
  for (std::size_t at = bytes.find("xmlns"); at != std::string_view::npos; at = bytes.find("xmlns", at + 5))
    ++mentions;
  nested_declarations_ = mentions > root_bindings_.size();
}

Ns NamespaceResolver::lookup_declared(pugi::xml_node node, std::string_view prefix) const {
  // Nearest declaration wins; most documents declare everything on the root, so walking
  // stops there and the cached root bindings answer.
  for (pugi::xml_node n = node; nested_declarations_ && n && n.type() == pugi::node_element; n = n.parent()) {
    if (!n.parent() || n.parent().type() == pugi::node_document) break;
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
      if (declares(a.name(), prefix)) return ns_of_uri(a.value());
  }
  for (const auto& [p, ns] : root_bindings_)
    if (p == prefix) return ns;
  return Ns::other;
}

Ns NamespaceResolver::namespace_of(pugi::xml_node node) const {
  return lookup_declared(node, prefix_of(node.name()));
}

bool NamespaceResolver::is(pugi::xml_node node, Ns ns, std::string_view local) const {
  // One pass over the name, no strlen: this runs for every sibling of every lookup.
  const char* qualified = node.name();
  const char* p = qualified;
  while (*p && *p != ':') ++p;
  const bool has_prefix = *p == ':';
  const char* l = has_prefix ? p + 1 : qualified;
  for (char c : local)
    if (*l++ != c) return false;
  if (*l != '\0') return false;
  const std::string_view prefix =
      has_prefix ? std::string_view(qualified, static_cast<std::size_t>(p - qualified)) : std::string_view{};
  if (!nested_declarations_) {
    for (const auto& [bound, bound_ns] : root_bindings_)
      if (std::string_view(bound) == prefix)
        return bound_ns == ns;
    return ns == Ns::other;
  }
  return lookup_declared(node, prefix) == ns;
}

Ns NamespaceResolver::namespace_of_prefix(pugi::xml_node node, std::string_view prefix) const {
  if (!nested_declarations_) {
    for (const auto& [bound, bound_ns] : root_bindings_)
      if (std::string_view(bound) == prefix) return bound_ns;
    return Ns::other;
  }
  return lookup_declared(node, prefix);
}

XmlReader::ChildIndex& XmlReader::index_of(pugi::xml_node parent) const {
  // Raw pointers: every pugixml member function is a call into the shared library.
  const pugi::xml_node_struct* key = parent.internal_object();
  for (ChildIndex& entry : index_cache_)
    if (entry.parent == key) return entry;
  ChildIndex& slot = index_cache_[next_slot_];
  next_slot_ = (next_slot_ + 1) % index_cache_.size();
  slot.parent = key;
  slot.children.clear();
  slot.next = parent.first_child();
  return slot;
}

pugi::xml_node XmlReader::child(pugi::xml_node parent, Ns ns, std::string_view local) const {
  if (!parent) return {};
  ChildIndex& index = index_of(parent);
  for (const IndexedChild& c : index.children)
    if (c.local == local && c.ns == ns) return c.node;
  while (index.next) {
    const pugi::xml_node c = index.next;
    index.next = c.next_sibling();
    if (c.type() != pugi::node_element) continue;
    const std::string_view qualified(c.name());
    const auto colon = qualified.find(':');
    const std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
    const std::string_view name = colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
    const Ns child_ns = ns_.namespace_of_prefix(c, prefix);
    index.children.push_back({name, child_ns, c});
    if (name == local && child_ns == ns) return c;
  }
  return {};
}

std::string trimmed(const char* text) {
  std::string_view t(text);
  while (!t.empty() && is_xml_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_xml_space(t.back())) t.remove_suffix(1);
  return std::string(t);
}

std::string XmlReader::text(pugi::xml_node parent, Ns ns, std::string_view local) const {
  pugi::xml_node c = child(parent, ns, local);
  return c ? trimmed(c.child_value()) : std::string();
}

pugi::xml_node XmlReader::path(pugi::xml_node from,
                               std::initializer_list<std::pair<Ns, std::string_view>> steps) const {
  pugi::xml_node n = from;
  for (const auto& [ns, local] : steps) {
    if (!n) return {};
    n = child(n, ns, local);
  }
  return n;
}

Location XmlReader::location_of(pugi::xml_node node) const {
  Location loc;
  loc.source = std::string(source_name_);
  loc.path = xpath_of(node);
  const auto [line, column] = line_column(bytes_, node.offset_debug());
  loc.line = line;
  loc.column = column;
  return loc;
}

void XmlReader::error(pugi::xml_node node, std::string rule, std::string message,
                      std::string_view business_term) {
  diags_.add(std::move(rule), Severity::fatal, location_of(node), std::move(message),
             std::string(business_term));
}

std::optional<Decimal> XmlReader::decimal(pugi::xml_node node, std::string_view business_term) {
  if (!node) return std::nullopt;
  const char* raw = node.child_value();
  if (auto d = Decimal::parse(raw)) return d;
  error(node, "RL-XML-003", "'" + trimmed(raw) + "' is not a decimal number", business_term);
  return std::nullopt;
}

std::optional<Decimal> XmlReader::decimal_child(pugi::xml_node parent, Ns ns, std::string_view local,
                                                std::string_view business_term) {
  return decimal(child(parent, ns, local), business_term);
}

std::optional<Date> XmlReader::iso_date(pugi::xml_node node, std::string_view business_term) {
  if (!node) return std::nullopt;
  const std::string t = trimmed(node.child_value());
  if (auto d = Date::parse_iso(t)) return d;
  error(node, "RL-XML-004", "'" + t + "' is not a valid date (expected YYYY-MM-DD)", business_term);
  return std::nullopt;
}

std::optional<Date> XmlReader::cii_date(pugi::xml_node holder, std::string_view business_term) {
  if (!holder) return std::nullopt;
  pugi::xml_node s = child(holder, Ns::udt, "DateTimeString");
  if (!s) s = child(holder, Ns::qdt, "DateTimeString");
  if (!s) s = child(holder, Ns::udt, "DateString");
  if (!s) s = child(holder, Ns::qdt, "DateString");
  if (!s) return std::nullopt;
  const std::string t = trimmed(s.child_value());
  const std::string_view format = s.attribute("format").value();
  std::optional<Date> d;
  if (format.empty() || format == "102") d = Date::parse_basic(t);
  // Some producers write ISO dates despite format 102; accept them, the value is unambiguous.
  if (!d) d = Date::parse_iso(t);
  if (d) return d;
  error(s, "RL-XML-004", "'" + t + "' is not a valid date (expected YYYYMMDD, format 102)", business_term);
  return std::nullopt;
}

std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view bytes, std::ptrdiff_t offset) {
  if (offset < 0) return {0, 0};
  const auto end = std::min(bytes.size(), static_cast<std::size_t>(offset));
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < end; ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return {line, column};
}

std::string xpath_of(pugi::xml_node node) {
  std::vector<std::string> steps;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    std::string step = n.name();
    int index = 0;
    int count = 0;
    for (pugi::xml_node s = n.parent().first_child(); s; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || std::strcmp(s.name(), n.name()) != 0) continue;
      ++count;
      if (s == n) index = count;
    }
    if (count > 1) step += "[" + std::to_string(index) + "]";
    steps.push_back(std::move(step));
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) out += "/" + *it;
  return out;
}

bool parse_xml(pugi::xml_document& doc, std::string_view bytes, std::string_view source_name,
               Diagnostics& diags) {
  // No parse_embed_pcdata etc.: defaults keep offsets usable for line:column.
  const pugi::xml_parse_result r = doc.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (r) return true;
  Location loc;
  loc.source = std::string(source_name);
  const auto [line, column] = line_column(bytes, r.offset);
  loc.line = line;
  loc.column = column;
  diags.add("RL-XML-001", Severity::fatal, std::move(loc), std::string("malformed XML: ") + r.description());
  return false;
}

std::string tax_point_code_from_cii(std::string_view code) {
  if (code == "5") return "3";
  if (code == "29") return "35";
  if (code == "72") return "432";
  return std::string(code);
}

std::string tax_point_code_to_cii(std::string_view code) {
  if (code == "3") return "5";
  if (code == "35") return "29";
  if (code == "432") return "72";
  return std::string(code);
}

namespace {
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};
}  // namespace

std::string to_xml_string(const pugi::xml_document& doc) {
  StringWriter w;
  doc.save(w, "  ", pugi::format_default | pugi::format_no_empty_element_tags, pugi::encoding_utf8);
  return std::move(w.out);
}

}  // namespace relance::formats::detail
