/// What a ``SessionEvent`` says happened: one case per event type of the research record, each with
/// its details typed, grouped by domain.
///
/// The stored form (a dotted type name and a payload of text values) is written and read in one
/// place, `LoggedEvent+StoredForm.swift`; ``EventCatalogue`` describes every type for the codebook.
/// An event this version cannot read (from a newer version, or whose payload does not parse) is
/// kept whole as ``unknown(type:payload:)``: it is stored, traced and exported as it came.
public enum LoggedEvent: Hashable, Sendable {
  /// A session's life: opening, start, pauses, end, interruption, the host's condition.
  case session(SessionLogEvent)
  /// Pads taking seats and avatars on the join screen, and coming and going.
  case seating(SeatingLogEvent)
  /// A trial's steps: image, evocation, who has the floor.
  case trial(TrialLogEvent)
  /// A trial's game.
  case game(GameLogEvent)
  /// Scent releases: what the engine asked for and what the diffuser did.
  case scent(ScentLogEvent)
  /// Answers recorded, stopped, recovered and replaced.
  case recording(RecordingLogEvent)
  /// The review workstation's changes to an answer's analysis.
  case review(ReviewLogEvent)
  /// A key the therapist pressed.
  case `operator`(OperatorLogEvent)
  /// Who attended a planned session, who missed it and why, and where a missed session was made up.
  case attendance(AttendanceLogEvent)
  /// An event this version of the catalogue cannot read, kept exactly as stored.
  case unknown(type: String, payload: [String: String])
}

/// The trial the engine tags its events with: stored as `trial` and `trialNumber`.
public struct TrialTag: Hashable, Sendable {
  public var trial: TrialID
  /// 1 for the session's first trial; nil in logs that did not write it.
  public var number: Int?

  public init(trial: TrialID, number: Int?) {
    self.trial = trial
    self.number = number
  }
}

/// One take of one answer: stored as `trial`, `player`, `participant`, `turn`, `redo`.
public struct AnswerTake: Hashable, Sendable {
  public var trial: TrialID
  public var player: PlayerNumber
  /// The participant in the player's seat; nil for a seat outside the group.
  public var participant: ParticipantCode?
  /// Turns count from 1 in each trial.
  public var turn: Int
  /// 0 for the first take, one more for each redo; nil in logs older than redos.
  public var redo: Int?

  public init(trial: TrialID, player: PlayerNumber, participant: ParticipantCode?, turn: Int, redo: Int?) {
    self.trial = trial
    self.player = player
    self.participant = participant
    self.turn = turn
    self.redo = redo
  }
}

// MARK: - Session

public enum SessionLogEvent: Hashable, Sendable {
  /// The engine opened the session.
  case opened(SessionOpening)
  /// The runner started a run of the session (its output folder, diffuser, the run it resumes).
  case runnerStarted(RunStart)
  /// The session started although a start check failed.
  case degraded(problem: String, allowedBy: String?, availableBytes: Int64?, neededBytes: Int64?)
  /// Space on the join screen did not start the session.
  case notStarted(reason: NotStartedReason, seats: [PlayerNumber]?)
  /// The players at the table when the session started.
  case started(players: [PlayerNumber], avatars: [AvatarID])
  /// This run picks up an interrupted run, from the given trial.
  case resumedAfterInterruption(fromTrial: TrialID)
  /// The therapist paused.
  case paused(TrialTag?)
  /// The therapist resumed after a pause.
  case resumed(TrialTag?)
  /// The therapist cancelled ending the session.
  case endCancelled
  /// The thank-you scene came up.
  case ended(reason: SessionEndReason?)
  /// Recovery closed a session a crash left open, after filing its answers.
  case interrupted(SessionInterruption)
  /// The free disk space fell under the warning level.
  case diskLow(DiskSpaceReading)
  /// The free disk space fell under the floor: answers are no longer recorded.
  case diskFull(DiskSpaceReading)
  /// The free disk space is above the warning level again.
  case diskEnough(DiskSpaceReading)
  /// One of the events `connectage db append-events` writes to test the log's durability.
  case durabilityProbe(index: Int)
}

