/// The one place where events meet their stored form: a type name and a payload of text values.
///
/// Reading is exact: an event is read as a catalogue case only if writing that case gives back the
/// very type and payload stored; anything else (a type from a newer version, a key this version
/// does not know, a value that does not parse) is kept whole as ``LoggedEvent/unknown(type:payload:)``.
extension LoggedEvent {
  /// Reads a stored event.
  public init(type: EventType, payload: [String: String]) {
    guard let event = try? Self.read(type, PayloadReader(payload)), event.type == type,
      event.payload == payload
    else {
      self = .unknown(type: type.rawValue, payload: payload)
      return
    }
    self = event
  }

  /// The stored name of the event's type.
  public var type: EventType { storedForm.type }

  /// The stored details.
  public var payload: [String: String] { storedForm.payload }

  /// Whether this version of the catalogue could read the event.
  public var isKnown: Bool {
    if case .unknown = self { false } else { true }
  }

  /// The type name and payload to store.
  public var storedForm: (type: EventType, payload: [String: String]) {
    var writer = PayloadWriter()
    let type: EventType
    switch self {
    case .session(let event): type = event.write(into: &writer)
    case .seating(let event): type = event.write(into: &writer)
    case .trial(let event): type = event.write(into: &writer)
    case .game(let event): type = event.write(into: &writer)
    case .scent(let event): type = event.write(into: &writer)
    case .recording(let event): type = event.write(into: &writer)
    case .review(let event): type = event.write(into: &writer)
    case .operator(let event): type = event.write(into: &writer)
    case .attendance(let event): type = event.write(into: &writer)
    case .unknown(let name, let payload): return (EventType(rawValue: name), payload)
    }
    return (type, writer.payload)
  }

  private static func read(_ type: EventType, _ payload: PayloadReader) throws -> LoggedEvent? {
    var reader = payload
    let event: LoggedEvent? =
      if let event = try SessionLogEvent.read(type, &reader) {
        .session(event)
      } else if let event = try SeatingLogEvent.read(type, &reader) {
        .seating(event)
      } else if let event = try TrialLogEvent.read(type, &reader) {
        .trial(event)
      } else if let event = try GameLogEvent.read(type, &reader) {
        .game(event)
      } else if let event = try ScentLogEvent.read(type, &reader) {
        .scent(event)
      } else if let event = try RecordingLogEvent.read(type, &reader) {
        .recording(event)
      } else if let event = try ReviewLogEvent.read(type, &reader) {
        .review(event)
      } else if let event = try OperatorLogEvent.read(type, &reader) {
        .operator(event)
      } else if let event = try AttendanceLogEvent.read(type, &reader) {
        .attendance(event)
      } else {
        nil
      }
    // A key this version does not know: the event is not the one the catalogue describes.
    guard reader.remaining.isEmpty else { throw PayloadReader.Unreadable() }
    return event
  }
}

// MARK: - Session

