/// How long each stimulus is shown and how long its scent is released.
public struct PresentationSettings: Hashable, Sendable, Codable {
  public static let defaultImageSeconds = 30
  public static let imageSecondsRange = 5...300
  public static let defaultScentPulseMilliseconds = 4_000

  public var imageSeconds: Int
  /// One release per scent trial; never longer than the protocol's `maximumPulseMilliseconds`.
  public var scentPulseMilliseconds: Int

  public init(
    imageSeconds: Int = defaultImageSeconds, scentPulseMilliseconds: Int = defaultScentPulseMilliseconds
  ) {
    self.imageSeconds = imageSeconds
    self.scentPulseMilliseconds = scentPulseMilliseconds
  }
}
