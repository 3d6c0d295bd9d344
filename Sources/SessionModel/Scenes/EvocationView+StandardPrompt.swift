extension EvocationView {
  /// The question asked when the protocol names none: what the screen shows and the therapist
  /// reads, and what a speech-recognition draft looks for at the start of a recording.
  public static let standardPrompt = LocalizedText(
    fr: "Qu'est-ce que cela vous rappelle ?", en: "What does this remind you of?")
}
