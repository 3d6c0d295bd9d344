import Foundation
import SpeechKit
import Testing

@testable import SpeechRecognition

@Suite struct DraftFileTests {
  @Test func aDraftIsWrittenWholeBesideItsRecordingAndReadAsItsTranscript() throws {
    let folder = try InstalledRecognition.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let recording = folder.appendingPathComponent("G01-S01-T1-P01-turn1.wav")
    let draft = DraftTranscript(
      segments: [
        RecognizedSegment(
          start: 0.2, end: 0.8, text: " Le verger.",
          words: [RecognizedWord(word: " Le verger.", start: 0.2, end: 0.8, probability: 0.8)])
      ], model: "whisper-base", language: "fr", duration: 1)
    try DraftFile.write(try draft.encoded(), forRecording: recording)
    #expect(DraftFile.url(of: recording).lastPathComponent == "G01-S01-T1-P01-turn1.json")
    let found = try #require(try TranscriptBesideRecording.read(of: recording))
    #expect(found.file == DraftFile.url(of: recording))
    #expect(found.transcript.source == .asr)
    #expect(!FileManager.default.fileExists(atPath: DraftFile.temporaryURL(of: recording).path))
    #expect(!DraftBatch.needsDraft(recording))
  }

  /// A run killed while writing leaves only the temporary file: it is no transcript, so the
  /// resumed run drafts the recording again, and removes the leftover.
  @Test func aLeftoverFromAKilledRunIsNoTranscript() throws {
    let folder = try InstalledRecognition.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let recording = folder.appendingPathComponent("answer.wav")
    try Data(#"{"segments": [{"start": 0, "#.utf8).write(to: DraftFile.temporaryURL(of: recording))
    #expect(TranscriptBesideRecording.file(of: recording) == nil)
    #expect(DraftBatch.needsDraft(recording))
    DraftFile.removeLeftover(of: recording)
    #expect(!FileManager.default.fileExists(atPath: DraftFile.temporaryURL(of: recording).path))
  }
}
