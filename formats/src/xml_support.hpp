#pragma once

// pugixml helpers shared by the CII and UBL bindings: namespace-aware matching by URI,
// source locations for diagnostics, and checked conversions to Decimal and Date.

#include <pugixml.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relance/formats/date.hpp"
#include "relance/formats/decimal.hpp"
#include "relance/formats/diagnostic.hpp"
#include "relance/formats/invoice.hpp"

namespace relance::formats::detail {

enum class Ns : unsigned char { rsm, ram, udt, qdt, ubl_invoice, ubl_credit_note, cac, cbc, other, count };

std::string_view namespace_uri(Ns ns);

// Resolves element prefixes to the namespaces relance knows, by URI and never by the prefix
// text, so any prefix (or a default namespace) works.
class NamespaceResolver {
 public:
  // `bytes` lets it see whether any element below the root declares a namespace; when none
  // does (the usual case) lookups never walk up the tree.
  NamespaceResolver(pugi::xml_node root, std::string_view bytes);
  Ns namespace_of(pugi::xml_node node) const;
  // Namespace of an element whose prefix is already split off (avoids a second scan of the name).
  Ns namespace_of_prefix(pugi::xml_node node, std::string_view prefix) const;
  // True when `node` is {ns}local.
  bool is(pugi::xml_node node, Ns ns, std::string_view local) const;

 private:
  Ns lookup_declared(pugi::xml_node node, std::string_view prefix) const;
  std::vector<std::pair<std::string, Ns>> root_bindings_;
  bool nested_declarations_ = true;
};

std::string_view local_name(const char* qualified);

// Reading context: the namespace resolver, the diagnostics sink and the source bytes for
// line:column positions.
class XmlReader {
 public:
  XmlReader(std::string_view source_name, std::string_view bytes, pugi::xml_node root, Diagnostics& diags)
      : source_name_(source_name), bytes_(bytes), ns_(root, bytes), diags_(diags) {}

  pugi::xml_node child(pugi::xml_node parent, Ns ns, std::string_view local) const;
  template <class F>
  void for_each(pugi::xml_node parent, Ns ns, std::string_view local, F&& f) const {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && ns_.is(c, ns, local)) f(c);
  }
  // Text of the child element, trimmed; empty if absent.
  std::string text(pugi::xml_node parent, Ns ns, std::string_view local) const;
  // Follows a chain of children of one namespace: path({ram, "A"}, {ram, "B"}).
  pugi::xml_node path(pugi::xml_node from,
                      std::initializer_list<std::pair<Ns, std::string_view>> steps) const;

  std::optional<Decimal> decimal(pugi::xml_node node, std::string_view business_term);
  std::optional<Decimal> decimal_child(pugi::xml_node parent, Ns ns, std::string_view local,
                                       std::string_view business_term);
  std::optional<Date> iso_date(pugi::xml_node node, std::string_view business_term);
  // CII udt:DateTimeString / udt:DateString with format 102 (YYYYMMDD).
  std::optional<Date> cii_date(pugi::xml_node holder, std::string_view business_term);

  const NamespaceResolver& ns() const { return ns_; }
  Location location_of(pugi::xml_node node) const;
  void error(pugi::xml_node node, std::string rule, std::string message, std::string_view business_term);

 private:
  // Readers ask one parent for many children in a row ("ID", then "Name", then ...): each
  // parent's element children are listed as far as lookups have needed, with their local names
  // and namespaces, and the last few lists are kept, so a lookup scans a small array instead of
  // calling into libpugixml per sibling. Listing stops at the first match, so a parent with
  // thousands of children (UBL lines under the root) costs no more than a plain scan.
  struct IndexedChild {
    std::string_view local;
    Ns ns;
    pugi::xml_node node;
  };
  struct ChildIndex {
    const pugi::xml_node_struct* parent = nullptr;
    std::vector<IndexedChild> children;
    pugi::xml_node next;  // the first child not listed yet; empty once the list is complete
  };
  ChildIndex& index_of(pugi::xml_node parent) const;

  std::string_view source_name_;
  std::string_view bytes_;
  NamespaceResolver ns_;
  Diagnostics& diags_;
  mutable std::array<ChildIndex, 8> index_cache_;
  mutable std::size_t next_slot_ = 0;
};

std::string trimmed(const char* text);

// Line and column (1-based) of a byte offset.
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view bytes, std::ptrdiff_t offset);

// XPath of a node with positional predicates where a name repeats among siblings.
std::string xpath_of(pugi::xml_node node);

// Parses XML; on failure adds RL-XML-001 with line:column and returns false.
bool parse_xml(pugi::xml_document& doc, std::string_view bytes, std::string_view source_name,
               Diagnostics& diags);

// BT-8 is UNTDID 2005 in the model and in UBL (3, 35, 432) but UNTDID 2475 in CII (5, 29, 72).
std::string tax_point_code_from_cii(std::string_view code);
std::string tax_point_code_to_cii(std::string_view code);

// Serialises a document as UTF-8 with an XML declaration and two-space indentation.
std::string to_xml_string(const pugi::xml_document& doc);

}  // namespace relance::formats::detail
