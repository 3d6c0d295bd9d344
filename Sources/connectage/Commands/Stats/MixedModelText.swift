import Foundation
import Research
import SessionModel

/// The primary analysis of one measure as `connectage stats` prints it: the linear mixed model's
/// formula, variances, marginal means and contrasts against image alone (in each population and
/// their interaction when the model has the memory-disorder term), then the smell sensitivity
/// analysis; for a count, where its model is.
enum MixedModelText {
  static func lines(for analysis: MixedModelAnalysis, in language: Language) -> [String] {
    guard analysis.family == .linear else { return [MixedModelAnalysis.countsNote.text(in: language)] }
    guard let fit = analysis.fit else {
      let reason = analysis.failure ?? LocalizedText(fr: "raison inconnue", en: "unknown reason")
      return [
        LocalizedText(
          fr: "Modèle mixte : non ajusté (\(reason.french)).", en: "Mixed model: not fitted (\(reason.english))."
        )
        .text(in: language)
      ]
    }
    var lines = [
      LocalizedText(
        fr:
          "Modèle linéaire mixte (REML, ddl de Satterthwaite) : \(fit.formula) ; \(fit.observations) réponses, \(fit.participants) participant(s), \(fit.groups) groupe(s).",
        en:
          "Linear mixed model (REML, Satterthwaite df): \(fit.formula); \(fit.observations) answers, \(fit.participants) participant(s), \(fit.groups) group(s)."
      ).text(in: language)
    ]
    if let reference = fit.sites.first {
      lines.append(
        LocalizedText(
          fr:
            "Site en effet fixe (essai multicentrique) : \(fit.sites.count) sites, référence \(reference) ; les moyennes marginales pondèrent chaque site également.",
          en:
            "Site as a fixed effect (multi-centre trial): \(fit.sites.count) sites, reference \(reference); marginal means weigh each site equally."
        ).text(in: language))
    }
    lines += [
      LocalizedText(
        fr:
          "Variances : participant \(fixed(fit.variance.participant)), groupe \(fixed(fit.variance.group)), résiduelle \(fixed(fit.variance.residual)).",
        en:
          "Variances: participant \(fixed(fit.variance.participant)), group \(fixed(fit.variance.group)), residual \(fixed(fit.variance.residual))."
      ).text(in: language)
    ]
    let means = fit.conditions.compactMap { condition in
      fit.marginalMean(of: condition).map { "\(condition.rawValue) \(fixed($0.estimate)) \(interval($0))" }
    }
    lines.append(
      LocalizedText(
        fr: "Moyennes marginales estimées (séance \(fixed(fit.meanSession))) : " + means.joined(separator: ", ") + ".",
        en: "Estimated marginal means (session \(fixed(fit.meanSession))): " + means.joined(separator: ", ") + "."
      ).text(in: language))
    lines += contrastLines(fit, in: language, indent: "")
    if let without = analysis.withoutSmellImpaired {
      let left = analysis.smellImpaired.joined(separator: ", ")
      lines.append(
        LocalizedText(
          fr: "Sensibilité sans les participants hyposmiques ou anosmiques (\(left)) :",
          en: "Sensitivity without the hyposmic or anosmic participants (\(left)):"
        ).text(in: language))
      lines += contrastLines(without, in: language, indent: "  ")
    } else if let reason = analysis.sensitivityFailure {
      lines.append(
        LocalizedText(
          fr: "Sensibilité sans les participants hyposmiques ou anosmiques : non ajustée (\(reason.french)).",
          en: "Sensitivity without the hyposmic or anosmic participants: not fitted (\(reason.english))."
        ).text(in: language))
    }
    return lines
  }

  private static func contrastLines(_ fit: MixedModelFit, in language: Language, indent: String) -> [String] {
    var lines: [String] = []
    for condition in fit.conditions.dropFirst() {
      guard let effect = fit.effect(of: condition) else { continue }
      let name = "\(condition.rawValue) − \(fit.conditions[0].rawValue)"
      let averaged =
        fit.includesMemoryDisorder
        ? LocalizedText(fr: " (moyenne des deux populations)", en: " (average of both populations)")
        : LocalizedText(fr: "", en: "")
      lines.append(
        indent + name + averaged.text(in: language) + separator(language)
          + test(effect, holm: fit.holmAdjustedP(of: condition)))
      guard fit.includesMemoryDisorder else { continue }
      for population in MemoryPopulation.allCases {
        if let within = fit.effect(of: condition, in: population) {
          lines.append(
            indent + "  " + population.label.text(in: language) + separator(language)
              + test(within, holm: fit.holmAdjustedP(of: condition, in: population)))
        }
      }
      if let interaction = fit.interaction(of: condition) {
        lines.append(
          indent + "  "
            + LocalizedText(fr: "interaction (avec − sans trouble)", en: "interaction (with − without disorder)")
            .text(in: language) + separator(language) + test(interaction))
      }
    }
    return lines
  }

  private static func separator(_ language: Language) -> String { language == .french ? " : " : ": " }

  /// `2.01 [1.52 ; 2.50], t(1490.3) = 8.10, p < 0.001`, then `, p Holm = 0.004` for an effect.
  private static func test(_ estimate: MixedModelEstimate, holm: Double? = nil) -> String {
    "\(fixed(estimate.estimate)) \(interval(estimate)), t(\(String(format: "%.1f", estimate.degreesOfFreedom))) = \(fixed(estimate.t)), p \(probability(estimate.p))"
      + (holm.map { ", p Holm \(probability($0))" } ?? "")
  }

  private static func interval(_ estimate: MixedModelEstimate) -> String {
    "[\(fixed(estimate.lower)) ; \(fixed(estimate.upper))]"
  }

  private static func fixed(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "–" }
    return String(format: "%.2f", value)
  }

  private static func probability(_ value: Double) -> String {
    value < 0.001 ? "< 0.001" : "= " + String(format: "%.3f", value)
  }
}
