import Foundation

/// The small part of SVG the plots use, written as text: no dependency, and output that is
/// byte-for-byte the same on every machine (coordinates with one decimal, a point as separator).
enum SVG {
  static func document(width: Int, height: Int, title: String, body: [String]) -> String {
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        + "viewBox=\"0 0 \(width) \(height)\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">",
      "<title>\(HTML.escaped(title))</title>",
      "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#FFFFFF\"/>",
    ]
    lines += body
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  static func text(
    _ content: String, x: Double, y: Double, anchor: String = "middle", size: Int? = nil, bold: Bool = false,
    rotate: Bool = false
  ) -> String {
    var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\""
    if let size { attributes += " font-size=\"\(size)\"" }
    if bold { attributes += " font-weight=\"bold\"" }
    if rotate { attributes += " transform=\"rotate(-90 \(number(x)) \(number(y)))\"" }
    return "<text \(attributes)>\(HTML.escaped(content))</text>"
  }

  static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#000000", width: Double = 1,
    dash: String? = nil
  ) -> String {
    "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\" "
      + "stroke-width=\"\(number(width))\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
  }

  static func polygon(_ points: [(Double, Double)], fill: String) -> String {
    "<polygon points=\"\(points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\" fill=\"\(fill)\"/>"
  }

  /// A shaded area (a confidence band), light enough for the lines over it to read.
  static func band(_ points: [(Double, Double)], fill: String) -> String {
    "<polygon points=\"\(points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\" fill=\"\(fill)\" "
      + "fill-opacity=\"0.15\" stroke=\"none\"/>"
  }

  static func polyline(_ points: [(Double, Double)], stroke: String, dash: String?) -> String {
    "<polyline points=\"\(points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\" fill=\"none\" "
      + "stroke=\"\(stroke)\" stroke-width=\"2.5\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
  }

  /// One decimal, a point as separator, no "-0".
  /// A value that is not a number (a mean of stored values that overflowed) is written `0` and
  /// one too large for an integer in C's notation, so drawing never traps.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    guard let tenths = Int(exactly: (value * 10).rounded()) else { return String(format: "%.1f", value) }
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }
}
