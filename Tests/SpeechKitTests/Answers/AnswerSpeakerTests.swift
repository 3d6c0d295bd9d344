import Foundation
import Testing

@testable import SpeechKit

/// The speaker rule: the participant's code, else PAR, else the only speaker who is not an
/// investigator; several candidates is an error naming the file and the speakers.
@Suite struct AnswerSpeakerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let speakers: [String]
    var participant: String? = "P01"
    var chosen: String? = nil
    /// The speaker picked, nil for none; ignored when `error` is set.
    var expected: String?
    /// Words the error must contain, when the rule must refuse.
    var error: [String] = []
  }

  static let cases: [Case] = [
    Case(
      testDescription: "the participant's own code (CHAT *P01:, TextGrid tier P01)", speakers: ["INV", "P01"],
      expected: "P01"),
    Case(testDescription: "the participant's code wins over PAR", speakers: ["PAR", "P01"], expected: "P01"),
    Case(testDescription: "PAR when the participant's code is absent", speakers: ["INV", "PAR"], expected: "PAR"),
    Case(testDescription: "PAR without a known participant", speakers: ["PAR"], participant: nil, expected: "PAR"),
    Case(testDescription: "the only speaker of an ASR file", speakers: ["SPEAKER_00"], expected: "SPEAKER_00"),
    Case(
      testDescription: "the only speaker besides the investigator", speakers: ["INV", "SPEAKER_01"],
      expected: "SPEAKER_01"),
    Case(testDescription: "only the investigator: nobody answers", speakers: ["INV"], expected: nil),
    Case(testDescription: "no utterance at all: nobody answers", speakers: [], expected: nil),
    Case(
      testDescription: "two candidates: refused, naming both", speakers: ["SPEAKER_00", "SPEAKER_01"],
      error: ["reponse.json", "SPEAKER_00, SPEAKER_01", "P01"]),
    Case(
      testDescription: "another participant's code is no candidate of P01's", speakers: ["P02", "P03"],
      error: ["P02, P03"]),
    Case(testDescription: "a chosen speaker who is there", speakers: ["P01", "P02"], chosen: "P02", expected: "P02"),
    Case(
      testDescription: "a chosen speaker who is not there: refused, listing the speakers", speakers: ["PAR"],
      chosen: "P02", error: ["P02", "PAR"]),
  ]

  @Test(arguments: cases)
  func picksTheAnsweringSpeaker(_ example: Case) throws {
    let transcript = Transcript(
      format: .chat,
      utterances: example.speakers.enumerated().map { Utterance(speaker: $1, text: "oui .", line: $0 + 1) })
    if example.error.isEmpty {
      let speaker = try AnswerSpeaker.choose(
        in: transcript, participant: example.participant, chosen: example.chosen, file: "reponse.json")
      #expect(speaker == example.expected)
    } else {
      let error = #expect(throws: TranscriptReadError.self) {
        try AnswerSpeaker.choose(
          in: transcript, participant: example.participant, chosen: example.chosen, file: "reponse.json")
      }
      let message = error?.message(in: .french) ?? ""
      #expect(message.hasPrefix("reponse.json:"))
      for word in example.error { #expect(message.contains(word), "\(message)") }
    }
  }
}
