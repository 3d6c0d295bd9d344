import SessionModel

/// One linear combination of the fixed effects (a coefficient, a marginal mean or a contrast)
/// with its standard error, Satterthwaite degrees of freedom, t test against zero and
/// confidence interval.
public struct MixedModelEstimate: Hashable, Sendable, Codable {
  /// A coefficient's name as R's lmer names it (`conditionimage_scent:memorywith`), or what the
  /// combination is (`image_scent - image`).
  public var name: String
  public var estimate: Double
  public var standardError: Double
  public var degreesOfFreedom: Double
  public var t: Double
  /// Two-sided.
  public var p: Double
  public var lower: Double
  public var upper: Double

  public init(
    name: String, estimate: Double, standardError: Double, degreesOfFreedom: Double, t: Double, p: Double,
    lower: Double, upper: Double
  ) {
    self.name = name
    self.estimate = estimate
    self.standardError = standardError
    self.degreesOfFreedom = degreesOfFreedom
    self.t = t
    self.p = p
    self.lower = lower
    self.upper = upper
  }

  enum CodingKeys: String, CodingKey {
    case name, estimate, standardError = "standard_error", degreesOfFreedom = "df", t, p, lower, upper
  }
}

/// The estimated marginal mean of one condition (emmeans' definition): the model's prediction at
/// the mean session number, averaged with equal weights over the populations the model has, or
/// within one population.
public struct MarginalMean: Hashable, Sendable, Codable {
  public var condition: Condition
  /// `nil`: averaged over the populations (or the only one).
  public var population: MemoryPopulation?
  public var mean: MixedModelEstimate

  public init(condition: Condition, population: MemoryPopulation?, mean: MixedModelEstimate) {
    self.condition = condition
    self.population = population
    self.mean = mean
  }
}

/// A condition against the reference (image alone): averaged over populations, within one
/// population, or (``Kind/interaction``) the difference of that effect between the populations
/// (with minus without memory disorder).
public struct MixedModelContrast: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case effect
    case interaction
  }

  public var condition: Condition
  public var reference: Condition
  public var kind: Kind
  /// For ``Kind/effect``: the population it is estimated in; `nil` averaged over populations.
  public var population: MemoryPopulation?
  public var difference: MixedModelEstimate
  /// For ``Kind/effect``: the p-value adjusted by Holm's method over every effect of the fit (each
  /// condition against the reference, averaged and in each population), as R's
  /// `p.adjust(method = "holm")` adjusts them; nil for an interaction.
  public var holmAdjustedP: Double?

  public init(
    condition: Condition, reference: Condition, kind: Kind, population: MemoryPopulation?,
    difference: MixedModelEstimate, holmAdjustedP: Double? = nil
  ) {
    self.condition = condition
    self.reference = reference
    self.kind = kind
    self.population = population
    self.difference = difference
    self.holmAdjustedP = holmAdjustedP
  }

  enum CodingKeys: String, CodingKey {
    case condition, reference, kind, population, difference, holmAdjustedP = "p_holm"
  }
}
