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
  static func analysedExport(
    _ trial: SyntheticTrialData = SyntheticTrialData(), arguments: [String] = []
  ) throws -> (folder: URL, contrasts: [Row]) {
    let folder = try StoreFixtures.temporaryFolder()
    let database = try SessionDatabase(path: folder.appendingPathComponent("study.sqlite").path)
    trial.fileOrFail(into: database)
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

extension AnalysisScriptTests {
  /// A multi-centre trial (three sites, two groups each, one site answering longer and one
  /// shorter): analysis.R puts the site in the model as `stats` does, and both agree, by emmeans
  /// and by hand.
  @Test(
    .enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)), arguments: [[], ["--no-emmeans"]])
  func aMultiCentreTrialHasTheSiteInTheModelAsStatsHas(arguments: [String]) throws {
    var design = SyntheticTrialData.Design()
    design.groupsPerPopulation = 3
    design.patientsPerGroup = 4
    design.sessions = 6
    design.siteEffects = [0, 1.5, -1]
    let trial = SyntheticTrialData(design: design)
    let (folder, rows) = try Self.analysedExport(trial, arguments: arguments)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try SessionDatabase(path: folder.appendingPathComponent("study.sqlite").path)
    let report = StatisticsReport(snapshot: try ExportSnapshot.load(from: database), measures: [.speechDuration])
    let fit = try #require(report.measures.first?.mixedModel?.fit)
    #expect(fit.sites == ["SITE-1", "SITE-2", "SITE-3"] && fit.formula.contains("+ site"))
    let fixed = try Self.table(folder.appendingPathComponent("export/analysis/fixed_effects.csv"))
    for name in ["siteSITE-2", "siteSITE-3"] {
      let row = try #require(
        fixed.first {
          $0.cells["measure"] == "speech_duration_s" && $0.cells["analysis"] == "all" && $0.cells["term"] == name
        },
        "\(name) in analysis.R's fixed effects")
      let ours = try #require(fit.fixedEffect(name))
      #expect(abs(row.number("estimate") - ours.estimate) < 1e-4, "\(name)")
    }
    for contrast in fit.contrasts where contrast.kind == .effect {
      let population = contrast.population?.rawValue ?? "all"
      let row = try #require(
        Self.find(
          rows, measure: "speech_duration_s", model: "lmer", analysis: "all", population: population,
          term: "\(contrast.condition.rawValue) - image"), "\(population) \(contrast.condition)")
      #expect(abs(row.number("estimate") - contrast.difference.estimate) < 1e-4, "\(population) \(contrast.condition)")
      #expect(abs(row.number("std_error") - contrast.difference.standardError) < 1e-4)
      // Holm over the same family in R (p.adjust) as in ConnectAge; p-values agree to 1e-3 relative.
      let holm = try #require(contrast.holmAdjustedP)
      #expect(
        abs(row.number("p_holm") - holm) <= max(1e-3 * holm, 1e-7),
        "p_holm \(population) \(contrast.condition): \(row.number("p_holm")) vs \(holm)")
    }
    let means = try Self.table(folder.appendingPathComponent("export/analysis/marginal_means.csv"))
    for mean in fit.marginalMeans where mean.population == nil {
      let row = try #require(
        means.first {
          $0.cells["measure"] == "speech_duration_s" && $0.cells["model"] == "lmer" && $0.cells["analysis"] == "all"
            && $0.cells["population"] == "all" && $0.cells["term"] == mean.condition.rawValue
        }, "mean of \(mean.condition)")
      #expect(abs(row.number("estimate") - mean.mean.estimate) < 1e-4, "mean of \(mean.condition)")
    }
  }
}

extension SyntheticTrialData {
  fileprivate func fileOrFail(into database: SessionDatabase) {
    do { try file(into: database) } catch { Issue.record("filing the synthetic trial failed: \(error)") }
  }
}

