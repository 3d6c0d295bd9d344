/// The estimated variances of the random intercepts and of the residual (REML).
public struct VarianceComponents: Hashable, Sendable, Codable {
  public var participant: Double
  /// `nil` when the model has no group intercept (fewer than three groups).
  public var group: Double?
  public var residual: Double

  public init(participant: Double, group: Double?, residual: Double) {
    self.participant = participant
    self.group = group
    self.residual = residual
  }
}
