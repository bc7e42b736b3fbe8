#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <array>
#include <cctype>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "pdf_rewrite.hpp"
#include "pdf_tounicode.hpp"
#include "relance/formats/facturx.hpp"

namespace relance::formats {
namespace {

constexpr std::string_view attachment_name = "factur-x.xml";
constexpr std::string_view producer = "relance (qpdf)";

constexpr std::array<std::string_view, 5> conformance_levels{"MINIMUM", "BASIC WL", "BASIC", "EN 16931",
                                                             "EXTENDED"};

// ZUGFeRD 2.1.1 TA Part A 2.2.2: the XML is the data behind a MINIMUM or BASIC WL PDF, which is
// not an invoice on its own, and an alternative rendering of the invoice for the richer profiles.
std::string_view relationship_for(std::string_view level) {
  return level == "MINIMUM" || level == "BASIC WL" ? "/Data" : "/Alternative";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

// "D:20261123120000+00'00'" -> "2026-11-23T12:00:00+00:00", the form XMP dates take. Missing
// trailing fields take their PDF defaults; an unparseable date gives nullopt.
std::optional<std::string> xmp_date(std::string_view pdf) {
  if (pdf.rfind("D:", 0) == 0) pdf.remove_prefix(2);
  std::size_t digits = 0;
  while (digits < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf[digits]))) ++digits;
  if (digits < 4 || digits > 14 || digits % 2 != 0) return std::nullopt;
  std::string d(pdf.substr(0, digits));
  static constexpr std::string_view defaults = "00000101000000";
  d += defaults.substr(digits);
  std::string out = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) + "T" + d.substr(8, 2) +
                    ":" + d.substr(10, 2) + ":" + d.substr(12, 2);
  std::string_view tz = pdf.substr(digits);
  if (tz.empty()) return out;
  if (tz[0] == 'Z') return out + "Z";
  if (tz[0] != '+' && tz[0] != '-') return std::nullopt;
  std::string hh, mm = "00";
  std::size_t i = 1;
  while (i < tz.size() && std::isdigit(static_cast<unsigned char>(tz[i])) && hh.size() < 2) hh += tz[i++];
  if (hh.size() != 2) return std::nullopt;
  if (i < tz.size() && tz[i] == '\'') ++i;
  if (i + 1 < tz.size() && std::isdigit(static_cast<unsigned char>(tz[i])) &&
      std::isdigit(static_cast<unsigned char>(tz[i + 1])))
    mm = std::string(tz.substr(i, 2));
  return out + tz[0] + hh + ":" + mm;
}

