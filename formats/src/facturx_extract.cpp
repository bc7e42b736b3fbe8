#include <qpdf/Constants.h>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAnnotationObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <exception>
#include <new>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relance/formats/facturx.hpp"

namespace relance::formats {
namespace {

// Factur-X 1.0, ZUGFeRD 2.x (both spellings are found in the wild) and XRechnung, in order of preference.
constexpr std::array<std::string_view, 4> well_known_names{"factur-x.xml", "zugferd-invoice.xml",
                                                           "ZUGFeRD-invoice.xml", "xrechnung.xml"};

// The PDF/A-3 relationships under which producers attach the structured invoice; "Supplement"
// and "Unspecified" files are annexes, not the invoice.
constexpr std::array<std::string_view, 3> invoice_relationships{"Data", "Alternative", "Source"};

// An invoice XML is at most a few megabytes; the cap stops a Flate bomb from exhausting memory.
constexpr std::size_t max_xml_bytes = std::size_t{64} * 1024 * 1024;

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

std::string object_label(QPDFObjGen og) {
  return "object " + std::to_string(og.getObj()) + " " + std::to_string(og.getGen());
}

// qpdf's own way of pointing into a file: "object 12 0, offset 3456". Warnings about an object
// repeat the file's description in front ("in.pdf, object 3 0 at offset 217"); the Location
// already carries it.
std::string qpdf_location(const QPDFExc& e, std::string_view source) {
  std::string where = e.getObject();
  const std::string prefix = std::string(source) + ", ";
  if (where.rfind(prefix, 0) == 0) where.erase(0, prefix.size());
  if (e.getFilePosition() > 0) {
    if (!where.empty()) where += ", ";
    where += "offset " + std::to_string(e.getFilePosition());
  }
  return where;
}

// qpdf precedes the useful warning with "file is damaged" and follows it with the repair it attempts.
bool is_generic_warning(const QPDFExc& w) {
  const auto& d = w.getMessageDetail();
  return d == "file is damaged" || d.rfind("Attempting to reconstruct", 0) == 0;
}

std::optional<QPDFExc> first_specific_warning(const std::vector<QPDFExc>& warnings) {
  for (const auto& w : warnings)
    if (!is_generic_warning(w)) return w;
  if (!warnings.empty()) return warnings.front();
  return std::nullopt;
}

std::string without_final_period(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == '\n')) s.pop_back();
  return s;
}

// Collects the decoded bytes, refusing to grow past max_xml_bytes.
class CappedString final : public Pipeline {
 public:
  explicit CappedString(std::string& out) : Pipeline("relance embedded invoice", nullptr), out_(out) {}
  void write(unsigned char const* data, size_t len) override {
    if (len > max_xml_bytes - out_.size()) {
      overflowed_ = true;
      throw std::length_error("embedded file larger than the invoice size limit");
    }
    out_.append(reinterpret_cast<const char*>(data), len);
  }
  void finish() override {}
  bool overflowed() const { return overflowed_; }

 private:
  std::string& out_;
  bool overflowed_ = false;
};

struct Attachment {
  QPDFObjectHandle filespec;
  std::string uf;               // /UF
  std::string f;                // /F
  std::string tree_key;         // key in the EmbeddedFiles name tree, when listed there
  std::string af_relationship;  // without the slash
  QPDFObjectHandle stream;      // the embedded file stream, null when the spec only refers to a file

  std::string name() const {
    if (!uf.empty()) return uf;
    if (!f.empty()) return f;
    if (!tree_key.empty()) return tree_key;
    return "(unnamed)";
  }
  bool has_name(std::string_view wanted, bool case_sensitive) const {
    const auto same = [&](const std::string& n) {
      return !n.empty() && (case_sensitive ? n == wanted : iequals(n, wanted));
    };
    return same(uf) || same(f);
  }
  bool looks_like_xml() {
    if (iends_with(uf, ".xml") || iends_with(f, ".xml")) return true;
    if (!stream.isStream()) return false;
    // The MIME type is a PDF name such as /text#2Fxml, which qpdf hands back decoded.
    auto subtype = stream.getDict().getKey("/Subtype");
    return subtype.isName() && subtype.getName().find("xml") != std::string::npos;
  }
  // "attachment factur-x.xml (object 12 0)", naming the file spec, or the stream when the spec is direct.
  std::string path() {
    std::string p = "attachment " + name();
    if (filespec.isIndirect())
      p += " (" + object_label(filespec.getObjGen()) + ")";
    else if (stream.isIndirect())
      p += " (embedded file stream, " + object_label(stream.getObjGen()) + ")";
    return p;
  }
};

