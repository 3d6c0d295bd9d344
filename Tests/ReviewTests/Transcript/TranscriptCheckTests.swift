import Foundation
import SpeechKit
import Testing

@testable import Review

/// The editor's live analysis: the same counts the exports take, every problem with its place.
struct TranscriptCheckTests {
  @Test func countsPlainTextAsTheExportsDo() throws {
    let text = "euh le le café de ma mère.\nEn 1958, je faisais les foins à la ferme de mon oncle."
    let analysis = TranscriptCheck.analyze(text, mode: .plainText, participant: "P01")
    let exported = TranscriptMeasures.measure(try PlainTextReader.read(text: text), speaker: "PAR")
    #expect(analysis.problems.isEmpty)
    #expect(analysis.speaker == "PAR")
    #expect(analysis.measures == exported)
    #expect(analysis.measures?.wordCounts.filledPauses == 1)
    #expect(analysis.measures?.wordCounts.repetitions == 0)  // typed text is counted literally (rule set 1b)
  }

  @Test func findsTheMemoryAndItsCues() throws {
    let text = "Le jour de mon mariage en 1962, on a dansé toute la nuit chez mes parents."
    let analysis = TranscriptCheck.analyze(text, mode: .plainText, participant: "P01")
    let detected = MemoryDetector().detect(in: try PlainTextReader.read(text: text), speaker: "PAR")
    #expect(analysis.memories == detected)
    #expect(!analysis.memories.isEmpty)
    #expect(analysis.memories.allSatisfy { !$0.cues.isEmpty })
    #expect(analysis.specificMemories == detected.filter { $0.specificity == .specific }.count)
  }

  @Test func reportsEveryBadLineAndCountsTheOthers() {
    let text = "le café [de ma mère.\nje buvais du café.\net le [thé aussi."
    let analysis = TranscriptCheck.analyze(text, mode: .plainText, participant: "P01")
    #expect(analysis.problems.map(\.line) == [1, 3])
    #expect(analysis.problems.map(\.column) == [9, 7])
    // The good line is still measured, live.
    #expect(analysis.measures?.wordCounts.words == 4)
  }

  @Test func reportsACHATProblemWithItsLineAndColumn() {
    let text =
      "@UTF8\n@Begin\n@Participants:\tPAR Participant\n*PAR:\tle café de ma mère .\n*PAR\tsans deux-points .\n@End"
    let analysis = TranscriptCheck.analyze(text, mode: .chat, participant: "P01")
    #expect(analysis.problems.count == 1)
    #expect(analysis.problems.first?.line == 5)
    #expect(analysis.measures?.wordCounts.words == 5)
  }

  @Test func picksTheParticipantsOwnCodeOverTheInvestigator() {
    let text = "INV: qu'est-ce que ça vous évoque ?\nP07: le café de ma grand-mère."
    let analysis = TranscriptCheck.analyze(text, mode: .plainText, participant: "P07")
    #expect(analysis.speaker == "P07")
    #expect(analysis.measures?.wordCounts.words == 5)
  }

  @Test func saysSoWhenTwoSpeakersCouldBeTheAnswer() {
    let text = "P01: le café.\nP02: le thé."
    let analysis = TranscriptCheck.analyze(text, mode: .plainText, participant: "P09")
    #expect(analysis.measures == nil)
    #expect(analysis.problems.count == 1)
  }

  @Test func anEmptyEditorHasNoProblemAndNoWords() {
    let analysis = TranscriptCheck.analyze("", mode: .plainText, participant: "P01")
    #expect(analysis.problems.isEmpty)
    #expect(analysis.measures == nil)
  }

  @Test func namesNoFileInItsMessages() {
    let analysis = TranscriptCheck.analyze("[", mode: .plainText, participant: "P01")
    #expect(analysis.problems.allSatisfy { !$0.message.french.contains("/") })
  }
}
