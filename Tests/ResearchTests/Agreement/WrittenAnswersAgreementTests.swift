import Foundation
import Research
import SpeechKit
import TestSupport
import Testing

/// The automatic memory and idea pre-coding against written answers annotated from the manual's
/// definitions (docs/speech-measures.md, "Agreement on written answers"): the answer and its
/// memory list were written first, the detector run after. The held-out file was never used to
/// tune a rule. Written answers, not transcribed speech.
struct WrittenAnswersAgreementTests {
  struct Annotated: Decodable {
    let id: String
    let text: String
    let memories: [MemorySpecificity]
    let propositions: String
  }

  struct Figures: CustomStringConvertible {
    var memories: [(Double, Double)] = []
    var specific: [(Double, Double)] = []
    var density: [(Double, Double)] = []
    var disagreements: [String] = []

    var description: String {
      "memories κw \(kappa(memories)), specific κw \(kappa(specific)), idea density r \(pearson(density)) "
        + "n=\(memories.count)\n" + disagreements.joined(separator: "\n")
    }
  }

  static func load(_ name: String) throws -> [Annotated] {
    let url = RepositoryRoot.url.appendingPathComponent("Tests/SpeechKitTests/Goldens").appendingPathComponent(name)
    return try JSONDecoder().decode([Annotated].self, from: Data(contentsOf: url))
  }

  /// Per answer: the number of memories and of specific memories by hand and by the detector,
  /// and the idea density (propositions per 10 words, both over the same `wc-fr-plain-1.0` words).
  static func figures(_ answers: [Annotated]) throws -> Figures {
    var figures = Figures()
    for answer in answers {
      let measures = TranscriptMeasures.measure(try PlainTextReader.read(text: answer.text), speaker: "PAR")
      let found = measures.memories.automatic.map(\.specificity)
      let words = Double(max(measures.wordCounts.words, 1))
      let annotatedIdeas = Double(answer.propositions.split(separator: " ").count)
      figures.memories.append((Double(answer.memories.count), Double(found.count)))
      figures.specific.append(
        (Double(answer.memories.filter { $0 == .specific }.count), Double(found.filter { $0 == .specific }.count)))
      figures.density.append((annotatedIdeas / words * 10, Double(measures.ideas.ideas) / words * 10))
      if found != answer.memories {
        figures.disagreements.append("\(answer.id) memories \(found) ≠ \(answer.memories)")
      }
    }
    return figures
  }

  static func kappa(_ pairs: [(Double, Double)]) -> Double { WeightedKappa(pairs)?.kappa ?? .nan }

  static func pearson(_ pairs: [(Double, Double)]) -> Double {
    let n = Double(pairs.count)
    let meanX = pairs.reduce(0) { $0 + $1.0 } / n
    let meanY = pairs.reduce(0) { $0 + $1.1 } / n
    let sxy = pairs.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
    let sxx = pairs.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
    let syy = pairs.reduce(0) { $0 + ($1.1 - meanY) * ($1.1 - meanY) }
    return sxy / (sxx * syy).squareRoot()
  }

  /// Percentile bootstrap 95 % interval (2,000 resamples of answers, fixed seed).
  static func interval(_ pairs: [(Double, Double)], _ statistic: ([(Double, Double)]) -> Double) -> (Double, Double) {
    var generator = SeededGenerator(seed: 13)
    var values: [Double] = []
    for _ in 0..<2_000 {
      let sample = pairs.indices.map { _ in pairs[Int.random(in: 0..<pairs.count, using: &generator)] }
      let value = statistic(sample)
      if value.isFinite { values.append(value) }
    }
    values.sort()
    return (values[Int(0.025 * Double(values.count))], values[Int(0.975 * Double(values.count)) - 1])
  }

  /// Every answer rules may be tuned on: the first 44 written by the rules' hand, then those
  /// written from the manual (``developmentFloors``).
  static let developmentFiles = rulesHandFiles + writtenDevelopmentFiles
  static let rulesHandFiles = ["memory-examples-dev.json", "memory-examples-report.json"]
  /// The 44 written from the manual, and the earlier held-out sets once each had been measured
  /// (rules 1.2 to 1.5 were tuned on their disagreements).
  static var writtenDevelopmentFiles: [String] { developmentFloors.map(\.file) }
  /// Written and annotated from the measures reference by writers who saw neither the rules nor
  /// the other answers, each committed before the detector was first run on it; never tuned on.
  static let heldOutFiles = [
    "memory-examples-heldout-7a.json", "memory-examples-heldout-7b.json", "memory-examples-heldout-7c.json",
    "memory-examples-heldout-7d.json",
  ]