std::string string_key(QPDFObjectHandle dict, const std::string& key) {
  auto v = dict.getKey(key);
  return v.isString() ? v.getUTF8Value() : std::string();
}

Attachment describe(QPDFObjectHandle filespec, std::string tree_key) {
  Attachment a;
  a.filespec = filespec;
  a.tree_key = std::move(tree_key);
  a.uf = string_key(filespec, "/UF");
  a.f = string_key(filespec, "/F");
  auto rel = filespec.getKey("/AFRelationship");
  if (rel.isName()) a.af_relationship = rel.getName().substr(1);
  auto ef = filespec.getKey("/EF");
  if (ef.isDictionary()) {
    // The same priority as QPDFFileSpecObjectHelper: /UF, then /F, then whatever else is there.
    for (const char* k : {"/UF", "/F"}) {
      auto s = ef.getKey(k);
      if (s.isStream()) {
        a.stream = s;
        break;
      }
    }
    if (!a.stream.isStream()) {
      for (const auto& k : ef.getKeys()) {
        auto s = ef.getKey(k);
        if (s.isStream()) {
          a.stream = s;
          break;
        }
      }
    }
  }
  return a;
}

class AttachmentList {
 public:
  void add(QPDFObjectHandle filespec, std::string tree_key = {}) {
    if (!filespec.isDictionary()) return;  // a bare file name string: nothing embedded
    if (filespec.isIndirect()) {
      const auto og = filespec.getObjGen();
      for (auto& a : items_) {
        if (a.filespec.isIndirect() && a.filespec.getObjGen() == og) {
          if (a.tree_key.empty()) a.tree_key = std::move(tree_key);
          return;
        }
      }
    }
    items_.push_back(describe(filespec, std::move(tree_key)));
  }
  std::vector<Attachment>& items() { return items_; }

 private:
  std::vector<Attachment> items_;
};

// Every file spec a reader could show: the document's EmbeddedFiles, the catalog's /AF (PDF/A-3
// associated files, which Factur-X requires) and file attachment annotations on the pages.
AttachmentList collect_attachments(QPDF& pdf) {
  AttachmentList list;
  QPDFEmbeddedFileDocumentHelper embedded(pdf);
  for (const auto& [key, spec] : embedded.getEmbeddedFiles()) list.add(spec->getObjectHandle(), key);

  auto af = pdf.getRoot().getKey("/AF");
  if (af.isArray())
    for (auto item : af.aitems()) list.add(item);

  // The pages are the least likely place and the most likely to be damaged: a broken page tree
  // must not hide an invoice that the name tree or /AF already lists.
  try {
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages())
      for (auto& annot : page.getAnnotations("/FileAttachment"))
        list.add(annot.getObjectHandle().getKey("/FS"));
  } catch (const std::exception&) {
  }
  return list;
}

Attachment* choose_invoice(std::vector<Attachment>& items) {
  for (const bool case_sensitive : {true, false})
    for (const auto wanted : well_known_names)
      for (auto& a : items)
        if (a.has_name(wanted, case_sensitive)) return &a;
  for (const auto rel : invoice_relationships)
    for (auto& a : items)
      if (a.af_relationship == rel && a.looks_like_xml()) return &a;
  return nullptr;
}

std::string no_invoice_message(std::vector<Attachment>& items) {
  std::string m = "the PDF has no embedded invoice XML (looked for";
  for (std::size_t i = 0; i < well_known_names.size(); ++i)
    m += (i ? ", " : " ") + std::string(well_known_names[i]);
  m += " and XML attachments marked /AFRelationship Data, Alternative or Source)";
  if (items.empty()) return m + " and it has no attachments at all";
  std::set<std::string> seen;
  m += "; its attachments are:";
  bool first = true;
  for (auto& a : items) {
    auto n = a.name();
    if (!seen.insert(n).second) continue;
    m += (first ? " " : ", ") + n;
    if (!a.af_relationship.empty()) m += " (" + a.af_relationship + ")";
    first = false;
  }
  return m;
}

