import SessionModel

/// Everything a ``SessionEngine`` needs before the first input: the plan, the material and the rules.
///
/// The setup is decided before the session starts (from the protocol file or the animation
/// preset) and never changes while it runs, so that nothing has to be configured mid-session.
public struct SessionSetup: Hashable, Sendable {
  public var session: Session
  /// The words on the lobby screen.
  public var title: LocalizedText
  public var stimuli: [StimulusID: Stimulus]
  public var scents: [ScentID: Scent]
  /// The pictures "Autrefois et aujourd'hui" draws from.
  public var thenAndNowPictures: [ThenAndNowPicture]
  /// The processes "Le bon ordre" draws from.
  public var rightOrderSequences: [RightOrderSequence]
  /// Expected participants in seat order: seat 1 is the first code. Empty for an animation.
  public var participants: [ParticipantCode]
  /// Limits every release obeys; the lead time comes from here too.
  public var scentSafety: ScentSafetyLimits
  /// How long one release lasts, never more than `scentSafety.maximumPulseMilliseconds`.
  public var scentReleaseMilliseconds: Int
  /// Diffuser intensity, 0 to 100.
  public var scentIntensity: Int
  /// True when each answer is recorded (clinical sessions); false for an animation.
  public var recordsAnswers: Bool
  /// The longest answer recorded for one speaker; `nil` lets the therapist decide alone.
  public var maximumAnswerSeconds: Int?
  /// The level of a game the protocol gives no level of its own.
  public var difficulty: Difficulty
  /// Each game's own level, as the protocol sets it (`games: [{game: paires, difficulty: hard}]`).
  public var gameDifficulties: [GameKind: Difficulty]
  /// Seeds every shuffle (memory cards, choice order), so that a session can be replayed exactly.
  public var seed: UInt64
  /// The trial the session starts at (0 = the first): a session resumed after an interruption
  /// skips the images already shown, so that no patient sees one twice.
  public var firstTrialIndex: Int
  /// Releases an interrupted run of this session made, on this run's clock: the intervals and
  /// the session's budget count them.
  public var pastScentReleases: [PastScentRelease]

  /// Creates a setup; answers are recorded by default in clinical sessions, and never in an animation.
  public init(
    session: Session, title: LocalizedText? = nil, stimuli: [Stimulus], scents: [Scent],
    thenAndNowPictures: [ThenAndNowPicture] = [], rightOrderSequences: [RightOrderSequence] = [],
    participants: [ParticipantCode] = [],
    scentSafety: ScentSafetyLimits = .standard, scentReleaseMilliseconds: Int = 4_000,
    scentIntensity: Int = 60, recordsAnswers: Bool? = nil, maximumAnswerSeconds: Int? = nil,
    difficulty: Difficulty = .easy, gameDifficulties: [GameKind: Difficulty] = [:], seed: UInt64 = 0,
    firstTrialIndex: Int = 0, pastScentReleases: [PastScentRelease] = []
  ) {
    self.session = session
    self.title = title ?? LocalizedText(fr: "Séance \(session.number)", en: "Session \(session.number)")
    self.stimuli = Dictionary(stimuli.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.scents = Dictionary(scents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.thenAndNowPictures = thenAndNowPictures
    self.rightOrderSequences = rightOrderSequences
    self.participants = participants
    self.scentSafety = scentSafety
    self.scentReleaseMilliseconds = max(1, min(scentReleaseMilliseconds, scentSafety.maximumPulseMilliseconds))
    self.scentIntensity = max(0, min(scentIntensity, 100))
    // An animation never records, whatever the caller asks: nobody consented to research there.
    self.recordsAnswers = (recordsAnswers ?? true) && session.kind == .clinical
    self.maximumAnswerSeconds = maximumAnswerSeconds
    self.difficulty = difficulty
    self.gameDifficulties = gameDifficulties
    self.seed = seed
    self.firstTrialIndex = max(0, firstTrialIndex)
    self.pastScentReleases = pastScentReleases
  }

  /// The level `kind` is played at: its own, else the session's.
  public func difficulty(of kind: GameKind) -> Difficulty {
    gameDifficulties[kind] ?? difficulty
  }

  /// The scent a trial is about: the one it names, else the one paired with its image.
  func scent(for trial: Trial) -> ScentID? {
    trial.scent ?? stimuli[trial.stimulus]?.pairedScent
  }

  /// Scents in a stable order, so that shuffles depend on the seed only.
  var scentLibrary: [Scent] { scents.values.sorted { $0.id < $1.id } }

  /// Pictures for the memory game: scent illustrations first, then the then-and-now pictures.
  var memoryPictures: [PictureChoice] {
    scentLibrary.map { PictureChoice(image: $0.image, label: $0.name) } + thenAndNowPictures.map(\.picture)
  }
}
