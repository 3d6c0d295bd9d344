import Foundation
import SessionModel
import SpeechKit
import Store
import TestSupport

/// A database file with two answers filed from real WAV files (P01 and P02 in trial T1 of S01),
/// the first with a typed transcript beside it, for the review's saves.
struct ReviewFixture {
  let folder: URL
  let path: String
  let database: SessionDatabase
  let first = AnswerKey(session: "S01", trial: "T1", participant: code("P01"))
  let second = AnswerKey(session: "S01", trial: "T1", participant: code("P02"))
  let ort1 = CoderCode(rawValue: "ORT1")!
  let ort2 = CoderCode(rawValue: "ORT2")!

  static let draft = "Ça me rappelle le verger de mon grand-père.\n"
  /// Seconds of audio in each recording.
  static let duration = 3.0

  init() throws {
    folder = try StoreFixtures.temporaryFolder()
    path = folder.appendingPathComponent("connectage.sqlite").path
    database = try SessionDatabase(path: path)
    for participant in [StoreFixtures.firstParticipant, StoreFixtures.secondParticipant] {
      try database.participants.add(participant)
    }
    try database.groups.add(StoreFixtures.group)
    try database.sessions.save(StoreFixtures.firstSession)
    let audio = folder.appendingPathComponent("audio")
    try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
    try Self.draft.write(to: audio.appendingPathComponent("T1-P01-turn1.txt"), atomically: true, encoding: .utf8)
    for answer in [first, second] {
      let file = recording(of: answer)
      try Self.writeSpeechLikeAudio(to: file)
      try database.recordings.save(
        Recording.ofFile(
          at: file.path, session: answer.session, trial: answer.trial, participant: answer.participant,
          durationSeconds: Self.duration))
      try database.measures.save(
        AnswerMeasures(
          answer: answer, firstWordOnsetSeconds: 0.5, lastWordOffsetSeconds: 2.5, words: 8,
          automaticMemories: 1, ruleSetVersion: "vad-1.0+wc-fr-chat-1.0"))
    }
  }

  func recording(of answer: AnswerKey) -> URL {
    folder.appendingPathComponent("audio/\(answer.trial.rawValue)-\(answer.participant.rawValue)-turn1.wav")
  }

  /// Silence, two seconds of a voiced buzz from 0.5 s, silence: something a voice detector hears.
  static func writeSpeechLikeAudio(to url: URL) throws {
    let rate = 16_000
    var generator = SeededGenerator(seed: 7)
    let samples = (0..<Int(duration * Double(rate))).map { index -> Float in
      let time = Double(index) / Double(rate)
      let noise = generator.gaussian() * 0.001
      guard (0.5..<2.5).contains(time) else { return noise }
      return Float(0.3 * sin(2 * .pi * 150 * time) + 0.15 * sin(2 * .pi * 450 * time)) + noise
    }
    try WAVFile.write(samples, format: WAVFormat(encoding: .signed16, sampleRate: rate, channels: 1), to: url)
  }

  /// The same file opened again, as a second process would.
  func reopened() throws -> SessionDatabase { try SessionDatabase(path: path) }

  func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension ReviewFixture {
  func revision(of answer: AnswerKey) throws -> Int {
    try database.review.view(of: answer, for: ort1).revision
  }

  /// Saves a memory coding on the answer's current revision, as a page just loaded would.
  @discardableResult
  func codeMemories(_ memories: Int, specific: Int?, of answer: AnswerKey, by coder: CoderCode) throws
    -> ReviewAnswerView
  {
    try database.review.saveMemories(
      MemoryCount(memories: memories, specific: specific), of: answer, by: coder, basedOn: revision(of: answer))
  }

  /// Saves first-word and last-word marks on the answer's current revision.
  @discardableResult
  func markTiming(_ first: Double, _ last: Double, of answer: AnswerKey, by coder: CoderCode) throws -> ReviewAnswerView
  {
    try database.review.saveTiming(
      ReviewedTiming(firstWordOnsetSeconds: first, lastWordOffsetSeconds: last), of: answer, by: coder,
      basedOn: revision(of: answer))
  }
}