// XMP packets are a few kilobytes; more is not metadata worth reading.
constexpr std::size_t max_xmp_bytes = std::size_t{4} * 1024 * 1024;

constexpr std::string_view pdfaid_namespace = "http://www.aiim.org/pdfa/ns/id/";

std::string_view trim_view(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// The fx: namespaces readers know, and the near misses producers write (other case, no final
// '#'), which are recorded as written so that the check can name them.
bool fx_like(std::string_view uri) {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  for (std::string_view known : {facturx_xmp_namespace, zugferd2_xmp_namespace, zugferd1_xmp_namespace}) {
    known.remove_suffix(1);
    if (iequals(uri, known)) return true;
  }
  return false;
}

// Walks the XMP resolving prefixes by URI, never by the prefix text. Properties are elements
// (<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>) or attributes of rdf:Description
// (fx:ConformanceLevel="EN 16931"); the first value of each wins.
class XmpReader {
 public:
  explicit XmpReader(FacturXMetadata& out) : out_(out) {}

  void walk(pugi::xml_node node, int depth) {
    if (depth > 64) return;  // a hostile packet cannot make the walk recurse without end
    const std::size_t bound = bindings_.size();
    for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (name == "xmlns")
        bindings_.emplace_back(std::string_view{}, a.value());
      else if (name.starts_with("xmlns:"))
        bindings_.emplace_back(name.substr(6), a.value());
    }
    for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      const auto colon = name.find(':');
      if (colon == std::string_view::npos || name.starts_with("xmlns")) continue;
      take(resolve(name.substr(0, colon)), name.substr(colon + 1), a.value());
    }
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    const std::string_view prefix =
        colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
    const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
    if (node.first_child().type() == pugi::node_pcdata || node.first_child().type() == pugi::node_cdata)
      take(resolve(prefix), local, node.child_value());
    for (auto c = node.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) walk(c, depth + 1);
    bindings_.resize(bound);
  }

 private:
  std::string_view resolve(std::string_view prefix) const {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
      if (it->first == prefix) return it->second;
    return {};
  }

  void take(std::string_view uri, std::string_view local, const char* value) {
    const auto set = [value](std::string& field) {
      if (field.empty()) field = std::string(trim_view(value));
    };
    if (uri == pdfaid_namespace) {
      if (local == "part") set(out_.pdfa_part);
      if (local == "conformance") set(out_.pdfa_conformance);
      return;
    }
    if (uri.empty() || !fx_like(uri)) return;
    bool property = true;
    if (local == "ConformanceLevel")
      set(out_.conformance_level);
    else if (local == "DocumentFileName")
      set(out_.document_file_name);
    else if (local == "DocumentType")
      set(out_.document_type);
    else if (local == "Version")
      set(out_.version);
    else
      property = false;
    if (property && out_.fx_namespace.empty()) out_.fx_namespace = std::string(uri);
  }

  FacturXMetadata& out_;
  std::vector<std::pair<std::string_view, std::string_view>> bindings_;
};

// Records what the catalog's XMP says; a missing or broken packet is a fact for RL-FX-001, not a
// reason to refuse the invoice.
void read_xmp(QPDF& pdf, FacturXMetadata& out) {
  try {
    QPDFObjectHandle metadata = pdf.getRoot().getKey("/Metadata");
    if (!metadata.isStream()) return;
    out.present = true;
    out.location = "catalog /Metadata";
    if (metadata.isIndirect()) out.location += " (" + object_label(metadata.getObjGen()) + ")";
    std::string bytes;
    CappedString sink(bytes);
    bool filtered = false;
    bool ok = false;
    try {
      ok = metadata.pipeStreamData(&sink, &filtered, 0, qpdf_dl_specialized, false, false);
    } catch (const std::length_error&) {
      ok = false;
    }
    if (!ok) {
      out.problem = "its stream cannot be decoded";
      return;
    }
    if (bytes.size() > max_xmp_bytes) {
      out.problem = "its stream decodes to more than " + std::to_string(max_xmp_bytes >> 20) +
                    " MiB, which is no XMP packet";
      return;
    }
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      out.problem = std::string("it is not well-formed XML (") + parsed.description() + " at byte " +
                    std::to_string(parsed.offset) + ")";
      return;
    }
    XmpReader reader(out);
    for (auto c = doc.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) reader.walk(c, 0);
  } catch (const std::exception& e) {
    out.problem = std::string("it cannot be read (") + without_final_period(e.what()) + ")";
  }
}

