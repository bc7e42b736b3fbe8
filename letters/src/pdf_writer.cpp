#include "pdf_writer.hpp"

#include <hpdf.h>

#include <cstdint>
#include <cstdio>
#include <memory>

#include "relance/formats/diagnostic.hpp"

namespace relance::letters::detail {

namespace {

// libharu reports errors through a C callback; throwing through C frames is undefined, so the
// callback records the first error and the caller checks after each step.
struct HaruStatus {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
};

extern "C" void record_haru_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* status = static_cast<HaruStatus*>(user_data);
  if (status->error == HPDF_OK) {
    status->error = error;
    status->detail = detail;
  }
}

struct HaruDocDeleter {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};
using HaruDoc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, HaruDocDeleter>;

void check(const HaruStatus& status, const char* step) {
  if (status.error == HPDF_OK) return;
  char code[32];
  std::snprintf(code, sizeof code, "0x%04X/%u", static_cast<unsigned>(status.error),
                static_cast<unsigned>(status.detail));
  Diagnostic d;
  d.rule_id = "RL-RENDER-004";
  d.severity = Severity::fatal;
  d.message = std::string("libharu failed while ") + step + " (error " + code + ")";
  throw Error(std::move(d));
}

HPDF_REAL real(double v) {
  return static_cast<HPDF_REAL>(v);
}

}  // namespace

