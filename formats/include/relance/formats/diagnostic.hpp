#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relance {

// fatal: the document cannot be used as it is (the official artefacts' "fatal" flag).
enum class Severity { info, warning, fatal };

std::string_view to_string(Severity s);

struct Location {
  std::string source;  // file name, or "invoice.pdf/attachment:factur-x.xml"
  std::string path;    // XPath-like: /rsm:CrossIndustryInvoice/.../ram:IncludedSupplyChainTradeLineItem[3]
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Diagnostic {
  std::string rule_id;  // "BR-CO-10" verbatim for EN 16931; "RL-XML-001" for relance's own
  Severity severity = Severity::fatal;
  Location where;
  std::string message;        // one sentence, no id inside
  std::string business_term;  // "BT-106" when one applies
};

// Compiler-style line: "fatal: in.xml:112:9: RL-XML-001 [BT-2] /path: message"
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void add(std::string rule_id, Severity severity, Location where, std::string message,
           std::string business_term = {});
  void merge(const Diagnostics& other);
  bool has_fatal() const;
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// A value, or the reasons there is none, plus whatever was noticed on the way.
template <class T>
struct Result {
  std::optional<T> value;
  Diagnostics diagnostics;
  explicit operator bool() const { return value.has_value(); }
};

// For failures that cannot be values: environment errors (I/O, library status).
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d) : std::runtime_error(d.message), diagnostic(std::move(d)) {}
  Diagnostic diagnostic;
};

}  // namespace relance
