import SessionModel

extension StudyReport {
  /// The report as one self-contained HTML page.
  public func html(in language: Language) -> String {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    let members = groups.reduce(0) { $0 + $1.members }
    var page = ReportPage(
      title: say("Étude \(study)", "Study \(study)"),
      subtitle: say(
        "\(groups.count) groupe(s), \(members) participant(s) inclus, \(sessionNumbers.count) séance(s) par groupe",
        "\(groups.count) group(s), \(members) participant(s) enrolled, \(sessionNumbers.count) session(s) per group"),
      language: language)

    page.section(
      "enrolment", LocalizedText(fr: "Inclusions et présence", en: "Enrolment and attendance"),
      [
        HTML.paragraph(
          say(
            "Patients présents à chaque séance, sur les inclus du groupe.",
            "Patients present at each session, of those enrolled in the group."), className: "note"),
        HTML.table(
          headers: [say("Groupe", "Group"), say("Inclus", "Enrolled")] + sessionNumbers.map { "S\($0)" },
          rows: groups.map { row in
            HTML.row(
              [HTML.cell(row.group.rawValue), HTML.cell("\(row.members)", numeric: true, measure: "members")]
                + sessionNumbers.map { number in
                  HTML.cell(row.present[number].map { "\($0)" } ?? "–", numeric: true, measure: "present-\(number)")
                }, data: ["group": row.group.rawValue])
          }, numericFrom: 1, id: "attendance"),
      ])

    let complete = completeness
    func share(_ count: Int) -> String {
      complete.planned == 0
        ? "–" : HTML.number(100 * Double(count) / Double(complete.planned), decimals: 1, language: language) + " %"
    }
    page.section(
      "completeness", LocalizedText(fr: "Complétude des données", en: "Data completeness"),
      [
        HTML.table(
          headers: [say("Étape", "Stage"), say("Réponses", "Answers"), say("Part des prévues", "Share of planned")],
          rows: [
            ("planned", say("prévues (inclus × essais)", "planned (enrolled × trials)"), complete.planned),
            ("recorded", say("enregistrées", "recorded"), complete.recorded),
            (
              "transcribed", say("transcrites (hors brouillons)", "transcribed (drafts excluded)"), complete.transcribed
            ),
            ("coded", say("souvenirs codés", "memories coded"), complete.coded),
            ("agreed", say("consensus entre codeurs", "coders' consensus"), complete.agreed),
          ].map { key, label, count in
            HTML.row(
              [
                HTML.cell(label), HTML.cell("\(count)", numeric: true, measure: key),
                HTML.cell(share(count), numeric: true),
              ],
              data: ["stage": key])
          }, numericFrom: 1, id: "completeness-table")
      ])

    page.section(
      "participation", LocalizedText(fr: "Participation par condition", en: "Participation by condition"),
      participationSection(language))
    page.section(
      "conditions", LocalizedText(fr: "Résumés par condition", en: "Condition summaries"), conditionSections(language))
    page.section(
      "primary", LocalizedText(fr: "Analyse principale", en: "Primary analysis"), primarySection(language))
    page.section(
      "secondary", LocalizedText(fr: "Analyse secondaire non paramétrique", en: "Secondary nonparametric analysis"),
      secondarySection(language))
    return page.html
  }