extension SessionLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    switch self {
    case .opened(let o):
      w.set("session", o.session)
      w.set("kind", o.kind)
      w.set("trials", o.trials)
      w.set("difficulty", o.difficulty)
      w.set("recordsAnswers", o.recordsAnswers)
      w.set("seed", o.seed)
      return .sessionOpened
    case .runnerStarted(let r):
      w.set("protocol", r.protocolFile)
      w.set("seed", r.seed)
      w.set("players", r.players)
      w.set("diffuser", r.diffuser)
      w.set("output", r.output)
      w.set("resumes", r.resumes)
      w.set("makeUp", r.makeUp)
      return .runnerStarted
    case .degraded(let problem, let allowedBy, let available, let needed):
      w.set("problem", problem)
      w.set("allowedBy", allowedBy)
      w.set("availableBytes", available)
      w.set("neededBytes", needed)
      return .sessionDegraded
    case .notStarted(let reason, let seats):
      w.set("reason", reason)
      w.set("seats", seats)
      return .sessionNotStarted
    case .started(let players, let avatars):
      w.set("players", players)
      w.set("avatars", avatars)
      return .sessionStarted
    case .resumedAfterInterruption(let trial):
      w.set("fromTrial", trial)
      return .sessionResumedAfterInterruption
    case .paused(let tag):
      w.set(tag)
      return .sessionPaused
    case .resumed(let tag):
      w.set(tag)
      return .sessionResumed
    case .endCancelled: return .sessionEndCancelled
    case .ended(let reason):
      w.set("reason", reason)
      return .sessionEnded
    case .interrupted(let i):
      w.set("lastEvent", i.lastEvent)
      w.set("recoveredRecordings", i.recoveredRecordings)
      w.set("missingRecordings", i.missingRecordings)
      w.set("unrecoveredRecordings", i.unrecoveredRecordings)
      return .sessionInterrupted
    case .diskLow(let reading):
      reading.write(into: &w)
      return .diskLow
    case .diskFull(let reading):
      reading.write(into: &w)
      return .diskFull
    case .diskEnough(let reading):
      reading.write(into: &w)
      return .diskEnough
    case .durabilityProbe(let index):
      w.set("index", index)
      return .durabilityProbe
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    switch type {
    case .sessionOpened:
      .opened(
        SessionOpening(
          session: try r.optional("session"), kind: try r.optional("kind"), trials: try r.optional("trials"),
          difficulty: try r.optional("difficulty"), recordsAnswers: try r.optional("recordsAnswers"),
          seed: try r.optional("seed")))
    case .runnerStarted:
      .runnerStarted(
        RunStart(
          protocolFile: try r.optional("protocol"), seed: try r.optional("seed"), players: try r.optional("players"),
          diffuser: try r.optional("diffuser"), output: try r.optional("output"), resumes: try r.optional("resumes"),
          makeUp: try r.optional("makeUp")))
    case .sessionDegraded:
      .degraded(
        problem: try r.required("problem"), allowedBy: try r.optional("allowedBy"),
        availableBytes: try r.optional("availableBytes"), neededBytes: try r.optional("neededBytes"))
    case .sessionNotStarted: .notStarted(reason: try r.required("reason"), seats: try r.optional("seats"))
    case .sessionStarted: .started(players: try r.required("players"), avatars: try r.required("avatars"))
    case .sessionResumedAfterInterruption: .resumedAfterInterruption(fromTrial: try r.required("fromTrial"))
    case .sessionPaused: .paused(try r.trialTag())
    case .sessionResumed: .resumed(try r.trialTag())
    case .sessionEndCancelled: .endCancelled
    case .sessionEnded: .ended(reason: try r.optional("reason"))
    case .sessionInterrupted:
      .interrupted(
        SessionInterruption(
          lastEvent: try r.optional("lastEvent"), recoveredRecordings: try r.optional("recoveredRecordings"),
          missingRecordings: try r.optional("missingRecordings"),
          unrecoveredRecordings: try r.optional("unrecoveredRecordings")))
    case .diskLow: .diskLow(try DiskSpaceReading(&r))
    case .diskFull: .diskFull(try DiskSpaceReading(&r))
    case .diskEnough: .diskEnough(try DiskSpaceReading(&r))
    case .durabilityProbe: .durabilityProbe(index: try r.required("index"))
    default: nil
    }
  }
}

extension DiskSpaceReading {
  init(_ r: inout PayloadReader) throws {
    self.init(
      availableBytes: try r.emptyMeansNone("availableBytes"), floorBytes: try r.required("floorBytes"),
      warningBytes: try r.required("warningBytes"))
  }

  func write(into w: inout PayloadWriter) {
    w.setEmptyForNone("availableBytes", availableBytes)
    w.set("floorBytes", floorBytes)
    w.set("warningBytes", warningBytes)
  }
}

// MARK: - Seating

