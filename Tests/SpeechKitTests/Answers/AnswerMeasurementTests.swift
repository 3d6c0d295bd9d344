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
      testDescription: "a TextGrid interval of two sentences, its words on the first",
      transcript: Transcript(
        format: .textGrid,
        utterances: [
          Utterance(speaker: "PAR", text: "le café .", start: 0.5, end: 2.0, words: timedWords),
          Utterance(speaker: "PAR", text: "chaud .", start: 0.5, end: 2.0),
        ]),
      source: .words),
    Case(
      testDescription: "a %wor token without a time that is no countable word",
      transcript: Transcript(
        format: .chat,
        utterances: [
          {
            var utterance = Utterance(speaker: "PAR", text: "le café xxx chaud .", words: timedWords)
            utterance.untimedWords = ["xxx"]
            return utterance
          }()
        ]),
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

extension AnswerMeasurementTests {
  /// A CHAT answer of `lines` (main tiers with their `%wor`), measured on three silent seconds.
  static func measureCHAT(_ lines: String) throws -> AnswerMeasurement {
    let text = """
      @UTF8
      @Begin
      @Languages:\tfra
      @Participants:\tPAR Participant
      @ID:\tfra|connectage|PAR|||||Participant|||
      \(lines)
      @End

      """
    let transcript = try CHATReader.read(text: text, file: "answer.cha")
    return try AnswerMeasurement.measure(
      recording: WAVReader(bytes: try Self.silentRecording(), name: "answer.wav"), transcript: transcript)
  }

  static func bullet(_ start: Int, _ end: Int) -> String { "\u{15}\(start)_\(end)\u{15}" }

  /// measures.md: the span runs from the first to the last countable word; a filler inside it is
  /// phonation, one before or after it is not the answer's words.
  @Test func fillersBeforeTheFirstWordAndAfterTheLastDoNotStretchTheAnswer() throws {
    let b = Self.bullet
    let measured = try Self.measureCHAT(
      """
      *PAR:\t&-euh le café &-euh chaud &-hum . \(b(500, 3000))
      %wor:\teuh \(b(500, 900)) le \(b(1200, 1400)) café \(b(1400, 1800)) euh \(b(1900, 2100)) chaud \(b(2300, 2600)) hum \(b(2700, 3000)) .
      """)
    #expect(measured.timingSource == .words)
    #expect(measured.timing.firstWordOnset == 1.2)
    #expect(measured.timing.lastWordOffset == 2.6)
    #expect(measured.timing.pauses.count == 0, "the filler between café and chaud fills the gap")
  }

  @Test func anExcludedUtteranceLeavesTheTiming() throws {
    let b = Self.bullet
    let measured = try Self.measureCHAT(
      """
      *PAR:\tattendez je tousse . [+ exc] \(b(100, 900))
      %wor:\tattendez \(b(100, 400)) je \(b(450, 550)) tousse \(b(600, 900)) .
      *PAR:\tle jardin . \(b(1500, 2200))
      %wor:\tle \(b(1500, 1700)) jardin \(b(1700, 2200)) .
      """)
    #expect(measured.timing.firstWordOnset == 1.5)
    #expect(measured.timing.lastWordOffset == 2.2)
  }

  /// An aligner that could not place a word leaves it without a bullet in `%wor`, or an utterance
  /// without `%wor`: the time it was spoken in is not a pause, and no time is made up for it, so
  /// the audio times the answer (three silent seconds here: no speech, and no pause).
  @Test(arguments: [
    "*PAR:\tle café chaud . \(bullet(500, 2600))\n%wor:\tle \(bullet(500, 900)) café chaud \(bullet(2300, 2600)) .",
    "*PAR:\tle café . \(bullet(500, 1200))\n%wor:\tle \(bullet(500, 900)) café \(bullet(900, 1200)) .\n"
      + "*PAR:\tchaud . \(bullet(2300, 2600))",
  ])
  func wordsTheTimesDoNotPlaceLetTheAudioTimeTheAnswer(_ lines: String) throws {
    let measured = try Self.measureCHAT(lines)
    #expect(measured.timingSource == .audio)
    #expect(measured.timing.pauses.count == 0)
    #expect(measured.missing.contains(.noSpeechInRecording))
  }

  @Test func anAnswerOfFillersAloneHasNoSpanRatherThanTheAudios() throws {
    let b = Self.bullet
    let measured = try Self.measureCHAT(
      """
      *PAR:\t&-euh &-hum . \(b(500, 1500))
      %wor:\teuh \(b(500, 900)) hum \(b(1100, 1500)) .
      """)
    #expect(measured.timingSource == .words)
    #expect(measured.timing.firstWordOnset == nil)
    #expect(measured.missing.contains(.noSpeechInRecording))
  }
}
