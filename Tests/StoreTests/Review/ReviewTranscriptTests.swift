import Foundation
import SessionModel
import SpeechKit
import Store
import Testing

@Suite struct ReviewTranscriptTests {
  static let corrected = "Ça me rappelle le verger de mon grand-père, on y allait le dimanche en 1962.\n"

  @Test func savingWritesTheFileBesideTheRecordingAndMeasuresItAgain() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let loaded = try review.view(of: fixture.first, for: fixture.ort1)
    #expect(loaded.transcript == TranscriptText(text: ReviewFixture.draft, format: .plainText))

    let saved = try review.saveTranscript(
      Self.corrected, as: .plainText, of: fixture.first, by: fixture.ort1, basedOn: loaded.revision)

    let file = fixture.recording(of: fixture.first).deletingPathExtension().appendingPathExtension("txt")
    #expect(try String(contentsOf: file, encoding: .utf8) == Self.corrected)
    // The same measurement filing does, on the same files.
    let expected = try AnswerMeasurement.measure(
      audio: fixture.recording(of: fixture.first), transcript: TranscriptReader.read(url: file),
      participant: "P01")
    let measures = try #require(try fixture.database.measures.fetch(fixture.first))
    #expect(measures.words == expected.transcript?.wordCounts.words)
    #expect(measures.words != 8)
    #expect(measures.firstWordOnsetSeconds == expected.timing.firstWordOnset)
    #expect(saved.revision == loaded.revision + 1)
    #expect(saved.own.words == measures.words)
    #expect(saved.transcript?.text == Self.corrected)
    let folder = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
    #expect(!folder.contains { $0.hasSuffix(".tmp") })

    let event = try #require(try fixture.database.eventLog.allEvents().last?.event)
    #expect(event.type.rawValue == "review.transcript_saved")
    #expect(event.payload["before"]?.contains(SHA256.hexDigest(of: Array(ReviewFixture.draft.utf8))) == true)
    #expect(event.payload["after"]?.contains("\"words\":\(measures.words ?? -1)") == true)
  }

  @Test func theSecondCoderStartsFromTheDraftNotFromTheFirstCodersTranscript() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    try review.saveTranscript(
      Self.corrected, as: .plainText, of: fixture.first, by: fixture.ort1, basedOn: fixture.revision(of: fixture.first))
    let second = try review.view(of: fixture.first, for: fixture.ort2)
    #expect(second.transcript?.text == ReviewFixture.draft)
    #expect(second.others[fixture.ort1]?.words == nil)
    // The measures now count the first coder's transcript: not shown to the second.
    #expect(second.automatic.words == nil && second.automatic.ideas == nil && second.automatic.memories == nil)
    #expect(try review.view(of: fixture.first, for: fixture.ort1).automatic.words != nil)

    let own = "Le verger.\n"
    let saved = try review.saveTranscript(
      own, as: .plainText, of: fixture.first, by: fixture.ort2, basedOn: second.revision)
    #expect(saved.transcript?.text == own)
    let firstWords = try review.records()[fixture.first]?.coders[fixture.ort1]?.words
    #expect(firstWords != nil)
    #expect(saved.others[fixture.ort1]?.words == firstWords)
    #expect(try review.view(of: fixture.first, for: fixture.ort1).transcript?.text == Self.corrected)
  }

  @Test func aPlainTextSaveMovesAsideATranscriptThatWouldBeReadBeforeIt() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let base = fixture.recording(of: fixture.second).deletingPathExtension()
    let asr = #"{"segments": [{"start": 0.5, "end": 2.5, "text": "euh le verger"}]}"#
    try asr.write(to: base.appendingPathExtension("json"), atomically: true, encoding: .utf8)
    let review = fixture.database.review
    let loaded = try review.view(of: fixture.second, for: fixture.ort1)
    #expect(loaded.transcript?.format == .asrJSON)

    try review.saveTranscript(
      "Le verger de mon oncle.\n", as: .plainText, of: fixture.second, by: fixture.ort1, basedOn: loaded.revision)
    #expect(TranscriptBesideRecording.file(of: fixture.recording(of: fixture.second))?.pathExtension == "txt")
    let aside = URL(fileURLWithPath: base.appendingPathExtension("json").path + ".before-review")
    #expect(try String(contentsOf: aside, encoding: .utf8) == asr)
    #expect(try fixture.database.measures.fetch(fixture.second)?.words == 5)
  }

  @Test func aBrokenTranscriptIsRefusedWithItsLineAndNothingChanges() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let loaded = try review.view(of: fixture.first, for: fixture.ort1)
    let broken = "@UTF8\n@Begin\n*PAR:\tle verger .\n*PAR\tsans tabulation\n@End\n"
    do {
      try review.saveTranscript(broken, as: .chat, of: fixture.first, by: fixture.ort1, basedOn: loaded.revision)
      Issue.record("a broken CHAT transcript was saved")
    } catch StoreError.unreadableTranscript(let error) {
      #expect(error.file == "transcription")
      #expect(error.line == 4)
    }
    let base = fixture.recording(of: fixture.first).deletingPathExtension()
    #expect(!FileManager.default.fileExists(atPath: base.appendingPathExtension("cha").path))
    #expect(try review.view(of: fixture.first, for: fixture.ort1) == loaded)
    #expect(try fixture.database.measures.fetch(fixture.first)?.words == 8)
  }

  @Test func aStaleTranscriptSaveWritesNoFile() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let review = fixture.database.review
    let loaded = try review.view(of: fixture.first, for: fixture.ort1)
    try review.saveMemories(
      MemoryCount(memories: 1, specific: 0), of: fixture.first, by: fixture.ort2, basedOn: loaded.revision)
    #expect(throws: StaleRevision.self) {
      try review.saveTranscript(
        Self.corrected, as: .plainText, of: fixture.first, by: fixture.ort1, basedOn: loaded.revision)
    }
    let file = fixture.recording(of: fixture.first).deletingPathExtension().appendingPathExtension("txt")
    #expect(try String(contentsOf: file, encoding: .utf8) == ReviewFixture.draft)
  }

  @Test func aChangedRecordingIsNotMeasured() throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let audio = fixture.recording(of: fixture.first)
    try Data([0, 1, 2]).write(to: audio)
    #expect(throws: StoreError.recordingChanged(path: audio.path, isMissing: false)) {
      try fixture.database.review.saveTranscript(
        Self.corrected, as: .plainText, of: fixture.first, by: fixture.ort1,
        basedOn: fixture.revision(of: fixture.first))
    }
  }
}