// Already compressed streams are copied untouched, so the writer does not compress ours either:
// deflate them here.
std::string deflate(std::string_view data) {
  Pl_Buffer buffer("relance deflated");
  Pl_Flate flate("relance deflate", &buffer, Pl_Flate::a_deflate);
  flate.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  flate.finish();
  auto b = buffer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

QPDFObjectHandle flate_stream(QPDF& pdf, std::string_view data) {
  auto stream = QPDFObjectHandle::newStream(&pdf);
  stream.replaceStreamData(deflate(data), QPDFObjectHandle::newName("/FlateDecode"),
                           QPDFObjectHandle::newNull());
  return stream;
}

struct XmpFacts {
  std::string title;
  std::string create_date;
  std::string modify_date;
  std::string level;
};

void append_fx_property(std::string& out, std::string_view name, std::string_view description) {
  out += "            <rdf:li rdf:parseType=\"Resource\">\n";
  out += "              <pdfaProperty:name>" + std::string(name) + "</pdfaProperty:name>\n";
  out += "              <pdfaProperty:valueType>Text</pdfaProperty:valueType>\n";
  out += "              <pdfaProperty:category>external</pdfaProperty:category>\n";
  out +=
      "              <pdfaProperty:description>" + std::string(description) + "</pdfaProperty:description>\n";
  out += "            </rdf:li>\n";
}

std::string xmp_packet(const XmpFacts& f) {
  std::string x;
  // The BOM in begin= is what ISO 19005-3 6.6.2.1 expects; bytes= and encoding= are forbidden.
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "  <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "    <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += "      <pdfaid:part>3</pdfaid:part>\n";
  x += "      <pdfaid:conformance>B</pdfaid:conformance>\n";
  x += "    </rdf:Description>\n";
  x += "    <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  x += "      <dc:format>application/pdf</dc:format>\n";
  if (!f.title.empty())
    x += "      <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(f.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  x += "    </rdf:Description>\n";
  x += "    <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
  x += "      <xmp:CreateDate>" + xml_escape(f.create_date) + "</xmp:CreateDate>\n";
  x += "      <xmp:ModifyDate>" + xml_escape(f.modify_date) + "</xmp:ModifyDate>\n";
  x += "      <xmp:MetadataDate>" + xml_escape(f.modify_date) + "</xmp:MetadataDate>\n";
  x += "    </rdf:Description>\n";
  x += "    <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
  x += "      <pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
  x += "    </rdf:Description>\n";
  // ISO 19005-3 6.6.2.3.1: every property outside the predefined schemas needs a description.
  x += "    <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
       " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
       " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
  x += "      <pdfaExtension:schemas>\n";
  x += "        <rdf:Bag>\n";
  x += "          <rdf:li rdf:parseType=\"Resource\">\n";
  x += "            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n";
  x += "            <pdfaSchema:namespaceURI>" + std::string(facturx_xmp_namespace) +
       "</pdfaSchema:namespaceURI>\n";
  x += "            <pdfaSchema:prefix>fx</pdfaSchema:prefix>\n";
  x += "            <pdfaSchema:property>\n";
  x += "              <rdf:Seq>\n";
  std::string props;
  append_fx_property(props, "DocumentFileName", "The name of the embedded XML document");
  append_fx_property(props, "DocumentType",
                     "The type of the hybrid document in capital letters, e.g. INVOICE");
  append_fx_property(props, "Version",
                     "The actual version of the standard applying to the embedded XML document");
  append_fx_property(props, "ConformanceLevel", "The conformance level of the embedded XML document");
  // Indent the property entries one level deeper than the helper writes them.
  std::size_t start = 0;
  while (start < props.size()) {
    const auto end = props.find('\n', start);
    x += "    " + props.substr(start, end + 1 - start);
    start = end + 1;
  }
  x += "              </rdf:Seq>\n";
  x += "            </pdfaSchema:property>\n";
  x += "          </rdf:li>\n";
  x += "        </rdf:Bag>\n";
  x += "      </pdfaExtension:schemas>\n";
  x += "    </rdf:Description>\n";
  x += "    <rdf:Description rdf:about=\"\" xmlns:fx=\"" + std::string(facturx_xmp_namespace) + "\">\n";
  x += "      <fx:DocumentType>INVOICE</fx:DocumentType>\n";
  x += "      <fx:DocumentFileName>" + std::string(attachment_name) + "</fx:DocumentFileName>\n";
  x += "      <fx:Version>1.0</fx:Version>\n";
  x += "      <fx:ConformanceLevel>" + xml_escape(f.level) + "</fx:ConformanceLevel>\n";
  x += "    </rdf:Description>\n";
  x += "  </rdf:RDF>\n";
  x += "</x:xmpmeta>\n";
  // Padding lets a later tool edit the packet in place, as XMP recommends.
  x += std::string(2000, ' ') + "\n";
  x += "<?xpacket end=\"w\"?>";
  return x;
}

class Embedding {
 public:
  Embedding(std::string_view pdf_bytes, std::string_view xml, const FacturxEmbedOptions& options,
            std::string_view source)
      : document_(pdf_bytes, source), xml_(xml), options_(options) {}

  Result<std::string> run() {
    if (!check_options()) return document_.take();
    auto icc = read_icc();
    if (!icc) return document_.take();
    if (document_.open("the PDF is encrypted; Factur-X (PDF/A-3) forbids encryption"))
      document_.rewrite([&](QPDF&) { finish(*icc); }, "1.7");
    return document_.take();
  }

 private:
  void fatal(std::string rule, std::string path, std::string message) {
    document_.fatal(std::move(rule), std::move(path), std::move(message));
  }

  bool check_options() {
    bool known = false;
    for (auto level : conformance_levels) known = known || level == options_.conformance_level;
    if (!known) {
      fatal("RL-PDF-005", "embedding options",
            "the conformance level \"" + options_.conformance_level +
                "\" is not one of MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED");
      return false;
    }
    mod_date_ = options_.modification_date.empty() ? detail::now_as_pdf_date() : options_.modification_date;
    auto iso = xmp_date(mod_date_);
    if (!iso) {
      fatal("RL-PDF-005", "embedding options",
            "the modification date \"" + mod_date_ + "\" is not a PDF date such as D:20261123120000+00'00'");
      return false;
    }
    mod_date_iso_ = *iso;
    return true;
  }

  std::optional<std::string> read_icc() {
    std::ifstream in(options_.icc_profile_path, std::ios::binary);
    std::string data;
    if (in) data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // An ICC header is 128 bytes; "acsp" at offset 36 tells a profile from any other file.
    if (!in.bad() && data.size() >= 128 && data.compare(36, 4, "acsp") == 0) return data;
    fatal("RL-PDF-005", options_.icc_profile_path,
          "the sRGB ICC profile needed for the PDF/A output intent is missing or unreadable at " +
              options_.icc_profile_path + " (apt-get install icc-profiles-free)");
    return std::nullopt;
  }

  void finish(const std::string& icc) {
    auto root = pdf_.getRoot();
    const auto spec = attach_xml();
    set_associated_file(root, spec);
    const auto create_date = update_info();
    auto metadata = QPDFObjectHandle::newStream(
        &pdf_, xmp_packet({options_.document_title, create_date, mod_date_iso_, options_.conformance_level}));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);
    root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray({output_intent(icc)}));
    // Viewers show the attachment panel, so the invoice data is visible to the reader.
    if (!root.hasKey("/PageMode")) root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseAttachments"));
    // libharu's ToUnicode maps are malformed; PDF/A-3 text must extract (architecture.md §8).
    detail::repair_tounicode(pdf_);
  }

  QPDFObjectHandle attach_xml() {
    // createEFStream records /Params /Size and /CheckSum of the plain bytes; the data is then
    // swapped for its deflated form, which decodes to the same bytes.
    auto ef = QPDFEFStreamObjectHelper::createEFStream(pdf_, std::string(xml_));
    ef.getObjectHandle().replaceStreamData(deflate(xml_), QPDFObjectHandle::newName("/FlateDecode"),
                                           QPDFObjectHandle::newNull());
    ef.setSubtype("text/xml").setModDate(mod_date_);
    auto spec = QPDFFileSpecObjectHelper::createFileSpec(pdf_, std::string(attachment_name), ef);
    spec.setDescription("Factur-X invoice (" + options_.conformance_level + ")");
    auto object = spec.getObjectHandle();
    object.replaceKey("/AFRelationship",
                      QPDFObjectHandle::newName(std::string(relationship_for(options_.conformance_level))));
    QPDFEmbeddedFileDocumentHelper(pdf_).replaceEmbeddedFile(std::string(attachment_name), spec);
    return object;
  }

  void set_associated_file(QPDFObjectHandle root, QPDFObjectHandle spec) {
    auto af = root.getKey("/AF");
    if (!af.isArray()) {
      root.replaceKey("/AF", QPDFObjectHandle::newArray({spec}));
      return;
    }
    // A previous factur-x.xml, replaced in the name tree, must not stay associated either.
    auto kept = QPDFObjectHandle::newArray();
    for (auto& item : af.aitems()) {
      auto uf = item.isDictionary() ? item.getKey("/UF") : QPDFObjectHandle::newNull();
      if (!(uf.isString() && uf.getUTF8Value() == attachment_name)) kept.appendItem(item);
    }
    kept.appendItem(spec);
    root.replaceKey("/AF", kept);
  }

  // ISO 19005-3 6.6.3: the Info entries that have XMP equivalents must agree with the packet.
  std::string update_info() {
    auto trailer = pdf_.getTrailer();
    auto info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
      info = pdf_.makeIndirectObject(QPDFObjectHandle::newDictionary());
      trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(std::string(producer)));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(mod_date_));
    if (!options_.document_title.empty())
      info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(options_.document_title));
    std::optional<std::string> created;
    if (auto c = info.getKey("/CreationDate"); c.isString()) created = xmp_date(c.getStringValue());
    if (!created) {
      info.replaceKey("/CreationDate", QPDFObjectHandle::newString(mod_date_));
      created = mod_date_iso_;
    }
    return *created;
  }

  QPDFObjectHandle output_intent(const std::string& icc) {
    auto profile = flate_stream(pdf_, icc);
    profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
    auto intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
    intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
    intent.replaceKey("/Info", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
    intent.replaceKey("/DestOutputProfile", profile);
    return pdf_.makeIndirectObject(intent);
  }

  detail::PdfRewrite document_;
  QPDF& pdf_ = document_.pdf();
  std::string_view xml_;
  const FacturxEmbedOptions& options_;
  std::string mod_date_;
  std::string mod_date_iso_;
};

}  // namespace

Result<std::string> embed_facturx(std::string_view pdf_bytes, std::string_view cii_xml,
                                  const FacturxEmbedOptions& options, std::string_view source_name) {
  return detail::without_exceptions(source_name, [&] {
    Embedding embedding(pdf_bytes, cii_xml, options, source_name);
    return embedding.run();
  });
}

}  // namespace relance::formats
