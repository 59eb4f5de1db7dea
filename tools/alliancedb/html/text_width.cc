#include "html/text_width.h"

#include <utf8proc.h>

#include "schema/utf8_code_points.h"

namespace alliance::tools::html {

double EstimateTextWidth(std::string_view text, double font_px) {
  double ems = 0;
  ForEachCodePoint(text, [&](int32_t cp, size_t, size_t) {
    const int columns = cp == kInvalidCodePoint ? 1 : utf8proc_charwidth(cp);
    if (columns >= 2) {
      ems += 1.0;
    } else if (columns == 1) {
      ems += 0.62;
    }
    return true;
  });
  return ems * font_px;
}

}  // namespace alliance::tools::html
