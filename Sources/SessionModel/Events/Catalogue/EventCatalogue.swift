/// Every event type the log may hold, described for researchers: its domain, meaning and payload
/// keys (with units). The codebook's `event_types.csv` is generated from ``entries``.
///
/// Versioning: ``version`` is stored with every event this code writes (logs written before the
/// catalogue existed read as version 1). Adding a type or an optional key raises it; a stored name,
/// key or value never changes meaning, and an event of a later version is read as
/// ``LoggedEvent/unknown(type:payload:)``, kept and shown as it came.
public enum EventCatalogue {
  /// 1: the names of December 2026, written before the catalogue; 2: the catalogue, with review
  /// events; 3: attendance events; 4: who recorded an attendance (`recordedBy`); 5: `recording.unfiled`;
  /// 6: the make-up participants of a run (`runner.started`'s `makeUp`); 7: `player.attributed`.
  public static let version = 7

  /// A domain of the catalogue, in the order the codebook lists them.
  public enum Domain: String, CaseIterable, Sendable {
    case session, seating, trial, game, scent, recording, review, `operator`, attendance
  }

  /// One payload key: its name, unit (empty when none) and meaning; optional keys may be absent.
  public struct Key: Hashable, Sendable {
    public var name: String
    public var unit: String
    public var meaning: String
    public var isOptional: Bool
    /// The kind of identifier the key's value is, when it names a session, run or group: a
    /// multi-centre server qualifies those with the site's code, as it does the tables' columns.
    public var identifier: SiteIdentifier?
    /// What of the value leaves the site, in exports and a sync's rows (``EventRedaction``).
    public var redaction: EventRedaction.Rule

    init(
      _ name: String, _ unit: String = "", _ meaning: String, optional: Bool = false,
      identifies identifier: SiteIdentifier? = nil, redacted redaction: EventRedaction.Rule = .scrubbed
    ) {
      self.name = name
      self.unit = unit
      self.meaning = meaning
      self.isOptional = optional
      self.identifier = identifier
      self.redaction = redaction
    }
  }

  /// One event type.
  public struct Entry: Hashable, Sendable {
    public var type: EventType
    public var domain: Domain
    public var meaning: String
    public var keys: [Key]
    /// True when the event also carries keys of its own (a game's details, a command's details).
    public var hasDetails: Bool

    init(_ type: EventType, _ domain: Domain, _ meaning: String, _ keys: [Key], details: Bool = false) {
      self.type = type
      self.domain = domain
      self.meaning = meaning
      self.keys = keys
      self.hasDetails = details
    }
  }

  /// Keys any event may carry besides its own: the journal's, not the event's.
  public static let envelopeKeys = [
    Key(
      "happenedAtNanoseconds", "ns",
      "When the event happened, host monotonic clock, if it was written after a later event (it then carries that event's time).",
      optional: true)
  ]

  /// The entry of a stored type name, nil for a type this version does not know.
  public static func entry(for type: EventType) -> Entry? { byType[type] }

  private static let byType = Dictionary(entries.map { ($0.type, $0) }, uniquingKeysWith: { first, _ in first })

