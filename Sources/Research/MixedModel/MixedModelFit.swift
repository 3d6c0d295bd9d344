import SessionModel

/// A fitted linear mixed model of one measure (``LinearMixedModel/fit(_:reference:memoryDisorder:confidence:)``):
/// the fixed effects, the variance components, the estimated marginal means per condition and
/// the contrasts against the reference condition, each with Satterthwaite degrees of freedom.
public struct MixedModelFit: Hashable, Sendable, Codable {
  /// The formula in lme4's notation, e.g. `y ~ condition * memory + session_number + (1 | participant)`.
  public var formula: String
  public var observations: Int
  public var participants: Int
  /// Distinct groups the participants belong to.
  public var groups: Int
  /// Condition levels, the reference first.
  public var conditions: [Condition]
  /// The sites, the reference first, when the site is in the model (answers from two sites or
  /// more); empty otherwise.
  public var sites: [String]
  public var includesMemoryDisorder: Bool
  public var includesGroupIntercept: Bool
  /// The mean session number, at which marginal means are computed.
  public var meanSession: Double
  public var fixedEffects: [MixedModelEstimate]
  public var variance: VarianceComponents
  /// −2 × the restricted log-likelihood at the optimum (lme4's "REML criterion at convergence").
  public var remlCriterion: Double
  public var marginalMeans: [MarginalMean]
  public var contrasts: [MixedModelContrast]
  public var confidence: Double
  /// Always "satterthwaite": the approximation lmerTest uses by default.
  public var degreesOfFreedomMethod: String

  enum CodingKeys: String, CodingKey {
    case formula, observations, participants, groups, conditions, sites
    case includesMemoryDisorder = "includes_memory_disorder", includesGroupIntercept = "includes_group_intercept"
    case meanSession = "mean_session", fixedEffects = "fixed_effects", variance
    case remlCriterion = "reml_criterion", marginalMeans = "marginal_means", contrasts, confidence
    case degreesOfFreedomMethod = "df_method"
  }

  /// The coefficient named as lmer names it.
  public func fixedEffect(_ name: String) -> MixedModelEstimate? {
    fixedEffects.first { $0.name == name }
  }

  /// `condition` against the reference, averaged over populations (`population` nil) or in one.
  public func effect(of condition: Condition, in population: MemoryPopulation? = nil) -> MixedModelEstimate? {
    contrasts.first { $0.condition == condition && $0.kind == .effect && $0.population == population }?.difference
  }

  /// The p-value of `condition`'s effect adjusted by Holm's method over the fit's effects.
  public func holmAdjustedP(of condition: Condition, in population: MemoryPopulation? = nil) -> Double? {
    contrasts.first { $0.condition == condition && $0.kind == .effect && $0.population == population }?
      .holmAdjustedP
  }

  /// How much larger `condition`'s effect is with a memory disorder than without; nil when the
  /// model has no memory-disorder term.
  public func interaction(of condition: Condition) -> MixedModelEstimate? {
    contrasts.first { $0.condition == condition && $0.kind == .interaction }?.difference
  }

  public func marginalMean(of condition: Condition, in population: MemoryPopulation? = nil) -> MixedModelEstimate? {
    marginalMeans.first { $0.condition == condition && $0.population == population }?.mean
  }
}
