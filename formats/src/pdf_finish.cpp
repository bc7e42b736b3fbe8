#include "relance/formats/pdf_finish.hpp"

#include <qpdf/Constants.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cctype>
#include <chrono>
#include <ctime>
#include <exception>
#include <new>
#include <string>
#include <utility>

#include "pdf_tounicode.hpp"

namespace relance::formats {
namespace {

std::string now_as_pdf_date() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%S+00'00'", &utc);
  return buf;
}

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

std::string without_final_period(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == '\n')) s.pop_back();
  return s;
}

class Finishing {
 public:
  Finishing(std::string_view bytes, const PdfFinishOptions& options, std::string_view source)
      : bytes_(bytes), options_(options), source_(source) {}

  Result<std::string> run() {
    mod_date_ = options_.modification_date.empty() ? now_as_pdf_date() : options_.modification_date;
    if (!is_pdf_date(mod_date_)) {
      fatal("RL-PDF-005", "finishing options",
            "the modification date \"" + mod_date_ + "\" is not a PDF date such as D:20261123120000+00'00'");
      return std::move(result_);
    }
    if (!open()) return std::move(result_);
    try {
      finish();
    } catch (const QPDFExc& e) {
      fatal("RL-PDF-001", e.getObject(),
            "qpdf cannot rewrite the PDF: " + without_final_period(e.getMessageDetail()));
    } catch (const std::bad_alloc&) {
      fatal("RL-PDF-005", {}, "the PDF could not be finished: out of memory");
    } catch (const std::exception& e) {
      fatal("RL-PDF-001", {}, "qpdf cannot rewrite the PDF: " + without_final_period(e.what()));
    }
    if (result_.diagnostics.has_fatal()) result_.value.reset();
    return std::move(result_);
  }

 private:
  void fatal(std::string rule, std::string path, std::string message) {
    result_.diagnostics.add(std::move(rule), Severity::fatal, Location{source_, std::move(path), 0, 0},
                            std::move(message));
  }

  bool open() {
    if (bytes_.empty()) {
      fatal("RL-PDF-001", {}, "the PDF is empty");
      return false;
    }
    try {
      pdf_.setSuppressWarnings(true);
      pdf_.processMemoryFile(source_.c_str(), bytes_.data(), bytes_.size());
    } catch (const QPDFExc& e) {
      fatal("RL-PDF-001", e.getObject(),
            "qpdf cannot read the PDF: " + without_final_period(e.getMessageDetail()));
      return false;
    } catch (const std::exception& e) {
      fatal("RL-PDF-001", {}, "qpdf cannot read the PDF: " + without_final_period(e.what()));
      return false;
    }
    if (pdf_.isEncrypted()) {
      fatal("RL-PDF-002", "trailer /Encrypt",
            "the PDF is encrypted; relance finishes only the PDFs it draws");
      return false;
    }
    return true;
  }

  void finish() {
    detail::repair_tounicode(pdf_);
    update_info();
    QPDFWriter writer(pdf_);
    writer.setOutputMemory();
    writer.setStreamDataMode(qpdf_s_preserve);
    // The /ID is a digest of the content, so that the same document gives the same bytes.
    writer.setDeterministicID(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    result_.value.emplace(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  }

  void update_info() {
    auto trailer = pdf_.getTrailer();
    auto info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
      info = pdf_.makeIndirectObject(QPDFObjectHandle::newDictionary());
      trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(mod_date_));
    if (!info.getKey("/CreationDate").isString())
      info.replaceKey("/CreationDate", QPDFObjectHandle::newString(mod_date_));
  }

  std::string_view bytes_;
  const PdfFinishOptions& options_;
  std::string source_;
  std::string mod_date_;
  QPDF pdf_;
  Result<std::string> result_;
};

}  // namespace

Result<std::string> finish_pdf(std::string_view pdf_bytes, const PdfFinishOptions& options,
                               std::string_view source_name) {
  try {
    Finishing finishing(pdf_bytes, options, source_name);
    return finishing.run();
  } catch (...) {
    // The promise is a diagnostic, never an exception, even when building the Result fails.
    Result<std::string> r;
    try {
      r.diagnostics.add("RL-PDF-005", Severity::fatal, Location{std::string(source_name), {}, 0, 0},
                        "the PDF could not be finished: unexpected internal error");
    } catch (...) {
    }
    return r;
  }
}

}  // namespace relance::formats
