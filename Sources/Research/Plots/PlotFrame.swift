import SessionModel

/// The page every plot shares: a 720 × 440 canvas, a title, a value axis with its grid and
/// label, a footnote saying what is drawn, and a notice when there is nothing to draw.
struct PlotFrame {
  static let width = 720
  static let height = 440

  var title: String
  var axisLabel: String
  var axis: PlotAxis
  var language: Language
  /// The plotting area, in SVG coordinates.
  var left = 80.0
  var right: Double
  var top = 50.0
  var bottom: Double

  init(title: String, axisLabel: String, axis: PlotAxis, language: Language, rightMargin: Double, bottomMargin: Double)
  {
    self.title = title
    self.axisLabel = axisLabel
    self.axis = axis
    self.language = language
    right = Double(Self.width) - rightMargin
    bottom = Double(Self.height) - bottomMargin
  }

  func y(_ value: Double) -> Double { axis.y(value, top: top, bottom: bottom) }

  /// The finished SVG: the frame around `body`, with `footnote` under it.
  func document(_ body: [String], footnote: LocalizedText, isEmpty: Bool) -> String {
    var lines = [SVG.text(title, x: Double(Self.width) / 2, y: 28, size: 17, bold: true)]
    for tick in axis.ticks {
      lines.append(SVG.line(left, y(tick), right, y(tick), stroke: "#DDDDDD"))
      lines.append(SVG.text(axis.label(tick, language: language), x: left - 8, y: y(tick) + 4, anchor: "end"))
    }
    lines.append(SVG.line(left, top, left, bottom))
    lines.append(SVG.line(left, bottom, right, bottom))
    lines.append(SVG.text(axisLabel, x: 22, y: (top + bottom) / 2, rotate: true))
    lines += body
    if isEmpty {
      // Said in the middle of an empty plot, so a blank frame is not mistaken for a drawing failure.
      lines.append(
        SVG.text(
          LocalizedText(fr: "Aucune donnée pour cette mesure", en: "No data for this measure").text(in: language),
          x: (left + right) / 2, y: (top + bottom) / 2, size: 15))
    }
    lines.append(
      SVG.text(footnote.text(in: language), x: Double(Self.width) / 2, y: Double(Self.height) - 10, size: 11))
    return SVG.document(width: Self.width, height: Self.height, title: title, body: lines)
  }
}
