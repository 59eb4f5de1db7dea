// EstimateTextWidth: how wide a line of text will be drawn, for sizing SVG
// margins and label boxes before any browser measures it.
#ifndef ALLIANCE_TOOLS_HTML_TEXT_WIDTH_H_
#define ALLIANCE_TOOLS_HTML_TEXT_WIDTH_H_

#include <string_view>

namespace alliance::tools::html {

// The font size the SVG sections draw their labels and values in.
inline constexpr double kFontPx = 12;

// Pixels `text` takes in a sans-serif font of `font_px`: about 0.62 em per
// narrow character and 1 em per wide one (Hangul, CJK). A generous estimate:
// too wide only wastes margin, too narrow clips labels.
double EstimateTextWidth(std::string_view text, double font_px);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_TEXT_WIDTH_H_
