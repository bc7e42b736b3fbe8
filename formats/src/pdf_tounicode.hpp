#pragma once

#include <cstddef>
#include <string>

class QPDF;

namespace relance::formats::detail {

// libharu 2.3.0 gives its UTF-8 CID fonts (Type0, /Encoding /Identity-H, CID = Unicode BMP code
// point) a ToUnicode stream that is not a ToUnicode CMap: it uses `begincidrange`, which poppler
// rejects ("Invalid 'begincidrange' operator in ToUnicode CMap") and PDF/A-3u would not accept.
// Every such font gets a correct map instead (Adobe-Identity-UCS, each CID to the same code point);
// other fonts are left alone. One new flate-compressed stream per document is shared by the fonts
// repaired. Returns how many fonts were repaired. Throws what qpdf throws on a damaged document.
std::size_t repair_tounicode(QPDF& pdf);

// The CMap text of that stream (uncompressed).
const std::string& identity_ucs_cmap();

}  // namespace relance::formats::detail
