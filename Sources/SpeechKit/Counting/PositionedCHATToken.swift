/// A token and where it starts in the tier text, as a 0-based offset in Unicode scalars.
public struct PositionedCHATToken: Hashable, Sendable {
  public var token: CHATToken
  public var offset: Int
}