extension AnalysisScriptTests {
  /// Answers read from an unreviewed speech-recognition draft: analysis.R leaves them out of the
  /// word-based models, and out of memories_n where nobody coded them (the pre-coding read the
  /// draft), as `connectage stats` does; a coded answer's memories stay in.
  @Test(.enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)))
  func draftAnswersLeaveTheModelsAsInStats() throws {
    let trial = try SmallExport(patientsPerGroup: 4, sessions: 4)
    defer { trial.remove() }
    let export = trial.export
    // Ten answers become drafts nobody coded, ten more drafts a coder coded.
    let measures = export.appendingPathComponent("measures.csv")
    var records = try CSVRecords.parse(String(contentsOf: measures, encoding: .utf8)).map(\.fields)
    let column = { (name: String) in records[0].firstIndex(of: name)! }
    let (transcript, memories) = (column("transcript_source"), column("memories_source"))
    for row in 1...20 {
      records[row][transcript] = "asr"
      records[row][memories] = row <= 10 ? "automatic" : "coder"
    }
    try records.map(CSVText.line).joined().write(to: measures, atomically: true, encoding: .utf8)
    try RScript.run(export.appendingPathComponent("analysis.R"), [], in: export)

    let fixed = try Self.table(export.appendingPathComponent("analysis/fixed_effects.csv"))
    func answers(_ measure: String) -> Double? {
      fixed.first { $0.cells["measure"] == measure && $0.cells["analysis"] == "all" }?.number("answers")
    }
    /// The rows with a value of `measure`, apart from the first `left` (the drafts left out).
    func expected(_ measure: String, leaving left: Int) -> Double {
      Double(records.dropFirst(1 + left).filter { !$0[column(measure)].isEmpty }.count)
    }
    #expect(answers("speech_duration_s") == expected("speech_duration_s", leaving: 0))
    #expect(answers("idea_density") == expected("idea_density", leaving: 20))
    #expect(answers("memories_n") == expected("memories_n", leaving: 10))
  }
}

extension AnalysisScriptTests {
  /// A participant the study does not know has a blank `memory_disorder`: analysis.R keeps the
  /// two populations' model (the memory term and its interaction), as `stats` does, rather than
  /// taking the blank for a third population.
  @Test(.enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)))
  func aBlankMemoryDisorderIsNotAThirdPopulation() throws {
    let trial = try SmallExport(patientsPerGroup: 4, sessions: 4)
    defer { trial.remove() }
    let export = trial.export
    let measures = export.appendingPathComponent("measures.csv")
    var records = try CSVRecords.parse(String(contentsOf: measures, encoding: .utf8)).map(\.fields)
    let (participant, disorder) = (
      records[0].firstIndex(of: "participant_code")!, records[0].firstIndex(of: "memory_disorder")!
    )
    let withoutDisorder = try #require(records.dropFirst().first { $0[disorder] == "0" }?[participant])
    for row in records.indices.dropFirst() where records[row][participant] == withoutDisorder {
      records[row][disorder] = ""
    }
    try records.map(CSVText.line).joined().write(to: measures, atomically: true, encoding: .utf8)
    try RScript.run(export.appendingPathComponent("analysis.R"), [], in: export)

    let fixed = try Self.table(export.appendingPathComponent("analysis/fixed_effects.csv")).filter {
      $0.cells["measure"] == "speech_duration_s" && $0.cells["analysis"] == "all"
    }
    #expect(fixed.contains { $0.cells["term"] == "memorywith" }, "\(fixed.map { $0.cells["term"] ?? "" })")
    #expect(fixed.first?.number("answers") == Double(records.count - 1))
  }
}

extension AnalysisScriptTests {
  /// Answers to one trial of a group share its moment: with a shift common to each shared trial
  /// added to the answers, analysis.R's `shared_trial` analysis finds that trial's variance and
  /// widens the condition's interval, which the primary model, taking the answers as independent,
  /// does not.
  @Test(.enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)))
  func theSharedTrialAnalysisSeesWhatAGroupsTrialShares() throws {
    let trial = try SmallExport(patientsPerGroup: 6, sessions: 6)
    defer { trial.remove() }
    let export = trial.export
    let measures = export.appendingPathComponent("measures.csv")
    var records = try CSVRecords.parse(String(contentsOf: measures, encoding: .utf8)).map(\.fields)
    let column = { (name: String) in records[0].firstIndex(of: name)! }
    var random = SeededGenerator(seed: 7)
    var shifts: [String: Double] = [:]
    for row in records.indices.dropFirst() {
      let sharedTrial = ["group_id", "session_number", "trial_number"].map { records[row][column($0)] }.joined(
        separator: " ")
      let shift = shifts[sharedTrial] ?? Double.random(in: -6...6, using: &random)
      shifts[sharedTrial] = shift
      if let value = Double(records[row][column("speech_duration_s")]) {
        records[row][column("speech_duration_s")] = String(value + shift)
      }
    }
    try records.map(CSVText.line).joined().write(to: measures, atomically: true, encoding: .utf8)
    try RScript.run(export.appendingPathComponent("analysis.R"), ["--no-emmeans"], in: export)

    let variances = try Self.table(export.appendingPathComponent("analysis/variance_components.csv")).filter {
      $0.cells["measure"] == "speech_duration_s" && $0.cells["analysis"] == "shared_trial"
    }
    let occasion = try #require(variances.first { $0.cells["component"] == "occasion" }).number("variance")
    #expect(occasion > 4, "the shifts' variance is 12")
    let rows = try Self.table(export.appendingPathComponent("analysis/contrasts.csv"))
    let effects = rows.filter {
      $0.cells["measure"] == "speech_duration_s" && $0.cells["analysis"] == "all" && $0.cells["population"] == "all"
    }
    #expect(effects.count >= 2)
    for primary in effects {
      let term = primary.cells["term"] ?? ""
      let shared = try #require(
        Self.find(
          rows, measure: "speech_duration_s", model: "lmer", analysis: "shared_trial", population: "all",
          term: term))
      #expect(shared.number("std_error") > 1.5 * primary.number("std_error"), "\(term)")
    }
  }
}

