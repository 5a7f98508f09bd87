// The report's pictures as inline SVG, drawn here: a histogram, horizontal bars and a funnel
// are a few rectangles each, and a chart library would mean script in a file we promise has
// none. Coordinates are whole pixels and numbers are printed with snprintf, so the same round
// gives the same bytes natively and in wasm.
#include <algorithm>
#include <cstdio>

#include "greenapply/round.hpp"
#include "round_internal.hpp"

namespace greenapply::round::detail {

namespace {

std::string num(double v) {
  char buf[32];
  if (v == static_cast<long long>(v)) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string px(double v) { return std::to_string(static_cast<long long>(v + 0.5)); }

std::string open_svg(int width, int height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
         "\"><title>" + html_escape(title) + "</title>";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string svg_histogram(const std::vector<double>& values, double max, int bins, const std::string& title) {
  if (max <= 0) max = 1;
  std::vector<int> counts(static_cast<std::size_t>(bins), 0);
  for (double v : values) {
    int b = static_cast<int>(v / max * bins);
    b = std::clamp(b, 0, bins - 1);
    ++counts[static_cast<std::size_t>(b)];
  }
  const int peak = std::max(1, *std::max_element(counts.begin(), counts.end()));
  const int width = 420, height = 190, left = 30, bottom = 30, top = 16;
  const double bar_w = static_cast<double>(width - left - 10) / bins;
  const double plot_h = height - bottom - top;
  std::string s = open_svg(width, height, title);
  s += "<line x1=\"" + px(left) + "\" y1=\"" + px(height - bottom) + "\" x2=\"" + px(width - 10) + "\" y2=\"" +
       px(height - bottom) + "\" class=\"axis\"/>";
  for (int i = 0; i < bins; ++i) {
    const double h = plot_h * counts[static_cast<std::size_t>(i)] / peak;
    const double x = left + i * bar_w;
    s += "<rect class=\"bar\" x=\"" + px(x + 2) + "\" y=\"" + px(height - bottom - h) + "\" width=\"" + px(bar_w - 4) +
         "\" height=\"" + px(h) + "\"><title>" + num(max * i / bins) + "–" + num(max * (i + 1) / bins) + ": " +
         std::to_string(counts[static_cast<std::size_t>(i)]) + "</title></rect>";
    if (counts[static_cast<std::size_t>(i)] > 0)
      s += "<text class=\"count\" x=\"" + px(x + bar_w / 2) + "\" y=\"" + px(height - bottom - h - 3) +
           "\" text-anchor=\"middle\">" + std::to_string(counts[static_cast<std::size_t>(i)]) + "</text>";
    s += "<text class=\"tick\" x=\"" + px(x) + "\" y=\"" + px(height - bottom + 14) + "\" text-anchor=\"middle\">" +
         num(max * i / bins) + "</text>";
  }
  s += "<text class=\"tick\" x=\"" + px(left + bins * bar_w) + "\" y=\"" + px(height - bottom + 14) +
       "\" text-anchor=\"middle\">" + num(max) + "</text>";
  return s + "</svg>";
}

std::string svg_bars(const std::vector<Bar>& bars, const std::string& title) {
  double peak = 1;
  for (const auto& b : bars) peak = std::max(peak, b.value);
  const int width = 420, row = 38, top = 6;
  const int height = top + row * static_cast<int>(std::max<std::size_t>(bars.size(), 1)) + 4;
  const double full = width - 60;
  std::string s = open_svg(width, height, title);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = top + row * static_cast<double>(i);
    const double w = full * bars[i].value / peak;
    s += "<text class=\"label\" x=\"0\" y=\"" + px(y + 12) + "\">" + bars[i].label_html + "</text>";
    s += "<rect class=\"bar\" x=\"0\" y=\"" + px(y + 17) + "\" width=\"" + px(std::max(w, 1.0)) +
         "\" height=\"14\"><title>" + html_escape(bars[i].label_text) + ": " + num(bars[i].value) + "</title></rect>";
    s += "<text class=\"count\" x=\"" + px(std::max(w, 1.0) + 6) + "\" y=\"" + px(y + 29) + "\">" + num(bars[i].value) +
         "</text>";
  }
  return s + "</svg>";
}

std::string svg_funnel(const std::vector<Bar>& steps, const std::string& title) {
  const double first = steps.empty() || steps.front().value <= 0 ? 1 : steps.front().value;
  const int width = 420, row = 40, top = 6;
  const int height = top + row * static_cast<int>(std::max<std::size_t>(steps.size(), 1)) + 4;
  std::string s = open_svg(width, height, title);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const double y = top + row * static_cast<double>(i);
    const double w = std::max(2.0, (width - 20) * steps[i].value / first);
    const long long share = static_cast<long long>(100.0 * steps[i].value / first + 0.5);
    s += "<text class=\"label\" x=\"" + px(width / 2.0) + "\" y=\"" + px(y + 12) + "\" text-anchor=\"middle\">" +
         steps[i].label_html + "</text>";
    s += "<rect class=\"funnel\" x=\"" + px((width - w) / 2) + "\" y=\"" + px(y + 16) + "\" width=\"" + px(w) +
         "\" height=\"18\"><title>" + html_escape(steps[i].label_text) + ": " + num(steps[i].value) + "</title></rect>";
    s += "<text class=\"count-in\" x=\"" + px(width / 2.0) + "\" y=\"" + px(y + 29) + "\" text-anchor=\"middle\">" +
         num(steps[i].value) + " (" + std::to_string(share) + "%)</text>";
  }
  return s + "</svg>";
}

}  // namespace greenapply::round::detail