/// `session.opened`; every key may be missing from older logs.
public struct SessionOpening: Hashable, Sendable {
  public var session: SessionID?
  public var kind: SessionKind?
  public var trials: Int?
  public var difficulty: Difficulty?
  public var recordsAnswers: Bool?
  public var seed: UInt64?

  public init(
    session: SessionID? = nil, kind: SessionKind? = nil, trials: Int? = nil, difficulty: Difficulty? = nil,
    recordsAnswers: Bool? = nil, seed: UInt64? = nil
  ) {
    self.session = session
    self.kind = kind
    self.trials = trials
    self.difficulty = difficulty
    self.recordsAnswers = recordsAnswers
    self.seed = seed
  }
}

/// `runner.started`; every key may be missing from older logs.
public struct RunStart: Hashable, Sendable {
  /// The protocol file's name.
  public var protocolFile: String?
  public var seed: UInt64?
  /// `autopilot N` or `pads`.
  public var players: String?
  /// The diffuser's kind and address, as given.
  public var diffuser: String?
  /// The folder the answers go to, relative to the database's folder when inside it.
  public var output: String?
  /// The run this one resumes; the empty text when none.
  public var resumes: String?
  /// The participants the run seats to make up a missed session (`--make-up`); nil when none, so a
  /// run killed before it could record the make-up still says it (recovery reads it).
  public var makeUp: [ParticipantCode]?

  public init(
    protocolFile: String? = nil, seed: UInt64? = nil, players: String? = nil, diffuser: String? = nil,
    output: String? = nil, resumes: String? = nil, makeUp: [ParticipantCode]? = nil
  ) {
    self.protocolFile = protocolFile
    self.seed = seed
    self.players = players
    self.diffuser = diffuser
    self.output = output
    self.resumes = resumes
    self.makeUp = makeUp
  }

  /// The interrupted run this one continues, if any.
  public var resumedRun: SessionID? { resumes.flatMap { $0.isEmpty ? nil : SessionID($0) } }
}

/// `session.interrupted`: what recovery saved.
public struct SessionInterruption: Hashable, Sendable {
  /// The type of the last event before the crash.
  public var lastEvent: String?
  public var recoveredRecordings: Int?
  public var missingRecordings: Int?
  /// Paths of the takes that could not be repaired, separated by ` | `.
  public var unrecoveredRecordings: String?

  public init(
    lastEvent: String? = nil, recoveredRecordings: Int? = nil, missingRecordings: Int? = nil,
    unrecoveredRecordings: String? = nil
  ) {
    self.lastEvent = lastEvent
    self.recoveredRecordings = recoveredRecordings
    self.missingRecordings = missingRecordings
    self.unrecoveredRecordings = unrecoveredRecordings
  }
}

/// `disk.*`: the free space and the levels it is compared with, in bytes.
public struct DiskSpaceReading: Hashable, Sendable {
  /// Nil when the free space could not be read.
  public var availableBytes: Int64?
  public var floorBytes: Int64
  public var warningBytes: Int64

  public init(availableBytes: Int64?, floorBytes: Int64, warningBytes: Int64) {
    self.availableBytes = availableBytes
    self.floorBytes = floorBytes
    self.warningBytes = warningBytes
  }
}

// MARK: - Seating

public enum SeatingLogEvent: Hashable, Sendable {
  /// The join screen opened.
  case joinOpened
  /// A pad could not take a seat.
  case joinRefused(pad: PadID, reason: JoinRefusalReason)
  /// A pad took a seat with an avatar (`late` when it joined after the start).
  case joined(player: PlayerNumber, pad: PadID, avatar: AvatarID, participant: ParticipantCode?, late: Bool?)
  /// A player kept their avatar (`automatic` when Space kept it for them).
  case confirmed(player: PlayerNumber, avatar: AvatarID, automatic: Bool?)
  /// A long press let a player choose their avatar again.
  case choosingAgain(player: PlayerNumber, avatar: AvatarID)
  /// A player's pad came back.
  case reconnected(player: PlayerNumber, pad: PadID)
  /// A player's pad went away.
  case disconnected(player: PlayerNumber, pad: PadID)
  /// R on the join screen freed every seat.
  case reset(seats: Int)
  /// The therapist picked a seat to move.
  case seatSelected(seat: PlayerNumber, pad: PadID)
  /// The therapist let go of the picked seat.
  case seatSelectionCancelled(seat: PlayerNumber)
  /// A pad moved to another seat, swapping with the pad there if any.
  case seatsSwapped(from: PlayerNumber, to: PlayerNumber, pad: PadID, swappedPad: PadID?)
  /// The therapist said which group member a player who joined after the start is: all the seat's
  /// answers in the run, those given before too, are filed under that participant (``TakeOwners``).
  case attributed(player: PlayerNumber, participant: ParticipantCode)
}

