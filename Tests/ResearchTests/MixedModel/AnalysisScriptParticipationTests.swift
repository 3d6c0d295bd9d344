import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// analysis.R's participation model, run by Rscript on the export of seeded sessions where present
/// patients answer more often with a scent: the mixed logistic model must recover the planted
/// log-odds within its 95 % intervals.
@Suite(.serialized) struct AnalysisScriptParticipationTests {
  /// Log-odds of answering against image alone (T1), for T3 (image_game) and T2 (image_scent).
  static let planted: [TrialID: Double] = ["T1": 0, "T3": 0.5, "T2": 1.2]

  /// 24 present patients over 10 sessions of the three trials; each patient's own propensity drawn
  /// around 0 (SD 0.8), then each answer drawn from the planted odds.
  static func export() throws -> URL {
    var fixture = ParticipationFixture()
    var generator = SeededGenerator(seed: 2031)
    let patients = (1...24).map { String(format: "P%02d", $0) }
    let propensity = Dictionary(uniqueKeysWithValues: patients.map { ($0, 0.8 * Double(generator.gaussian())) })
    for session in 1...10 {
      let run = SessionID("S\(session)")
      fixture.run(run, number: session)
      for patient in patients { fixture.attend(patient, .present, number: session) }
      for trial: TrialID in ["T1", "T2", "T3"] {
        fixture.show(trial, in: run)
        for patient in patients {
          let odds = exp(propensity[patient]! + planted[trial]!)
          if Double.random(in: 0..<1, using: &generator) < odds / (1 + odds) { fixture.answer(patient, trial, in: run) }
        }
      }
    }
    let folder = try StoreFixtures.temporaryFolder()
    let snapshot = fixture.snapshot
    try ExportDirectory(path: folder.path).write(
      try CSVExport().files(for: snapshot) + AnalysisScript().files(for: snapshot))
    return folder
  }

  @Test(.enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)))
  func theLogisticModelRecoversThePlantedOddsOfAnswering() throws {
    let folder = try Self.export()
    defer { try? FileManager.default.removeItem(at: folder) }
    try RScript.run(folder.appendingPathComponent("analysis.R"), ["--no-emmeans"], in: folder)
    let rows = try AnalysisScriptTests.table(folder.appendingPathComponent("analysis/participation_model.csv"))
    for (term, trial) in [("conditionimage_game", TrialID("T3")), ("conditionimage_scent", TrialID("T2"))] {
      let row = try #require(rows.first { $0.cells["term"] == term }, "\(term)")
      #expect(row.covers(Self.planted[trial]!), "\(term): [\(row.number("lower")), \(row.number("upper"))]")
      #expect(abs(row.number("ratio") - exp(row.number("estimate"))) < 1e-9)
      #expect(row.cells["participants"] == "24" && row.cells["model"] == "glmer_binomial")
      print("analysis.R answered \(term): \(row.number("estimate")) [\(row.number("lower")), \(row.number("upper"))]")
    }
    let scent = try #require(rows.first { $0.cells["term"] == "conditionimage_scent" })
    #expect(scent.number("ratio") > 1 && scent.number("p") < 0.05)
  }
}