  /// Whether present patients answered at all, per condition: an outcome the measures cannot show,
  /// since a trial nobody answered has no measure.
  private func participationSection(_ language: Language) -> [String] {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    func percent(_ value: Double?) -> String {
      value.map { HTML.number(100 * $0, decimals: 1, language: language) + " %" } ?? "–"
    }
    guard let participation = statistics.participation else { return [] }
    var parts = [
      HTML.paragraph(
        say(
          "Proportion des essais présentés (image montrée, question posée) auxquels chaque patient présent a répondu (une prise enregistrée), moyenne sur les patients ; conditions délivrées. Les patients partis avant la fin ne sont pas comptés, ni les essais passés avant la question.",
          "Proportion of the trials presented (image shown, question asked) that each present patient answered (a take filed), averaged over patients; conditions as delivered. Patients who left early are not counted, nor trials skipped before the question."
        ), className: "note"),
      HTML.table(
        headers: [
          say("Condition", "Condition"), say("n participants", "n participants"),
          say("Essais présentés", "Trials presented"), say("Essais répondus", "Trials answered"),
          say("Proportion moyenne", "Mean proportion"), say("IC 95 %", "95% CI"),
        ],
        rows: participation.conditions.map { summary in
          let figures = summary.participantProportions
          return HTML.row(
            [
              HTML.cell(summary.condition.label.text(in: language)),
              HTML.cell("\(figures.count)", numeric: true, measure: "participants"),
              HTML.cell("\(summary.presented)", numeric: true, measure: "presented"),
              HTML.cell("\(summary.answered)", numeric: true, measure: "answered"),
              HTML.cell(percent(figures.mean), numeric: true, measure: "mean"),
              HTML.cell("[\(percent(figures.confidenceLow)) ; \(percent(figures.confidenceHigh))]", numeric: true),
            ], data: ["condition": summary.condition.rawValue])
        }, numericFrom: 1, id: "participation-table"),
    ]
    if let test = participation.friedman {
      let name = participation.isCochranQ ? say("Q de Cochran", "Cochran's Q") : "Friedman"
      parts.append(
        HTML.paragraph(
          say(
            "\(name) sur les proportions par patient, puis Wilcoxon signés appariés avec correction de Holm : χ²(\(test.degreesOfFreedom)) = \(HTML.number(test.statistic, decimals: 2, language: language)), p = \(HTML.number(test.pValue, decimals: 4, language: language)), n = \(test.participants).",
            "\(name) on the patients' proportions, then paired Wilcoxon signed-rank tests with Holm's correction: χ²(\(test.degreesOfFreedom)) = \(HTML.number(test.statistic, decimals: 2, language: language)), p = \(HTML.number(test.pValue, decimals: 4, language: language)), n = \(test.participants)."
          ), className: "note"))
    } else if let reason = participation.whyFriedmanNotComputed {
      parts.append(
        HTML.paragraph(say("Test non calculé : ", "Test not computed: ") + reason.text(in: language), className: "note")
      )
    }
    let pairs = participation.pairwise.filter { $0.test != nil }
    if !pairs.isEmpty {
      parts.append(
        HTML.table(
          headers: [say("Comparaison", "Comparison"), "n", "min(W⁺, W⁻)", "p", say("p (Holm)", "p (Holm)")],
          rows: pairs.map { pair in
            HTML.row(
              [
                HTML.cell("\(pair.second.label.text(in: language)) – \(pair.first.label.text(in: language))"),
                HTML.cell("\(pair.participants)", numeric: true, measure: "participants"),
                HTML.cell(HTML.number(pair.test?.statistic, decimals: 1, language: language), numeric: true),
                HTML.cell(HTML.number(pair.test?.pValue, decimals: 4, language: language), numeric: true, measure: "p"),
                HTML.cell(
                  HTML.number(pair.holmAdjustedP, decimals: 4, language: language), numeric: true, measure: "p_holm"),
              ], data: ["pair": "\(pair.first.rawValue)-\(pair.second.rawValue)"])
          }, numericFrom: 1, id: "participation-wilcoxon"))
    }
    return parts
  }