// MARK: - Trial

public enum TrialLogEvent: Hashable, Sendable {
  /// A trial began: its condition, image, and the game and scent it plans.
  case started(TrialTag, condition: Condition?, stimulus: StimulusID?, game: GameKind?, scent: ScentID?)
  /// A trial ended after its turns.
  case ended(TrialTag, reason: TrialEndReason?, turns: Int?)
  /// The engine put the trial's image on screen.
  case stimulusShown(TrialTag?, stimulus: StimulusID, image: String)
  /// The screen showed the image (the frame's time on the monotonic clock).
  case stimulusPresented(TrialTag?, stimulus: StimulusID, presentedAtNanoseconds: UInt64)
  /// R showed the image again.
  case stimulusReplayed(TrialTag?)
  /// The evocation question came up.
  case evocationStarted(TrialTag?)
  /// A player asked for the floor with A.
  case floorAsked(TrialTag?, player: PlayerNumber)
  /// A player got the floor.
  case floorGiven(TrialTag?, player: PlayerNumber, turn: Int, by: FloorSource)
  /// A speaker's turn ended.
  case turnEnded(TrialTag?, player: PlayerNumber, turn: Int, reason: TurnEnding)
  /// After a pause, the speaker cut short speaks again in a new turn.
  case turnResumed(TrialTag?, player: PlayerNumber, turn: Int)
  /// R: the speaker's answer starts again as a new take.
  case answerRedone(TrialTag?, player: PlayerNumber, turn: Int, redo: Int)
}

// MARK: - Game

public enum GameLogEvent: Hashable, Sendable {
  /// A trial's game began.
  case started(TrialTag?, game: GameKind, difficulty: Difficulty)
  /// A trial's game was not played, or not to its end.
  case skipped(TrialTag?, game: GameKind, reason: GameSkipReason)
  /// A player locked an answer; `details` are the game's own (its choice, whether it was right).
  case answer(TrialTag?, game: GameKind, player: PlayerNumber, details: [String: String])
  /// A player turned a memory card.
  case flip(TrialTag?, game: GameKind, player: PlayerNumber, card: Int, result: String)
  /// A player tried a picture in a place of "Le bon ordre" (`outcome` says how it was received).
  case place(
    TrialTag?, game: GameKind, player: PlayerNumber, picture: String, place: Int, result: String, outcome: String?)
  /// Every pair was found, or every picture is in its place.
  case finished(TrialTag?, game: GameKind, attempts: Int)
  /// The answers were shown together; `details` are the game's own.
  case revealed(TrialTag?, details: [String: String])
  /// The game moved on to its next picture.
  case nextPicture(TrialTag?, game: GameKind, picture: String)
  /// The game ended; `details` are the game's own summary.
  case ended(TrialTag?, game: GameKind, reason: GameEndReason, details: [String: String])
  /// R dealt the game again.
  case restarted(TrialTag?, game: GameKind)
  /// A long press opened a locked answer again.
  case answerReopened(TrialTag?, player: PlayerNumber)
}

// MARK: - Scent

