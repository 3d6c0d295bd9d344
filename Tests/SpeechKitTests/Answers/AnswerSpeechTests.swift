import Foundation
import Testing

@testable import SpeechKit

/// One answer's own speech, or missing with a reason, never 0; transcripts whose times are not
/// on the recording's clock, or that hold several answers, are refused with file and line.
@Suite struct AnswerSpeechTests {
  /// A three-second silent recording: every measure below comes from the transcript.
  static func recording() throws -> WAVReader {
    try WAVReader(bytes: AnswerMeasurementTests.silentRecording(), name: "answer.wav")
  }

  static func chat(_ body: String) throws -> Transcript {
    try CHATReader.read(Data("@UTF8\n@Begin\n@Languages:\tfra\n\(body)@End\n".utf8), file: "answer.cha")
  }

  struct Counted: CustomTestStringConvertible, Sendable {
    let testDescription: String
    var format: TranscriptFormat = .chat
    let transcript: String
    let words: Int?
    let missing: [MissingMeasureReason]
  }

  static let counted: [Counted] = [
    Counted(
      testDescription: "a *P01: CHAT tier is P01's answer", transcript: "*P01:\tle verger de mon grand-père .\n",
      words: 5, missing: [.noSpeechInRecording]),
    Counted(
      testDescription: "a TextGrid tier named P01 (no words tier: timing from the silent audio)", format: .textGrid,
      transcript: """
        File type = "ooTextFile"
        Object class = "TextGrid"
        0 3 <exists> 1
        "IntervalTier" "P01" 0 3 2
        0 0.5 ""
        0.5 2.5 "on allait au marché ."
        """, words: 4, missing: [.noSpeechInRecording]),
    // Unreviewed ASR output counts words but never times the answer: the silent audio does.
    Counted(
      testDescription: "an ASR file with SPEAKER_00 only", format: .asrJSON,
      transcript: """
        {"segments": [{"start": 0.5, "end": 2.0, "speaker": "SPEAKER_00", "text": "il y a des fleurs.",
          "words": [{"word": "il", "start": 0.5, "end": 0.7}, {"word": "fleurs.", "start": 1.5, "end": 2.0}]}]}
        """, words: 5, missing: [.noSpeechInRecording]),
    Counted(
      testDescription: "the same file once a person reviewed it: timed by its words", format: .asrJSON,
      transcript: """
        {"transcript_source": "reviewed", "segments": [{"start": 0.5, "end": 2.0, "speaker": "SPEAKER_00",
          "text": "il y a des fleurs.",
          "words": [{"word": "il", "start": 0.5, "end": 0.7}, {"word": "fleurs.", "start": 1.5, "end": 2.0}]}]}
        """, words: 5, missing: []),
    Counted(
      testDescription: "an empty TextGrid: words missing, not 0", format: .textGrid,
      transcript: "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0 3 <absent>\n", words: nil,
      missing: [.noSpeechOfSpeaker, .noSpeechInRecording]),
    Counted(
      testDescription: "only the investigator speaks: words missing", transcript: "*INV:\tça vous rappelle quoi ?\n",
      words: nil, missing: [.noSpeechOfSpeaker, .noSpeechInRecording]),
    Counted(
      testDescription: "a real zero: the participant said only a filler", transcript: "*P01:\t&-euh .\n",
      words: 0, missing: [.noSpeechInRecording]),
  ]

  @Test(arguments: counted)
  func measuresTheParticipantsOwnSpeech(_ example: Counted) throws {
    let transcript =
      example.format == .chat
      ? try Self.chat(example.transcript)
      : try TranscriptReader.read(Data(example.transcript.utf8), file: "answer", format: example.format)
    let measurement = try AnswerMeasurement.measure(
      recording: Self.recording(), transcript: transcript, transcriptFile: "answer", participant: "P01")
    #expect(measurement.transcript?.wordCounts.words == example.words)
    #expect(measurement.missing == example.missing)
  }

  @Test func noTranscriptIsAStatedReason() throws {
    let measurement = try AnswerMeasurement.measure(recording: Self.recording(), transcript: nil, participant: "P01")
    #expect(measurement.transcript == nil)
    #expect(measurement.missing == [.noTranscript, .noSpeechInRecording])
    #expect(MissingMeasureReason.code(of: measurement.missing) == "no_transcript;no_speech_in_recording")
  }

  struct Refused: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let chat: String
    let line: Int
    let words: [String]
  }

  static let refused: [Refused] = [
    Refused(
      testDescription: "a bullet past the recording's end (a session transcript on another clock)",
      chat: "*P01:\tle café . \u{15}1000_2500\u{15}\n*P01:\tle marché . \u{15}500000_523400\u{15}\n", line: 5,
      words: ["« le marché . » (P01) est daté à 500.0 s", "0 à 3.0 s"]),
    Refused(
      testDescription: "P01's answers to two trials (two gems)",
      chat: "@G:\tT1 image verger\n*P01:\tle verger .\n@G:\tT2 image_scent cafe\n*P01:\tle café .\n", line: 7,
      words: ["T1 image verger, T2 image_scent cafe", "P01"]),
  ]

  @Test(arguments: refused)
  func refusesWhatIsNotThisAnswer(_ example: Refused) throws {
    let transcript = try Self.chat(example.chat)
    let error = #expect(throws: TranscriptReadError.self) {
      try AnswerMeasurement.measure(
        recording: Self.recording(), transcript: transcript, transcriptFile: "session.cha", participant: "P01")
    }
    #expect(error?.file == "session.cha")
    #expect(error?.line == example.line)
    for word in example.words {
      #expect(error?.message(in: .french).contains(word) == true, "\(String(describing: error))")
    }
  }

  @Test func anASRTimeOfTenToThe308IsRefusedWithItsLine() throws {
    let json = """
      {"segments": [
        {"start": 0.5, "end": 1.0, "text": "oui."},
        {"start": 1.0, "end": 1e308, "text": "le café."}
      ]}
      """
    let transcript = try ASRJSONReader.read(Data(json.utf8), file: "asr.json")
    let error = #expect(throws: TranscriptReadError.self) {
      try AnswerMeasurement.measure(recording: Self.recording(), transcript: transcript, transcriptFile: "asr.json")
    }
    #expect(error?.line == 3)
    #expect(error?.message(in: .english).contains("1e+308 s, outside the recording") == true)
  }
}
