import Foundation

@testable import SpeechKit

/// Precision and recall of automatic coding against the annotations.
struct Agreement: CustomStringConvertible {
  var memoriesFound = 0
  var memoriesAnnotated = 0
  var memoriesMatched = 0
  var specificityMatched = 0
  var propositionsFound = 0
  var propositionsAnnotated = 0
  var propositionsMatched = 0
  var disagreements: [String] = []

  /// Memories are matched in order within each answer (count-based: the detector finds the
  /// same number of episodes or not); propositions are matched as multisets of tokens.
  init(_ examples: [AnnotatedExample]) throws {
    let counter = FrenchWordCounter()
    let analyzer = IdeaDensityAnalyzer(counter: counter)
    for example in examples {
      let transcript = try PlainTextReader.read(text: example.text)
      let measures = TranscriptMeasures.measure(transcript, speaker: "PAR")
      let found = measures.memories.automatic.map(\.specificity)
      memoriesFound += found.count
      memoriesAnnotated += example.memories.count
      memoriesMatched += min(found.count, example.memories.count)
      specificityMatched += zip(found, example.memories).filter { $0 == $1 }.count
      if found != example.memories { disagreements.append("\(example.id) memories \(found) ≠ \(example.memories)") }

      let words = transcript.utterances.flatMap { counter.count(utterance: $0.text).words }
      var automatic = analyzer.propositions(in: words).map(\.token)
      let annotated = example.propositions.split(separator: " ").map(String.init)
      propositionsFound += automatic.count
      propositionsAnnotated += annotated.count
      var missed: [String] = []
      for token in annotated {
        if let index = automatic.firstIndex(of: token) {
          automatic.remove(at: index)
          propositionsMatched += 1
        } else {
          missed.append(token)
        }
      }
      if !missed.isEmpty || !automatic.isEmpty {
        disagreements.append("\(example.id) propositions missed \(missed) extra \(automatic)")
      }
    }
  }

  var memoryPrecision: Double { Double(memoriesMatched) / Double(max(memoriesFound, 1)) }
  var memoryRecall: Double { Double(memoriesMatched) / Double(max(memoriesAnnotated, 1)) }
  var specificityAgreement: Double { Double(specificityMatched) / Double(max(memoriesMatched, 1)) }
  var propositionPrecision: Double { Double(propositionsMatched) / Double(max(propositionsFound, 1)) }
  var propositionRecall: Double { Double(propositionsMatched) / Double(max(propositionsAnnotated, 1)) }

  var description: String {
    """
    memories: found \(memoriesFound), annotated \(memoriesAnnotated), matched \(memoriesMatched), \
    precision \(memoryPrecision), recall \(memoryRecall), specificity agreement \(specificityAgreement)
    propositions: found \(propositionsFound), annotated \(propositionsAnnotated), matched \(propositionsMatched), \
    precision \(propositionPrecision), recall \(propositionRecall)
    \(disagreements.joined(separator: "\n"))
    """
  }
}
