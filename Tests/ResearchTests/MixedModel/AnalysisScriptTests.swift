import Foundation
import SessionModel
import Store
import TestSupport
import Testing

@testable import Research

/// The exported `analysis.R`, run by Rscript on the export of a seeded synthetic trial filed in a
/// database (two populations of ten, 13 sessions, 6 trials, planted condition effects and a
/// planted scent × memory-disorder interaction, some hyposmic and anosmic patients): it must
/// recover the planted effects within their 95% intervals. The sensitivity analysis (without the
/// patients who cannot smell) is where the scent effects are exactly the planted ones.
@Suite(.serialized) struct AnalysisScriptTests {
  struct Row {
    var cells: [String: String]
    func number(_ column: String) -> Double { Double(cells[column] ?? "") ?? .nan }
    func covers(_ value: Double) -> Bool { number("lower") < value && value < number("upper") }
  }

  static func table(_ url: URL) throws -> [Row] {
    let records = try CSVRecords.parse(String(contentsOf: url, encoding: .utf8))
    let header = records[0].fields
    return records.dropFirst().map { record in
      Row(cells: Dictionary(zip(header, record.fields.map { $0 == "NA" ? "" : $0 })) { first, _ in first })
    }
  }

  /// Exports the synthetic trial with `export all`'s writers and runs analysis.R in the folder.
  static func analysedExport(arguments: [String] = []) throws -> (folder: URL, contrasts: [Row]) {
    let folder = try StoreFixtures.temporaryFolder()
    let database = try SessionDatabase(path: folder.appendingPathComponent("study.sqlite").path)
    SyntheticTrialData().fileOrFail(into: database)
    let export = folder.appendingPathComponent("export")
    let snapshot = try ExportSnapshot.load(from: database, study: SyntheticTrialData.study)
    try ExportDirectory(path: export.path).write(
      try CSVExport().files(for: snapshot) + AnalysisScript().files(for: snapshot))
    try RScript.run(export.appendingPathComponent("analysis.R"), arguments, in: export)
    return (folder, try table(export.appendingPathComponent("analysis/contrasts.csv")))
  }

  static func find(
    _ rows: [Row], measure: String, model: String, analysis: String, population: String, term: String
  ) -> Row? {
    rows.first {
      $0.cells["measure"] == measure && $0.cells["model"] == model && $0.cells["analysis"] == analysis
        && $0.cells["population"] == population && $0.cells["term"] == term
    }
  }

  @Test(.enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)))
  func recoversThePlantedEffects() throws {
    let (folder, rows) = try Self.analysedExport()
    defer { try? FileManager.default.removeItem(at: folder) }
    let design = SyntheticTrialData.Design()
    // Speech duration, linear mixed model, without the patients who cannot smell: the planted effects.
    let planted: [(String, String, Double)] = [
      ("without_memory_disorder", "image_scent - image", design.durationEffect[.imageScent]!),
      (
        "with_memory_disorder", "image_scent - image",
        design.durationEffect[.imageScent]! + design.durationInteraction[.imageScent]!
      ),
      ("without_memory_disorder", "image_game - image", design.durationEffect[.imageGame]!),
      ("", "(image_scent - image) with - without memory disorder", design.durationInteraction[.imageScent]!),
      ("", "(image_game - image) with - without memory disorder", 0),
    ]
    for (population, term, value) in planted {
      let row = try #require(
        Self.find(
          rows, measure: "speech_duration_s", model: "lmer", analysis: "without_smell_impaired",
          population: population, term: term), "\(population) \(term)")
      #expect(row.covers(value), "\(population) \(term): [\(row.number("lower")), \(row.number("upper"))] ∌ \(value)")
    }
    let interaction = try #require(
      Self.find(
        rows, measure: "speech_duration_s", model: "lmer", analysis: "without_smell_impaired", population: "",
        term: "(image_scent - image) with - without memory disorder"))
    #expect(interaction.number("p") < 0.05)
    // Memories, Poisson and negative binomial: log rate ratios of the planted ratios.
    for model in ["glmer_poisson", "glmmtmb_nbinom2"] {
      for condition in [Condition.imageGame, .imageScent] {
        let row = try #require(
          Self.find(
            rows, measure: "memories_n", model: model, analysis: "all", population: "all",
            term: "\(condition.rawValue) - image"), "\(model) \(condition)")
        #expect(row.covers(log(design.memoriesRatio[condition]!)), "\(model) \(condition)")
      }
    }
    // Words with the floor time as exposure: more words per second with a cue.
    let words = try #require(
      Self.find(
        rows, measure: "words", model: "glmer_poisson", analysis: "all", population: "all",
        term: "image_scent - image"))
    #expect(words.number("estimate") > 0)
  }
}

extension SyntheticTrialData {
  fileprivate func fileOrFail(into database: SessionDatabase) {
    do { try file(into: database) } catch { Issue.record("filing the synthetic trial failed: \(error)") }
  }
}