  @Test func theHeldOutAnswersAreSeparateFromEveryDevelopmentAnswer() throws {
    let heldOut = try Self.heldOutFiles.flatMap(Self.load)
    // The first 44 answers were written by the rules' hand; of those written from the manual
    // since, a third at least is held out.
    let written = try Self.writtenDevelopmentFiles.flatMap(Self.load)
    let development = try Self.developmentFiles.flatMap(Self.load)
    #expect(written.count + heldOut.count >= 60)
    #expect(heldOut.count * 3 >= written.count + heldOut.count)
    #expect(Set(heldOut.map(\.text)).isDisjoint(with: development.map(\.text)))
    #expect(Set(heldOut.map(\.id)).isDisjoint(with: development.map(\.id)))
  }

  @Test func theHeldOutAnswersAgreeAboveTheFloors() throws {
    let figures = try Self.figures(Self.heldOutFiles.flatMap(Self.load))
    for (name, pairs, statistic) in [
      ("memories κw", figures.memories, Self.kappa), ("specific κw", figures.specific, Self.kappa),
      ("idea density r", figures.density, Self.pearson),
    ] as [(String, [(Double, Double)], ([(Double, Double)]) -> Double)] {
      let (low, high) = Self.interval(pairs, statistic)
      print("held out: \(name) \(statistic(pairs)) [\(low), \(high)]")
    }
    print(figures)
    for file in Self.heldOutFiles {
      let part = try Self.figures(Self.load(file))
      print(
        "held out \(file): memories κw \(Self.kappa(part.memories)), specific κw \(Self.kappa(part.specific)), idea density r \(Self.pearson(part.density))"
      )
    }
    // Floors this set keeps; the measured figures and the targets are in docs/speech-measures.md.
    #expect(Self.kappa(figures.memories) >= MemoryFloors.memories)
    #expect(Self.kappa(figures.specific) >= MemoryFloors.specific)
    #expect(Self.pearson(figures.density) >= MemoryFloors.ideaDensity)
  }

  /// Each development set written from the manual, and what it keeps: just below rules 1.5's
  /// figures (2026-12-07). Each set taught the rules something; a rule change that unlearns it
  /// fails. A set added to the development material is added here, with its floors.
  struct DevelopmentFloor: Sendable, CustomTestStringConvertible {
    let file: String
    let memories: Double
    let specific: Double
    let ideaDensity: Double
    var testDescription: String { file }
  }

  static let developmentFloors = [
    DevelopmentFloor(file: "memory-examples-written-dev.json", memories: 0.98, specific: 0.98, ideaDensity: 0.85),
    DevelopmentFloor(file: "memory-examples-heldout-1.json", memories: 0.98, specific: 0.98, ideaDensity: 0.95),
    DevelopmentFloor(file: "memory-examples-heldout-2.json", memories: 0.96, specific: 0.95, ideaDensity: 0.95),
    DevelopmentFloor(file: "memory-examples-heldout-3.json", memories: 0.95, specific: 0.95, ideaDensity: 0.94),
    DevelopmentFloor(file: "memory-examples-heldout-4.json", memories: 0.93, specific: 0.93, ideaDensity: 0.85),
    DevelopmentFloor(file: "memory-examples-heldout-5a.json", memories: 0.89, specific: 0.73, ideaDensity: 0.81),
    DevelopmentFloor(file: "memory-examples-heldout-5b.json", memories: 0.84, specific: 0.78, ideaDensity: 0.90),
    DevelopmentFloor(file: "memory-examples-heldout-6a.json", memories: 0.94, specific: 0.84, ideaDensity: 0.92),
    DevelopmentFloor(file: "memory-examples-heldout-6b.json", memories: 0.85, specific: 0.73, ideaDensity: 0.85),
  ]

  /// Also prints each set's disagreements: what a next rule set would be tuned on.
  @Test(arguments: developmentFloors)
  func theDevelopmentAnswersKeepTheirAgreement(_ floor: DevelopmentFloor) throws {
    let figures = try Self.figures(Self.load(floor.file))
    print("\(floor.file): \(figures)")
    #expect(Self.kappa(figures.memories) >= floor.memories)
    #expect(Self.kappa(figures.specific) >= floor.specific)
    #expect(Self.pearson(figures.density) >= floor.ideaDensity)
  }
}

/// What CI asserts on the held-out answers, measured once on 2026-12-07 with rules 1.5 (memories
/// κw 0.80, specific κw 0.76, idea density r 0.87; docs/speech-measures.md): the targets of
/// issue 13, and just below the memories figure, so a change that makes them worse fails.
enum MemoryFloors {
  static let memories = 0.78
  static let specific = 0.75
  static let ideaDensity = 0.85
}
