/// How fast the autopilot plays: human speed for a demo someone watches, or fast for tests.
public struct AutopilotPace: Sendable {
  /// Between two actions, as a person would press one button after another.
  public var secondsBetweenActions: Double
  /// How long an image stays before the therapist goes on.
  public var secondsOnStimulus: Double
  /// How long revealed answers stay before the therapist goes on.
  public var secondsOnReveal: Double
  /// How long each speaker talks before the therapist ends the turn.
  public var secondsPerAnswer: Double
  /// Speakers given the floor in each evocation.
  public var speakersPerTrial: Int

  public init(
    secondsBetweenActions: Double, secondsOnStimulus: Double, secondsOnReveal: Double,
    secondsPerAnswer: Double, speakersPerTrial: Int
  ) {
    self.secondsBetweenActions = secondsBetweenActions
    self.secondsOnStimulus = secondsOnStimulus
    self.secondsOnReveal = secondsOnReveal
    self.secondsPerAnswer = secondsPerAnswer
    self.speakersPerTrial = speakersPerTrial
  }

  /// Slow enough to watch: about a minute per trial.
  public static let demonstration = AutopilotPace(
    secondsBetweenActions: 0.35, secondsOnStimulus: 3, secondsOnReveal: 2.5, secondsPerAnswer: 7,
    speakersPerTrial: 2)

  /// As fast as the engine's rules allow (tremor filter, lead times), for tests: one speaker a
  /// trial, each given time for one spoken sentence.
  public static let brisk = AutopilotPace(
    secondsBetweenActions: 0.2, secondsOnStimulus: 0.3, secondsOnReveal: 0.3, secondsPerAnswer: 6,
    speakersPerTrial: 1)
}
