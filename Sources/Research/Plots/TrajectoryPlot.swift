import SessionModel

/// One measure over the sessions of the trial: per condition, the mean of the participants'
/// means at each session number, one line per condition with its own colour, dash and marker.
public enum TrajectoryPlot {
  public static func svg(of statistics: MeasureStatistics, language: Language) -> String {
    let label = statistics.measure.label.text(in: language)
    let points = statistics.trajectory
    let frame = PlotFrame(
      title: LocalizedText(fr: "\(label) au fil des séances", en: "\(label) across sessions").text(in: language),
      axisLabel: label, axis: PlotAxis(values: points.map(\.mean)), language: language, rightMargin: 190,
      bottomMargin: 70)
    let axis = SessionAxis(frame: frame, sessions: points.map(\.session))
    let x = axis.x
    var body = axis.marks(language: language)
    for (index, condition) in statistics.conditions.map(\.condition).enumerated() {
      let line = points.filter { $0.condition == condition }.map { (x($0.session), frame.y($0.mean)) }
      let colour = PlotPalette.colour(of: condition)
      let dash = PlotPalette.dash(of: condition)
      if line.count > 1 { body.append(SVG.polyline(line, stroke: colour, dash: dash)) }
      body += line.map { PlotPalette.marker(of: condition, x: $0.0, y: $0.1) }
      let legendY = frame.top + 10 + Double(index) * 24
      body.append(
        SVG.line(frame.right + 16, legendY, frame.right + 46, legendY, stroke: colour, width: 2.5, dash: dash))
      body.append(PlotPalette.marker(of: condition, x: frame.right + 31, y: legendY))
      body.append(SVG.text(condition.label.text(in: language), x: frame.right + 54, y: legendY + 4, anchor: "start"))
    }
    return frame.document(
      body,
      footnote: LocalizedText(
        fr: "Moyenne des moyennes par participant à chaque séance.",
        en: "Mean of the participants' means at each session."),
      isEmpty: points.isEmpty)
  }
}
