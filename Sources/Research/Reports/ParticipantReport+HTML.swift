import SessionModel

extension ParticipantReport {
  /// The report as one self-contained HTML page.
  public func html(in language: Language) -> String {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    let attended = attendance.filter(\.present).count
    var page = ReportPage(
      title: say("Participant \(participant)", "Participant \(participant)"),
      subtitle: [say("Étude \(study)", "Study \(study)"), group.map { say("groupe \($0)", "group \($0)") }]
        .compactMap { $0 }.joined(separator: " · "),
      language: language)

    page.section(
      "attendance", LocalizedText(fr: "Présence", en: "Attendance"),
      [
        HTML.paragraph(
          say(
            "Présent à \(attended) séance(s) sur \(attendance.count) ; \(answers.count) réponse(s) analysée(s).",
            "Present at \(attended) of \(attendance.count) session(s); \(answers.count) answer(s) analysed.")),
        HTML.table(
          headers: [
            say("Séance", "Session"), say("Date", "Date"), say("Présence", "Attendance"), say("Réponses", "Answers"),
          ],
          rows: attendance.map { row in
            HTML.row(
              [
                HTML.cell("\(row.number)", numeric: true), HTML.cell("\(row.date)"),
                HTML.presenceCell(
                  present: row.present, recorded: row.recorded, presentText: say("présent", "present"),
                  absentText: say("absent", "absent"), language: language),
                HTML.cell("\(row.answers)", numeric: true, measure: "answers"),
              ], data: ["session": row.session.rawValue, "present": row.present ? "1" : "0"])
          }, id: "attendance-table"),
      ])

    var figures: [String] = [
      HTML.paragraph(
        say(
          "Par condition délivrée : la ligne relie la moyenne des réponses de chaque séance ; les petits points sont les réponses.",
          "By condition delivered: the line joins the mean of each session's answers; small marks are the answers."),
        className: "note")
    ]
    for (index, measure) in Self.measures.enumerated() {
      let label = measure.label.text(in: language)
      let valued = answers.compactMap { answer in answer.values[index].map { (answer, $0) } }
      let series = Dictionary(grouping: valued) { $0.0.condition }.sorted { $0.key < $1.key }.map { condition, list in
        SessionSeriesPlot.Series(
          condition: condition,
          points: Dictionary(grouping: list) { $0.0.session }.sorted { $0.key < $1.key }.map { session, cell in
            let values = cell.map(\.1)
            return SessionSeriesPlot.Point(
              session: session, mean: values.reduce(0, +) / Double(values.count), values: values)
          })
      }
      let plot = SessionSeriesPlot(
        title: say("\(label) au fil des séances", "\(label) across sessions"), axisLabel: label, series: series,
        footnote: LocalizedText(
          fr: "Moyenne des réponses de la séance par condition ; points : réponses.",
          en: "Mean of the session's answers per condition; marks: answers."))
      let perCondition = series.map { line in
        "\(line.condition.label.text(in: language)) \(line.points.reduce(0) { $0 + $1.values.count })"
      }.joined(separator: ", ")
      figures.append(
        HTML.figure(
          plot.svg(language: language),
          caption: say(
            "\(label) : n = \(valued.count) réponses (\(perCondition)).",
            "\(label): n = \(valued.count) answers (\(perCondition)).")))
    }
    page.section(
      "trajectory", LocalizedText(fr: "Évolution par mesure et condition", en: "Course per measure and condition"),
      figures)

    let transcribed = answers.filter { $0.transcript != nil }
    page.section(
      "transcripts", LocalizedText(fr: "Transcriptions des réponses", en: "Answers' transcripts"),
      transcribed.isEmpty
        ? [HTML.paragraph(say("Aucune réponse transcrite.", "No answer transcribed."), className: "empty")]
        : transcribed.map { answer in
          "<div class=\"transcript\" data-session=\"\(answer.session)\" data-trial=\"\(HTML.escaped(answer.trial.id.rawValue))\">"
            + "<strong>\(HTML.escaped(say("Séance \(answer.session), essai \(answer.trial.number)", "Session \(answer.session), trial \(answer.trial.number)")))</strong> "
            + "<span class=\"note\">(\(HTML.escaped(answer.condition.label.text(in: language))))</span><br>"
            + HTML.escaped(answer.transcript!) + "</div>"
        })
    return page.html
  }
}
