/// An image shown to the group, with what the protocol needs to know about it.
public struct Stimulus: Hashable, Sendable, Codable, Identifiable {
  public var id: StimulusID
  /// Path of the image relative to the assets folder, e.g. `stimuli/verger.svg`.
  public var image: String
  public var caption: LocalizedText?
  /// A short theme such as `campagne`, `cuisine`, `fête`.
  public var theme: String
  /// The decade or period the image evokes, such as `1950s` or `timeless`.
  public var era: String
  /// The scent that belongs with this image in scent conditions.
  public var pairedScent: ScentID?

  public init(
    id: StimulusID, image: String, caption: LocalizedText? = nil, theme: String, era: String,
    pairedScent: ScentID? = nil
  ) {
    self.id = id
    self.image = image
    self.caption = caption
    self.theme = theme
    self.era = era
    self.pairedScent = pairedScent
  }
}
