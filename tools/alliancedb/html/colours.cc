#include "html/colours.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/strings/str_format.h"

namespace alliance::tools::html {
namespace {

struct Rgb {
  double r, g, b;
};

std::string Hex(const Rgb& c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))); };
  return absl::StrFormat("#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
}

// HSL with s, l in [0, 1] and h in degrees.
Rgb FromHsl(double h, double s, double l) {
  const double c = (1 - std::fabs(2 * l - 1)) * s;
  const double hp = std::fmod(h, 360.0) / 60.0;
  const double x = c * (1 - std::fabs(std::fmod(hp, 2.0) - 1));
  Rgb rgb{0, 0, 0};
  if (hp < 1)
    rgb = {c, x, 0};
  else if (hp < 2)
    rgb = {x, c, 0};
  else if (hp < 3)
    rgb = {0, c, x};
  else if (hp < 4)
    rgb = {0, x, c};
  else if (hp < 5)
    rgb = {x, 0, c};
  else
    rgb = {c, 0, x};
  const double m = l - c / 2;
  return {(rgb.r + m) * 255, (rgb.g + m) * 255, (rgb.b + m) * 255};
}

// ColorBrewer "Blues", light to dark.
constexpr std::array<Rgb, 9> kBlues = {{{247, 251, 255},
                                        {222, 235, 247},
                                        {198, 219, 239},
                                        {158, 202, 225},
                                        {107, 174, 214},
                                        {66, 146, 198},
                                        {33, 113, 181},
                                        {8, 81, 156},
                                        {8, 48, 107}}};

}  // namespace

std::string GroupColour(size_t index) {
  static constexpr std::array<const char*, 9> kPalette = {"#4e79a7", "#f28e2b", "#e15759",
                                                          "#76b7b2", "#59a14f", "#edc948",
                                                          "#b07aa1", "#ff9da7", "#9c755f"};
  if (index < kPalette.size()) return kPalette[index];
  return Hex(FromHsl(static_cast<double>(index - kPalette.size()) * 137.508 + 15, 0.55, 0.55));
}

std::string SequentialColour(double t) {
  t = std::clamp(std::isnan(t) ? 0.0 : t, 0.0, 1.0);
  const double pos = t * (kBlues.size() - 1);
  const size_t i = std::min(static_cast<size_t>(pos), kBlues.size() - 2);
  const double f = pos - static_cast<double>(i);
  const Rgb& a = kBlues[i];
  const Rgb& b = kBlues[i + 1];
  return Hex({a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f});
}

bool WantsLightText(double t) { return t >= 0.55; }

}  // namespace alliance::tools::html
