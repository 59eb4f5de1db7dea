// The report's colours: a categorical palette for groups (consortia), the
// reserved colours that must never be mistaken for a group, and the
// sequential scale of the heatmap.
#ifndef ALLIANCE_TOOLS_HTML_COLOURS_H_
#define ALLIANCE_TOOLS_HTML_COLOURS_H_

#include <cstddef>
#include <string>

namespace alliance::tools::html {

// Nodes in two or more groups: near-black, outside the categorical palette.
inline constexpr char kSharedColour[] = "#1b1b1b";
// Nodes in no group and the heatmap's diagonal.
inline constexpr char kNeutralColour[] = "#c8c8c8";

// The colour of the index-th group ("#rrggbb"): ten well-separated hues
// (Tableau 10 without its grey), then hues spread by the golden angle.
std::string GroupColour(size_t index);

// The heatmap scale, light (t = 0) to dark blue (t = 1); t is clamped.
std::string SequentialColour(double t);

// Whether text drawn on SequentialColour(t) should be white for contrast.
bool WantsLightText(double t);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_COLOURS_H_
