import Foundation
import Testing

@testable import SpeechKit

/// Times that cannot be on any recording are refused when read, with file, line and column.
@Suite struct TranscriptTimeCheckTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let format: TranscriptFormat
    let text: String
    let line: Int
    let words: String
  }

  static let textGridHead = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0 3 <exists> 1\n"

  static let cases: [Case] = [
    Case(
      testDescription: "ASR segment ending before it starts", format: .asrJSON,
      text: "{\"segments\": [\n  {\"start\": 3.0, \"end\": 1.0, \"text\": \"oui.\"}\n]}", line: 2,
      words: "'end' = 1.0 s before 'start' = 3.0 s"),
    Case(
      testDescription: "ASR word ending before it starts", format: .asrJSON,
      text: """
        {"segments": [{"start": 0, "end": 2, "text": "oui.",
          "words": [
            {"word": "oui.", "start": 1.5,
             "end": 0.5}]}]}
        """, line: 4, words: "'end' = 0.5 s before 'start' = 1.5 s"),
    Case(
      testDescription: "ASR negative time", format: .asrJSON,
      text: "{\"words\": [\n{\"word\": \"oui.\", \"start\": -1, \"end\": 0.5}]}", line: 2,
      words: "invalid 'start' time -1.0 s"),
    Case(
      testDescription: "TextGrid interval ending before it starts", format: .textGrid,
      text: textGridHead + "\"IntervalTier\" \"P01\" 0 3 2\n0 2 \"oui .\"\n2.5 2 \"\"\n", line: 6,
      words: "interval 2: end 2.0 s before start 2.5 s"),
    Case(
      testDescription: "TextGrid intervals overlapping", format: .textGrid,
      text: textGridHead + "\"IntervalTier\" \"P01\" 0 3 2\n0 2 \"oui .\"\n1.5 3 \"non .\"\n", line: 6,
      words: "interval 2: starts at 1.5 s, before the previous one ends (2.0 s)"),
    Case(
      testDescription: "CHAT file without @Begin", format: .chat,
      text: "@UTF8\n@Languages:\tfra\n*PAR:\toui .\n@End\n", line: 1, words: "missing @Begin"),
    Case(
      testDescription: "CHAT file without @End", format: .chat, text: "@UTF8\n@Begin\n*PAR:\toui .\n", line: 4,
      words: "missing @End"),
  ]

  @Test(arguments: cases)
  func refusesImpossibleTimesWithTheirLine(_ example: Case) {
    let error = #expect(throws: TranscriptReadError.self) {
      try TranscriptReader.read(Data(example.text.utf8), file: "answer", format: example.format)
    }
    #expect(error?.file == "answer")
    #expect(error?.line == example.line)
    #expect(error?.message(in: .english).contains(example.words) == true, "\(String(describing: error))")
  }
}