extension SeatingLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    switch self {
    case .joinOpened: return .joinOpened
    case .joinRefused(let pad, let reason):
      w.set("pad", pad)
      w.set("reason", reason)
      return .joinRefused
    case .joined(let player, let pad, let avatar, let participant, let late):
      w.set("player", player)
      w.set("pad", pad)
      w.set("avatar", avatar)
      w.set("participant", participant)
      w.set("late", late)
      return .playerJoined
    case .confirmed(let player, let avatar, let automatic):
      w.set("player", player)
      w.set("avatar", avatar)
      w.set("automatic", automatic)
      return .playerConfirmed
    case .choosingAgain(let player, let avatar):
      w.set("player", player)
      w.set("avatar", avatar)
      return .playerChoosingAgain
    case .reconnected(let player, let pad):
      w.set("player", player)
      w.set("pad", pad)
      return .playerReconnected
    case .disconnected(let player, let pad):
      w.set("player", player)
      w.set("pad", pad)
      return .playerDisconnected
    case .reset(let seats):
      w.set("seats", seats)
      return .joinReset
    case .seatSelected(let seat, let pad):
      w.set("seat", seat)
      w.set("pad", pad)
      return .joinSeatSelected
    case .seatSelectionCancelled(let seat):
      w.set("seat", seat)
      return .joinSeatSelectionCancelled
    case .seatsSwapped(let from, let to, let pad, let swappedPad):
      w.set("from", from)
      w.set("to", to)
      w.set("pad", pad)
      w.set("swappedPad", swappedPad)
      return .joinSeatsSwapped
    case .attributed(let player, let participant):
      w.set("player", player)
      w.set("participant", participant)
      return .playerAttributed
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    switch type {
    case .joinOpened: .joinOpened
    case .joinRefused: .joinRefused(pad: try r.required("pad"), reason: try r.required("reason"))
    case .playerJoined:
      .joined(
        player: try r.required("player"), pad: try r.required("pad"), avatar: try r.required("avatar"),
        participant: try r.optional("participant"), late: try r.optional("late"))
    case .playerConfirmed:
      .confirmed(
        player: try r.required("player"), avatar: try r.required("avatar"), automatic: try r.optional("automatic"))
    case .playerChoosingAgain: .choosingAgain(player: try r.required("player"), avatar: try r.required("avatar"))
    case .playerReconnected: .reconnected(player: try r.required("player"), pad: try r.required("pad"))
    case .playerDisconnected: .disconnected(player: try r.required("player"), pad: try r.required("pad"))
    case .joinReset: .reset(seats: try r.required("seats"))
    case .joinSeatSelected: .seatSelected(seat: try r.required("seat"), pad: try r.required("pad"))
    case .joinSeatSelectionCancelled: .seatSelectionCancelled(seat: try r.required("seat"))
    case .joinSeatsSwapped:
      .seatsSwapped(
        from: try r.required("from"), to: try r.required("to"), pad: try r.required("pad"),
        swappedPad: try r.optional("swappedPad"))
    case .playerAttributed: .attributed(player: try r.required("player"), participant: try r.required("participant"))
    default: nil
    }
  }
}

// MARK: - Trial

