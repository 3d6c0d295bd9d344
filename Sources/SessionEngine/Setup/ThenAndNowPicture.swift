import SessionModel

/// A picture for "Autrefois et aujourd'hui", with the side it belongs to.
public struct ThenAndNowPicture: Hashable, Sendable, Codable {
  public var picture: PictureChoice
  /// True when the picture shows today (right side), false when it shows the past (left side).
  public var isNow: Bool

  public init(picture: PictureChoice, isNow: Bool) {
    self.picture = picture
    self.isNow = isNow
  }
}