extension AnalysisScriptTests {
  /// Scents that were planned but never delivered: analysis.R's `intention_to_treat` analysis
  /// still compares the conditions as planned, so it gives what the primary analysis gave before
  /// any delivery failed, while the primary analysis moves.
  @Test(.enabled(if: RScript.isInstalled, Comment(rawValue: RScript.missingMessage)))
  func theIntentionToTreatAnalysisKeepsThePlannedConditions() throws {
    let trial = try SmallExport(patientsPerGroup: 4, sessions: 4)
    defer { trial.remove() }
    let export = trial.export
    func contrasts(_ analysis: String) throws -> [String: Double] {
      try RScript.run(export.appendingPathComponent("analysis.R"), ["--no-emmeans"], in: export)
      let rows = try Self.table(export.appendingPathComponent("analysis/contrasts.csv")).filter {
        $0.cells["measure"] == "speech_duration_s" && $0.cells["analysis"] == analysis
      }
      return Dictionary(
        rows.map { ("\($0.cells["population"] ?? "") \($0.cells["term"] ?? "")", $0.number("estimate")) }
      ) {
        first, _ in first
      }
    }
    let before = try contrasts("all")
    #expect(!before.isEmpty)

    // Ten scent trials whose scent never came: delivered as image alone.
    let measures = export.appendingPathComponent("measures.csv")
    var records = try CSVRecords.parse(String(contentsOf: measures, encoding: .utf8)).map(\.fields)
    let (planned, delivered) = (
      records[0].firstIndex(of: "condition_planned")!, records[0].firstIndex(of: "condition_delivered")!
    )
    for row in records.indices.dropFirst().filter({ records[$0][planned] == "image_scent" }).prefix(10) {
      records[row][delivered] = "image"
    }
    try records.map(CSVText.line).joined().write(to: measures, atomically: true, encoding: .utf8)

    let intention = try contrasts("intention_to_treat")
    #expect(Set(intention.keys) == Set(before.keys))
    for (term, estimate) in before {
      #expect(abs((intention[term] ?? .nan) - estimate) < 1e-9, "\(term)")
    }
    let delivery = try contrasts("all")
    #expect(before.contains { abs((delivery[$0.key] ?? .nan) - $0.value) > 1e-6 }, "the primary analysis moves")
  }
}

extension AnalysisScriptTests {
  /// A small synthetic trial (one group per population) exported with `export all`'s writers into
  /// `<folder>/export`, for the tests that edit measures.csv before R reads it.
  struct SmallExport {
    let folder: URL
    var export: URL { folder.appendingPathComponent("export") }

    init(patientsPerGroup: Int, sessions: Int) throws {
      var design = SyntheticTrialData.Design()
      design.groupsPerPopulation = 1
      design.patientsPerGroup = patientsPerGroup
      design.sessions = sessions
      folder = try StoreFixtures.temporaryFolder()
      let database = try SessionDatabase(path: folder.appendingPathComponent("study.sqlite").path)
      SyntheticTrialData(design: design).fileOrFail(into: database)
      let snapshot = try ExportSnapshot.load(from: database, study: SyntheticTrialData.study)
      try ExportDirectory(path: export.path).write(
        try CSVExport().files(for: snapshot) + AnalysisScript().files(for: snapshot))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
  }
}
