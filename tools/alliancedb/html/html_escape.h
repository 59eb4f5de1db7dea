// EscapeHtml: text made safe for HTML element content and quoted attribute
// values alike (inline SVG included), so no caller has to know which is which.
#ifndef ALLIANCE_TOOLS_HTML_HTML_ESCAPE_H_
#define ALLIANCE_TOOLS_HTML_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace alliance::tools::html {

// Replaces & < > " ' with character references and control characters other
// than tab and line breaks with U+FFFD (they are parse errors in HTML); other
// UTF-8 passes through unchanged.
std::string EscapeHtml(std::string_view text);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_HTML_ESCAPE_H_
