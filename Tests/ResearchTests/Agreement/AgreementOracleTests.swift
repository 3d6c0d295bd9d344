import Foundation
import Research
import TestSupport
import Testing

/// ConnectAge's agreement figures against scikit-learn (`cohen_kappa_score(weights="quadratic")`)
/// and pingouin (`intraclass_corr`, ICC2), run live by `scripts/agreement-oracle.py` in the pinned
/// virtual environment `scripts/install-deps` makes (`.build/oracles`).
@Suite struct AgreementOracleTests {
  static let tolerance = 1e-9

  struct Case: Encodable {
    var name: String
    var statistic: String
    var pairs: [[Double]]
  }

  /// Seeded random codings: memory counts 0–6 where the second coder mostly agrees, words, and
  /// times with a coder who marks later; plus the edge cases.
  static func cases() -> [Case] {
    var generator = SeededGenerator(seed: 2027)
    var cases: [Case] = []
    for index in 0..<4 {
      let n = [12, 30, 57, 5][index]
      let counts = (0..<n).map { _ -> [Double] in
        let first = Int.random(in: 0...6, using: &generator)
        let second = max(0, first + [-1, 0, 0, 0, 1, 2].randomElement(using: &generator)!)
        return [Double(first), Double(second)]
      }
      cases.append(Case(name: "memories-\(index)", statistic: "kappa", pairs: counts))
      let words = (0..<n).map { _ -> [Double] in
        let first = Double(Int.random(in: 3...120, using: &generator))
        return [first, max(0, first + Double(Int.random(in: -4...4, using: &generator)))]
      }
      cases.append(Case(name: "words-\(index)", statistic: "icc", pairs: words))
      let onsets = (0..<n).map { _ -> [Double] in
        let first = Double.random(in: 0.2...4, using: &generator)
        return [first, first + 0.08 + Double(generator.gaussian()) * 0.05]
      }
      cases.append(Case(name: "onsets-\(index)", statistic: "icc", pairs: onsets))
    }
    cases += [
      Case(name: "kappa-perfect", statistic: "kappa", pairs: [[0, 0], [2, 2], [1, 1], [4, 4]]),
      Case(name: "kappa-constant", statistic: "kappa", pairs: [[3, 3], [3, 3], [3, 3]]),
      Case(name: "kappa-one-coder-constant", statistic: "kappa", pairs: [[2, 1], [2, 3], [2, 2], [2, 0]]),
      Case(name: "kappa-n2", statistic: "kappa", pairs: [[1, 2], [3, 3]]),
      Case(name: "kappa-gap", statistic: "kappa", pairs: [[0, 0], [1, 3], [3, 3], [0, 1], [5, 4]]),
      Case(name: "icc-perfect", statistic: "icc", pairs: [[1.5, 1.5], [2.25, 2.25], [0.5, 0.5]]),
      Case(name: "icc-constant", statistic: "icc", pairs: [[7, 7], [7, 7], [7, 7], [7, 7]]),
      Case(name: "icc-n3", statistic: "icc", pairs: [[10, 12], [20, 19], [15, 15]]),
      Case(name: "icc-shifted", statistic: "icc", pairs: [[1, 1.5], [2, 2.5], [3, 3.5], [4, 4.5], [5, 5.5]]),
    ]
    return cases
  }

  static func figure(of example: Case) -> Double? {
    let pairs = example.pairs.map { ($0[0], $0[1]) }
    return example.statistic == "kappa" ? WeightedKappa(pairs)?.kappa : IntraclassCorrelation(example.pairs)?.icc
  }

  @Test func kappaAndICCMatchScikitLearnAndPingouin() throws {
    let cases = Self.cases()
    let oracle = try AgreementOracle.run(cases)
    for example in cases {
      let ours = Self.figure(of: example)
      let theirs = oracle[example.name] ?? nil
      switch (ours, theirs) {
      case (let ours?, let theirs?):
        #expect(abs(ours - theirs) <= Self.tolerance, "\(example.name): ConnectAge \(ours), oracle \(theirs)")
      case (nil, nil): break
      default:
        Issue.record("\(example.name): ConnectAge \(String(describing: ours)), oracle \(String(describing: theirs))")
      }
      guard example.statistic == "icc", let icc = IntraclassCorrelation(example.pairs), icc.icc != nil else { continue }
      // pingouin rounds its interval to two decimals.
      for (bound, ours) in [("lower95", icc.lower95), ("upper95", icc.upper95)] {
        guard let theirs = oracle["\(example.name).\(bound)"] ?? nil else { continue }
        let ours = try #require(ours, "\(example.name): no \(bound)")
        #expect(abs(ours - theirs) <= 0.005 + Self.tolerance, "\(example.name) \(bound): \(ours) vs \(theirs)")
      }
    }
  }

  @Test func edgeCasesHaveTheirKnownValues() throws {
    let figures = Dictionary(uniqueKeysWithValues: Self.cases().map { ($0.name, Self.figure(of: $0)) })
    // n = 2 is below what pingouin's analysis of variance accepts (5 values), so by hand: grand mean
    // 2.25; SS answers 2.25, coders 0.25, error 0.25, each on 1 df; (2.25 − 0.25) / (2.25 + 0.25 + 0) = 0.8.
    let icc = try #require(IntraclassCorrelation([[1, 2], [3, 3]])?.icc)
    #expect(abs(icc - 0.8) < Self.tolerance)
    // pingouin: ICC(A,1) 0.954545, CI95 [0.06, 1.0] for these three answers.
    let three = try #require(IntraclassCorrelation([[10, 12], [20, 19], [15, 15]]))
    #expect(abs(try #require(three.lower95) - 0.06) <= 0.005)
    #expect(abs(try #require(three.upper95) - 1.0) <= 0.005)
    #expect(figures["kappa-perfect"] == 1)
    #expect(figures["kappa-constant"] == .some(nil))
    #expect(figures["icc-perfect"] == 1)
    #expect(figures["icc-constant"] == .some(nil))
    #expect(WeightedKappa([]) == nil)
    #expect(WeightedKappa([(1, 2.5)]) == nil)
    #expect(IntraclassCorrelation([[1, 2]]) == nil)
  }
}

/// Runs `scripts/agreement-oracle.py` with the oracles' virtual environment.
enum AgreementOracle {
  static func run(_ cases: [AgreementOracleTests.Case]) throws -> [String: Double?] {
    let data = try OracleScript.run("scripts/agreement-oracle.py", input: JSONEncoder().encode(cases))
    return try JSONDecoder().decode([String: Double?].self, from: data)
  }
}
