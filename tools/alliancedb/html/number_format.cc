#include "html/number_format.h"

#include <cmath>

#include "absl/strings/str_format.h"

namespace alliance::tools::html {

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "NaN";
  // Counts are the common case; %g would print 1234567 as 1.235e+06.
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15) {
    return absl::StrFormat("%.0f", value == 0 ? 0.0 : value);  // no "-0"
  }
  return absl::StrFormat("%.4g", value);
}

}  // namespace alliance::tools::html
