import SessionModel

/// A measure across session numbers, one line per condition: at each session the line's point,
/// optionally its 95 % confidence band (shaded, in the condition's colour) and the individual values
/// it summarises (small marks beside it). The reports draw the trial's trajectories with bands
/// (participants' means) and a patient's with their answers.
struct SessionSeriesPlot {
  struct Point: Hashable, Sendable {
    var session: Int
    var mean: Double
    var low: Double?
    var high: Double?
    var values: [Double] = []
  }

  struct Series: Hashable, Sendable {
    var condition: Condition
    var points: [Point]
  }

  var title: String
  var axisLabel: String
  var series: [Series]
  var footnote: LocalizedText

  func svg(language: Language) -> String {
    let all = series.flatMap(\.points)
    let frame = PlotFrame(
      title: title, axisLabel: axisLabel,
      axis: PlotAxis(values: all.map(\.mean) + all.compactMap(\.low) + all.compactMap(\.high) + all.flatMap(\.values)),
      language: language, rightMargin: 190, bottomMargin: 70)
    let axis = SessionAxis(frame: frame, sessions: all.map(\.session))
    let x = axis.x
    var body = axis.marks(language: language)
    // Bands first, so that every line and mark is drawn over them.
    for line in series {
      let banded = line.points.filter { $0.low != nil && $0.high != nil }
      guard banded.count > 1 else { continue }
      let upper = banded.map { (x($0.session), frame.y($0.high!)) }
      let lower = banded.reversed().map { (x($0.session), frame.y($0.low!)) }
      body.append(SVG.band(upper + lower, fill: PlotPalette.colour(of: line.condition)))
    }
    let spread = series.count > 1 ? 6.0 : 0
    for (index, line) in series.enumerated() {
      let colour = PlotPalette.colour(of: line.condition)
      let offset = (Double(index) - Double(series.count - 1) / 2) * spread
      for point in line.points {
        for value in point.values {
          body.append(
            PlotPalette.marker(of: line.condition, x: x(point.session) + offset, y: frame.y(value), size: 2)
              .replacingOccurrences(of: "/>", with: " fill-opacity=\"0.45\"/>"))
        }
      }
      let coordinates = line.points.map { (x($0.session), frame.y($0.mean)) }
      if coordinates.count > 1 {
        body.append(SVG.polyline(coordinates, stroke: colour, dash: PlotPalette.dash(of: line.condition)))
      }
      body += coordinates.map { PlotPalette.marker(of: line.condition, x: $0.0, y: $0.1) }
      let legendY = frame.top + 10 + Double(index) * 24
      body.append(
        SVG.line(
          frame.right + 16, legendY, frame.right + 46, legendY, stroke: colour, width: 2.5,
          dash: PlotPalette.dash(of: line.condition)))
      body.append(PlotPalette.marker(of: line.condition, x: frame.right + 31, y: legendY))
      body.append(
        SVG.text(line.condition.label.text(in: language), x: frame.right + 54, y: legendY + 4, anchor: "start"))
    }
    return frame.document(body, footnote: footnote, isEmpty: all.isEmpty)
  }
}