extension TrialLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    switch self {
    case .started(let tag, let condition, let stimulus, let game, let scent):
      w.set(tag)
      w.set("condition", condition)
      w.set("stimulus", stimulus)
      w.set("game", game)
      w.set("scent", scent)
      return .trialStarted
    case .ended(let tag, let reason, let turns):
      w.set(tag)
      w.set("reason", reason)
      w.set("turns", turns)
      return .trialEnded
    case .stimulusShown(let tag, let stimulus, let image):
      w.set(tag)
      w.set("stimulus", stimulus)
      w.set("image", image)
      return .stimulusShown
    case .stimulusPresented(let tag, let stimulus, let time):
      w.set(tag)
      w.set("stimulus", stimulus)
      w.set("presentedAtNanoseconds", time)
      return .stimulusPresented
    case .stimulusReplayed(let tag):
      w.set(tag)
      return .stimulusReplayed
    case .evocationStarted(let tag):
      w.set(tag)
      return .evocationStarted
    case .floorAsked(let tag, let player):
      w.set(tag)
      w.set("player", player)
      return .floorAsked
    case .floorGiven(let tag, let player, let turn, let source):
      w.set(tag)
      w.set("player", player)
      w.set("turn", turn)
      w.set("by", source)
      return .floorGiven
    case .turnEnded(let tag, let player, let turn, let reason):
      w.set(tag)
      w.set("player", player)
      w.set("turn", turn)
      w.set("reason", reason)
      return .turnEnded
    case .turnResumed(let tag, let player, let turn):
      w.set(tag)
      w.set("player", player)
      w.set("turn", turn)
      return .turnResumed
    case .answerRedone(let tag, let player, let turn, let redo):
      w.set(tag)
      w.set("player", player)
      w.set("turn", turn)
      w.set("redo", redo)
      return .answerRedone
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    switch type {
    case .trialStarted:
      guard let tag = try r.trialTag() else { throw PayloadReader.Unreadable() }
      return .started(
        tag, condition: try r.optional("condition"), stimulus: try r.optional("stimulus"), game: try r.optional("game"),
        scent: try r.optional("scent"))
    case .trialEnded:
      guard let tag = try r.trialTag() else { throw PayloadReader.Unreadable() }
      return .ended(tag, reason: try r.optional("reason"), turns: try r.optional("turns"))
    case .stimulusShown:
      return .stimulusShown(try r.trialTag(), stimulus: try r.required("stimulus"), image: try r.required("image"))
    case .stimulusPresented:
      return .stimulusPresented(
        try r.trialTag(), stimulus: try r.required("stimulus"),
        presentedAtNanoseconds: try r.required("presentedAtNanoseconds"))
    case .stimulusReplayed: return .stimulusReplayed(try r.trialTag())
    case .evocationStarted: return .evocationStarted(try r.trialTag())
    case .floorAsked: return .floorAsked(try r.trialTag(), player: try r.required("player"))
    case .floorGiven:
      return .floorGiven(
        try r.trialTag(), player: try r.required("player"), turn: try r.required("turn"), by: try r.required("by"))
    case .turnEnded:
      return .turnEnded(
        try r.trialTag(), player: try r.required("player"), turn: try r.required("turn"),
        reason: try r.required("reason"))
    case .turnResumed:
      return .turnResumed(try r.trialTag(), player: try r.required("player"), turn: try r.required("turn"))
    case .answerRedone:
      return .answerRedone(
        try r.trialTag(), player: try r.required("player"), turn: try r.required("turn"), redo: try r.required("redo"))
    default: return nil
    }
  }
}

// MARK: - Game

extension GameLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    switch self {
    case .started(let tag, let game, let difficulty):
      w.set(tag)
      w.set("game", game)
      w.set("difficulty", difficulty)
      return .gameStarted
    case .skipped(let tag, let game, let reason):
      w.set(tag)
      w.set("game", game)
      w.set("reason", reason)
      return .gameSkipped
    case .answer(let tag, let game, let player, let details):
      w.set(tag)
      w.set("game", game)
      w.set("player", player)
      w.add(details)
      return .gameAnswer
    case .flip(let tag, let game, let player, let card, let result):
      w.set(tag)
      w.set("game", game)
      w.set("player", player)
      w.set("card", card)
      w.set("result", result)
      return .gameFlip
    case .place(let tag, let game, let player, let picture, let place, let result, let outcome):
      w.set(tag)
      w.set("game", game)
      w.set("player", player)
      w.set("picture", picture)
      w.set("place", place)
      w.set("result", result)
      w.set("outcome", outcome)
      return .gamePlace
    case .finished(let tag, let game, let attempts):
      w.set(tag)
      w.set("game", game)
      w.set("attempts", attempts)
      return .gameFinished
    case .revealed(let tag, let details):
      w.set(tag)
      w.add(details)
      return .gameRevealed
    case .nextPicture(let tag, let game, let picture):
      w.set(tag)
      w.set("game", game)
      w.set("picture", picture)
      return .gameNextPicture
    case .ended(let tag, let game, let reason, let details):
      w.set(tag)
      w.set("game", game)
      w.set("reason", reason)
      w.add(details)
      return .gameEnded
    case .restarted(let tag, let game):
      w.set(tag)
      w.set("game", game)
      return .gameRestarted
    case .answerReopened(let tag, let player):
      w.set(tag)
      w.set("player", player)
      return .gameAnswerReopened
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    switch type {
    case .gameStarted:
      .started(try r.trialTag(), game: try r.required("game"), difficulty: try r.required("difficulty"))
    case .gameSkipped: .skipped(try r.trialTag(), game: try r.required("game"), reason: try r.required("reason"))
    case .gameAnswer:
      .answer(try r.trialTag(), game: try r.required("game"), player: try r.required("player"), details: r.rest())
    case .gameFlip:
      .flip(
        try r.trialTag(), game: try r.required("game"), player: try r.required("player"), card: try r.required("card"),
        result: try r.required("result"))
    case .gamePlace:
      .place(
        try r.trialTag(), game: try r.required("game"), player: try r.required("player"),
        picture: try r.required("picture"), place: try r.required("place"), result: try r.required("result"),
        outcome: try r.optional("outcome"))
    case .gameFinished: .finished(try r.trialTag(), game: try r.required("game"), attempts: try r.required("attempts"))
    case .gameRevealed: .revealed(try r.trialTag(), details: r.rest())
    case .gameNextPicture:
      .nextPicture(try r.trialTag(), game: try r.required("game"), picture: try r.required("picture"))
    case .gameEnded:
      .ended(try r.trialTag(), game: try r.required("game"), reason: try r.required("reason"), details: r.rest())
    case .gameRestarted: .restarted(try r.trialTag(), game: try r.required("game"))
    case .gameAnswerReopened: .answerReopened(try r.trialTag(), player: try r.required("player"))
    default: nil
    }
  }
}

