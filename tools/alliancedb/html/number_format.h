// FormatNumber: the short form of a value printed in a chart or tooltip.
#ifndef ALLIANCE_TOOLS_HTML_NUMBER_FORMAT_H_
#define ALLIANCE_TOOLS_HTML_NUMBER_FORMAT_H_

#include <string>

namespace alliance::tools::html {

// Whole numbers without a fraction ("12"), others to four significant digits
// ("0.1333", "1.235e+06"); NaN as "NaN".
std::string FormatNumber(double value);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_NUMBER_FORMAT_H_
