import SessionModel

/// A box plot of one measure, one box per condition, drawn over the participants' means.
///
/// Box: quartiles (type 7) and median; whiskers: the most extreme means within 1.5 IQR of the box
/// (Tukey); every participant's mean is drawn as a dot beside its box, so n = 6 never hides
/// behind a box; the diamond is the mean with its 95 % interval.
public enum BoxPlot {
  public static func svg(of statistics: MeasureStatistics, language: Language) -> String {
    let label = statistics.measure.label.text(in: language)
    let summaries = statistics.conditions
    let frame = PlotFrame(
      title: LocalizedText(fr: "\(label) par condition", en: "\(label) by condition").text(in: language),
      axisLabel: label,
      axis: PlotAxis(
        values: summaries.flatMap(\.values)
          + summaries.compactMap(\.participantMeans.confidenceLow)
          + summaries.compactMap(\.participantMeans.confidenceHigh)),
      language: language, rightMargin: 20, bottomMargin: 80)
    var body: [String] = []
    let slot = (frame.right - frame.left) / Double(max(summaries.count, 1))
    for (index, summary) in summaries.enumerated() {
      let centre = frame.left + slot * (Double(index) + 0.5)
      body += box(summary, centre: centre, halfWidth: min(slot * 0.2, 50), frame: frame)
      body.append(SVG.text(summary.condition.label.text(in: language), x: centre, y: frame.bottom + 22))
      body.append(
        SVG.text(
          LocalizedText(
            fr: "n = \(summary.participantMeans.count) participants, \(summary.answers) réponses",
            en: "n = \(summary.participantMeans.count) participants, \(summary.answers) answers"
          ).text(in: language), x: centre, y: frame.bottom + 40, size: 11))
    }
    return frame.document(
      body,
      footnote: LocalizedText(
        fr: "Boîte : quartiles et médiane des moyennes par participant ; losange : moyenne et IC 95 % (t).",
        en: "Box: quartiles and median of the participants' means; diamond: mean and 95% CI (t)."),
      isEmpty: summaries.allSatisfy { $0.values.isEmpty })
  }

  private static func box(_ summary: ConditionSummary, centre: Double, halfWidth: Double, frame: PlotFrame)
    -> [String]
  {
    let colour = PlotPalette.colour(of: summary.condition)
    let statistics = summary.participantMeans
    func y(_ value: Double) -> Double { frame.y(value) }
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
