import Review
import SpeechKit

/// The editor's live analysis: problems with line and column, the counts, and the memory
/// pre-coding with the cues that triggered each episode.
struct AnalysisJSON: Encodable {
  struct Problem: Encodable {
    var line: Int
    var column: Int
    var message: ReviewJSON.Text
  }

  struct Counts: Encodable {
    var words: Int
    var fillers: Int
    var repetitions: Int
    var retracings: Int
    var utterances: Int
    var ideas: Int
    var ideaDensity: Double?
    var memories: Int
    var specificMemories: Int
  }

  struct Memory: Encodable {
    var specificity: String
    var text: String
    var cues: [String]
  }

  var problems: [Problem]
  var speaker: String?
  /// Nil when no words of the answering speaker could be read.
  var counts: Counts?
  var memories: [Memory]

  init(_ analysis: TranscriptAnalysis) {
    problems = analysis.problems.map {
      Problem(line: $0.line, column: $0.column, message: ReviewJSON.Text($0.message))
    }
    speaker = analysis.speaker
    counts = analysis.measures.map { measures in
      Counts(
        words: measures.wordCounts.words, fillers: measures.wordCounts.filledPauses,
        repetitions: measures.wordCounts.repetitions, retracings: measures.wordCounts.retracings,
        utterances: measures.wordCounts.utterances, ideas: measures.ideas.ideas, ideaDensity: measures.ideas.density,
        memories: analysis.memories.count, specificMemories: analysis.specificMemories)
    }
    memories = analysis.memories.map { Memory(specificity: $0.specificity.rawValue, text: $0.text, cues: $0.cues) }
  }
}
