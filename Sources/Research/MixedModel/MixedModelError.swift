import SessionModel

/// Why a linear mixed model could not be fitted to a measure.
public enum MixedModelError: Error, Hashable, Sendable {
  case noObservations
  /// The reference condition (image alone) has no answer, so no contrast has a baseline.
  case referenceConditionMissing(Condition)
  /// Fewer than two participants, or no more answers than fixed effects.
  case tooFewData(participants: Int, answers: Int)
  /// The fixed effects cannot all be estimated (a condition met by nobody in one population…).
  case fixedEffectsNotEstimable

  public var message: LocalizedText {
    switch self {
    case .noObservations:
      LocalizedText(fr: "aucune valeur à modéliser", en: "no value to model")
    case .referenceConditionMissing(let condition):
      LocalizedText(
        fr: "la condition de référence (\(condition.label.french)) n'a aucune réponse",
        en: "the reference condition (\(condition.label.english)) has no answer")
    case .tooFewData(let participants, let answers):
      LocalizedText(
        fr: "trop peu de données pour le modèle mixte (\(participants) participant(s), \(answers) réponse(s))",
        en: "too few data for the mixed model (\(participants) participant(s), \(answers) answer(s))")
    case .fixedEffectsNotEstimable:
      LocalizedText(
        fr:
          "les effets fixes ne sont pas tous estimables (une condition absente d'une population ?)",
        en: "the fixed effects are not all estimable (a condition missing from one population?)")
    }
  }
}
