import SessionModel

extension SessionReport {
  /// The report as one self-contained HTML page.
  public func html(in language: Language) -> String {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    func number(_ value: Double?, _ decimals: Int = 1) -> String {
      HTML.number(value, decimals: decimals, language: language)
    }
    let present = seats.filter(\.present)
    var page = ReportPage(
      title: say("Séance \(session.id)", "Session \(session.id)"),
      subtitle: [
        session.study.map { say("Étude \($0)", "Study \($0)") },
        session.group.map { say("groupe \($0)", "group \($0)") },
        say("séance n° \(session.number)", "session no. \(session.number)"),
        "\(session.heldOn ?? session.date)",
        durationSeconds.map { say("durée \(Self.clock($0))", "duration \(Self.clock($0))") },
      ].compactMap { $0 }.joined(separator: " · "),
      language: language)

    page.section(
      "attendance", LocalizedText(fr: "Présence et places", en: "Attendance and seats"),
      [
        HTML.paragraph(
          say(
            "\(present.count) présent(s) sur \(seats.count) ; \(answers.count) réponse(s) analysée(s), \(session.trials.count) essai(s) prévus.",
            "\(present.count) present of \(seats.count); \(answers.count) answer(s) analysed, \(session.trials.count) trial(s) planned."
          )),
        HTML.table(
          headers: [
            say("Participant", "Participant"), say("Présence", "Attendance"), say("Place", "Seat"),
            say("Avatar", "Avatar"), say("Réponses", "Answers"),
          ],
          rows: seats.map { seat in
            HTML.row(
              [
                HTML.cell(seat.participant.rawValue),
                HTML.presenceCell(
                  present: seat.present, recorded: seat.joinedLate ? nil : seat.recorded,
                  presentText: seat.joinedLate
                    ? say("présent (arrivé en retard)", "present (joined late)") : say("présent", "present"),
                  absentText: say("absent", "absent"), language: language),
                HTML.cell(seat.player.map { "\($0.rawValue)" } ?? "–", numeric: true),
                HTML.cell(seat.avatar?.rawValue ?? "–"),
                HTML.cell("\(seat.answers)", numeric: true, measure: "answers"),
              ], data: ["participant": seat.participant.rawValue, "present": seat.present ? "1" : "0"])
          }, numericFrom: 2, id: "seats"),
      ])

    page.section(
      "answers", LocalizedText(fr: "Réponses par patient et par essai", en: "Answers per patient and trial"),
      answerSections(language: language))

    page.section(
      "scents", LocalizedText(fr: "Odeurs", en: "Scents"),
      scents.isEmpty
        ? [
          HTML.paragraph(
            say("Aucun essai avec odeur dans cette séance.", "No trial with a scent in this session."),
            className: "empty")
        ]
        : [
          HTML.paragraph(
            say(
              "\(scents.filter { $0.outcome.isDelivered == true }.count) diffusée(s), \(scents.filter { $0.outcome == .refused }.count) refusée(s) sur \(scents.count).",
              "\(scents.filter { $0.outcome.isDelivered == true }.count) released, \(scents.filter { $0.outcome == .refused }.count) refused of \(scents.count)."
            )),
          HTML.table(
            headers: [
              say("Essai", "Trial"), say("Odeur", "Scent"), say("Résultat", "Outcome"), say("Raison", "Reason"),
            ],
            rows: scents.map { row in
              HTML.row(
                [
                  HTML.cell("\(row.trial.number)", numeric: true), HTML.cell(row.trial.scent?.rawValue ?? "–"),
                  HTML.cell(Self.describe(row.outcome).text(in: language)), HTML.cell(row.reason ?? ""),
                ], data: ["trial": row.trial.id.rawValue, "outcome": row.outcome.rawValue])
            }, id: "scent-table"),
        ])

    page.section(
      "operator", LocalizedText(fr: "Actions de l'animateur", en: "Operator actions"),
      moments(
        actions, empty: say("Aucune pause, reprise ni saut.", "No pause, redo or skip."), id: "actions",
        language: language))
    page.section(
      "incidents", LocalizedText(fr: "Incidents", en: "Incidents"),
      moments(incidents, empty: say("Aucun incident.", "No incident."), id: "incident-table", language: language))
    return page.html
  }

