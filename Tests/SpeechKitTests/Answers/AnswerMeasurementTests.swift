import Foundation
import Testing

@testable import SpeechKit

@Suite struct AnswerMeasurementTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let transcript: Transcript?
    /// Where the timing must come from; nil when it must come from samples that cannot be read.
    let source: AnswerMeasurement.TimingSource?
  }

  static let timedWords = [
    TimedWord(text: "le", start: 0.5, end: 0.7), TimedWord(text: "café", start: 0.7, end: 1.1),
    TimedWord(text: "chaud", start: 1.6, end: 2.0),
  ]

  static let cases: [Case] = [
    Case(
      testDescription: "words timed by %wor or a TextGrid words tier",
      transcript: Transcript(
        format: .chat, utterances: [Utterance(speaker: "PAR", text: "le café chaud .", words: timedWords)]),
      source: .words),
    Case(
      testDescription: "an ASR transcript timing another speaker's words only",
      transcript: Transcript(
        format: .asrJSON,
        utterances: [
          Utterance(speaker: "INV", text: "racontez .", words: [TimedWord(text: "racontez", start: 0, end: 0.4)]),
          Utterance(speaker: "PAR", text: "le café chaud ."),
        ]),
      source: nil),
    Case(
      testDescription: "an untimed transcript",
      transcript: Transcript(format: .plainText, utterances: [Utterance(speaker: "PAR", text: "le café chaud .")]),
      source: nil),
    Case(testDescription: "no transcript", transcript: nil, source: nil),
  ]

  /// Three seconds of silence at 16 kHz, as the bytes of a WAV file.
  static func silentRecording() throws -> [UInt8] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("answer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("answer.wav")
    try WAVFile.write(
      [Float](repeating: 0, count: 48_000), format: WAVFormat(encoding: .signed16, sampleRate: 16_000, channels: 1),
      to: url)
    return Array(try Data(contentsOf: url))
  }

  /// A recording whose header reads but whose samples do not, as when the file is cut short
  /// after it was opened: only a measurement that never reads the samples can succeed.
  @Test("word times need only the header; other answers need the samples", arguments: cases)
  func wordTimesNeedOnlyTheHeader(_ answer: Case) throws {
    let bytes = try Self.silentRecording()
    let header = try WAVHeader.parse(MemoryByteSource(bytes), file: "answer.wav")
    let recording = try WAVReader(
      source: HeaderOnlySource(bytes: bytes, readable: header.dataOffset), name: "answer.wav")

    if let source = answer.source {
      let measurement = try AnswerMeasurement.measure(recording: recording, transcript: answer.transcript)
      #expect(measurement.timingSource == source)
      #expect(measurement.timing.recordingDuration == 3)
      #expect(measurement.timing.firstWordOnset == 0.5)
      #expect(measurement.timing.lastWordOffset == 2.0)
    } else {
      let error = #expect(throws: AudioError.self) {
        try AnswerMeasurement.measure(recording: recording, transcript: answer.transcript)
      }
      #expect(error?.reason == .truncatedData(declaredBytes: 96_000, presentBytes: 0))
    }
  }

  /// The same answer measured from the file, samples readable: the figures are the same.
  @Test func aReadableRecordingGivesTheSameFiguresFromWordTimes() throws {
    let bytes = try Self.silentRecording()
    let header = try WAVHeader.parse(MemoryByteSource(bytes), file: "answer.wav")
    let transcript = Self.cases[0].transcript
    let fromHeader = try AnswerMeasurement.measure(
      recording: WAVReader(source: HeaderOnlySource(bytes: bytes, readable: header.dataOffset), name: "answer.wav"),
      transcript: transcript)
    let fromFile = try AnswerMeasurement.measure(
      recording: WAVReader(bytes: bytes, name: "answer.wav"), transcript: transcript)
    #expect(fromHeader == fromFile)
    let fromAudio = try AnswerMeasurement.measure(
      recording: WAVReader(bytes: bytes, name: "answer.wav"), transcript: nil)
    #expect(fromAudio.timingSource == .audio)
    #expect(fromAudio.timing.recordingDuration == 3)
  }
}

/// The bytes of a file that claims its full size but yields only its first `readable` bytes.
private final class HeaderOnlySource: ByteSource {
  let storage: [UInt8]
  let readable: Int
  var size: Int { storage.count }

  init(bytes: [UInt8], readable: Int) {
    storage = bytes
    self.readable = readable
  }

  func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Int {
    let available = max(0, min(count, readable - offset))
    storage.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: available) }
    return available
  }
}
