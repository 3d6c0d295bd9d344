import Foundation
import Research
import SessionModel
import Store

/// `connectage stats` as a terminal reads it: per measure, a table of the conditions, then
/// Friedman's test and the pairwise comparisons.
enum StatisticsText {
  static func text(of report: StatisticsReport, in language: Language) -> String {
    var blocks = [
      LocalizedText(
        fr:
          "\(report.participants) participant(s), conditions : \(report.conditions.map(\.rawValue).joined(separator: ", ")). "
          + "Chiffres sur les moyennes par participant ; IC 95 % par la loi t de Student.",
        en:
          "\(report.participants) participant(s), conditions: \(report.conditions.map(\.rawValue).joined(separator: ", ")). "
          + "Figures on participants' means; 95% CI from Student's t."
      ).text(in: language) + "\n" + basisSentence(report).text(in: language)
    ]
    blocks += report.measures.map { block(for: $0, in: language) }
    if let participation = report.participation { blocks.append(block(for: participation, in: language)) }
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// Which condition the figures compare, and how many answers met another condition than planned.
  private static func basisSentence(_ report: StatisticsReport) -> LocalizedText {
    let differing = report.answersWithUndeliveredScent
    switch report.basis {
    case .delivered:
      return LocalizedText(
        fr:
          "Conditions délivrées : \(differing) réponse(s) dont l'odeur n'a pas été diffusée comptent sans odeur (--by planned pour l'analyse en intention de traiter).",
        en:
          "Delivered conditions: \(differing) answer(s) whose scent was not released count without scent (--by planned for intention to treat)."
      )
    case .planned:
      return LocalizedText(
        fr:
          "Conditions prévues (intention de traiter) : \(differing) réponse(s) comptent avec une odeur qui n'a pas été diffusée.",
        en: "Planned conditions (intention to treat): \(differing) answer(s) count with a scent that was not released.")
    }
  }

  private static func block(for statistics: MeasureStatistics, in language: Language) -> String {
    let header = [
      "condition", "n", "réponses|answers", "moyenne|mean", "ET|SD", "médiane|median", "IQR", "IC 95 %|95% CI",
    ]
    .map(text)
    let rows = statistics.conditions.map { summary -> [LocalizedText] in
      let figures = summary.participantMeans
      let interval =
        if let low = figures.confidenceLow, let high = figures.confidenceHigh {
          "[\(fixed(low)) ; \(fixed(high))]"
        } else { "–" }
      return [
        summary.condition.rawValue, String(figures.count), String(summary.answers), fixed(figures.mean),
        fixed(figures.standardDeviation), fixed(figures.median), fixed(figures.interquartileRange), interval,
      ].map { LocalizedText(fr: $0, en: $0) }
    }
    var lines = [
      statistics.measure.label.text(in: language) + " (\(statistics.measure.rawValue))",
      TextTable(header: header, rows: rows).text(in: language),
    ]
    if let note = statistics.skippedValuesNote { lines.append(note.text(in: language) + ".") }
    if let note = statistics.sourcesNote { lines.append(note.text(in: language) + ".") }
    if let note = statistics.draftsNote { lines.append(note.text(in: language) + ".") }
    if let analysis = statistics.mixedModel {
      lines += MixedModelText.lines(for: analysis, in: language)
    }
    let excluded = statistics.excludedFromFriedman.map(\.rawValue).joined(separator: ", ")
    if let friedman = statistics.friedman {
      lines.append(
        LocalizedText(
          fr:
            "Friedman : χ²(\(friedman.degreesOfFreedom)) = \(fixed(friedman.statistic)), p \(probability(friedman.pValue)), "
            + "W de Kendall = \(fixed(friedman.kendallW)), \(friedman.participants) participant(s) complets"
            + (excluded.isEmpty ? "." : " ; exclus (condition manquante) : \(excluded)."),
          en:
            "Friedman: χ²(\(friedman.degreesOfFreedom)) = \(fixed(friedman.statistic)), p \(probability(friedman.pValue)), "
            + "Kendall's W = \(fixed(friedman.kendallW)), \(friedman.participants) complete participant(s)"
            + (excluded.isEmpty ? "." : "; excluded (missing condition): \(excluded).")
        ).text(in: language))
    } else if let reason = statistics.whyFriedmanNotComputed {
      lines.append(
        LocalizedText(
          fr: "Friedman : non calculé (\(reason.french)).", en: "Friedman: not computed (\(reason.english))."
        ).text(in: language))
    }
    lines += pairLines(statistics.pairwise, in: language)
    return lines.joined(separator: "\n")
  }

  /// Each pair's Wilcoxon test, or why it was not computed.
  private static func pairLines(_ pairs: [PairwiseComparison], in language: Language) -> [String] {
    var lines: [String] = []
    for pair in pairs {
      let names = "\(pair.first.rawValue) / \(pair.second.rawValue)"
      guard let test = pair.test, let holm = pair.holmAdjustedP else {
        guard let reason = pair.whyNotComputed else { continue }
        lines.append(
          LocalizedText(
            fr: "Wilcoxon \(names) : non calculé (\(reason.french)).",
            en: "Wilcoxon \(names): not computed (\(reason.english))."
          ).text(in: language))
        continue
      }
      let method = LocalizedText(
        fr: test.method == .exact ? "exact" : "approx. normale", en: test.method == .exact ? "exact" : "normal approx.")
      lines.append(
        LocalizedText(
          fr:
            "Wilcoxon \(names) : W = \(fixed(test.statistic)), p \(probability(test.pValue)), p Holm \(probability(holm)), "
            + "r = \(fixed(test.rankBiserial)), \(pair.participants) participant(s), \(pair.excluded) exclu(s), \(method.french).",
          en:
            "Wilcoxon \(names): W = \(fixed(test.statistic)), p \(probability(test.pValue)), Holm p \(probability(holm)), "
            + "r = \(fixed(test.rankBiserial)), \(pair.participants) participant(s), \(pair.excluded) excluded, \(method.english)."
        ).text(in: language))
    }
    return lines
  }

  /// Whether present participants answered: per condition, the participants' proportions of
  /// presented trials answered, then the test across conditions.
  private static func block(for participation: ParticipationStatistics, in language: Language) -> String {
    if participation.conditions.isEmpty, let reason = participation.whyFriedmanNotComputed {
      return LocalizedText(
        fr: "Participation (answered) : non calculée (\(reason.french)).",
        en: "Participation (answered): not computed (\(reason.english))."
      ).text(in: language)
    }
    let header = [
      "condition", "n", "essais présentés|trials presented", "répondus|answered", "moyenne|mean", "ET|SD",
      "IC 95 %|95% CI",
    ]
    .map(text)
    let rows = participation.conditions.map { summary -> [LocalizedText] in
      let figures = summary.participantProportions
      let interval =
        if let low = figures.confidenceLow, let high = figures.confidenceHigh {
          "[\(fixed(low)) ; \(fixed(high))]"
        } else { "–" }
      return [
        summary.condition.rawValue, String(figures.count), String(summary.presented), String(summary.answered),
        fixed(figures.mean), fixed(figures.standardDeviation), interval,
      ].map { LocalizedText(fr: $0, en: $0) }
    }
    var lines = [
      LocalizedText(
        fr: "Participation (answered) : proportion des essais présentés auxquels chaque participant présent a répondu",
        en: "Participation (answered): each present participant's proportion of presented trials answered"
      ).text(in: language),
      TextTable(header: header, rows: rows).text(in: language),
    ]
    if participation.leftEarlyTrialsExcluded > 0 {
      lines.append(
        LocalizedText(
          fr: "\(participation.leftEarlyTrialsExcluded) essai(s) de participants partis avant la fin écartés.",
          en: "\(participation.leftEarlyTrialsExcluded) trial(s) of participants who left early left out."
        ).text(in: language))
    }
    if participation.notAskedTrialsExcluded > 0 {
      lines.append(
        LocalizedText(
          fr:
            "\(participation.notAskedTrialsExcluded) essai(s) montré(s) sans que la question soit posée (passé(s) sur l'image) écarté(s).",
          en:
            "\(participation.notAskedTrialsExcluded) trial(s) shown without the question being asked (skipped on the image) left out."
        ).text(in: language))
    }
    if let friedman = participation.friedman {
      let cochran = LocalizedText(fr: " (Q de Cochran)", en: " (Cochran's Q)")
      lines.append(
        LocalizedText(
          fr:
            "Friedman\(participation.isCochranQ ? cochran.french : "") : χ²(\(friedman.degreesOfFreedom)) = \(fixed(friedman.statistic)), "
            + "p \(probability(friedman.pValue)), \(friedman.participants) participant(s) complets.",
          en:
            "Friedman\(participation.isCochranQ ? cochran.english : ""): χ²(\(friedman.degreesOfFreedom)) = \(fixed(friedman.statistic)), "
            + "p \(probability(friedman.pValue)), \(friedman.participants) complete participant(s)."
        ).text(in: language))
    } else if let reason = participation.whyFriedmanNotComputed {
      lines.append(
        LocalizedText(
          fr: "Friedman : non calculé (\(reason.french)).", en: "Friedman: not computed (\(reason.english))."
        ).text(in: language))
    }
    lines += pairLines(participation.pairwise, in: language)
    return lines.joined(separator: "\n")
  }

  /// `"fr|en"` split into both languages; one word when they agree.
  private static func text(_ both: String) -> LocalizedText {
    let parts = both.split(separator: "|").map(String.init)
    return LocalizedText(fr: parts[0], en: parts.count > 1 ? parts[1] : parts[0])
  }

  private static func fixed(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.2f", value)
  }

  /// `= 0.049` with three decimals, and `< 0.001` below them, as journals print p.
  private static func probability(_ value: Double) -> String {
    value < 0.001 ? "< 0.001" : "= " + String(format: "%.3f", value)
  }
}