  private func answerSections(language: Language) -> [String] {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    guard !answers.isEmpty else {
      return [HTML.paragraph(say("Aucune réponse analysée.", "No answer analysed."), className: "empty")]
    }
    var parts = [
      HTML.paragraph(
        say(
          "Temps de parole : durée de phonation ; durée : du premier au dernier mot. Marques : « auto » valeur automatique, « relu » valeur d'un codeur, « consensus » valeur convenue (comme les colonnes *_source de measures.csv).",
          "Speaking time: phonation time; duration: first to last word. Marks: 'auto' automatic value, 'reviewed' a coder's value, 'consensus' the agreed value (as the *_source columns of measures.csv)."
        ), className: "note")
    ]
    let byParticipant = Dictionary(grouping: answers, by: \.participant)
    var totals: [String] = []
    for participant in byParticipant.keys.sorted() {
      let rows = byParticipant[participant]!
      parts.append("<h3>\(HTML.escaped(participant.rawValue))</h3>")
      parts.append(
        HTML.table(
          headers: [
            say("Essai", "Trial"), say("Condition", "Condition"), say("Durée (s)", "Duration (s)"),
            say("Temps de parole (s)", "Speaking time (s)"), say("Mots", "Words"), say("Souvenirs", "Memories"),
          ],
          rows: rows.map { row in
            HTML.row(
              [
                HTML.cell("\(row.trial.number)", numeric: true),
                HTML.cell(
                  row.deliveredCondition.label.text(in: language)
                    + (row.deliveredCondition != row.trial.condition
                      ? say(
                        " (prévu : \(row.trial.condition.label.french))",
                        " (planned: \(row.trial.condition.label.english))") : "")),
                HTML.cell(
                  HTML.number(row.speechDurationSeconds, language: language), numeric: true,
                  measure: "speech_duration_s"),
                HTML.cell(
                  HTML.number(row.speakingTimeSeconds, language: language), numeric: true, measure: "phonation_time_s"),
                HTML.cell(
                  (row.words.value.map { "\($0)" } ?? "–")
                    + Self.mark(row.words.value == nil ? nil : row.words.source, language),
                  numeric: true, measure: "words", escape: false),
                HTML.cell(
                  (row.memories.map { "\($0)" } ?? "–")
                    + Self.mark(row.memories == nil ? nil : row.memoriesSource, language),
                  numeric: true, measure: "memories", escape: false),
              ], data: ["participant": participant.rawValue, "trial": row.trial.id.rawValue])
          }, numericFrom: 2, id: "answers-\(participant.rawValue)"))
      let speaking = rows.compactMap(\.speakingTimeSeconds).reduce(0, +)
      let words = rows.compactMap(\.words.value).reduce(0, +)
      let memories = rows.compactMap(\.memories).reduce(0, +)
      totals.append(
        HTML.row(
          [
            HTML.cell(participant.rawValue), HTML.cell("\(rows.count)", numeric: true, measure: "answers"),
            HTML.cell(HTML.number(speaking, language: language), numeric: true, measure: "phonation_time_s"),
            HTML.cell("\(words)", numeric: true, measure: "words"),
            HTML.cell("\(memories)", numeric: true, measure: "memories"),
          ], data: ["participant": participant.rawValue]))
    }
    parts.insert(
      HTML.table(
        headers: [
          say("Participant", "Participant"), say("Réponses", "Answers"),
          say("Temps de parole (s)", "Speaking time (s)"),
          say("Mots", "Words"), say("Souvenirs", "Memories"),
        ], rows: totals, numericFrom: 1, id: "totals"), at: 1)
    return parts
  }

  private func moments(_ list: [LoggedMoment], empty: String, id: String, language: Language) -> [String] {
    guard !list.isEmpty else { return [HTML.paragraph(empty, className: "empty")] }
    return [
      HTML.table(
        headers: [
          LocalizedText(fr: "Moment", en: "Time").text(in: language),
          LocalizedText(fr: "Essai", en: "Trial").text(in: language),
          LocalizedText(fr: "Quoi", en: "What").text(in: language),
        ],
        rows: list.map { moment in
          HTML.row([
            HTML.cell(moment.secondsFromStart.map(Self.clock) ?? "–"),
            HTML.cell(moment.trialNumber.map { "\($0)" } ?? "–"),
            HTML.cell(moment.what.text(in: language)),
          ])
        }, id: id)
    ]
  }

  /// `h:mm:ss` from the session's first event.
  static func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.down))
    let (hours, minutes, rest) = (total / 3_600, total / 60 % 60, total % 60)
    return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(rest < 10 ? "0" : "")\(rest)"
  }

  /// The source's mark after a value, as `*_source` names it.
  static func mark(_ source: ValueSource?, _ language: Language) -> String {
    guard let source else { return "" }
    let text: LocalizedText =
      switch source {
      case .automatic: LocalizedText(fr: "auto", en: "auto")
      case .coder, .codersMean: LocalizedText(fr: "relu", en: "reviewed")
      case .consensus: LocalizedText(fr: "consensus", en: "consensus")
      }
    return "<span class=\"mark\" data-source=\"\(source.rawValue)\">\(HTML.escaped(text.text(in: language)))</span>"
  }

  static func describe(_ outcome: ScentDelivery.Outcome) -> LocalizedText {
    switch outcome {
    case .released: LocalizedText(fr: "diffusée", en: "released")
    case .releasedLate: LocalizedText(fr: "diffusée en retard", en: "released late")
    case .refused: LocalizedText(fr: "refusée par le diffuseur", en: "refused by the diffuser")
    case .skipped: LocalizedText(fr: "non envoyée (sécurité ou animateur)", en: "not sent (safety or operator)")
    case .unconfirmed: LocalizedText(fr: "envoyée, sans confirmation", en: "sent, never confirmed")
    case .requested: LocalizedText(fr: "demandée, journal interrompu", en: "requested, log cut short")
    case .notSent: LocalizedText(fr: "non envoyée", en: "not sent")
    case .notLogged: LocalizedText(fr: "absente du journal", en: "not in the log")
    }
  }
}
