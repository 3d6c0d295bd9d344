/// What a study's counterbalanced plan is drawn from besides its protocol: the number of
/// participants it is planned for and the seed. Both change which images each session shows, so a
/// study keeps the values of its first run: planned again with others, the same session id
/// (`G01-S10`) would name other images, and a resume or make-up would replay another order.
public struct PlanChoice: Hashable, Sendable {
  public var participants: Int
  public var seed: UInt64

  public init(participants: Int, seed: UInt64) {
    self.participants = participants
    self.seed = seed
  }

  /// The values a study gets when nobody chose others: ten participants, seed 1.
  public static let standard = PlanChoice(participants: 10, seed: 1)

  /// This plan with the values given (nil keeps this one's).
  public func overriding(participants: Int?, seed: UInt64?) -> PlanChoice {
    PlanChoice(participants: participants ?? self.participants, seed: seed ?? self.seed)
  }
}
