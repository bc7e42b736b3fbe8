#include "pdf_rewrite.hpp"

#include <qpdf/Constants.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFWriter.hh>

#include <chrono>
#include <ctime>
#include <exception>
#include <new>
#include <utility>

namespace relance::formats::detail {

namespace {

std::string without_final_period(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == '\n')) s.pop_back();
  return s;
}

}  // namespace

PdfRewrite::PdfRewrite(std::string_view bytes, std::string_view source) : bytes_(bytes), source_(source) {}

void PdfRewrite::fatal(std::string rule, std::string path, std::string message) {
  result_.diagnostics.add(std::move(rule), Severity::fatal, Location{source_, std::move(path), 0, 0},
                          std::move(message));
}

bool PdfRewrite::open(const std::string& encrypted_message) {
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
    fatal("RL-PDF-002", "trailer /Encrypt", encrypted_message);
    return false;
  }
  return true;
}

void PdfRewrite::rewrite(const std::function<void(QPDF&)>& edit, const std::string& minimum_version) {
  try {
    edit(pdf_);
    if (result_.diagnostics.has_fatal()) return;
    QPDFWriter writer(pdf_);
    writer.setOutputMemory();
    writer.setStreamDataMode(qpdf_s_preserve);
    // The /ID is a digest of the content, so that the same document gives the same bytes.
    writer.setDeterministicID(true);
    if (!minimum_version.empty()) writer.setMinimumPDFVersion(minimum_version);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    result_.value.emplace(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const QPDFExc& e) {
    fatal("RL-PDF-001", e.getObject(),
          "qpdf cannot rewrite the PDF: " + without_final_period(e.getMessageDetail()));
  } catch (const std::bad_alloc&) {
    fatal("RL-PDF-005", {}, "the PDF could not be finished: out of memory");
  } catch (const std::exception& e) {
    fatal("RL-PDF-001", {}, "qpdf cannot rewrite the PDF: " + without_final_period(e.what()));
  }
}

Result<std::string> PdfRewrite::take() {
  if (result_.diagnostics.has_fatal()) result_.value.reset();
  return std::move(result_);
}

std::string now_as_pdf_date() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%S+00'00'", &utc);
  return buf;
}

Result<std::string> without_exceptions(std::string_view source,
                                       const std::function<Result<std::string>()>& body) {
  try {
    return body();
  } catch (...) {
    Result<std::string> r;
    try {
      r.diagnostics.add("RL-PDF-005", Severity::fatal, Location{std::string(source), {}, 0, 0},
                        "the PDF could not be finished: unexpected internal error");
    } catch (...) {
    }
    return r;
  }
}

}  // namespace relance::formats::detail