// MARK: - Scent

extension ScentLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    switch self {
    case .requested(let tag, let scent, let slot, let intensity, let milliseconds):
      w.set(tag)
      w.set("scent", scent)
      w.set("slot", slot)
      w.set("intensity", intensity)
      w.set("durationMilliseconds", milliseconds)
      return .scentRequested
    case .delayed(let tag, let scent, let until):
      w.set(tag)
      w.set("scent", scent)
      w.set("untilNanoseconds", until)
      return .scentDelayed
    case .skipped(let tag, let scent, let reason):
      w.set(tag)
      w.set("scent", scent)
      w.set("reason", reason)
      return .scentSkipped
    case .released(let release):
      release.write(into: &w)
      return .scentReleased
    case .releasedLate(let release):
      release.write(into: &w)
      return .scentReleasedLate
    case .refused(let tag, let scent, let reason):
      w.set(tag)
      w.set("scent", scent)
      w.set("reason", reason)
      return .scentRefused
    case .unconfirmed(let tag, let scent, let reason):
      w.set(tag)
      w.set("scent", scent)
      w.set("reason", reason)
      return .scentUnconfirmed
    case .ended(let tag, let scent):
      w.set(tag)
      w.set("scent", scent)
      return .scentEnded
    case .stopped(let tag, let scent):
      w.set(tag)
      w.set("scent", scent)
      return .scentStopped
    case .linkConnected(let transport):
      w.set("transport", transport)
      return .scentLinkConnected
    case .linkClosed(let transport):
      w.set("transport", transport)
      return .scentLinkClosed
    case .linkFailed(let transport, let error):
      w.set("transport", transport)
      w.set("error", error)
      return .scentLinkFailed
    case .linkLost(let transport, let discarded):
      w.set("transport", transport)
      w.set("discarded_bytes", discarded)
      return .scentLinkLost
    case .linkReconnecting(let attempt):
      w.set("attempt", attempt)
      return .scentLinkReconnecting
    case .deviceInfo(let model, let firmware, let channels):
      w.set("model", model)
      w.set("firmware", firmware)
      w.set("channels", channels)
      return .scentDeviceInfo
    case .fault(let channel, let fault, let source):
      w.set("channel", channel)
      w.set("fault", fault)
      w.set("source", source)
      return .scentFault
    case .releaseRefused(let release, let reason, let message):
      release.write(into: &w)
      w.set("reason", reason)
      w.set("message", message)
      return .scentReleaseRefused
    case .releaseSent(let release):
      release.write(into: &w)
      return .scentReleaseSent
    case .releaseAcknowledged(let release, let acknowledgement):
      release.write(into: &w)
      w.set("applied_ms", acknowledgement.appliedMilliseconds)
      w.set("start_ns", acknowledgement.startNanoseconds)
      w.set("end_ns", acknowledgement.endNanoseconds)
      w.set("round_trip_ns", acknowledgement.roundTripNanoseconds)
      w.set("late", acknowledgement.late)
      return .scentReleaseAcknowledged
    case .releaseEnded(let channel, let reason):
      w.set("channel", channel)
      w.set("reason", reason)
      return .scentReleaseEnded
    case .answerLate(let sequence, let message):
      w.set("sequence", sequence)
      w.set("message", message)
      return .scentAnswerLate
    case .purgeSent(let milliseconds):
      w.set("duration_ms", milliseconds)
      return .scentPurgeSent
    case .purgeAcknowledged(let milliseconds, let applied):
      w.set("duration_ms", milliseconds)
      w.set("applied_ms", applied)
      return .scentPurgeAcknowledged
    case .stopSent(let channel):
      w.set("channel", channel)
      return .scentStopSent
    case .stopAcknowledged(let channel):
      w.set("channel", channel)
      return .scentStopAcknowledged
    case .timeout(let command, let sequence):
      w.set("command", command)
      w.set("sequence", sequence)
      return .scentTimeout
    case .protocolError(let sequence, let error):
      w.set("sequence", sequence)
      w.set("error", error)
      return .scentProtocolError
    case .commandRejected(let code, let message, let details):
      w.set("code", code)
      w.set("message", message)
      w.add(details)
      return .scentCommandRejected
    case .commandFailed(let error, let details):
      w.set("error", error)
      w.add(details)
      return .scentCommandFailed
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    switch type {
    case .scentRequested:
      .requested(
        try r.trialTag(), scent: try r.required("scent"), slot: try r.optional("slot"),
        intensity: try r.optional("intensity"), durationMilliseconds: try r.optional("durationMilliseconds"))
    case .scentDelayed:
      .delayed(try r.trialTag(), scent: try r.required("scent"), untilNanoseconds: try r.required("untilNanoseconds"))
    case .scentSkipped: .skipped(try r.trialTag(), scent: try r.required("scent"), reason: try r.required("reason"))
    case .scentReleased: .released(try ScentRelease(&r))
    case .scentReleasedLate: .releasedLate(try ScentRelease(&r))
    case .scentRefused: .refused(try r.trialTag(), scent: try r.required("scent"), reason: try r.required("reason"))
    case .scentUnconfirmed:
      .unconfirmed(try r.trialTag(), scent: try r.required("scent"), reason: try r.optional("reason"))
    case .scentEnded: .ended(try r.trialTag(), scent: try r.required("scent"))
    case .scentStopped: .stopped(try r.trialTag(), scent: try r.required("scent"))
    case .scentLinkConnected: .linkConnected(transport: try r.required("transport"))
    case .scentLinkClosed: .linkClosed(transport: try r.required("transport"))
    case .scentLinkFailed: .linkFailed(transport: try r.required("transport"), error: try r.required("error"))
    case .scentLinkLost:
      .linkLost(transport: try r.required("transport"), discardedBytes: try r.required("discarded_bytes"))
    case .scentLinkReconnecting: .linkReconnecting(attempt: try r.required("attempt"))
    case .scentDeviceInfo:
      .deviceInfo(
        model: try r.required("model"), firmware: try r.required("firmware"), channels: try r.required("channels"))
    case .scentFault:
      .fault(channel: try r.required("channel"), fault: try r.required("fault"), source: try r.optional("source"))
    case .scentReleaseRefused:
      .releaseRefused(try DiffuserRelease(&r), reason: try r.required("reason"), message: try r.required("message"))
    case .scentReleaseSent: .releaseSent(try DiffuserRelease(&r))
    case .scentReleaseAcknowledged:
      .releaseAcknowledged(
        try DiffuserRelease(&r),
        ReleaseAcknowledgement(
          appliedMilliseconds: try r.optional("applied_ms"), startNanoseconds: try r.optional("start_ns"),
          endNanoseconds: try r.optional("end_ns"), roundTripNanoseconds: try r.optional("round_trip_ns"),
          late: try r.optional("late")))
    case .scentReleaseEnded: .releaseEnded(channel: try r.required("channel"), reason: try r.required("reason"))
    case .scentAnswerLate: .answerLate(sequence: try r.required("sequence"), message: try r.required("message"))
    case .scentPurgeSent: .purgeSent(durationMilliseconds: try r.required("duration_ms"))
    case .scentPurgeAcknowledged:
      .purgeAcknowledged(
        durationMilliseconds: try r.required("duration_ms"), appliedMilliseconds: try r.required("applied_ms"))
    case .scentStopSent: .stopSent(channel: try r.required("channel"))
    case .scentStopAcknowledged: .stopAcknowledged(channel: try r.required("channel"))
    case .scentTimeout: .timeout(command: try r.required("command"), sequence: try r.required("sequence"))
    case .scentProtocolError: .protocolError(sequence: try r.required("sequence"), error: try r.required("error"))
    case .scentCommandRejected:
      .commandRejected(code: try r.required("code"), message: try r.optional("message"), details: r.rest())
    case .scentCommandFailed: .commandFailed(error: try r.required("error"), details: r.rest())
    default: nil
    }
  }
}