public enum ScentLogEvent: Hashable, Sendable {
  /// The engine asked for a release.
  case requested(TrialTag?, scent: ScentID, slot: CartridgeSlot?, intensity: Int?, durationMilliseconds: Int?)
  /// The release waits for the safety interval since the previous one.
  case delayed(TrialTag?, scent: ScentID, untilNanoseconds: UInt64)
  /// The trial's scent was not released, or its wait was cut short.
  case skipped(TrialTag?, scent: ScentID, reason: ScentSkipReason)
  /// The diffuser acknowledged the release (times on the monotonic clock).
  case released(ScentRelease)
  /// The acknowledgement came after the engine had given up waiting.
  case releasedLate(ScentRelease)
  /// The diffuser or the safety governor refused the release (reason in English).
  case refused(TrialTag?, scent: ScentID, reason: String)
  /// The release went out but its answer never came.
  case unconfirmed(TrialTag?, scent: ScentID, reason: String?)
  /// The release's time was up.
  case ended(TrialTag?, scent: ScentID)
  /// A release was cut short (pause, skip, end).
  case stopped(TrialTag?, scent: ScentID)
  /// The diffuser's link opened.
  case linkConnected(transport: String)
  /// The diffuser's link was closed at the end.
  case linkClosed(transport: String)
  /// The diffuser could not be reached.
  case linkFailed(transport: String, error: String)
  /// The diffuser's link broke; `discardedBytes` were part of no frame.
  case linkLost(transport: String, discardedBytes: Int)
  /// Trying to reach the diffuser again.
  case linkReconnecting(attempt: Int)
  /// What the diffuser said it is.
  case deviceInfo(model: String, firmware: String, channels: Int)
  /// A cartridge or the device reported a fault (`channel` is a number or `device`).
  case fault(channel: String, fault: String, source: String?)
  /// The safety governor refused a release before it was sent.
  case releaseRefused(DiffuserRelease, reason: String, message: String)
  /// A release command was written to the diffuser.
  case releaseSent(DiffuserRelease)
  /// The diffuser acknowledged a release command.
  case releaseAcknowledged(DiffuserRelease, ReleaseAcknowledgement)
  /// The diffuser said a channel stopped.
  case releaseEnded(channel: String, reason: String)
  /// An answer came for a command nobody waits for any more.
  case answerLate(sequence: Int, message: String)
  /// A purge (fan alone) was sent.
  case purgeSent(durationMilliseconds: Int)
  /// The diffuser acknowledged a purge.
  case purgeAcknowledged(durationMilliseconds: Int, appliedMilliseconds: Int)
  /// A stop command was sent (`channel` is a number or `all`).
  case stopSent(channel: String)
  /// The diffuser acknowledged a stop.
  case stopAcknowledged(channel: String)
  /// A command had no answer in time.
  case timeout(command: String, sequence: Int)
  /// A frame from the diffuser could not be read.
  case protocolError(sequence: Int, error: String)
  /// The diffuser refused a command; `details` are the command's own.
  case commandRejected(code: String, message: String?, details: [String: String])
  /// A command could not be carried out (the runner's queue); `details` are the command's own.
  case commandFailed(error: String, details: [String: String])
}

/// `scent.released` and `scent.releasedLate`: the release on the monotonic clock (older logs may
/// lack the times).
public struct ScentRelease: Hashable, Sendable {
  public var trial: TrialTag?
  public var scent: ScentID
  public var startedAtNanoseconds: UInt64?
  public var endsAtNanoseconds: UInt64?
  public var acknowledgedAtNanoseconds: UInt64?

  public init(
    trial: TrialTag?, scent: ScentID, startedAtNanoseconds: UInt64?, endsAtNanoseconds: UInt64?,
    acknowledgedAtNanoseconds: UInt64?
  ) {
    self.trial = trial
    self.scent = scent
    self.startedAtNanoseconds = startedAtNanoseconds
    self.endsAtNanoseconds = endsAtNanoseconds
    self.acknowledgedAtNanoseconds = acknowledgedAtNanoseconds
  }
}

/// A release command as the diffuser client logs it.
public struct DiffuserRelease: Hashable, Sendable {
  public var channel: CartridgeSlot
  /// Nil for a device check that names no scent.
  public var scent: ScentID?
  public var intensity: Int?
  public var durationMilliseconds: Int
  /// The frame's sequence number, once sent.
  public var sequence: Int?

  public init(channel: CartridgeSlot, scent: ScentID?, intensity: Int?, durationMilliseconds: Int, sequence: Int? = nil)
  {
    self.channel = channel
    self.scent = scent
    self.intensity = intensity
    self.durationMilliseconds = durationMilliseconds
    self.sequence = sequence
  }
}

