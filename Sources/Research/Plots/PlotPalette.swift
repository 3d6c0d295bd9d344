import SessionModel

/// Colours and marks per condition: the Okabe–Ito palette, distinguishable with the common colour
/// vision deficiencies, and a distinct marker and dash per condition so a grey print still reads.
enum PlotPalette {
  static func colour(of condition: Condition) -> String {
    switch condition {
    case .image: "#0072B2"  // blue
    case .imageGame: "#E69F00"  // orange
    case .imageScent: "#009E73"  // bluish green
    case .imageGameScent: "#CC79A7"  // reddish purple
    }
  }

  static func dash(of condition: Condition) -> String? {
    switch condition {
    case .image: nil
    case .imageGame: "8 4"
    case .imageScent: "2 3"
    case .imageGameScent: "10 3 2 3"
    }
  }

  /// An SVG shape centred on (x, y).
  static func marker(of condition: Condition, x: Double, y: Double, size: Double = 4) -> String {
    let fill = colour(of: condition)
    switch condition {
    case .image:
      return "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"\(SVG.number(size))\" fill=\"\(fill)\"/>"
    case .imageGame:
      return "<rect x=\"\(SVG.number(x - size))\" y=\"\(SVG.number(y - size))\" width=\"\(SVG.number(2 * size))\" "
        + "height=\"\(SVG.number(2 * size))\" fill=\"\(fill)\"/>"
    case .imageScent:
      return SVG.polygon(
        [(x, y - size * 1.2), (x + size * 1.1, y + size * 0.8), (x - size * 1.1, y + size * 0.8)], fill: fill)
    case .imageGameScent:
      return SVG.polygon(
        [(x, y - size * 1.3), (x + size * 1.3, y), (x, y + size * 1.3), (x - size * 1.3, y)], fill: fill)
    }
  }
}