extension ScentRelease {
  init(_ r: inout PayloadReader) throws {
    self.init(
      trial: try r.trialTag(), scent: try r.required("scent"),
      startedAtNanoseconds: try r.optional("startedAtNanoseconds"),
      endsAtNanoseconds: try r.optional("endsAtNanoseconds"),
      acknowledgedAtNanoseconds: try r.optional("acknowledgedAtNanoseconds"))
  }

  func write(into w: inout PayloadWriter) {
    w.set(trial)
    w.set("scent", scent)
    w.set("startedAtNanoseconds", startedAtNanoseconds)
    w.set("endsAtNanoseconds", endsAtNanoseconds)
    w.set("acknowledgedAtNanoseconds", acknowledgedAtNanoseconds)
  }
}

extension DiffuserRelease {
  init(_ r: inout PayloadReader) throws {
    self.init(
      channel: try r.required("channel"), scent: try r.optional("scent"), intensity: try r.optional("intensity"),
      durationMilliseconds: try r.required("duration_ms"), sequence: try r.optional("sequence"))
  }

  func write(into w: inout PayloadWriter) {
    w.set("channel", channel)
    w.set("scent", scent)
    w.set("intensity", intensity)
    w.set("duration_ms", durationMilliseconds)
    w.set("sequence", sequence)
  }
}

