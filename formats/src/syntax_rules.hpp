#pragma once

// The official artefacts' rules that judge the XML itself, where the model no longer sees it:
// the syntax rules (UBL-SR/DT/CR, CII-SR/DT: repetitions, attributes, elements EN 16931 does not
// use) and the code lists (BR-CL), whose verdict depends on details the model drops (schemes
// of empty identifiers, repeated codes, places the model has no room for).
//
// Most syntax rules share one shape, "within context C, path P is absent / occurs at most once",
// so they are data (PathRule tables) checked by one walk over the tree; what does not fit is
// checked by each syntax's Hooks as the walk passes. The walk is a single pass: each element is
// looked at once, with the few rule paths that can still continue through it.

#include <pugixml.hpp>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "relance/formats/diagnostic.hpp"
#include "xml_support.hpp"

namespace relance::formats::detail {

// Entry points, called once at the end of read_ubl / read_cii with the document's root element.
void check_ubl_syntax(const XmlReader& x, pugi::xml_node root, std::string_view bytes,
                      std::string_view source_name, Diagnostics& out);
void check_cii_syntax(const XmlReader& x, pugi::xml_node root, std::string_view bytes,
                      std::string_view source_name, Diagnostics& out);

namespace syntax {
struct PathRule;
struct ContextSpec;
}  // namespace syntax

// The generated tables behind the entry points, in the artefacts' order (for the tests).
std::span<const syntax::PathRule> ubl_path_rules();
std::span<const syntax::ContextSpec> ubl_contexts();
std::span<const syntax::PathRule> cii_path_rules();
std::span<const syntax::ContextSpec> cii_contexts();

namespace syntax {

enum class Kind : std::uint8_t { absent, at_most_one, at_most_two, exactly_one, present };

// Within every element of `context`, `path` must satisfy `kind`. Paths are child steps
// ("cac:A/cbc:B"), optionally ending with an attribute ("cac:A/@schemeID", "@format" on the
// context element itself); a leading "//" means anywhere in the document (root context only).
struct PathRule {
  std::string_view id;
  std::uint8_t context;
  Kind kind;
  std::string_view path;
};

// A rule context, listed in the artefact's priority order: an element takes the first context
// that matches it, as a Schematron pattern's rules do. Patterns: "/a:B/c:D" (from the root),
// "a:B" (anywhere), "a:B/c:D" (anywhere, with that parent), "a:*Suffix" or "*:*Suffix" (local
// name ending with Suffix, in namespace a or any).
struct ContextSpec {
  std::uint8_t context;
  std::string_view pattern;
};

// What the walk knows of the element it is at.
struct Element {
  // Built in place for every element: no default construction of the pugixml handles, whose
  // constructors live in the shared library.
  Element(pugi::xml_node n, pugi::xml_attribute first_attribute, const Element* p)
      : node(n), attributes(first_attribute), parent(p) {}

  pugi::xml_node node;
  Ns ns = Ns::other;
  int name = -1;  // interned local name; -1 when no rule names it
  std::string_view local;
  pugi::xml_attribute attributes;  // the first attribute, if any
  int context = 0;                 // 0: no rule context
  const Element* parent;           // null at the root; valid only during the callback
  // Set by Hooks::enter when it wants Hooks::leave for this element.
  mutable bool notify_leave = false;
};

// Failures, kept until the walk is over and then reported in document order, so that line and
// column numbers come from one pass over the bytes however many there are.
class Reporter {
 public:
  Reporter(std::string_view bytes, std::string_view source_name, Diagnostics& out)
      : bytes_(bytes), source_name_(source_name), out_(out) {}
  // Severity and business term come from the rule registry.
  void fail(std::string_view id, pugi::xml_node at, std::string message);
  void flush();

 private:
  struct Pending {
    std::string_view id;
    pugi::xml_node at;
    std::string message;
  };
  std::string_view bytes_;
  std::string_view source_name_;
  Diagnostics& out_;
  std::vector<Pending> pending_;
};

// Syntax-specific checks that are not path rules: enter() is called for every element, leave()
// for those whose enter() set Element::notify_leave, finish() once at the end.
class Hooks {
 public:
  virtual ~Hooks() = default;
  // Extra conditions of a context (e.g. cac:AllowanceCharge[cbc:ChargeIndicator = false()]).
  virtual bool accepts(int /*context*/, const Element&) { return true; }
  virtual void enter(const Element&) {}
  virtual void leave(const Element&) {}
  virtual void finish() {}
};

// The compiled form of a syntax's contexts and path rules; built once per syntax.
class Ruleset {
 public:
  // `names` are interned first, in order, so that name ids equal their index there (a syntax
  // can switch on them); the names in patterns and paths follow.
  Ruleset(std::span<const std::string_view> names, std::span<const ContextSpec> contexts,
          std::span<const PathRule> rules);
  ~Ruleset();
  Ruleset(const Ruleset&) = delete;
  Ruleset& operator=(const Ruleset&) = delete;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Walks the tree under `root` once, checking the path rules and calling the hooks.
void walk(const XmlReader& x, pugi::xml_node root, const Ruleset& rules, Hooks& hooks, Reporter& report);

// Children by namespace and local name, straight from the tree: the hooks look at a few
// children of many different parents, where XmlReader's per-parent index would not pay.
template <class F>
void for_each_child(const XmlReader& x, pugi::xml_node parent, Ns ns, std::string_view local, F&& f) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && x.ns().is(c, ns, local)) f(c);
}
inline pugi::xml_node first_child(const XmlReader& x, pugi::xml_node parent, Ns ns, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && x.ns().is(c, ns, local)) return c;
  return {};
}

// XPath helpers on raw text, for the hooks.
std::string_view trim(std::string_view s);
bool xml_space(char c);
// normalize-space(a) = normalize-space(b).
bool same_normalized(std::string_view a, std::string_view b);
// The string value of an element (its text, CDATA included, in document order). Usually the
// one text child, returned without copying; `buffer` holds it otherwise.
std::string_view string_value(pugi::xml_node node, std::string& buffer);
// xs:boolean of an untyped value: true/false/1/0 around white space; nullopt otherwise.
int boolean_value(std::string_view s);  // 1 true, 0 false, -1 neither

}  // namespace syntax
}  // namespace relance::formats::detail
