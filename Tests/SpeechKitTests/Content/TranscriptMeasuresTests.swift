import Foundation
import Testing

@testable import SpeechKit

struct TranscriptMeasuresTests {
  @Test func measuresOneAnswerAndNamesEveryMethod() throws {
    let transcript = try CHATReader.read(GoldenFile.data("session.cha"))
    let measures = TranscriptMeasures.measure(transcript, speaker: "PAR")
    #expect(measures.ruleset == "wc-fr-chat-1.0")
    #expect(measures.wordCounts.ruleset == "wc-fr-chat-1.0")
    #expect(measures.wordCounts.words == 18)
    #expect(measures.wordCounts.excludedUtterances == 1)
    #expect(measures.ideas.method == "pid-fr-rules-1.1")
    #expect(measures.memories.method == "mem-fr-rules-1.5")
    #expect(measures.memories.automatic.count == 1)
    #expect(measures.memories.confirmed == nil)
  }

  @Test func encodesWithExportFieldNames() throws {
    let measures = TranscriptMeasures.measure(try PlainTextReader.read(text: "euh le le café"), speaker: "PAR")
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(measures), as: UTF8.self)
    for key in [
      "\"word_counts\"", "\"words_split\"", "\"mlu_w\"", "\"filled_pauses\"", "\"retraced_words\"", "\"by_kind\"",
    ] {
      #expect(json.contains(key), "\(key)")
    }
    #expect(try JSONDecoder().decode(TranscriptMeasures.self, from: encoder.encode(measures)) == measures)
  }
}