bool to_windows_1252(std::string_view utf8, std::string& out) {
  // Code points of bytes 0x80-0x9F in Windows-1252 (0 where the byte is unused).
  static constexpr std::uint16_t high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                             0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                             0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  out.clear();
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = next_code_point(utf8, i);
    if (cp == 0x202F) cp = 0xA0;
    if (cp == 0x2212) cp = '-';
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) {
      out += static_cast<char>(static_cast<unsigned char>(cp));
      continue;
    }
    bool found = false;
    for (std::size_t b = 0; b < 32; ++b) {
      if (high[b] != 0 && high[b] == cp) {
        out += static_cast<char>(static_cast<unsigned char>(0x80 + b));
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

struct PdfWriter::Handle {
  HaruStatus status;
  HaruDoc doc;
  std::string regular_name, bold_name;
};

PdfWriter::PdfWriter(const FontSet& fonts) : fonts_(fonts) {
  open();
}
PdfWriter::~PdfWriter() = default;

void PdfWriter::open() {
  handle_ = std::make_unique<Handle>();
  handle_->doc.reset(HPDF_New(record_haru_error, &handle_->status));
  if (!handle_->doc) check(HaruStatus{HPDF_FAILD_TO_ALLOC_MEM, 0}, "creating a document");
  HPDF_Doc d = handle_->doc.get();
  HPDF_UseUTFEncodings(d);
  const char* regular = HPDF_LoadTTFontFromFile(d, fonts_.regular.file_path().c_str(), HPDF_TRUE);
  const char* bold = HPDF_LoadTTFontFromFile(d, fonts_.bold.file_path().c_str(), HPDF_TRUE);
  check(handle_->status, "loading the fonts");
  handle_->regular_name = regular;
  handle_->bold_name = bold;
}

std::string PdfWriter::write(const std::vector<PageContent>& pages, const PdfDocumentInfo& info) {
  // After a libharu error the handle's state is unknown: start from a fresh one.
  if (handle_->status.error != HPDF_OK) open();
  HaruStatus& status = handle_->status;
  HPDF_Doc d = handle_->doc.get();
  HPDF_NewDoc(d);
  check(status, "starting a document");
  HPDF_SetCompressionMode(d, HPDF_COMP_ALL);

  std::string converted;
  bool simple = true;
  for (const auto& page : pages) {
    for (const auto& t : page.texts) {
      if (!to_windows_1252(t.text, converted)) {
        simple = false;
        break;
      }
    }
    if (!simple) break;
  }
  const char* encoding = simple ? "CP1252" : "UTF-8";
  HPDF_Font regular = HPDF_GetFont(d, handle_->regular_name.c_str(), encoding);
  HPDF_Font bold = HPDF_GetFont(d, handle_->bold_name.c_str(), encoding);
  check(status, "selecting the fonts");
  if (!info.title.empty()) HPDF_SetInfoAttr(d, HPDF_INFO_TITLE, info.title.c_str());
  if (!info.author.empty()) HPDF_SetInfoAttr(d, HPDF_INFO_AUTHOR, info.author.c_str());
  if (!info.subject.empty()) HPDF_SetInfoAttr(d, HPDF_INFO_SUBJECT, info.subject.c_str());
  HPDF_SetInfoAttr(d, HPDF_INFO_CREATOR, "relance");
  for (const PageContent& content : pages) {
    HPDF_Page page = HPDF_AddPage(d);
    HPDF_Page_SetWidth(page, real(a4_width));
    HPDF_Page_SetHeight(page, real(a4_height));
    for (const RectOp& r : content.rects) {
      HPDF_Page_SetRGBFill(page, real(r.gray), real(r.gray), real(r.gray));
      HPDF_Page_Rectangle(page, real(r.x), real(r.y), real(r.width), real(r.height));
      HPDF_Page_Fill(page);
    }
    for (const LineOp& l : content.lines) {
      HPDF_Page_SetLineWidth(page, real(l.width));
      HPDF_Page_SetRGBStroke(page, real(l.gray), real(l.gray), real(l.gray));
      HPDF_Page_MoveTo(page, real(l.x1), real(l.y1));
      HPDF_Page_LineTo(page, real(l.x2), real(l.y2));
      HPDF_Page_Stroke(page);
    }
    for (const QrOp& q : content.qr_codes) {
      HPDF_Page_SetRGBFill(page, 0, 0, 0);
      for (int row = 0; row < q.matrix.size; ++row) {
        // One rectangle per run of dark modules: fewer path operators, no hairline seams.
        for (int col = 0; col < q.matrix.size;) {
          if (!q.matrix.dark(row, col)) {
            ++col;
            continue;
          }
          int run = col;
          while (run < q.matrix.size && q.matrix.dark(row, run)) ++run;
          const double y = q.y + (q.matrix.size - 1 - row) * q.module;
          HPDF_Page_Rectangle(page, real(q.x + col * q.module), real(y), real((run - col) * q.module),
                              real(q.module));
          col = run;
        }
      }
      HPDF_Page_Fill(page);
    }
    if (!content.texts.empty()) {
      HPDF_Page_BeginText(page);
      HPDF_Font current_font = nullptr;
      double current_size = 0;
      double current_gray = -1;
      for (const TextOp& t : content.texts) {
        if (t.text.empty()) continue;
        HPDF_Font font = t.style == FontStyle::bold ? bold : regular;
        if (font != current_font || t.size != current_size) {
          HPDF_Page_SetFontAndSize(page, font, real(t.size));
          current_font = font;
          current_size = t.size;
        }
        if (t.gray != current_gray) {
          HPDF_Page_SetRGBFill(page, real(t.gray), real(t.gray), real(t.gray));
          current_gray = t.gray;
        }
        if (simple) {
          to_windows_1252(t.text, converted);
          HPDF_Page_TextOut(page, real(t.x), real(t.baseline), converted.c_str());
        } else {
          HPDF_Page_TextOut(page, real(t.x), real(t.baseline), t.text.c_str());
        }
      }
      HPDF_Page_EndText(page);
    }
    check(status, "drawing a page");
  }

  HPDF_SaveToStream(d);
  check(status, "writing the document");
  std::string bytes(HPDF_GetStreamSize(d), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ResetStream(d);
  HPDF_ReadFromStream(d, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  check(status, "reading the document back");
  HPDF_FreeDoc(d);
  return bytes;
}

}  // namespace relance::letters::detail
