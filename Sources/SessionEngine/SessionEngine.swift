import SessionModel

/// The session as a state machine: an input and the time go in, the commands the caller must carry out come out.
///
/// The engine owns no clock, device, file or database. The caller (the session runner) feeds it
/// keys, pad events, device answers and regular ``SessionInput/tick`` inputs, and carries out the
/// returned ``SessionCommand`` values in order. The same inputs at the same times always give
/// the same commands, which is what makes whole sessions testable as transcripts.
///
/// ```swift
/// var engine = SessionEngine(setup: setup)
/// for command in engine.handle(.operator(.next), at: MonotonicClock.nanoseconds()) {
///   try await perform(command)
/// }
/// ```
public struct SessionEngine: Sendable {
  /// Presses of one pad closer together than this are one press: a tremor is not a choice.
  public static let tremorIntervalNanoseconds: UInt64 = 150_000_000
  /// Holding A this long does what costs something, such as giving up a confirmed avatar.
  public static let longPressNanoseconds: UInt64 = 1_500_000_000
  /// How long after the lead time the engine waits for the diffuser's confirmation before showing the image anyway.
  public static let scentAcknowledgementTimeoutNanoseconds: UInt64 = 10_000_000_000

  public let setup: SessionSetup

  /// Where the session is, with what only that part of it knows (see ``SessionStage``).
  var stage = SessionStage.lobby
  /// The table: one seat per pad that joined, in seat order; it outlives the join screen.
  var seats: [Seat] = []
  var pads: [PadID: PadState] = [:]
  var overlays = Overlays()
  var scentLedger = ScentLedger()
  /// The scene last sent; nil until the first input opens the session.
  var lastShown: StageScene?
  /// Set to send the scene again even if it did not change (a stimulus replayed).
  var mustShow = false
  /// Commands gathered while one input is handled: the transitions' actions, in order.
  var pending: [SessionCommand] = []

  public init(setup: SessionSetup) {
    self.setup = setup
    scentLedger = ScentLedger(past: setup.pastScentReleases)
  }

  /// Takes one input at monotonic time `now` (nanoseconds) and returns what the caller must do, in order.
  ///
  /// The first call of a session shows the lobby whatever the input. Once the thank-you
  /// scene is up the engine returns no more commands.
  public mutating func handle(_ input: SessionInput, at now: UInt64) -> [SessionCommand] {
    guard !stage.hasEnded else { return [] }
    if lastShown == nil { open() }
    runTimers(at: now)
    switch input {
    case .operator(let action): handleOperator(action, at: now)
    case .pad(let pad): handlePad(pad, at: now)
    case .tick: break
    case .scentReleased(let scent, let start, let end, let acknowledged):
      scentWasReleased(scent, startedAt: start, endsAt: end, acknowledgedAt: acknowledged, late: false, now: now)
    case .scentReleasedLate(let scent, let start, let end, let acknowledged):
      scentWasReleased(scent, startedAt: start, endsAt: end, acknowledgedAt: acknowledged, late: true, now: now)
    case .scentRefused(let scent, let reason): scentWasRefused(scent, reason: reason, now: now)
    case .scentUnconfirmed(let scent, let reason): scentWasUnconfirmed(scent, reason: reason)
    case .stimulusPresented(let stimulus, let time): stimulusWasPresented(stimulus, at: time)
    case .recordingFailed(let reason): recordingDidFail(reason)
    case .stopRequested: finish(reason: .signal)
    }
    showSceneIfChanged()
    // Only the input that ended the session gets here with the stage ended.
    if stage.hasEnded { pending.append(.sessionEnded) }
    let commands = pending
    pending = []
    return commands
  }

  /// True once the thank-you scene is up.
  public var hasEnded: Bool { stage.hasEnded }

  private mutating func open() {
    log(
      .session(
        .opened(
          SessionOpening(
            session: setup.session.id, kind: setup.session.kind, trials: setup.session.trials.count,
            difficulty: setup.difficulty, recordsAnswers: setup.recordsAnswers, seed: setup.seed))))
  }

  private mutating func showSceneIfChanged() {
    let current = scene
    if mustShow || current != lastShown {
      pending.append(.show(current))
      lastShown = current
    }
    mustShow = false
  }

  mutating func log(_ event: LoggedEvent) {
    pending.append(.log(event))
  }

  mutating func play(_ sound: FeedbackSound) {
    pending.append(.playSound(sound))
  }

  /// The trial's identity, added to every trial event so the log reads on its own.
  var trialTag: TrialTag? {
    stage.trial.map { TrialTag(trial: $0.trial.id, number: $0.trial.number) }
  }
}
