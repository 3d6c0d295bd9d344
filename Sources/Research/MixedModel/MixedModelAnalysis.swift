import SessionModel

/// What `connectage stats` says about a measure's primary analysis: the linear mixed model for a
/// continuous measure, on every participant and (sensitivity) without the participants whose
/// smell screening found them hyposmic or anosmic; for a count, that ConnectAge does not fit the
/// Poisson or negative-binomial model and the exported `analysis.R` does.
public struct MixedModelAnalysis: Hashable, Sendable, Codable {
  public enum Family: String, Hashable, Sendable, Codable {
    /// Fitted here by ``LinearMixedModel``.
    case linear
    /// Poisson or negative-binomial mixed model, left to analysis.R.
    case counts
  }

  public var family: Family
  /// The model on every participant; nil for counts, or when it could not be fitted (``failure``).
  public var fit: MixedModelFit?
  public var failure: LocalizedText?
  /// Participants screened hyposmic or anosmic, whom the sensitivity analysis leaves out.
  public var smellImpaired: [String]
  /// The same model without ``smellImpaired``; nil when there is nobody to leave out.
  public var withoutSmellImpaired: MixedModelFit?
  public var sensitivityFailure: LocalizedText?

  enum CodingKeys: String, CodingKey {
    case family, fit, failure, smellImpaired = "smell_impaired", withoutSmellImpaired = "without_smell_impaired"
    case sensitivityFailure = "sensitivity_failure"
  }

  /// The analysis of a count measure: nothing fitted here.
  public static let counts = MixedModelAnalysis(family: .counts, smellImpaired: [])

  init(
    family: Family, fit: MixedModelFit? = nil, failure: LocalizedText? = nil, smellImpaired: [String],
    withoutSmellImpaired: MixedModelFit? = nil, sensitivityFailure: LocalizedText? = nil
  ) {
    self.family = family
    self.fit = fit
    self.failure = failure
    self.smellImpaired = smellImpaired
    self.withoutSmellImpaired = withoutSmellImpaired
    self.sensitivityFailure = sensitivityFailure
  }

  /// Fits the model to `observations`, then again without `smellImpaired` participants when there are any.
  public init(linear observations: [MixedModelObservation], smellImpaired: Set<String>) {
    family = .linear
    self.smellImpaired = smellImpaired.intersection(observations.map(\.participant)).sorted()
    do throws(MixedModelError) { fit = try LinearMixedModel.fit(observations) } catch { failure = error.message }
    guard !self.smellImpaired.isEmpty, fit != nil else { return }
    do throws(MixedModelError) {
      withoutSmellImpaired = try LinearMixedModel.fit(observations.filter { !smellImpaired.contains($0.participant) })
    } catch { sensitivityFailure = error.message }
  }

  /// Where the reader finds the model of a count measure.
  public static let countsNote = LocalizedText(
    fr:
      "Modèle principal des comptes (Poisson et binomiale négative à effets mixtes) : ConnectAge ne l'ajuste pas ; analysis.R, écrit avec l'export (connectage export all), l'ajuste.",
    en:
      "Primary model for counts (Poisson and negative-binomial mixed models): ConnectAge does not fit it; analysis.R, written with the export (connectage export all), does."
  )
}
