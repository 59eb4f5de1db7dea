// The alliance network as the HTML reports draw it: organisations and
// consortia joined by memberships, marks sized by a score and coloured by
// consortium (organisations in several consortia get the shared colour).
#ifndef ALLIANCE_TOOLS_MEMBERSHIP_DRAWING_H_
#define ALLIANCE_TOOLS_MEMBERSHIP_DRAWING_H_

#include <map>
#include <set>
#include <string>

#include "alliance_membership.h"
#include "html/report_model.h"

namespace alliance::tools {

// `only`: draw just these consortia and their members (empty: all).
html::NetworkDrawing MembershipDrawing(const AllianceMembership& m,
                                       const std::map<NodeId, double>& size,
                                       const std::string& caption, const std::string& size_label,
                                       const std::set<NodeId>& only = {});

// A score as reports print it: up to 4 significant digits.
std::string FormatScore(double value);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_MEMBERSHIP_DRAWING_H_
