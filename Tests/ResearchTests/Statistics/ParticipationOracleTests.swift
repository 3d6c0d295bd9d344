import Foundation
import SessionModel
import TestSupport
import Testing

@testable import Research

/// The participation statistics against SciPy (`friedmanchisquare` and `wilcoxon` on each
/// participant's proportions answered) and statsmodels (`cochrans_q` on the 0/1 table when each participant met
/// one trial per condition), run live by `scripts/participation-oracle.py` in the pinned virtual
/// environment `scripts/install-deps` makes (`.build/oracles`). The oracle computes the proportions
/// from the raw rows itself, so the aggregation is checked too, and adjusts the pairs' p-values
/// by Holm with statsmodels' `multipletests`.
@Suite struct ParticipationOracleTests {
  static let tolerance = 1e-9

  struct Case: Encodable {
    var name: String
    /// `[participant, condition, answered]`.
    var rows: [[String]]
    /// `[first, second, method]`: the pairs ConnectAge tested, with SciPy's name of its method.
    var pairs: [[String]]

    func encode(to encoder: any Encoder) throws {
      struct Row: Encodable {
        var values: [String]
        func encode(to encoder: any Encoder) throws {
          var container = encoder.unkeyedContainer()
          try container.encode(values[0])
          try container.encode(values[1])
          try container.encode(Int(values[2])!)
        }
      }
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(rows.map(Row.init), forKey: .rows)
      try container.encode(pairs, forKey: .pairs)
    }

    enum CodingKeys: String, CodingKey { case name, rows, pairs }
  }

  struct Figures: Decodable {
    var friedman: Double
    var friedmanP: Double
    var cochranQ: Double?
    var cochranP: Double?
    var n: Int

    enum CodingKeys: String, CodingKey {
      case friedman, friedmanP = "friedman_p", cochranQ = "cochran_q", cochranP = "cochran_p", n
    }
  }

  /// Seeded participants whose chance of answering rises from image to image_game to image_scent,
  /// over `sessions` sessions of the three trials; `dropping` trials are removed at random (a
  /// participant may lose a whole condition and leave the test).
  static func rows(participants: Int, sessions: Int, dropping: Int, seed: UInt64) -> [ParticipationRow] {
    var generator = SeededGenerator(seed: seed)
    let chance: [TrialID: Double] = ["T1": 0.45, "T3": 0.6, "T2": 0.8]
    var rows: [ParticipationRow] = []
    for person in 1...participants {
      let participant = String(format: "P%02d", person)
      for session in 1...sessions {
        for trial: TrialID in ["T1", "T2", "T3"] {
          let answered = Double.random(in: 0..<1, using: &generator) < chance[trial]!
          rows.append(ParticipationStatisticsTests.row(participant, trial, answered, session: session))
        }
      }
    }
    for _ in 0..<dropping { rows.remove(at: Int.random(in: 0..<rows.count, using: &generator)) }
    return rows
  }

  static let cases: [(String, [ParticipationRow])] = [
    ("one-trial-per-condition", rows(participants: 18, sessions: 1, dropping: 0, seed: 7)),
    ("one-trial-another-seed", rows(participants: 11, sessions: 1, dropping: 0, seed: 2028)),
    ("four-sessions", rows(participants: 15, sessions: 4, dropping: 0, seed: 41)),
    ("unbalanced", rows(participants: 20, sessions: 3, dropping: 25, seed: 99)),
    ("hand-example", ParticipationStatisticsTests.oneTrialEach),
  ]

  @Test func friedmanAndWilcoxonOnProportionsMatchSciPyAndCochransQMatchesStatsmodels() throws {
    let input = Self.cases.map { name, rows in
      Case(
        name: name,
        rows: rows.map { [$0.participantCode.rawValue, $0.deliveredCondition.rawValue, $0.answered ? "1" : "0"] },
        pairs: ParticipationStatistics(rows: rows, by: .delivered).pairwise.compactMap { pair in
          pair.test.map { [pair.first.rawValue, pair.second.rawValue, $0.method == .exact ? "exact" : "approx"] }
        })
    }
    let output = try OracleScript.run("scripts/participation-oracle.py", input: JSONEncoder().encode(input))
    let oracle = try JSONDecoder().decode([String: Figures].self, from: output)
    let figures = try JSONSerialization.jsonObject(with: output) as? [String: [String: Any]] ?? [:]
    for (name, rows) in Self.cases {
      let ours = ParticipationStatistics(rows: rows, by: .delivered)
      let theirs = try #require(oracle[name], "\(name)")
      let test = try #require(ours.friedman, "\(name): no test")
      #expect(test.participants == theirs.n, "\(name)")
      #expect(
        abs(test.statistic - theirs.friedman) <= Self.tolerance, "\(name): \(test.statistic) vs \(theirs.friedman)")
      #expect(abs(test.pValue - theirs.friedmanP) <= Self.tolerance, "\(name): p \(test.pValue) vs \(theirs.friedmanP)")
      #expect(ours.isCochranQ == (theirs.cochranQ != nil), "\(name)")
      if let q = theirs.cochranQ, let p = theirs.cochranP {
        #expect(abs(test.statistic - q) <= Self.tolerance, "\(name): Q \(test.statistic) vs \(q)")
        #expect(abs(test.pValue - p) <= Self.tolerance, "\(name): p \(test.pValue) vs \(p)")
      }
      #expect(ours.pairwise.contains { $0.test != nil }, "\(name): no pair tested")
      for pair in ours.pairwise {
        guard let wilcoxon = pair.test else { continue }
        let key = "\(pair.first.rawValue)-\(pair.second.rawValue)"
        let statistic = try #require(figures[name]?["wilcoxon.\(key)"] as? Double, "\(name) \(key)")
        let p = try #require(figures[name]?["wilcoxon_p.\(key)"] as? Double, "\(name) \(key)")
        #expect(
          abs(wilcoxon.statistic - statistic) <= Self.tolerance,
          "\(name) \(key): W \(wilcoxon.statistic) vs \(statistic)")
        #expect(abs(wilcoxon.pValue - p) <= Self.tolerance, "\(name) \(key): p \(wilcoxon.pValue) vs \(p)")
        let holm = try #require(figures[name]?["wilcoxon_p_holm.\(key)"] as? Double, "\(name) \(key)")
        #expect(
          abs((pair.holmAdjustedP ?? .nan) - holm) <= Self.tolerance,
          "\(name) \(key): Holm p \(pair.holmAdjustedP ?? .nan) vs statsmodels \(holm)")
      }
      for summary in ours.conditions {
        let mean = try #require(figures[name]?["mean.\(summary.condition.rawValue)"] as? Double)
        #expect(abs((summary.participantProportions.mean ?? .nan) - mean) <= Self.tolerance, "\(name)")
      }
      print(
        "participation oracle \(name): ConnectAge χ² \(test.statistic) p \(test.pValue); SciPy \(theirs.friedman) p \(theirs.friedmanP); statsmodels Q \(theirs.cochranQ.map { "\($0)" } ?? "–")"
      )
    }
  }
}
