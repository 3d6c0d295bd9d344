/// The evocation task: "what does this remind you of?".
public struct EvocationView: Hashable, Sendable, Codable {
  /// The image stays visible, smaller, while people speak.
  public var image: String
  /// The prompt; `nil` uses the Stage's standard wording.
  public var prompt: LocalizedText?
  /// Who has the floor; `nil` while the floor is open and players may ask for it.
  public var speaker: PlayerNumber?
  /// Players who asked for the floor with their pad, in the order they asked.
  public var waiting: [PlayerNumber]
  /// True while the speaker's answer is being recorded.
  public var isRecording: Bool

  public init(
    image: String, prompt: LocalizedText? = nil, speaker: PlayerNumber? = nil, waiting: [PlayerNumber] = [],
    isRecording: Bool = false
  ) {
    self.image = image
    self.prompt = prompt
    self.speaker = speaker
    self.waiting = waiting
    self.isRecording = isRecording
  }
}
