import Foundation
import SessionModel
import Testing

/// The catalogue reads back exactly what it writes, keeps what it cannot read, and describes every
/// type it writes.
@Suite struct EventCatalogueTests {
  static let tag = TrialTag(trial: "T2", number: 2)
  static let take = AnswerTake(
    trial: "T2", player: PlayerNumber(rawValue: 3)!, participant: .numbered(5), turn: 1, redo: 0)
  static let change = ReviewChange(answer: "a7f3", coder: "C01", before: "", after: "une pomme", revision: 2)
  static let consensus = ReviewChange(
    answer: "a7f3", coder: "C01", before: "2", after: "3", revision: 5, measure: "memories")

  /// One event of every shape: each domain, optional keys present and absent, details.
  static let samples: [LoggedEvent] = [
    .session(
      .opened(
        SessionOpening(session: "S01", kind: .clinical, trials: 3, difficulty: .easy, recordsAnswers: true, seed: 7))),
    .session(.opened(SessionOpening())),
    .session(
      .runnerStarted(
        RunStart(
          protocolFile: "demo.yaml", seed: 1, players: "autopilot 2", diffuser: "simulated", output: "sessions",
          resumes: ""))),
    .session(
      .runnerStarted(RunStart(resumes: "G01-S03-20270208T093000-00beef", makeUp: [.numbered(4), .numbered(7)]))),
    .session(.degraded(problem: "lowDiskSpace", allowedBy: "demo", availableBytes: 10, neededBytes: 20)),
    .session(.notStarted(reason: .seatsOutsideGroup, seats: [PlayerNumber(rawValue: 4)!, PlayerNumber(rawValue: 5)!])),
    .session(.started(players: [PlayerNumber(rawValue: 1)!], avatars: ["chat"])),
    .session(.resumedAfterInterruption(fromTrial: "T2")),
    .session(.paused(tag)), .session(.paused(nil)), .session(.resumed(tag)), .session(.endCancelled),
    .session(.ended(reason: .completed)),
    .session(
      .interrupted(
        SessionInterruption(
          lastEvent: "recording.started", recoveredRecordings: 1, missingRecordings: 0, unrecoveredRecordings: ""))),
    .session(.diskLow(DiskSpaceReading(availableBytes: nil, floorBytes: 100, warningBytes: 200))),
    .session(.diskFull(DiskSpaceReading(availableBytes: 50, floorBytes: 100, warningBytes: 200))),
    .session(.diskEnough(DiskSpaceReading(availableBytes: 500, floorBytes: 100, warningBytes: 200))),
    .session(.durabilityProbe(index: 4)),
    .seating(.joinOpened), .seating(.joinRefused(pad: PadID(rawValue: 9), reason: .full)),
    .seating(
      .joined(player: PlayerNumber(rawValue: 2)!, pad: PadID(rawValue: 0), avatar: "chat", participant: nil, late: true)
    ),
    .seating(.confirmed(player: PlayerNumber(rawValue: 2)!, avatar: "chat", automatic: nil)),
    .seating(.choosingAgain(player: PlayerNumber(rawValue: 2)!, avatar: "chat")),
    .seating(.reconnected(player: PlayerNumber(rawValue: 2)!, pad: PadID(rawValue: 1))),
    .seating(.disconnected(player: PlayerNumber(rawValue: 2)!, pad: PadID(rawValue: 1))),
    .seating(.reset(seats: 3)), .seating(.seatSelected(seat: PlayerNumber(rawValue: 1)!, pad: PadID(rawValue: 2))),
    .seating(.seatSelectionCancelled(seat: PlayerNumber(rawValue: 1)!)),
    .seating(.attributed(player: PlayerNumber(rawValue: 2)!, participant: .numbered(7))),
    .seating(
      .seatsSwapped(
        from: PlayerNumber(rawValue: 1)!, to: PlayerNumber(rawValue: 2)!, pad: PadID(rawValue: 3), swappedPad: nil)),
    .trial(.started(tag, condition: .imageScent, stimulus: "verger", game: nil, scent: "pomme")),
    .trial(.ended(tag, reason: .skipped, turns: 0)),
    .trial(.stimulusShown(tag, stimulus: "verger", image: "verger.png")),
    .trial(.stimulusPresented(tag, stimulus: "verger", presentedAtNanoseconds: 12_345_678_901)),
    .trial(.stimulusReplayed(tag)), .trial(.evocationStarted(tag)),
    .trial(.floorAsked(tag, player: PlayerNumber(rawValue: 1)!)),
    .trial(.floorGiven(tag, player: PlayerNumber(rawValue: 1)!, turn: 1, by: .therapist)),
    .trial(.turnEnded(tag, player: PlayerNumber(rawValue: 1)!, turn: 1, reason: .maximumDuration)),
    .trial(.turnResumed(tag, player: PlayerNumber(rawValue: 1)!, turn: 2)),
    .trial(.answerRedone(tag, player: PlayerNumber(rawValue: 1)!, turn: 1, redo: 1)),
    .game(.started(tag, game: .memoryPairs, difficulty: .medium)),
    .game(.skipped(tag, game: .whichScent, reason: .noMaterial)),
    .game(
      .answer(
        tag, game: .whichScent, player: PlayerNumber(rawValue: 1)!, details: ["choice": "pomme", "correct": "true"])),
    .game(.flip(tag, game: .memoryPairs, player: PlayerNumber(rawValue: 1)!, card: 4, result: "matched")),
    .game(
      .place(
        tag, game: .rightOrder, player: PlayerNumber(rawValue: 1)!, picture: "tarte", place: 2, result: "placed",
        outcome: "matched")),
    .game(.finished(tag, game: .memoryPairs, attempts: 6)), .game(.revealed(tag, details: ["answer": "pomme"])),
    .game(.nextPicture(tag, game: .thenAndNow, picture: "lavoir")),
    .game(.ended(tag, game: .memoryPairs, reason: .next, details: ["pairs": "6"])),
    .game(.restarted(tag, game: .memoryPairs)), .game(.answerReopened(tag, player: PlayerNumber(rawValue: 1)!)),
    .scent(
      .requested(tag, scent: "pomme", slot: CartridgeSlot(rawValue: 3)!, intensity: 60, durationMilliseconds: 500)),
    .scent(.delayed(tag, scent: "pomme", untilNanoseconds: 99)),
    .scent(.skipped(nil, scent: "pomme", reason: .sessionLimit)),
    .scent(
      .released(
        ScentRelease(
          trial: tag, scent: "pomme", startedAtNanoseconds: 1, endsAtNanoseconds: 2, acknowledgedAtNanoseconds: 3))),
    .scent(
      .releasedLate(
        ScentRelease(
          trial: nil, scent: "pomme", startedAtNanoseconds: 1, endsAtNanoseconds: 2, acknowledgedAtNanoseconds: 3))),
    .scent(.refused(tag, scent: "pomme", reason: "no diffuser")),
    .scent(.unconfirmed(tag, scent: "pomme", reason: nil)),
    .scent(.ended(tag, scent: "pomme")), .scent(.stopped(nil, scent: "pomme")),
    .scent(.linkConnected(transport: "unix")), .scent(.linkClosed(transport: "unix")),
    .scent(.linkFailed(transport: "ble", error: "timeout")), .scent(.linkLost(transport: "unix", discardedBytes: 0)),
    .scent(.linkReconnecting(attempt: 2)), .scent(.deviceInfo(model: "ODR-30", firmware: "1.2", channels: 30)),
    .scent(.fault(channel: "device", fault: "overheat", source: nil)),
    .scent(
      .releaseRefused(
        DiffuserRelease(channel: CartridgeSlot(rawValue: 3)!, scent: "pomme", intensity: 60, durationMilliseconds: 500),
        reason: "interval", message: "trop tôt")),
    .scent(
      .releaseSent(
        DiffuserRelease(
          channel: CartridgeSlot(rawValue: 3)!, scent: nil, intensity: 60, durationMilliseconds: 500, sequence: 12))),
    .scent(
      .releaseAcknowledged(
        DiffuserRelease(
          channel: CartridgeSlot(rawValue: 3)!, scent: "pomme", intensity: 60, durationMilliseconds: 500, sequence: 12),
        ReleaseAcknowledgement(
          appliedMilliseconds: 500, startNanoseconds: 10, endNanoseconds: 20, roundTripNanoseconds: 5, late: true))),
    .scent(.releaseEnded(channel: "3", reason: "done")), .scent(.answerLate(sequence: 7, message: "ACK")),
    .scent(.purgeSent(durationMilliseconds: 1000)),
    .scent(.purgeAcknowledged(durationMilliseconds: 1000, appliedMilliseconds: 1000)),
    .scent(.stopSent(channel: "all")), .scent(.stopAcknowledged(channel: "all")),
    .scent(.timeout(command: "RELEASE", sequence: 3)), .scent(.protocolError(sequence: 3, error: "bad crc")),
    .scent(.commandRejected(code: "cartridgeEmpty", message: "vide", details: ["channel": "3", "sequence": "4"])),
    .scent(.commandFailed(error: "closed", details: ["command": "purge", "duration_ms": "1000"])),
    .recording(.started(take)), .recording(.stopped(take, reason: .redo)),
    .recording(.failed(RecordingFailure(trial: tag, take: take, reason: "device lost"))),
    .recording(.failed(RecordingFailure(trial: tag, take: nil, reason: "device lost"))),
    .recording(.incomplete(take, path: "/tmp/a.wav", reason: "disk full", then: "analysed as written")),
    .recording(.unfiled(take, path: "recordings/S01/T2-P05-turn1.wav", reason: "not a WAVE file")),
    .recording(.recovered(trial: "T2", player: PlayerNumber(rawValue: 3)!, participant: nil, frames: 16000)),
    .recording(
      .superseded(
        trial: "T2", player: PlayerNumber(rawValue: 3)!, participant: .numbered(5), replaced: "a.wav", by: "b.wav",
        replacedSession: "S01-x")),
    .review(.transcriptSaved(change)), .review(.timingSaved(change)), .review(.memoriesCoded(change)),
    .review(.consensusSaved(consensus)),
    .operator(OperatorLogEvent(action: .giveFloor(to: PlayerNumber(rawValue: 2)!), trial: tag, stage: "evocation")),
    .operator(OperatorLogEvent(action: .toggleHelp, trial: nil, stage: "lobby")),
    .attendance(
      .recorded(
        Attendance(
          study: "espoir-avc", group: "G01", sessionNumber: 3, participant: .numbered(4), status: .absent, reason: .ill,
          madeUpIn: "G02-S03-20270208T093000-00beef", recordedBy: .therapist))),
    .attendance(
      .recorded(
        Attendance(
          study: "espoir-avc", group: "G01", sessionNumber: 3, participant: .numbered(5), status: .leftEarly,
          recordedBy: nil))),
  ]