// MARK: - Recording

extension AnswerTake {
  init(_ r: inout PayloadReader) throws {
    self.init(
      trial: try r.required("trial"), player: try r.required("player"), participant: try r.optional("participant"),
      turn: try r.required("turn"), redo: try r.optional("redo"))
  }

  func write(into w: inout PayloadWriter) {
    w.set("trial", trial)
    w.set("player", player)
    w.set("participant", participant)
    w.set("turn", turn)
    w.set("redo", redo)
  }
}

extension RecordingLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    switch self {
    case .started(let take):
      take.write(into: &w)
      return .recordingStarted
    case .stopped(let take, let reason):
      take.write(into: &w)
      w.set("reason", reason)
      return .recordingStopped
    case .failed(let failure):
      w.set(failure.trial)
      failure.take?.write(into: &w)
      w.set("reason", failure.reason)
      return .recordingFailed
    case .incomplete(let take, let path, let reason, let then):
      take.write(into: &w)
      w.set("path", path)
      w.set("reason", reason)
      w.set("then", then)
      return .recordingIncomplete
    case .recovered(let trial, let player, let participant, let frames):
      w.set("trial", trial)
      w.set("player", player)
      w.setEmptyForNone("participant", participant)
      w.set("frames", frames)
      return .recordingRecovered
    case .superseded(let trial, let player, let participant, let replaced, let by, let replacedSession):
      w.set("trial", trial)
      w.set("player", player)
      w.setEmptyForNone("participant", participant)
      w.set("replaced", replaced)
      w.set("by", by)
      w.set("replacedSession", replacedSession)
      return .recordingSuperseded
    case .unfiled(let take, let path, let reason):
      take.write(into: &w)
      w.set("path", path)
      w.set("reason", reason)
      return .recordingUnfiled
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    switch type {
    case .recordingStarted: return .started(try AnswerTake(&r))
    case .recordingStopped: return .stopped(try AnswerTake(&r), reason: try r.required("reason"))
    case .recordingFailed:
      let number: Int? = try r.optional("trialNumber")
      let take = r.remaining["player"] == nil ? nil : try AnswerTake(&r)
      let trial: TrialID? = take == nil ? try r.optional("trial") : take?.trial
      guard trial != nil || number == nil else { throw PayloadReader.Unreadable() }
      let tag = trial.map { TrialTag(trial: $0, number: number) }
      return .failed(RecordingFailure(trial: tag, take: take, reason: try r.optional("reason")))
    case .recordingIncomplete:
      return .incomplete(
        try AnswerTake(&r), path: try r.required("path"), reason: try r.required("reason"), then: try r.required("then")
      )
    case .recordingRecovered:
      return .recovered(
        trial: try r.required("trial"), player: try r.required("player"),
        participant: try r.emptyMeansNone("participant"),
        frames: try r.required("frames"))
    case .recordingSuperseded:
      return .superseded(
        trial: try r.required("trial"), player: try r.required("player"),
        participant: try r.emptyMeansNone("participant"), replaced: try r.required("replaced"),
        by: try r.required("by"),
        replacedSession: try r.optional("replacedSession"))
    case .recordingUnfiled:
      return .unfiled(try AnswerTake(&r), path: try r.required("path"), reason: try r.required("reason"))
    default: return nil
    }
  }
}

