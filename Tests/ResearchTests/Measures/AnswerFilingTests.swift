import Foundation
import SessionModel
import SpeechKit
import Store
import TestSupport
import Testing

@testable import Research

/// Filing an answer stores its recording and its measures together, and stores as missing what a
/// recording without speech cannot measure.
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

  /// "No silent zeros": with no speech there is no speech span, so no pause inside it either; the
  /// pause measures are missing like the onset, exported empty and left out of the statistics.
  @Test func aRecordingWithoutSpeechHasNoPauseMeasures() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    var generator = SeededGenerator(seed: 11)
    let hiss = (0..<(3 * 16_000)).map { _ in Float.random(in: -0.001...0.001, using: &generator) }
    let silent = try fixture.recording("T1-P01-turn1.wav", hiss)

    let filed = try fixture.database.answers.file(recordingAt: silent, as: Self.answer)

    try #require(filed.measures.firstWordOnsetSeconds == nil, "the hiss must hold no speech")
    let stored = try #require(try fixture.database.measures.fetch(Self.answer))
    #expect(stored.speakingTimeSeconds == nil)
    #expect(stored.pauseCount == nil)
    #expect(stored.pauseTotalSeconds == nil)
    let snapshot = try ExportSnapshot.load(from: fixture.database)
    let csv = try #require(try CSVExport().files(for: snapshot).first { $0.name == "measures.csv" })
    let row = try #require(MeasuresTable(text: csv.contents).row(session: "S01", trial: "T1", participant: "P01"))
    #expect(row["silent_pauses_n"] == "")
    #expect(row["silent_pauses_total_s"] == "")
    #expect(row["pause_threshold_ms"] == "250", "the threshold is a setting, known with or without speech")
    let analysed = try #require(snapshot.analysedAnswers.first { $0.answer == Self.answer })
    #expect(StatisticsMeasure.silentPauses.value(of: analysed) == nil)
    #expect(StatisticsMeasure.silentPausesTotal.value(of: analysed) == nil)
  }

  /// Measuring a session again stores every answer or none: a save refused for the second answer
  /// leaves the first with the measures it had, not half the session measured with new transcripts.
  @Test func measuringAgainStoresEveryAnswerOrNone() throws {
    let fixture = try Fixture()
    defer { fixture.remove() }
    let second = AnswerKey(session: "S01", trial: "T1", participant: code("P02"))
    let before = try [Self.answer, second].map { answer in
      try fixture.database.answers.file(
        recordingAt: fixture.tone("T1-\(answer.participant.rawValue)-turn1.wav", seconds: 1), as: answer
      ).measures
    }
    for answer in [Self.answer, second] {
      try "Le café de ma mère, le matin.\n".write(
        to: fixture.folder.appendingPathComponent("T1-\(answer.participant.rawValue)-turn1.txt"), atomically: true,
        encoding: .utf8)
    }
    try SQLiteShell.run(
      """
      CREATE TRIGGER refuse_second BEFORE UPDATE ON answer_measures WHEN NEW.participant_code = 'P02'
        BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;
      """, on: fixture.path)

    #expect(throws: StoreError.self) { try fixture.database.answers.remeasure(session: "S01") }
    #expect(try fixture.database.measures.fetch(Self.answer) == before[0])
    #expect(try fixture.database.measures.fetch(second) == before[1])

    try SQLiteShell.run("DROP TRIGGER refuse_second;", on: fixture.path)
    let measured = try fixture.database.answers.remeasure(session: "S01")
    #expect(measured.map(\.measures.words) == [7, 7])
    #expect(try fixture.database.measures.fetch(Self.answer)?.words == 7)
  }
}
