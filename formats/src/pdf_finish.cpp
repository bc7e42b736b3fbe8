#include "relance/formats/pdf_finish.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cctype>
#include <string>

#include "pdf_rewrite.hpp"
#include "pdf_tounicode.hpp"

namespace relance::formats {
namespace {

// PDF 32000-1 7.9.4: D:YYYY[MM[DD[HH[mm[SS]]]]] then Z, or +HH'mm' / -HH'mm' (apostrophes and
// minutes optional).
bool is_pdf_date(std::string_view d) {
  if (d.rfind("D:", 0) == 0) d.remove_prefix(2);
  std::size_t digits = 0;
  while (digits < d.size() && std::isdigit(static_cast<unsigned char>(d[digits]))) ++digits;
  if (digits < 4 || digits > 14 || digits % 2 != 0) return false;
  d.remove_prefix(digits);
  if (d.empty() || d == "Z") return true;
  if (d[0] != '+' && d[0] != '-') return false;
  d.remove_prefix(1);
  auto two_digits = [&d] {
    const bool ok = d.size() >= 2 && std::isdigit(static_cast<unsigned char>(d[0])) &&
                    std::isdigit(static_cast<unsigned char>(d[1]));
    if (ok) d.remove_prefix(2);
    return ok;
  };
  if (!two_digits()) return false;
  if (!d.empty() && d[0] == '\'') d.remove_prefix(1);
  if (d.empty()) return true;
  if (!two_digits()) return false;
  if (!d.empty() && d[0] == '\'') d.remove_prefix(1);
  return d.empty();
}

// The Info dictionary's dates: modified now (or at the fixed date), created then unless it says.
void update_info(QPDF& pdf, const std::string& mod_date) {
  auto trailer = pdf.getTrailer();
  auto info = trailer.getKey("/Info");
  if (!info.isDictionary()) {
    info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", info);
  }
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(mod_date));
  if (!info.getKey("/CreationDate").isString())
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(mod_date));
}

Result<std::string> finish(std::string_view bytes, const PdfFinishOptions& options, std::string_view source) {
  detail::PdfRewrite document(bytes, source);
  const std::string mod_date =
      options.modification_date.empty() ? detail::now_as_pdf_date() : options.modification_date;
  if (!is_pdf_date(mod_date)) {
    document.fatal(
        "RL-PDF-005", "finishing options",
        "the modification date \"" + mod_date + "\" is not a PDF date such as D:20261123120000+00'00'");
    return document.take();
  }
  if (document.open("the PDF is encrypted; relance finishes only the PDFs it draws")) {
    document.rewrite([&](QPDF& pdf) {
      detail::repair_tounicode(pdf);
      update_info(pdf, mod_date);
    });
  }
  return document.take();
}

}  // namespace

Result<std::string> finish_pdf(std::string_view pdf_bytes, const PdfFinishOptions& options,
                               std::string_view source_name) {
  return detail::without_exceptions(source_name, [&] { return finish(pdf_bytes, options, source_name); });
}

}  // namespace relance::formats
