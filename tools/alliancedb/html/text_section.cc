// Plain-text blocks: paragraphs and the notes that stand in for empty pictures.
#include "absl/strings/str_cat.h"
#include "html/html_escape.h"
#include "html/section_renderers.h"

namespace alliance::tools::html {

void RenderParagraph(const Paragraph& paragraph, std::string* out) {
  absl::StrAppend(out, "<p class=\"text\">", EscapeHtml(paragraph.text), "</p>\n");
}

void RenderEmptyNote(std::string_view what, std::string* out) {
  absl::StrAppend(out, "<p class=\"empty-note\">Nothing to draw: ", EscapeHtml(what), ".</p>\n");
}

}  // namespace alliance::tools::html
