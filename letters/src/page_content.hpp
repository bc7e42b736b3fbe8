#pragma once
// What the layout decided to put on each page, in PDF points (origin bottom left), before any
// PDF library sees it: layout is testable without a PDF, and drawing is a plain loop.
#include <string>
#include <vector>

#include "fonts.hpp"
#include "relance/letters/epc_qr.hpp"

namespace relance::letters::detail {

struct TextOp {
  double x = 0;
  double baseline = 0;
  double size = 9;
  FontStyle style = FontStyle::regular;
  double gray = 0;  // 0 black .. 1 white
  std::string text;
};
struct RectOp {
  double x = 0, y = 0, width = 0, height = 0;
  double gray = 0.9;
};
struct LineOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  double gray = 0.6;
};
struct QrOp {
  double x = 0, y = 0;  // lower left corner of the code, quiet zone excluded
  double module = 2;    // side of one module in points
  QrMatrix matrix;
};

struct PageContent {
  std::vector<TextOp> texts;
  std::vector<RectOp> rects;
  std::vector<LineOp> lines;
  std::vector<QrOp> qr_codes;
};

inline constexpr double a4_width = 595.276;
inline constexpr double a4_height = 841.89;

}  // namespace relance::letters::detail
