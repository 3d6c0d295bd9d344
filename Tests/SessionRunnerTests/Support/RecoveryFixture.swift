import Foundation
import SessionEngine
import SessionModel
import SpeechKit
import Store

@testable import SessionRunner

/// A database file and a recordings folder as a killed session leaves them: session S01 (and S02)
/// opened with one trial T1 and participants P01 and P02, events appended by hand, takes written as WAV.
struct RecoveryFixture {
  let folder: URL
  let database: SessionDatabase

  static let first = ParticipantCode.numbered(1)
  static let second = ParticipantCode.numbered(2)

  init(sessions: [SessionID] = ["S01"]) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "connectage-runner-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    database = try SessionDatabase(path: folder.appendingPathComponent("connectage.sqlite").path)
    for code in [Self.first, Self.second] {
      try database.participants.add(Participant(code: code, study: "espoir-avc"))
    }
    try database.groups.add(ParticipantGroup(id: "G1", study: "espoir-avc", members: [Self.first, Self.second]))
    for (index, id) in sessions.enumerated() {
      try database.sessions.save(
        Session(
          id: id, study: "espoir-avc", group: "G1", number: index + 1, date: CalendarDate("2027-01-14")!,
          kind: .clinical, trials: [Trial(id: "T1", number: 1, stimulus: "verger", condition: .image)]))
      try log(id, "session.opened")
      try log(id, "runner.started", ["output": folder.path])
    }
  }

  func remove() { try? FileManager.default.removeItem(at: folder) }

  func log(_ session: SessionID, _ type: EventType, _ payload: [String: String] = [:]) throws {
    try database.eventLog.append(
      SessionEvent(
        session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(), type: type,
        payload: payload))
  }

  func log(_ session: SessionID, _ event: LoggedEvent) throws {
    try database.eventLog.append(
      SessionEvent(session: session, monotonicNanoseconds: MonotonicClock.nanoseconds(), wallClock: Date(), event))
  }

  /// Logs the join screen seating each of `participants` at the seat of its position (from 1),
  /// then the session's start with them at the table.
  func seat(_ participants: [ParticipantCode], in session: SessionID = "S01") throws {
    let players = participants.indices.map { PlayerNumber(rawValue: $0 + 1)! }
    for (player, participant) in zip(players, participants) {
      try log(
        session,
        .seating(
          .joined(
            player: player, pad: PadID(rawValue: player.rawValue), avatar: "owl",
            participant: participant, late: nil)))
    }
    try log(session, .session(.started(players: players, avatars: players.map { _ in "owl" })))
  }

  /// Logs the start of `request`'s take and writes its file: `seconds` of a tone, or bytes that are no WAV.
  @discardableResult
  func take(
    _ request: RecordingRequest, in session: SessionID = "S01", garbage: Bool = false, seconds: Double = 1
  ) throws -> AnswerFile {
    try log(session, .recordingStarted, LoggedEvent.recording(.started(request.take)).payload)
    let file = AnswerFile(request: request, session: session, outputDirectory: folder)
    try FileManager.default.createDirectory(at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
    if garbage {
      try Data("not a wave file, only what a broken disk leaves".utf8).write(to: file.url)
    } else {
      let tone = (0..<Int(seconds * 16_000)).map { Float(sin(Double($0) * 2 * .pi * 220 / 16_000)) * 0.3 }
      try WAVFile.write(tone, format: .speech(), to: file.url)
    }
    return file
  }

  func types(in session: SessionID = "S01") throws -> [String] {
    try database.eventLog.events(in: session).map(\.event.type.rawValue)
  }
}
