// Text as XML 1.0 character data or attribute values, for the GraphML and GEXF
// writers. Strings are valid UTF-8 already; what XML 1.0 cannot hold at all
// (control characters other than tab, line feed and carriage return) becomes
// U+FFFD, the one lossy step, so that every reader accepts the file.
#ifndef ALLIANCE_TOOLS_EXPORT_XML_TEXT_H_
#define ALLIANCE_TOOLS_EXPORT_XML_TEXT_H_

#include <string>
#include <string_view>

namespace alliance::tools {

// Escapes & < > " and writes tab, line feed and carriage return as character
// references, which attribute-value normalisation would otherwise turn into
// spaces (and which line-ending normalisation would fold in element text).
std::string XmlEscape(std::string_view text);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_XML_TEXT_H_