/// What the diffuser's acknowledgement of a release says, on the host's monotonic clock (older
/// logs may lack some of it).
public struct ReleaseAcknowledgement: Hashable, Sendable {
  public var appliedMilliseconds: Int?
  public var startNanoseconds: UInt64?
  public var endNanoseconds: UInt64?
  public var roundTripNanoseconds: UInt64?
  /// True when the answer came after the command had timed out.
  public var late: Bool?

  public init(
    appliedMilliseconds: Int?, startNanoseconds: UInt64?, endNanoseconds: UInt64?, roundTripNanoseconds: UInt64?,
    late: Bool? = nil
  ) {
    self.appliedMilliseconds = appliedMilliseconds
    self.startNanoseconds = startNanoseconds
    self.endNanoseconds = endNanoseconds
    self.roundTripNanoseconds = roundTripNanoseconds
    self.late = late
  }
}

// MARK: - Recording

public enum RecordingLogEvent: Hashable, Sendable {
  /// An answer's take started; its file is written from now on.
  case started(AnswerTake)
  /// A take stopped.
  case stopped(AnswerTake, reason: RecordingStopping)
  /// The recorder failed (reason in English); the take, when one ran, is closed.
  case failed(RecordingFailure)
  /// A take's file was cut short by a write error and is analysed as written.
  case incomplete(AnswerTake, path: String, reason: String, then: String)
  /// Recovery repaired and filed a take a crash left on disk.
  case recovered(trial: TrialID, player: PlayerNumber, participant: ParticipantCode?, frames: Int)
  /// A later take replaced an earlier one as the answer kept (paths as the database stores them).
  case superseded(
    trial: TrialID, player: PlayerNumber, participant: ParticipantCode?, replaced: String, by: String,
    replacedSession: SessionID?)
  /// A take could not be measured and filed (reason in English); its file stays on disk as it is,
  /// and the answer is missing until a recovery files it.
  case unfiled(AnswerTake, path: String, reason: String)
}

/// `recording.failed`: the trial, the take that was running if any, and why.
public struct RecordingFailure: Hashable, Sendable {
  public var trial: TrialTag?
  public var take: AnswerTake?
  /// In English; nil in logs that did not write it.
  public var reason: String?

  public init(trial: TrialTag?, take: AnswerTake?, reason: String?) {
    self.trial = trial
    self.take = take
    self.reason = reason
  }
}

// MARK: - Review

/// The review workstation's changes (issue 11): which answer, which coder, the value before and after.
public enum ReviewLogEvent: Hashable, Sendable {
  /// A coder saved an answer's corrected transcript.
  case transcriptSaved(ReviewChange)
  /// A coder saved an answer's reviewed timing (first and last word).
  case timingSaved(ReviewChange)
  /// A coder saved an answer's memory codes.
  case memoriesCoded(ReviewChange)
  /// The coders' consensus on an answer was recorded.
  case consensusSaved(ReviewChange)
}

/// One change to an answer's analysis: stored as `answer`, `coder`, `before`, `after`.
public struct ReviewChange: Hashable, Sendable {
  /// The answer's opaque id (no participant, no path).
  public var answer: String
  /// The coder's pseudonymous code.
  public var coder: String
  public var before: String
  public var after: String
  /// The answer's revision once the save is done (each save moves it on by one).
  public var revision: Int
  /// Which measure a consensus settles (`memories`, `words`, `onset`…); `nil` for the other saves.
  public var measure: String?

  public init(answer: String, coder: String, before: String, after: String, revision: Int, measure: String? = nil) {
    self.answer = answer
    self.coder = coder
    self.before = before
    self.after = after
    self.revision = revision
    self.measure = measure
  }
}

// MARK: - Operator

/// A key the therapist pressed, with where the session was (`stage`) and the trial if any.
public struct OperatorLogEvent: Hashable, Sendable {
  public var action: OperatorAction
  public var trial: TrialTag?
  /// `lobby`, `join`, `ended` or the trial's step (`stimulus`, `game`, `evocation`, `scent-lead`).
  public var stage: String

  public init(action: OperatorAction, trial: TrialTag?, stage: String) {
    self.action = action
    self.trial = trial
    self.stage = stage
  }
}

// MARK: - Attendance

public enum AttendanceLogEvent: Hashable, Sendable {
  /// A participant's attendance at a planned session was recorded (or corrected: the last one counts).
  case recorded(Attendance)
}
