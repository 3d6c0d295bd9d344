import SessionModel

/// One measure over the sessions of the trial: per condition, the mean of the participants'
/// means at each session number, one line per condition with its own colour, dash and marker.
public enum TrajectoryPlot {
  static let width = 720
  static let height = 440

  public static func svg(of statistics: MeasureStatistics, language: Language) -> String {
    let label = statistics.measure.label.text(in: language)
    let title = LocalizedText(fr: "\(label) au fil des séances", en: "\(label) across sessions").text(in: language)
    let points = statistics.trajectory
    let axis = PlotAxis(values: points.map(\.mean))
    let lastSession = max(points.map(\.session).max() ?? 1, 2)
    let left = 80.0
    let right = Double(width) - 190
    let top = 50.0
    let bottom = Double(height) - 70
    func x(_ session: Int) -> Double { left + 20 + Double(session - 1) / Double(lastSession - 1) * (right - left - 40) }
    var body = [SVG.text(title, x: Double(width) / 2, y: 28, size: 17, bold: true)]
    body += BoxPlot.frame(axis: axis, left: left, right: right, top: top, bottom: bottom, language: language)
    body.append(SVG.text(label, x: 22, y: (top + bottom) / 2, rotate: true))
    for session in 1...lastSession {
      body.append(SVG.line(x(session), bottom, x(session), bottom + 5))
      body.append(SVG.text("\(session)", x: x(session), y: bottom + 20))
    }
    body.append(
      SVG.text(
        LocalizedText(fr: "Séance (une toutes les deux semaines)", en: "Session (one every two weeks)").text(
          in: language),
        x: (left + right) / 2, y: bottom + 44))
    let conditions = statistics.conditions.map(\.condition)
    for (index, condition) in conditions.enumerated() {
      let line = points.filter { $0.condition == condition }.map {
        (x($0.session), axis.y($0.mean, top: top, bottom: bottom))
      }
      let colour = PlotPalette.colour(of: condition)
      if line.count > 1 { body.append(SVG.polyline(line, stroke: colour, dash: PlotPalette.dash(of: condition))) }
      body += line.map { PlotPalette.marker(of: condition, x: $0.0, y: $0.1) }
      let legendY = top + 10 + Double(index) * 24
      body.append(
        SVG.line(
          right + 16, legendY, right + 46, legendY, stroke: colour, width: 2.5, dash: PlotPalette.dash(of: condition)))
      body.append(PlotPalette.marker(of: condition, x: right + 31, y: legendY))
      body.append(SVG.text(condition.label.text(in: language), x: right + 54, y: legendY + 4, anchor: "start"))
    }
    if points.isEmpty { body.append(BoxPlot.noData(x: (left + right) / 2, y: (top + bottom) / 2, language)) }
    body.append(
      SVG.text(
        LocalizedText(
          fr: "Moyenne des moyennes par participant à chaque séance.",
          en: "Mean of the participants' means at each session."
        ).text(in: language), x: Double(width) / 2, y: Double(height) - 8, size: 11))
    return SVG.document(width: width, height: height, title: title, body: body)
  }
}
