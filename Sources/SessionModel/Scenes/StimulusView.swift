/// A stimulus image filling the screen.
public struct StimulusView: Hashable, Sendable, Codable {
  public var stimulus: StimulusID
  /// Path relative to the assets folder.
  public var image: String
  public var caption: LocalizedText?
  /// True while a scent is being released, so the screen can show a discreet sign.
  public var scentIsReleasing: Bool

  public init(stimulus: StimulusID, image: String, caption: LocalizedText? = nil, scentIsReleasing: Bool = false) {
    self.stimulus = stimulus
    self.image = image
    self.caption = caption
    self.scentIsReleasing = scentIsReleasing
  }
}
