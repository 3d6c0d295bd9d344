import ArgumentParser
import Foundation
import Research
import SessionModel
import Store

/// `connectage stats [--db] [--study S] [--group G] [--measure M…] [--by delivered|planned] [--json] [--output DIR]`.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats", abstract: "Statistics and plots per condition: summaries, Friedman, pairwise Wilcoxon.",
    discussion: """
      Each participant's answers in a condition are averaged first; the summaries, Friedman's test (with \
      Kendall's W) and the Wilcoxon signed-rank tests (Holm-corrected) compare those means. Participants \
      lacking a condition are left out of the tests that need it, and named. Each planned answer counts \
      once (the take recorded last). Answers are grouped by the condition delivered (a scent trial whose \
      scent did not come out counts without scent); --by planned groups them by the planned condition \
      (intention to treat). Words, ideas and automatic memories of answers whose transcript is an unreviewed \
      speech-recognition draft (transcript_source asr, from connectage transcribe) are left out unless \
      --include-drafts; each measure says how many answers it rests on. Measures: \
      \(StatisticsMeasure.allCases.map(\.rawValue).joined(separator: ", ")).
      """)

  @OptionGroup var store: StoreOptions
  @OptionGroup var central: CentralSourceOptions

  @Option(help: "Only the sessions of this study.") var study: String?
  @Option(help: "Only the sessions of this group.") var group: String?

  @Option(
    name: .customLong("measure"), parsing: .upToNextOption,
    help: ArgumentHelp("Measures to report (codebook column names).", valueName: "measure"))
  var measureNames: [String] = []

  @Option(
    name: .customLong("by"),
    help: ArgumentHelp(
      "Condition to compare: delivered (default) or planned (intention to treat).", valueName: "basis"))
  var basisName = ConditionBasis.delivered.rawValue

  @Flag(help: "Print the report as one JSON object instead of tables.") var json = false

  @Flag(
    help: "Count word-based measures of answers whose transcript is an unreviewed speech-recognition draft.")
  var includeDrafts = false

  @Option(
    name: [.customLong("output"), .customLong("out")],
    help: ArgumentHelp(
      "Also write statistics.json, two CSV tables and SVG plots into this folder.", valueName: "folder"))
  var output: String?

  func run() throws {
    let measures = try chosenMeasures()
    guard let basis = ConditionBasis(rawValue: basisName) else {
      throw CommandFailure.badInput(
        LocalizedText(
          fr:
            "« \(basisName) » n'est pas une valeur de --by : delivered (condition délivrée) ou planned (condition prévue).",
          en: "'\(basisName)' is not a value of --by: delivered or planned."))
    }
    let report = try central.withDatabase(store) { database in
      let snapshot = try ExportSnapshot.load(
        from: database, study: study.map(StudyID.init(rawValue:)), group: group.map(GroupID.init(rawValue:)))
      let report = StatisticsReport(snapshot: snapshot, measures: measures, by: basis, includingDrafts: includeDrafts)
      // Nothing to analyse is almost always a mistyped filter or database, not an empty study.
      guard report.participants > 0 else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr: "Aucune réponse mesurée dans les séances choisies : vérifiez --study, --group et --db.",
            en: "No measured answer in the chosen sessions: check --study, --group and --db."))
      }
      if let output {
        try ExportDirectory(path: output).write(StatisticsExport(language: Terminal.language).files(for: report))
      }
      return report
    }
    Terminal.print(json ? StatisticsExport.json(of: report) : StatisticsText.text(of: report, in: Terminal.language))
    if let output, !json {
      Terminal.say(
        LocalizedText(
          fr: "Statistiques et graphiques écrits dans \(output) (\(2 * measures.count) SVG). "
            + ExportOptions.manifestSentence.french,
          en: "Statistics and plots written to \(output) (\(2 * measures.count) SVG). "
            + ExportOptions.manifestSentence.english))
    }
  }

  private func chosenMeasures() throws -> [StatisticsMeasure] {
    guard !measureNames.isEmpty else { return StatisticsMeasure.defaults }
    let known = StatisticsMeasure.allCases.map(\.rawValue).joined(separator: ", ")
    return try measureNames.map { name in
      guard let measure = StatisticsMeasure(rawValue: name) else {
        throw CommandFailure.badInput(
          LocalizedText(
            fr: "Mesure inconnue « \(name) » pour --measure. Mesures possibles : \(known).",
            en: "Unknown measure '\(name)' for --measure. Known measures: \(known)."))
      }
      return measure
    }
  }
}