  private func conditionSections(_ language: Language) -> [String] {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    func number(_ value: Double?) -> String { HTML.number(value, decimals: 2, language: language) }
    var parts = [
      HTML.paragraph(
        say(
          "Chaque participant compte une fois par condition (moyenne de ses réponses) ; conditions délivrées (une odeur refusée compte sans odeur). IC 95 % de Student.",
          "Each participant counts once per condition (the mean of their answers); conditions as delivered (a refused scent counts without scent). 95% CI (Student's t)."
        ), className: "note")
    ]
    for (index, measure) in statistics.measures.enumerated() {
      let label = measure.measure.label.text(in: language)
      parts.append("<h3>\(HTML.escaped(label))</h3>")
      parts.append(
        HTML.table(
          headers: [
            say("Condition", "Condition"), say("n participants", "n participants"), say("n réponses", "n answers"),
            say("Moyenne", "Mean"), say("ET", "SD"), say("IC 95 %", "95% CI"), say("Médiane", "Median"),
          ],
          rows: measure.conditions.map { summary in
            let stats = summary.participantMeans
            return HTML.row(
              [
                HTML.cell(summary.condition.label.text(in: language)),
                HTML.cell("\(stats.count)", numeric: true, measure: "participants"),
                HTML.cell("\(summary.answers)", numeric: true, measure: "answers"),
                HTML.cell(number(stats.mean), numeric: true, measure: "mean"),
                HTML.cell(number(stats.standardDeviation), numeric: true, measure: "sd"),
                HTML.cell("[\(number(stats.confidenceLow)) ; \(number(stats.confidenceHigh))]", numeric: true),
                HTML.cell(number(stats.median), numeric: true, measure: "median"),
              ], data: ["measure": measure.measure.rawValue, "condition": summary.condition.rawValue])
          }, numericFrom: 1, id: "summary-\(measure.measure.rawValue)"))
      let participants = measure.conditions.map(\.participantMeans.count).max() ?? 0
      let answers = measure.conditions.reduce(0) { $0 + $1.answers }
      parts.append(
        HTML.figure(
          BoxPlot.svg(of: measure, language: language),
          caption: say(
            "\(label) par condition : n = \(participants) participants, \(answers) réponses ; chaque point est la moyenne d'un participant.",
            "\(label) by condition: n = \(participants) participants, \(answers) answers; each dot is one participant's mean."
          )))
      let lines = trajectories[index]
      let plot = SessionSeriesPlot(
        title: say("\(label) au fil des séances", "\(label) across sessions"), axisLabel: label,
        series: lines.map { line in
          SessionSeriesPlot.Series(
            condition: line.condition,
            points: line.points.compactMap { point in
              point.statistics.mean.map {
                SessionSeriesPlot.Point(
                  session: point.session, mean: $0, low: point.statistics.confidenceLow,
                  high: point.statistics.confidenceHigh)
              }
            })
        },
        footnote: LocalizedText(
          fr: "Moyenne des moyennes par participant à chaque séance ; bande : IC 95 %.",
          en: "Mean of the participants' means at each session; band: 95% CI."))
      let perSession = lines.flatMap(\.points).map(\.participants)
      parts.append(
        HTML.figure(
          plot.svg(language: language),
          caption: say(
            "\(label) au fil des séances : n = \(perSession.min() ?? 0) à \(perSession.max() ?? 0) participants par condition et séance, \(answers) réponses.",
            "\(label) across sessions: n = \(perSession.min() ?? 0) to \(perSession.max() ?? 0) participants per condition and session, \(answers) answers."
          )))
      if let note = measure.draftsNote ?? measure.skippedValuesNote {
        parts.append(HTML.paragraph(note.text(in: language), className: "note"))
      }
    }
    return parts
  }

