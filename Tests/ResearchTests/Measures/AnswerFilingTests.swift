import Foundation
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

import Research

/// Filing an answer stores its recording and its measures together.
@Suite struct AnswerFilingTests {
  static let answer = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))

  /// A study database in its own folder, as `sqlite3` can edit it, with P01 in session S01.
  struct Fixture {
    let folder: URL
    let path: String
    let database: SessionDatabase

    init() throws {
      folder = try StoreFixtures.temporaryFolder()
      path = folder.appendingPathComponent("study.sqlite").path
      database = try SessionDatabase(path: path)
      try database.participants.add(StoreFixtures.firstParticipant)
      try database.participants.add(StoreFixtures.secondParticipant)
      try database.groups.add(StoreFixtures.group)
      try database.sessions.save(StoreFixtures.firstSession)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// `samples` written as a 16 kHz speech WAV named `name` in the folder.
    func recording(_ name: String, _ samples: [Float]) throws -> URL {
      let url = folder.appendingPathComponent(name)
      try WAVFile.write(samples, format: .speech(), to: url)
      return url
    }

    /// `seconds` of a 220 Hz tone.
    func tone(_ name: String, seconds: Double) throws -> URL {
      try recording(name, (0..<Int(seconds * 16_000)).map { Float(sin(Double($0) * 2 * .pi * 220 / 16_000)) * 0.3 })
    }
  }

  /// Recovery files a take only when no recording row names it, so a recording filed without its
  /// measures would drop the answer from `measures.csv` for good.
  @Test func aRefusedMeasuresSaveLeavesNoRecordingSoTheTakeCanBeFiledAgain() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let take = try fixture.tone("T1-P01-turn1.wav", seconds: 1)
    try SQLiteShell.run(StoreFixtures.refusingMeasures, on: fixture.path)

    #expect(throws: StoreError.self) { try fixture.database.answers.file(recordingAt: take, as: Self.answer) }
    #expect(try fixture.database.recordings.fetch(Self.answer) == nil)
    #expect(try fixture.database.measures.fetch(Self.answer) == nil)

    try SQLiteShell.run(StoreFixtures.allowingMeasures, on: fixture.path)
    try fixture.database.answers.file(recordingAt: take, as: Self.answer)
    #expect(try fixture.database.recordings.fetch(Self.answer)?.path == fixture.database.storedPath(for: take))
    #expect(try fixture.database.measures.fetch(Self.answer) != nil)
  }

  /// A redo whose measures cannot be saved must not leave the new take's recording beside the
  /// earlier take's measures: the answer stays the earlier take, whole.
  @Test func aRedoWhoseMeasuresAreRefusedLeavesTheEarlierTakeWhole() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let first = try fixture.tone("T1-P01-turn1.wav", seconds: 1)
    let earlier = try fixture.database.answers.file(recordingAt: first, as: Self.answer)
    let redo = try fixture.tone("T1-P01-turn2.wav", seconds: 2)
    try SQLiteShell.run(StoreFixtures.refusingMeasures, on: fixture.path)

    #expect(throws: StoreError.self) { try fixture.database.answers.file(recordingAt: redo, as: Self.answer) }
    let recording = try #require(try fixture.database.recordings.fetch(Self.answer))
    #expect(recording.path == fixture.database.storedPath(for: first))
    #expect(abs(recording.durationSeconds - 1) < 0.01)
    #expect(try fixture.database.measures.fetch(Self.answer) == earlier.measures)
  }
}