  // Keys many events share.
  private static let trial = [
    Key("trial", "", "Trial id in the session plan (T1…); absent outside a trial.", optional: true),
    Key("trialNumber", "", "Trial's position in the session, from 1; with trial.", optional: true),
  ]
  private static let take = [
    Key("trial", "", "Trial id in the session plan."),
    Key("player", "", "Player (seat) number, 1 to 10."),
    Key("participant", "", "Participant code of the seat; absent for a seat outside the group.", optional: true),
    Key("turn", "", "Turn in the trial, from 1."),
    Key("redo", "", "Take of the turn: 0 first, one more per redo.", optional: true),
  ]
  private static let player = Key("player", "", "Player (seat) number, 1 to 10.")
  private static let pad = Key("pad", "", "Gamepad instance number.")
  private static let avatar = Key("avatar", "", "Avatar id.")
  private static let scent = Key("scent", "", "Scent id in the scent catalogue.")
  private static let game = Key("game", "", "Game id, as protocols name it.")
  private static let transport = Key("transport", "", "Kind of link (rfcomm, ble, unix, tcp).")
  private static let release = [
    Key("channel", "", "Cartridge channel, 1 to 30."),
    Key("scent", "", "Scent id; absent for a device check.", optional: true),
    Key("intensity", "%", "Intensity asked, 0 to 100.", optional: true),
    Key("duration_ms", "ms", "Duration asked."),
    Key("sequence", "", "Frame sequence number of the command.", optional: true),
  ]
  private static let scentRelease =
    trial + [
      scent,
      Key("startedAtNanoseconds", "ns", "Release start, host monotonic clock.", optional: true),
      Key("endsAtNanoseconds", "ns", "Release end, host monotonic clock.", optional: true),
      Key("acknowledgedAtNanoseconds", "ns", "Acknowledgement received, host monotonic clock.", optional: true),
    ]
  private static let disk = [
    Key("availableBytes", "bytes", "Free space on the answers' disk; empty when unreadable."),
    Key("floorBytes", "bytes", "Level under which answers are not recorded."),
    Key("warningBytes", "bytes", "Level under which the therapist is warned."),
  ]
  private static let review = [
    Key("answer", "", "Opaque answer id (no participant, no path)."),
    Key("coder", "", "Coder's pseudonymous code."),
    Key("before", "", "Value before the change (empty when none)."),
    Key("after", "", "Value after the change."),
    Key("revision", "count", "The answer's revision after the save (each save moves it on by one)."),
    Key(
      "measure", "", "The measure a consensus settles (memories, specific_memories, words, onset, offset).",
      optional: true),
  ]
  private static let operatorKeys =
    trial + [Key("stage", "", "Where the session was: lobby, join, scent-lead, stimulus, game, evocation, ended.")]

