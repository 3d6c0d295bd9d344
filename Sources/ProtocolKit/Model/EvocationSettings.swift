import SessionModel

/// The evocation task that follows every stimulus: "what does this remind you of?".
public struct EvocationSettings: Hashable, Sendable, Codable {
  public static let defaultAnswerSeconds = 90
  public static let answerSecondsRange = 10...300

  /// Whether each speaker's answer is recorded; always `false` for animations.
  public var recording: Bool
  /// The recording window given to each speaker, in seconds.
  public var maximumAnswerSeconds: Int
  /// The question shown and read; `nil` uses the session engine's standard prompt.
  public var prompt: LocalizedText?

  public init(recording: Bool, maximumAnswerSeconds: Int = defaultAnswerSeconds, prompt: LocalizedText? = nil) {
    self.recording = recording
    self.maximumAnswerSeconds = maximumAnswerSeconds
    self.prompt = prompt
  }
}