class Extraction {
 public:
  Extraction(std::string_view pdf_bytes, std::string_view source_name)
      : bytes_(pdf_bytes), source_(source_name) {}

  Result<EmbeddedInvoiceXml> run() {
    if (bytes_.empty()) {
      fatal("RL-PDF-001", {}, "the PDF is empty");
      return std::move(result_);
    }
    if (!open()) return std::move(result_);
    try {
      find_invoice();
    } catch (const QPDFExc& e) {
      fatal("RL-PDF-001", qpdf_location(e, source_),
            "qpdf cannot read the PDF: " + without_final_period(e.getMessageDetail()));
    } catch (const std::exception& e) {
      fatal("RL-PDF-001", {}, "qpdf cannot read the PDF: " + without_final_period(e.what()));
    } catch (...) {
      fatal("RL-PDF-001", {}, "qpdf cannot read the PDF: unknown error");
    }
    // When the file is unreadable after all, "repaired" would be a false comfort.
    const auto& items = result_.diagnostics.items();
    if (std::none_of(items.begin(), items.end(),
                     [](const Diagnostic& d) { return d.rule_id == "RL-PDF-001"; }))
      report_repairs();
    if (result_.diagnostics.has_fatal()) result_.value.reset();
    return std::move(result_);
  }

 private:
  void fatal(std::string rule, std::string path, std::string message) {
    result_.diagnostics.add(std::move(rule), Severity::fatal, Location{source_, std::move(path), 0, 0},
                            std::move(message));
  }

  void encrypted(std::string path) {
    fatal("RL-PDF-002", std::move(path), "the PDF is encrypted; Factur-X (PDF/A-3) forbids encryption");
  }

  bool open() {
    try {
      pdf_.setSuppressWarnings(true);
      pdf_.processMemoryFile(source_.c_str(), bytes_.data(), bytes_.size());
    } catch (const QPDFExc& e) {
      // A user password that is not empty, or a security handler qpdf does not implement:
      // either way the file is encrypted, which is the actionable fact.
      const bool encryption =
          e.getErrorCode() == qpdf_e_password || (e.getErrorCode() == qpdf_e_unsupported &&
                                                  e.getMessageDetail().find("encrypt") != std::string::npos);
      if (encryption) {
        encrypted("trailer /Encrypt");
        return false;
      }
      // The exception is often only the last step of a failed repair ("unable to find trailer
      // dictionary"); the warning that started it says what is actually wrong with the file.
      std::string message = "qpdf cannot read the PDF: " + without_final_period(e.getMessageDetail());
      std::string path = qpdf_location(e, source_);
      if (auto cause = first_specific_warning(pdf_.getWarnings())) {
        message += " (" + without_final_period(cause->getMessageDetail()) + ")";
        if (path.empty()) path = qpdf_location(*cause, source_);
      }
      fatal("RL-PDF-001", std::move(path), std::move(message));
      return false;
    } catch (const std::exception& e) {
      fatal("RL-PDF-001", {}, "qpdf cannot read the PDF: " + without_final_period(e.what()));
      return false;
    } catch (...) {
      fatal("RL-PDF-001", {}, "qpdf cannot read the PDF: unknown error");
      return false;
    }
    if (pdf_.isEncrypted()) {
      encrypted("trailer /Encrypt");
      return false;
    }
    return true;
  }

