import SessionModel

/// A box plot of one measure, one box per condition, drawn over the participants' means.
///
/// Box: quartiles (type 7) and median; whiskers: the most extreme means within 1.5 IQR of the box
/// (Tukey); every participant's mean is drawn as a dot beside its box, so n = 6 never hides
/// behind a box; the diamond is the mean with its 95 % interval.
public enum BoxPlot {
  static let width = 720
  static let height = 440

  public static func svg(of statistics: MeasureStatistics, language: Language) -> String {
    let label = statistics.measure.label.text(in: language)
    let title = LocalizedText(fr: "\(label) par condition", en: "\(label) by condition").text(in: language)
    let summaries = statistics.conditions
    let axis = PlotAxis(
      values: summaries.flatMap(\.values)
        + summaries.compactMap(\.participantMeans.confidenceLow)
        + summaries.compactMap(\.participantMeans.confidenceHigh))
    let left = 80.0
    let right = Double(width) - 20
    let top = 50.0
    let bottom = Double(height) - 80
    var body = [SVG.text(title, x: Double(width) / 2, y: 28, size: 17, bold: true)]
    body += frame(axis: axis, left: left, right: right, top: top, bottom: bottom, language: language)
    body.append(SVG.text(label, x: 22, y: (top + bottom) / 2, rotate: true))
    let slot = (right - left) / Double(max(summaries.count, 1))
    for (index, summary) in summaries.enumerated() {
      let centre = left + slot * (Double(index) + 0.5)
      body += box(summary, centre: centre, halfWidth: min(slot * 0.2, 50), axis: axis, top: top, bottom: bottom)
      body.append(SVG.text(summary.condition.label.text(in: language), x: centre, y: bottom + 22))
      body.append(
        SVG.text(
          LocalizedText(
            fr: "n = \(summary.participantMeans.count) participants, \(summary.answers) réponses",
            en: "n = \(summary.participantMeans.count) participants, \(summary.answers) answers"
          ).text(in: language), x: centre, y: bottom + 40, size: 11))
    }
    if summaries.allSatisfy({ $0.values.isEmpty }) {
      body.append(noData(x: (left + right) / 2, y: (top + bottom) / 2, language))
    }
    body.append(
      SVG.text(
        LocalizedText(
          fr: "Boîte : quartiles et médiane des moyennes par participant ; losange : moyenne et IC 95 % (t).",
          en: "Box: quartiles and median of the participants' means; diamond: mean and 95% CI (t)."
        ).text(in: language), x: Double(width) / 2, y: Double(height) - 14, size: 11))
    return SVG.document(width: width, height: height, title: title, body: body)
  }

  /// Said in the middle of an empty plot, so a blank frame is not mistaken for a drawing failure.
  static func noData(x: Double, y: Double, _ language: Language) -> String {
    SVG.text(
      LocalizedText(fr: "Aucune donnée pour cette mesure", en: "No data for this measure").text(in: language), x: x,
      y: y,
      size: 15)
  }

  static func frame(axis: PlotAxis, left: Double, right: Double, top: Double, bottom: Double, language: Language)
    -> [String]
  {
    var lines: [String] = []
    for tick in axis.ticks {
      let y = axis.y(tick, top: top, bottom: bottom)
      lines.append(SVG.line(left, y, right, y, stroke: "#DDDDDD"))
      lines.append(SVG.text(axis.label(tick, language: language), x: left - 8, y: y + 4, anchor: "end"))
    }
    lines.append(SVG.line(left, top, left, bottom))
    lines.append(SVG.line(left, bottom, right, bottom))
    return lines
  }

  private static func box(
    _ summary: ConditionSummary, centre: Double, halfWidth: Double, axis: PlotAxis, top: Double, bottom: Double
  ) -> [String] {
    let colour = PlotPalette.colour(of: summary.condition)
    let statistics = summary.participantMeans
    func y(_ value: Double) -> Double { axis.y(value, top: top, bottom: bottom) }
    var shapes: [String] = []
    if let q1 = statistics.lowerQuartile, let q3 = statistics.upperQuartile, let median = statistics.median {
      let fence = 1.5 * (q3 - q1)
      let low = summary.values.first { $0 >= q1 - fence } ?? q1
      let high = summary.values.last { $0 <= q3 + fence } ?? q3
      shapes.append(SVG.line(centre, y(high), centre, y(q3), stroke: colour, width: 1.5))
      shapes.append(SVG.line(centre, y(q1), centre, y(low), stroke: colour, width: 1.5))
      shapes.append(
        SVG.line(centre - halfWidth / 2, y(high), centre + halfWidth / 2, y(high), stroke: colour, width: 1.5))
      shapes.append(
        SVG.line(centre - halfWidth / 2, y(low), centre + halfWidth / 2, y(low), stroke: colour, width: 1.5))
      shapes.append(
        "<rect x=\"\(SVG.number(centre - halfWidth))\" y=\"\(SVG.number(y(q3)))\" width=\"\(SVG.number(2 * halfWidth))\" "
          + "height=\"\(SVG.number(max(y(q1) - y(q3), 0.5)))\" fill=\"\(colour)\" fill-opacity=\"0.25\" stroke=\"\(colour)\" "
          + "stroke-width=\"1.5\"/>")
      shapes.append(
        SVG.line(centre - halfWidth, y(median), centre + halfWidth, y(median), stroke: "#000000", width: 2.5))
    }
    // Participants' means, spread sideways in a fixed pattern so equal values stay visible.
    for (index, value) in summary.values.enumerated() {
      let offset = Double(index % 5) * 4 - 8
      shapes.append(
        PlotPalette.marker(of: summary.condition, x: centre + halfWidth + 16 + offset, y: y(value), size: 3))
    }
    if let mean = statistics.mean {
      let x = centre - halfWidth - 16
      if let low = statistics.confidenceLow, let high = statistics.confidenceHigh {
        shapes.append(SVG.line(x, y(low), x, y(high), stroke: "#000000", width: 1.5))
      }
      shapes.append(
        SVG.polygon([(x, y(mean) - 6), (x + 6, y(mean)), (x, y(mean) + 6), (x - 6, y(mean))], fill: "#000000"))
    }
    return shapes
  }
}