  @Test(arguments: samples)
  func anEventReadsBackAsItWasWritten(_ event: LoggedEvent) {
    let stored = event.storedForm
    #expect(LoggedEvent(type: stored.type, payload: stored.payload) == event)
    #expect(event.isKnown)
  }

  @Test(arguments: samples)
  func theCatalogueNamesEveryKeyAnEventWrites(_ event: LoggedEvent) throws {
    let entry = try #require(EventCatalogue.entry(for: event.type), "\(event.type) is not in the catalogue")
    let named = Set(entry.keys.map(\.name))
    let written = Set(event.payload.keys)
    if !entry.hasDetails { #expect(written.isSubset(of: named), "\(event.type): \(written.subtracting(named))") }
    let required = Set(entry.keys.filter { !$0.isOptional }.map(\.name))
    #expect(required.isSubset(of: written), "\(event.type) lacks \(required.subtracting(written))")
  }

  @Test func everyStoredNameHasOneEntryAndEveryDomainHasTypes() {
    let types = EventCatalogue.entries.map(\.type)
    #expect(Set(types).count == types.count)
    #expect(types.count == 99)
    #expect(Set(EventCatalogue.entries.map(\.domain)) == Set(EventCatalogue.Domain.allCases))
    for type in Set(Self.samples.map(\.type)) { #expect(types.contains(type)) }
  }

  @Test(arguments: [
    ("future.event", ["anything": "at all"]),
    ("trial.ended", ["trial": "T1", "trialNumber": "1", "reason": "completed", "turns": "2", "newKey": "x"]),
    ("trial.ended", ["trial": "T1", "trialNumber": "01", "reason": "completed", "turns": "2"]),
    ("trial.ended", ["trial": "T1", "trialNumber": "1", "reason": "abandoned", "turns": "2"]),
    ("floor.given", ["player": "11", "turn": "1", "by": "therapist"]),
  ])
  func anEventThisVersionCannotReadIsKeptAsItCame(_ type: String, _ payload: [String: String]) {
    let event = LoggedEvent(type: EventType(rawValue: type), payload: payload)
    #expect(event == .unknown(type: type, payload: payload))
    #expect(event.type.rawValue == type)
    #expect(event.payload == payload)
  }

  @Test func aSessionEventKeepsItsStoredFormWhateverItsKind() {
    var event = SessionEvent(
      session: "S01", monotonicNanoseconds: 1, wallClock: Date(timeIntervalSince1970: 0), type: "trial.ended",
      payload: ["trial": "T1", "trialNumber": "1", "reason": "completed", "turns": "2"])
    #expect(event.kind == .trial(.ended(TrialTag(trial: "T1", number: 1), reason: .completed, turns: 2)))
    event.payload["note"] = "added by a later version"
    #expect(!event.kind.isKnown)
    #expect(event.payload["note"] == "added by a later version")
    #expect(event.type == .trialEnded)
  }
}