  public static let entries: [Entry] = [
    // Session
    Entry(
      .sessionOpened, .session, "The engine opened the session.",
      [
        Key("session", "", "Session (run) id.", optional: true, identifies: .session),
        Key("kind", "", "clinical or animation.", optional: true),
        Key("trials", "", "Trials planned.", optional: true),
        Key("difficulty", "", "Default game level: easy, medium, hard.", optional: true),
        Key("recordsAnswers", "", "true when answers are recorded.", optional: true),
        Key("seed", "", "Seed of every shuffle.", optional: true),
      ]),
    Entry(
      .runnerStarted, .session, "A run of the session started on this host.",
      [
        Key("protocol", "", "Protocol file name.", optional: true),
        Key("seed", "", "Seed of the run.", optional: true),
        Key("players", "", "Real pads or the autopilot's count.", optional: true),
        Key("diffuser", "", "Diffuser kind (address redacted in exports).", optional: true, redacted: .transportKind),
        Key("output", "", "Answers folder (redacted in exports).", optional: true, redacted: .hidden),
        Key("resumes", "", "Run id this run resumes; empty when none.", optional: true, identifies: .session),
        Key(
          "makeUp", "", "Participant codes seated to make up a missed session (--make-up), comma-separated.",
          optional: true),
      ]),
    Entry(
      .sessionDegraded, .session, "The session started although a start check failed.",
      [
        Key(
          "problem", "",
          "Which check failed: noDiffuser, unreachableDiffuser, emptyCartridges, noMicrophone, quietMicrophone, clippingMicrophone, noPads, lowDiskSpace, unregisteredGroup."
        ),
        Key(
          "allowedBy", "",
          "What allowed it: demo, --allow-degraded, animation, home-check (accepted on the home screen's device checks), after-check (nothing: the diffuser answered the start check but not the session's connection a moment later; the session kept trying).",
          optional: true),
        Key("availableBytes", "bytes", "Free disk space, for a disk problem.", optional: true),
        Key("neededBytes", "bytes", "Disk space needed, for a disk problem.", optional: true),
      ]),
    Entry(
      .sessionNotStarted, .session, "Space on the join screen did not start the session.",
      [
        Key("reason", "", "noConfirmedPlayer or seatsOutsideGroup."),
        Key("seats", "", "Seats outside the group, comma-separated.", optional: true),
      ]),
    Entry(
      .sessionStarted, .session, "The session started with the players seated.",
      [
        Key("players", "", "Player numbers, comma-separated."),
        Key("avatars", "", "Their avatars, comma-separated, same order."),
      ]),
    Entry(
      .sessionResumedAfterInterruption, .session, "This run picks up an interrupted run.",
      [Key("fromTrial", "", "First trial this run shows; empty when none is left.")]),
    Entry(.sessionPaused, .session, "The therapist paused.", trial),
    Entry(.sessionResumed, .session, "The therapist resumed after a pause.", trial),
    Entry(.sessionEndCancelled, .session, "The therapist cancelled ending the session.", []),
    Entry(
      .sessionEnded, .session, "The thank-you scene came up.",
      [Key("reason", "", "completed or operator.", optional: true)]),
    Entry(
      .sessionInterrupted, .session, "Recovery closed a session a crash left open.",
      [
        Key("lastEvent", "", "Type of the last event before the crash.", optional: true),
        Key("recoveredRecordings", "", "Answers repaired and filed.", optional: true),
        Key("missingRecordings", "", "Takes whose file is gone.", optional: true),
        Key("unrecoveredRecordings", "", "Files that could not be repaired, separated by ' | '.", optional: true),
      ]),
    Entry(.diskLow, .session, "Free disk space fell under the warning level.", disk),
    Entry(.diskFull, .session, "Free disk space fell under the floor: answers are not recorded.", disk),
    Entry(.diskEnough, .session, "Free disk space is above the warning level again.", disk),
    Entry(
      .durabilityProbe, .session, "Written by 'db append-events' to test the log's durability.",
      [Key("index", "", "Position in the batch.")]),
    // Seating
    Entry(.joinOpened, .seating, "The join screen opened.", []),
    Entry(.joinRefused, .seating, "A pad could not take a seat.", [pad, Key("reason", "", "full.")]),
    Entry(
      .playerJoined, .seating, "A pad took a seat with an avatar.",
      [
        player, pad, avatar,
        Key("participant", "", "Participant code of the seat.", optional: true),
        Key("late", "", "true when the pad joined after the start.", optional: true),
      ]),
    Entry(
      .playerConfirmed, .seating, "A player kept their avatar.",
      [player, avatar, Key("automatic", "", "true when Space kept it for them.", optional: true)]),
    Entry(.playerChoosingAgain, .seating, "A long press let a player choose their avatar again.", [player, avatar]),
    Entry(.playerReconnected, .seating, "A player's pad came back.", [player, pad]),
    Entry(.playerDisconnected, .seating, "A player's pad went away.", [player, pad]),
    Entry(.joinReset, .seating, "R on the join screen freed every seat.", [Key("seats", "", "Seats freed.")]),
    Entry(
      .joinSeatSelected, .seating, "The therapist picked a seat to move.", [Key("seat", "", "Seat number."), pad]),
    Entry(
      .joinSeatSelectionCancelled, .seating, "The therapist let go of the picked seat.",
      [Key("seat", "", "Seat number.")]),
    Entry(
      .joinSeatsSwapped, .seating, "A pad moved to another seat, swapping with the pad there.",
      [
        Key("from", "", "Seat left."), Key("to", "", "Seat taken."), pad,
        Key("swappedPad", "", "Pad moved the other way, if any.", optional: true),
      ]),
    Entry(
      .playerAttributed, .seating,
      "The therapist said which group member a player who joined after the start is; all the seat's answers in this run, those recorded before too, are filed under that participant (their recording.started keep participant empty).",
      [player, Key("participant", "", "Participant code the seat's answers in this run are filed under.")]),
    // Trial
    Entry(
      .trialStarted, .trial, "A trial began.",
      [
        Key("trial", "", "Trial id in the session plan."),
        Key("trialNumber", "", "Trial's position, from 1.", optional: true),
        Key("condition", "", "image, image_game, image_scent, image_game_scent.", optional: true),
        Key("stimulus", "", "Stimulus id.", optional: true),
        Key("game", "", "Game planned.", optional: true),
        Key("scent", "", "Cue scent planned.", optional: true),
      ]),
    Entry(
      .trialEnded, .trial, "A trial ended.",
      [
        Key("trial", "", "Trial id in the session plan."),
        Key("trialNumber", "", "Trial's position, from 1.", optional: true),
        Key("reason", "", "completed or skipped.", optional: true), Key("turns", "", "Turns given.", optional: true),
      ]),
    Entry(
      .stimulusShown, .trial, "The engine put the trial's image on screen.",
      trial + [Key("stimulus", "", "Stimulus id."), Key("image", "", "Image file name.")]),
    Entry(
      .stimulusPresented, .trial, "The screen showed the image.",
      trial + [
        Key("stimulus", "", "Stimulus id."),
        Key(
          "presentedAtNanoseconds", "ns",
          "First frame presented, host monotonic clock: the start of the image's 300 ms fade-in (full opacity 300 ms later; none in golden-image tests)."
        ),
      ]),
    Entry(.stimulusReplayed, .trial, "R showed the image again.", trial),
    Entry(.evocationStarted, .trial, "The evocation question came up.", trial),
    Entry(.floorAsked, .trial, "A player asked for the floor with A.", trial + [player]),
    Entry(
      .floorGiven, .trial, "A player got the floor.",
      trial + [player, Key("turn", "", "Turn in the trial, from 1."), Key("by", "", "therapist or request.")]),
    Entry(
      .turnEnded, .trial, "A speaker's turn ended.",
      trial + [
        player, Key("turn", "", "Turn in the trial."),
        Key("reason", "", "floorGiven, next, skipped, maximumDuration, completed, operator."),
      ]),
    Entry(
      .turnResumed, .trial, "After a pause, the speaker cut short speaks again in a new turn.",
      trial + [player, Key("turn", "", "The new turn.")]),
    Entry(
      .answerRedone, .trial, "R: the speaker's answer starts again as a new take.",
      trial + [player, Key("turn", "", "Turn in the trial."), Key("redo", "", "The new take's number, from 1.")]),
    // Game
    Entry(
      .gameStarted, .game, "A trial's game began.", trial + [game, Key("difficulty", "", "easy, medium, hard.")]),
    Entry(
      .gameSkipped, .game, "A trial's game was not played, or not to its end.",
      trial + [game, Key("reason", "", "noMaterial or operator.")]),
    Entry(
      .gameAnswer, .game, "A player locked an answer; other keys are the game's own.", trial + [game, player],
      details: true),
    Entry(
      .gameFlip, .game, "A player turned a memory card.",
      trial + [
        game, player, Key("card", "", "Card position in the grid."),
        Key("result", "", "flipped, matched, mismatched, turnedBack, ignored."),
      ]),
    Entry(
      .gamePlace, .game, "A player tried a picture in a place of \"Le bon ordre\".",
      trial + [
        game, player, Key("picture", "", "Picture id."), Key("place", "", "Place in the sequence, from 0."),
        Key("result", "", "placed, bouncedBack or ignored."),
        Key("outcome", "", "matched or missed (welcomed at easy).", optional: true),
      ]),
    Entry(
      .gameFinished, .game, "Every pair was found, or every picture is in its place.",
      trial + [game, Key("attempts", "", "Tries so far (pairs turned, pictures placed).")]),
    Entry(
      .gameRevealed, .game, "The answers were shown together; other keys are the game's own.", trial, details: true),
    Entry(
      .gameNextPicture, .game, "The game moved on to its next picture.",
      trial + [game, Key("picture", "", "Picture id.")]),
    Entry(
      .gameEnded, .game, "The game ended; other keys are the game's own summary.",
      trial + [game, Key("reason", "", "next or skipped.")], details: true),
    Entry(.gameRestarted, .game, "R dealt the game again.", trial + [game]),
    Entry(.gameAnswerReopened, .game, "A long press opened a locked answer again.", trial + [player]),
    // Scent
    Entry(
      .scentRequested, .scent, "The engine asked for a release.",
      trial + [
        scent, Key("slot", "", "Cartridge channel, 1 to 30.", optional: true),
        Key("intensity", "%", "Intensity, 0 to 100.", optional: true),
        Key("durationMilliseconds", "ms", "Duration asked.", optional: true),
      ]),
    Entry(
      .scentDelayed, .scent, "The release waits for the safety interval since the previous one.",
      trial + [scent, Key("untilNanoseconds", "ns", "Earliest release, host monotonic clock.")]),
    Entry(
      .scentSkipped, .scent, "The trial's scent was not released, or its wait was cut short.",
      trial + [scent, Key("reason", "", "unknownScent, sessionLimit, safetyLimit, operator, pause.")]),
    Entry(.scentReleased, .scent, "The diffuser acknowledged the release.", scentRelease),
    Entry(
      .scentReleasedLate, .scent, "The acknowledgement came after the engine had given up waiting.", scentRelease),
    Entry(
      .scentRefused, .scent, "The diffuser or the safety governor refused the release.",
      trial + [scent, Key("reason", "", "Why, in English.")]),
    Entry(
      .scentUnconfirmed, .scent, "The release went out but its answer never came.",
      trial + [scent, Key("reason", "", "Why, in English.", optional: true)]),
    Entry(.scentEnded, .scent, "The release's time was up.", trial + [scent]),
    Entry(.scentStopped, .scent, "A release was cut short (pause, skip, end).", trial + [scent]),
    Entry(.scentLinkConnected, .scent, "The diffuser's link opened.", [transport]),
    Entry(.scentLinkClosed, .scent, "The diffuser's link was closed at the end.", [transport]),
    Entry(
      .scentLinkFailed, .scent, "The diffuser could not be reached.", [transport, Key("error", "", "Error code.")]),
    Entry(
      .scentLinkLost, .scent, "The diffuser's link broke.",
      [transport, Key("discarded_bytes", "bytes", "Bytes that were part of no frame.")]),
    Entry(
      .scentLinkReconnecting, .scent, "Trying to reach the diffuser again.", [Key("attempt", "", "Attempt, from 1.")]
    ),
    Entry(
      .scentDeviceInfo, .scent, "What the diffuser said it is.",
      [
        Key("model", "", "Model."), Key("firmware", "", "Firmware version."),
        Key("channels", "", "Cartridge channels."),
      ]
    ),
    Entry(
      .scentFault, .scent, "A cartridge or the device reported a fault.",
      [
        Key("channel", "", "Channel number, device, or ? when unknown."), Key("fault", "", "Fault code."),
        Key("source", "", "status when read from a status answer.", optional: true),
      ]),
    Entry(
      .scentReleaseRefused, .scent, "The safety governor refused a release before it was sent.",
      release + [Key("reason", "", "Refusal code."), Key("message", "", "Explanation, in French.")]),
    Entry(.scentReleaseSent, .scent, "A release command was written to the diffuser.", release),
    Entry(
      .scentReleaseAcknowledged, .scent, "The diffuser acknowledged a release command.",
      release + [
        Key("applied_ms", "ms", "Duration the device applied.", optional: true),
        Key("start_ns", "ns", "Estimated start, host monotonic clock.", optional: true),
        Key("end_ns", "ns", "Estimated end, host monotonic clock.", optional: true),
        Key("round_trip_ns", "ns", "Command to acknowledgement.", optional: true),
        Key("late", "", "true when the answer came after the command had timed out.", optional: true),
      ]),
    Entry(
      .scentReleaseEnded, .scent, "The diffuser said a channel stopped.",
      [Key("channel", "", "Channel number."), Key("reason", "", "Why it stopped.")]),
    Entry(
      .scentAnswerLate, .scent, "An answer came for a command nobody waits for any more.",
      [Key("sequence", "", "Frame sequence number."), Key("message", "", "The answer, summarised.")]),
    Entry(.scentPurgeSent, .scent, "A purge (fan alone) was sent.", [Key("duration_ms", "ms", "Duration asked.")]),
    Entry(
      .scentPurgeAcknowledged, .scent, "The diffuser acknowledged a purge.",
      [Key("duration_ms", "ms", "Duration asked."), Key("applied_ms", "ms", "Duration applied.")]),
    Entry(.scentStopSent, .scent, "A stop command was sent.", [Key("channel", "", "Channel number or all.")]),
    Entry(
      .scentStopAcknowledged, .scent, "The diffuser acknowledged a stop.",
      [Key("channel", "", "Channel number or all.")]),
    Entry(
      .scentTimeout, .scent, "A command had no answer in time.",
      [Key("command", "", "Command type."), Key("sequence", "", "Frame sequence number.")]),
    Entry(
      .scentProtocolError, .scent, "A frame from the diffuser could not be read.",
      [Key("sequence", "", "Frame sequence number."), Key("error", "", "What was wrong.")]),
    Entry(
      .scentCommandRejected, .scent, "The diffuser refused a command; other keys are the command's own.",
      [Key("code", "", "Rejection code."), Key("message", "", "Explanation, in French.", optional: true)],
      details: true),
    Entry(
      .scentCommandFailed, .scent, "A command could not be carried out; other keys are the command's own.",
      [Key("error", "", "Error code.")], details: true),
    // Recording
    Entry(.recordingStarted, .recording, "An answer's take started; its file is written from now on.", take),
    Entry(
      .recordingStopped, .recording, "A take stopped.",
      take + [
        Key(
          "reason", "",
          "floorGiven, next, skipped, maximumDuration, completed, operator, redo, replaced, failed, pause.")
      ]),
    Entry(
      .recordingFailed, .recording, "The recorder failed; the take, when one ran, is closed.",
      [
        Key("trial", "", "Trial id.", optional: true), Key("trialNumber", "", "Trial's position.", optional: true),
        Key("player", "", "Speaker, when a take ran.", optional: true),
        Key("participant", "", "Participant code, when a take ran.", optional: true),
        Key("turn", "", "Turn, when a take ran.", optional: true),
        Key("redo", "", "Take, when a take ran.", optional: true),
        Key("reason", "", "Why, in English.", optional: true),
      ]),
    Entry(
      .recordingIncomplete, .recording, "A take's file was cut short by a write error; analysed as written.",
      take + [
        Key("path", "", "The file (redacted to its name in exports).", redacted: .fileName),
        Key("reason", "", "The write error."),
        Key("then", "", "What was done."),
      ]),
    Entry(
      .recordingRecovered, .recording, "Recovery repaired and filed a take a crash left on disk.",
      [
        Key("trial", "", "Trial id."), player,
        Key("participant", "", "Participant code; empty for a seat outside the group."),
        Key("frames", "frames", "Audio frames recovered."),
      ]),
    Entry(
      .recordingSuperseded, .recording, "A later take replaced an earlier one as the answer kept.",
      [
        Key("trial", "", "Trial id."), player,
        Key("participant", "", "Participant code; empty for a seat outside the group."),
        Key("replaced", "", "File replaced (its name in exports).", redacted: .fileName),
        Key("by", "", "File kept (its name in exports).", redacted: .fileName),
        Key(
          "replacedSession", "", "Run that recorded the replaced take, when another.", optional: true,
          identifies: .session),
      ]),
    Entry(
      .recordingUnfiled, .recording,
      "A take could not be measured and filed; its file stays on disk as it is, and the answer is missing until a recovery files it.",
      take + [
        Key("path", "", "The file (redacted to its name in exports).", redacted: .fileName),
        Key("reason", "", "Why, in English."),
      ]),
    // Review
    Entry(.reviewTranscriptSaved, .review, "A coder saved an answer's corrected transcript.", review),
    Entry(.reviewTimingSaved, .review, "A coder saved an answer's reviewed timing.", review),
    Entry(.reviewMemoriesCoded, .review, "A coder saved an answer's memory codes.", review),
    Entry(.reviewConsensusSaved, .review, "The coders' consensus on an answer was recorded.", review),
    // Operator
    Entry(.operatorNext, .operator, "Space: go on.", operatorKeys),
    Entry(.operatorPause, .operator, "P: pause or resume.", operatorKeys),
    Entry(.operatorSkip, .operator, "S: skip the current step.", operatorKeys),
    Entry(.operatorRedo, .operator, "R: do the current step again.", operatorKeys),
    Entry(.operatorGiveFloor, .operator, "A digit: give the floor to a player.", operatorKeys + [player]),
    Entry(.operatorEnd, .operator, "Esc: end the session (asks to confirm).", operatorKeys),
    Entry(.operatorConfirm, .operator, "Enter: confirm the question on screen.", operatorKeys),
    Entry(.operatorCancel, .operator, "Backspace: dismiss the question on screen.", operatorKeys),
    Entry(.operatorHelp, .operator, "H: show or hide the keyboard help.", operatorKeys),
    // Attendance
    Entry(
      .attendanceRecorded, .attendance,
      "A participant's attendance at a planned session of their group was recorded (the latest record counts); logged under the planned session's id (G01-S03), not a run's.",
      [
        Key("study", "", "Study id."),
        Key("group", "", "The participant's group.", identifies: .group),
        Key("sessionNumber", "", "Planned session number, from 1."),
        Key("participant", "", "Participant code."),
        Key("status", "", "present, absent or left_early."),
        Key("reason", "", "Why absent: ill, appointment, discharged, refused; absent only.", optional: true),
        Key(
          "madeUpIn", "",
          "The run where the missed session was made up; from version 6, the first of its runs when it was interrupted and resumed.",
          optional: true, identifies: .session),
        Key(
          "recordedBy", "",
          "Who recorded the status: therapist, run (seated when it ended) or recovery (from the log of a run killed before it could).",
          optional: true),
      ]),
  ]
}
