import Benchmark
import SpeechKit

/// Transcript analysis speed: the issue asks for 10,000 answers in under 2 s (release build).
/// `SpeechBenchmarks.swift` calls `registerTranscriptBenchmarks()` from its `benchmarks` closure.
func registerTranscriptBenchmarks() {
  let answers = TranscriptBenchmarkCorpus.answers(count: 10_000)

  Benchmark(
    "Transcript: read and measure 10,000 typed answers",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxIterations: 5)
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      for answer in answers {
        guard let transcript = try? PlainTextReader.read(text: answer) else { continue }
        blackHole(TranscriptMeasures.measure(transcript, speaker: "PAR"))
      }
    }
  }

  Benchmark(
    "Transcript: read a CHAT session of 10,000 answers and count words",
    configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxIterations: 5)
  ) { benchmark in
    let session = TranscriptBenchmarkCorpus.chatSession(answers: answers)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      guard let transcript = try? CHATReader.read(text: session) else { continue }
      blackHole(FrenchWordCounter().count(transcript, speaker: "PAR"))
    }
  }
}

/// Deterministic answers of 10 to 30 words mixing description, memories, fillers and repetitions.
enum TranscriptBenchmarkCorpus {
  static let openings = [
    "Euh, je vois une tasse de café sur une table.",
    "Quand j'étais petite, on allait chez ma grand-mère à la campagne.",
    "Le jour de mon mariage en 1962, il pleuvait.", "Ben, ça me rappelle les vacances à la mer avec mes enfants.",
    "Ma mère faisait le le café tous les matins dans la cuisine.", "C'est une belle image, les couleurs sont jolies.",
  ]
  static let continuations = [
    "Il y a du pain et de la confiture.", "On mangeait des tartines, hein, c'était bon.",
    "Une autre fois, à Noël, j'ai reçu une poupée.", "Je sais pas, euh, voilà.", "Mon père travaillait à l'usine.",
  ]

  static func answers(count: Int) -> [String] {
    (0..<count).map { index in
      let opening = openings[index % openings.count]
      let continuation = continuations[(index / openings.count) % continuations.count]
      return index % 3 == 0 ? opening : opening + " " + continuation
    }
  }

  static func chatSession(answers: [String]) -> String {
    let normalizer = PlainTextNormalizer()
    var lines = ["@UTF8", "@Begin", "@Languages:\tfra", "@Participants:\tINV Investigator, PAR Participant"]
    for (index, answer) in answers.enumerated() {
      lines.append("@G:\tT\(index)")
      lines.append("*INV:\tqu'est-ce que ça vous évoque ?")
      for utterance in (try? normalizer.utterances(in: answer)) ?? [] { lines.append("*PAR:\t\(utterance)") }
    }
    lines.append("@End")
    return lines.joined(separator: "\n")
  }
}