  private func primarySection(_ language: Language) -> [String] {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    func number(_ value: Double) -> String { HTML.number(value, decimals: 2, language: language) }
    var parts = [
      HTML.paragraph(
        say(
          "Modèle linéaire mixte ajusté par REML : condition délivrée et numéro de séance en effets fixes, ordonnée à l'origine aléatoire par participant (et par groupe à partir de trois groupes) ; moyennes marginales estimées au numéro de séance moyen ; degrés de liberté de Satterthwaite ; IC 95 %. p (Holm) : p ajusté par la méthode de Holm sur les effets du modèle (chaque condition contre l'image seule, en moyenne et dans chaque population).",
          "Linear mixed model fitted by REML: condition delivered and session number as fixed effects, a random intercept per participant (and per group from three groups on); estimated marginal means at the mean session number; Satterthwaite degrees of freedom; 95% CI. p (Holm): p adjusted by Holm's method over the model's effects (each condition against image alone, averaged and in each population)."
        ), className: "note")
    ]
    for model in primaryAnalysis.models {
      parts.append("<h3>\(HTML.escaped(model.measure.label.text(in: language)))</h3>")
      parts.append(
        HTML.paragraph(
          "\(model.formula) — \(model.method) — n = \(model.participants) participants, \(model.observations) "
            + say("réponses", "answers"), className: "note"))
      if model.includesMemoryDisorder {
        parts.append(
          HTML.paragraph(
            say(
              "Les deux populations (avec et sans trouble mnésique) sont présentes : le modèle inclut le statut mnésique et son interaction avec la condition. Chaque effet est donné en moyenne, puis dans chaque population, puis la différence entre les populations (l'hypothèse : un effet plus fort avec trouble mnésique).",
              "Both populations (with and without memory disorder) are present: the model includes memory-disorder status and its interaction with condition. Each effect is given averaged, then in each population, then the difference between the populations (the hypothesis: a stronger effect with a memory disorder)."
            ), className: "note"))
      }
      func rows(_ estimates: [PrimaryAnalysisTables.Estimate], kind: String, holm: Bool = false) -> [String] {
        estimates.map { estimate in
          var shown = estimate.label
          var key = estimate.label
          if estimate.isInteraction {
            shown = say(
              "Interaction (\(estimate.label)) : avec − sans trouble mnésique",
              "Interaction (\(estimate.label)): with − without memory disorder")
            key = "interaction: \(estimate.label)"
          } else if let population = estimate.population {
            shown = "\(estimate.label), \(population.label.text(in: language))"
            key = "\(estimate.label) | \(population.rawValue)"
          }
          return HTML.row(
            [
              HTML.cell(shown), HTML.cell(number(estimate.value), numeric: true, measure: "estimate"),
              HTML.cell("[\(number(estimate.low)) ; \(number(estimate.high))]", numeric: true),
              HTML.cell(
                estimate.pValue.map { HTML.number($0, decimals: 4, language: language) } ?? "", numeric: true,
                measure: "p"),
            ]
              + (holm
                ? [
                  HTML.cell(
                    estimate.holmAdjustedP.map { HTML.number($0, decimals: 4, language: language) } ?? "",
                    numeric: true, measure: "p_holm")
                ] : []),
            data: ["model": model.measure.rawValue, "kind": kind, "label": key])
        }
      }
      parts.append(
        HTML.table(
          headers: [
            say("Moyenne marginale", "Marginal mean"), say("Estimation", "Estimate"), say("IC 95 %", "95% CI"), "p",
          ],
          rows: rows(model.marginalMeans, kind: "emm"), numericFrom: 1))
      parts.append(
        HTML.table(
          headers: [
            say("Contraste", "Contrast"), say("Différence", "Difference"), say("IC 95 %", "95% CI"), "p", "p (Holm)",
          ],
          rows: rows(model.contrasts, kind: "contrast", holm: true), numericFrom: 1))
    }
    for (measure, failure) in primaryAnalysis.failures.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      parts.append(
        HTML.paragraph("\(measure.label.text(in: language)) : \(failure.text(in: language))", className: "note"))
    }
    parts.append(HTML.paragraph(MixedModelAnalysis.countsNote.text(in: language), className: "note"))
    return parts
  }

  private func secondarySection(_ language: Language) -> [String] {
    func say(_ fr: String, _ en: String) -> String { LocalizedText(fr: fr, en: en).text(in: language) }
    func number(_ value: Double?, _ decimals: Int = 3) -> String {
      HTML.number(value, decimals: decimals, language: language)
    }
    var parts = [
      HTML.paragraph(
        say(
          "Test de Friedman (W de Kendall) sur les moyennes par participant, puis Wilcoxon signés appariés avec correction de Holm.",
          "Friedman's test (Kendall's W) on the participants' means, then paired Wilcoxon signed-rank tests with Holm's correction."
        ), className: "note"),
      HTML.table(
        headers: [say("Mesure", "Measure"), "n", "χ²", say("ddl", "df"), "p", "W"],
        rows: statistics.measures.map { measure in
          let test = measure.friedman
          return HTML.row(
            [
              HTML.cell(measure.measure.label.text(in: language)),
              HTML.cell("\(measure.completeParticipants)", numeric: true, measure: "participants"),
              HTML.cell(number(test?.statistic, 2), numeric: true, measure: "statistic"),
              HTML.cell(test.map { "\($0.degreesOfFreedom)" } ?? "–", numeric: true),
              HTML.cell(number(test?.pValue, 4), numeric: true, measure: "p"),
              HTML.cell(number(test?.kendallW), numeric: true),
            ], data: ["measure": measure.measure.rawValue])
        }, numericFrom: 1, id: "friedman"),
    ]
    parts.append(
      HTML.table(
        headers: [
          say("Mesure", "Measure"), say("Comparaison", "Comparison"), "n",
          // SciPy's statistic, the smaller rank sum: not R's V, which is W⁺ of the first sample.
          "min(W⁺, W⁻)", "p", say("p (Holm)", "p (Holm)"),
        ],
        rows: statistics.measures.flatMap { measure in
          measure.pairwise.map { pair in
            HTML.row(
              [
                HTML.cell(measure.measure.label.text(in: language)),
                HTML.cell("\(pair.second.label.text(in: language)) – \(pair.first.label.text(in: language))"),
                HTML.cell("\(pair.participants)", numeric: true, measure: "participants"),
                HTML.cell(number(pair.test?.statistic, 1), numeric: true),
                HTML.cell(number(pair.test?.pValue, 4), numeric: true, measure: "p"),
                HTML.cell(number(pair.holmAdjustedP, 4), numeric: true),
              ], data: ["measure": measure.measure.rawValue, "pair": "\(pair.first.rawValue)-\(pair.second.rawValue)"])
          }
        }, numericFrom: 2, id: "wilcoxon"))
    return parts
  }
}
