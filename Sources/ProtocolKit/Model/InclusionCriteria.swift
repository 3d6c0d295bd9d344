import SessionModel

/// Who may be included in a clinical study (`inclusion:` in the protocol file).
///
/// Each criterion is optional; a protocol without `inclusion:` includes everyone it is given.
public struct InclusionCriteria: Hashable, Sendable, Codable {
  /// Whole calendar months from the stroke's month to the inclusion date's month.
  public var monthsSinceStroke: ClosedRange<Int>?
  /// One stroke only, on one side of the brain.
  public var singleUnilateralStroke: Bool
  /// The aphasia assessment found neither a comprehension nor an expression disorder.
  public var noComprehensionOrExpressionDisorder: Bool
  /// The smell screening was done (whatever its result: anosmic patients still attend).
  public var smellScreeningDone: Bool

  public init(
    monthsSinceStroke: ClosedRange<Int>? = nil, singleUnilateralStroke: Bool = false,
    noComprehensionOrExpressionDisorder: Bool = false, smellScreeningDone: Bool = false
  ) {
    self.monthsSinceStroke = monthsSinceStroke
    self.singleUnilateralStroke = singleUnilateralStroke
    self.noComprehensionOrExpressionDisorder = noComprehensionOrExpressionDisorder
    self.smellScreeningDone = smellScreeningDone
  }

  /// No criterion at all: everyone is eligible.
  public static let everyone = InclusionCriteria()
}