  void find_invoice() {
    auto list = collect_attachments(pdf_);
    auto& items = list.items();
    Attachment* chosen = choose_invoice(items);
    if (!chosen) {
      auto root = pdf_.getRoot();
      fatal("RL-PDF-003", "document catalog (" + object_label(root.getObjGen()) + ")",
            no_invoice_message(items));
      return;
    }
    if (!chosen->stream.isStream()) {
      fatal("RL-PDF-003", chosen->path(),
            "the attachment " + chosen->name() +
                " refers to an external file instead of embedding the invoice (no /EF stream)");
      return;
    }
    EmbeddedInvoiceXml out;
    out.filename = chosen->name();
    out.af_relationship = chosen->af_relationship;
    out.location = chosen->path();
    if (!decode(*chosen, out.xml)) return;
    read_xmp(pdf_, out.xmp);
    result_.value = std::move(out);
  }

  // getStreamData() would hand back partial data with only a warning when a filter fails midway,
  // so the pipeline's own success flag decides. qpdf_dl_specialized decodes every lossless filter;
  // lossy image filters (DCT) cannot carry an XML file.
  bool decode(Attachment& a, std::string& xml) {
    CappedString sink(xml);
    bool filtered = false;
    bool ok = false;
    const auto warnings_before = pdf_.numWarnings();
    try {
      ok = a.stream.pipeStreamData(&sink, &filtered, 0, qpdf_dl_specialized, false, false);
    } catch (const std::length_error&) {
      ok = false;
    }
    if (sink.overflowed()) {
      fatal("RL-PDF-001", a.path(),
            "the attachment " + a.name() + " decodes to more than " + std::to_string(max_xml_bytes >> 20) +
                " MiB, which is not a plausible invoice");
      return false;
    }
    auto filters = a.stream.getDict().getKey("/Filter");
    const bool has_filter = filters.isName() || (filters.isArray() && filters.getArrayNItems() > 0);
    if (!ok) {
      // qpdf 11.3 reports a failed decode as "not filtered" too, so success is tested first.
      std::string why = "its stream data is corrupt";
      if (pdf_.numWarnings() > warnings_before) {
        // The latest warning is the decoder's complaint; the file is unreadable, so the list
        // is no longer needed for report_repairs.
        auto all = pdf_.getWarnings();
        why += " (" + without_final_period(all.back().getMessageDetail()) + ")";
      }
      fatal("RL-PDF-001", a.path(), "the attachment " + a.name() + " cannot be decoded: " + why);
      return false;
    }
    if (has_filter && !filtered) {
      // qpdf then delivers the still-encoded bytes, which must not pass for the invoice.
      fatal("RL-PDF-001", a.path(),
            "the attachment " + a.name() + " cannot be decoded: it uses a stream filter (" +
                filters.unparse() + ") that qpdf does not implement");
      return false;
    }
    return true;
  }

  void report_repairs() {
    const auto warnings = pdf_.getWarnings();
    const auto cause = first_specific_warning(warnings);
    if (!cause) return;
    std::string m = "the PDF is damaged (" + without_final_period(cause->getMessageDetail()) +
                    ") and was read through qpdf's repair";
    if (warnings.size() > 1) m += " (" + std::to_string(warnings.size()) + " problems in all)";
    result_.diagnostics.add("RL-PDF-004", Severity::warning,
                            Location{source_, qpdf_location(*cause, source_), 0, 0}, std::move(m));
  }

  std::string_view bytes_;
  std::string source_;
  QPDF pdf_;
  Result<EmbeddedInvoiceXml> result_;
};

Result<EmbeddedInvoiceXml> internal_failure(std::string_view source_name, std::string message) {
  Result<EmbeddedInvoiceXml> r;
  r.diagnostics.add("RL-PDF-001", Severity::fatal, Location{std::string(source_name), {}, 0, 0},
                    std::move(message));
  return r;
}

}  // namespace

Result<EmbeddedInvoiceXml> extract_invoice_xml(std::string_view pdf_bytes, std::string_view source_name) {
  try {
    Extraction extraction(pdf_bytes, source_name);
    return extraction.run();
  } catch (const std::bad_alloc&) {
    // Building the Result outside run()'s handlers can still fail; the promise is a diagnostic,
    // never an exception.
    return internal_failure(source_name, "the PDF could not be processed: out of memory");
  } catch (...) {
    return internal_failure(source_name, "the PDF could not be processed: unexpected internal error");
  }
}

}  // namespace relance::formats