// MARK: - Review

extension ReviewLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    let (type, change): (EventType, ReviewChange) =
      switch self {
      case .transcriptSaved(let change): (.reviewTranscriptSaved, change)
      case .timingSaved(let change): (.reviewTimingSaved, change)
      case .memoriesCoded(let change): (.reviewMemoriesCoded, change)
      case .consensusSaved(let change): (.reviewConsensusSaved, change)
      }
    w.set("answer", change.answer)
    w.set("coder", change.coder)
    w.set("before", change.before)
    w.set("after", change.after)
    w.set("revision", change.revision)
    w.set("measure", change.measure)
    return type
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    let make: (ReviewChange) -> Self
    switch type {
    case .reviewTranscriptSaved: make = Self.transcriptSaved
    case .reviewTimingSaved: make = Self.timingSaved
    case .reviewMemoriesCoded: make = Self.memoriesCoded
    case .reviewConsensusSaved: make = Self.consensusSaved
    default: return nil
    }
    return make(
      ReviewChange(
        answer: try r.required("answer"), coder: try r.required("coder"), before: try r.required("before"),
        after: try r.required("after"), revision: try r.required("revision"), measure: try r.optional("measure")))
  }
}

// MARK: - Operator

extension OperatorLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    w.set(trial)
    w.set("stage", stage)
    switch action {
    case .next: return .operatorNext
    case .pause: return .operatorPause
    case .skip: return .operatorSkip
    case .redo: return .operatorRedo
    case .giveFloor(let player):
      w.set("player", player)
      return .operatorGiveFloor
    case .end: return .operatorEnd
    case .confirm: return .operatorConfirm
    case .cancel: return .operatorCancel
    case .toggleHelp: return .operatorHelp
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    let action: OperatorAction
    switch type {
    case .operatorNext: action = .next
    case .operatorPause: action = .pause
    case .operatorSkip: action = .skip
    case .operatorRedo: action = .redo
    case .operatorGiveFloor: action = .giveFloor(to: try r.required("player"))
    case .operatorEnd: action = .end
    case .operatorConfirm: action = .confirm
    case .operatorCancel: action = .cancel
    case .operatorHelp: action = .toggleHelp
    default: return nil
    }
    return OperatorLogEvent(action: action, trial: try r.trialTag(), stage: try r.required("stage"))
  }
}

// MARK: - Attendance

extension AttendanceLogEvent {
  func write(into w: inout PayloadWriter) -> EventType {
    switch self {
    case .recorded(let attendance):
      w.set("study", attendance.study)
      w.set("group", attendance.group)
      w.set("sessionNumber", attendance.sessionNumber)
      w.set("participant", attendance.participant)
      w.set("status", attendance.status)
      w.set("reason", attendance.reason)
      w.set("madeUpIn", attendance.madeUpIn)
      w.set("recordedBy", attendance.recordedBy)
      return .attendanceRecorded
    }
  }

  static func read(_ type: EventType, _ r: inout PayloadReader) throws -> Self? {
    guard type == .attendanceRecorded else { return nil }
    return .recorded(
      Attendance(
        study: try r.required("study"), group: try r.required("group"), sessionNumber: try r.required("sessionNumber"),
        participant: try r.required("participant"), status: try r.required("status"), reason: try r.optional("reason"),
        madeUpIn: try r.optional("madeUpIn"), recordedBy: try r.optional("recordedBy")))
  }
}
