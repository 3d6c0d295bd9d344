import Foundation
import SessionModel

/// The files of `connectage stats --output`: the whole report as JSON, three tidy CSV tables
/// (`condition_summary.csv`, `condition_tests.csv`, each row saying whether its conditions are the
/// delivered or the planned ones, the participation's rows under the measure `answered`, and
/// `mixed_model.csv`, the primary analysis), `codebook.csv`
/// describing their columns, and two SVG plots per measure.
public struct StatisticsExport: Sendable {
  /// The language of the plots' labels.
  public var language: Language

  public init(language: Language) {
    self.language = language
  }

  public func files(for report: StatisticsReport) -> [ExportedFile] {
    var files = [
      ExportedFile(name: "statistics.json", contents: Self.json(of: report) + "\n", rowCount: report.measures.count),
      summaryTable(report), testsTable(report), mixedModelTable(report), codebook(),
    ]
    for statistics in report.measures {
      let measure = statistics.measure.rawValue
      files.append(
        ExportedFile(
          name: "plots/\(measure)-by-condition.svg", contents: BoxPlot.svg(of: statistics, language: language),
          rowCount: statistics.conditions.count))
      files.append(
        ExportedFile(
          name: "plots/\(measure)-by-session.svg", contents: TrajectoryPlot.svg(of: statistics, language: language),
          rowCount: statistics.trajectory.count))
    }
    return files
  }

  /// The report as one line of JSON, keys sorted: stable, so two runs on the same data compare equal.
  public static func json(of report: StatisticsReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    // Plain values and numbers (non-finite ones as text): encoding cannot fail.
    return String(decoding: try! encoder.encode(report), as: UTF8.self)
  }

  private func summaryTable(_ report: StatisticsReport) -> ExportedFile {
    var text = CSVText.line(StatisticsCodebook.columns(of: StatisticsCodebook.summaryFile))
    var rows = 0
    for statistics in report.measures {
      for summary in statistics.conditions {
        let figures = summary.participantMeans
        text += CSVText.line(
          [statistics.measure.rawValue, summary.condition.rawValue, String(figures.count), String(summary.answers)]
            + [
              figures.mean, figures.standardDeviation, figures.median, figures.lowerQuartile, figures.upperQuartile,
              figures.confidenceLow, figures.confidenceHigh,
            ].map { CSVText.fixed($0, places: 4) } + [report.basis.rawValue, Self.sources(of: statistics)])
        rows += 1
      }
    }
    for summary in report.participation?.conditions ?? [] {
      let figures = summary.participantProportions
      text += CSVText.line(
        [
          StatisticsCodebook.answeredMeasure, summary.condition.rawValue, String(figures.count),
          String(summary.presented),
        ]
          + [
            figures.mean, figures.standardDeviation, figures.median, figures.lowerQuartile, figures.upperQuartile,
            figures.confidenceLow, figures.confidenceHigh,
          ].map { CSVText.fixed($0, places: 4) } + [report.basis.rawValue, ""])
      rows += 1
    }
    return ExportedFile(name: StatisticsCodebook.summaryFile, contents: text, rowCount: rows)
  }

  private func testsTable(_ report: StatisticsReport) -> ExportedFile {
    var lines: [String] = []
    for statistics in report.measures {
      lines += Self.testLines(
        statistics.measure.rawValue, conditions: statistics.conditions.map(\.condition),
        friedman: statistics.friedman, excluded: statistics.excludedFromFriedman.count,
        pairwise: statistics.pairwise, basis: report.basis)
    }
    if let participation = report.participation {
      lines += Self.testLines(
        StatisticsCodebook.answeredMeasure, conditions: participation.conditions.map(\.condition),
        friedman: participation.friedman, excluded: participation.excludedFromFriedman.count,
        pairwise: participation.pairwise, basis: report.basis)
    }
    let header = CSVText.line(StatisticsCodebook.columns(of: StatisticsCodebook.testsFile))
    return ExportedFile(name: StatisticsCodebook.testsFile, contents: header + lines.joined(), rowCount: lines.count)
  }

  /// One measure's rows of `condition_tests.csv`: Friedman's test, then each pair's Wilcoxon test.
  private static func testLines(
    _ measure: String, conditions: [Condition], friedman: FriedmanTest?, excluded: Int,
    pairwise: [PairwiseComparison], basis: ConditionBasis
  ) -> [String] {
    var lines: [String] = []
    if let friedman {
      lines.append(
        CSVText.line([
          measure, "friedman", conditions.map(\.rawValue).joined(separator: "+"), String(friedman.participants),
          String(excluded), CSVText.fixed(friedman.statistic, places: 4), String(friedman.degreesOfFreedom),
          CSVText.probability(friedman.pValue), "", "kendall_w", CSVText.fixed(friedman.kendallW, places: 4),
          "chi-square", basis.rawValue,
        ]))
    }
    for pair in pairwise {
      guard let test = pair.test else { continue }
      lines.append(
        CSVText.line([
          measure, "wilcoxon", "\(pair.first.rawValue)-\(pair.second.rawValue)", String(pair.participants),
          String(pair.excluded), CSVText.fixed(test.statistic, places: 4), "", CSVText.probability(test.pValue),
          CSVText.probability(pair.holmAdjustedP), "rank_biserial", CSVText.fixed(test.rankBiserial, places: 4),
          test.method.rawValue, basis.rawValue,
        ]))
    }
    return lines
  }

  /// Every figure of the linear mixed models, one row per estimate: fixed effects, marginal means,
  /// contrasts against the reference (`effect`) and interactions, on every participant (`all`) and
  /// without the smell-impaired ones (`without_smell_impaired`).
  private func mixedModelTable(_ report: StatisticsReport) -> ExportedFile {
    var text = CSVText.line(StatisticsCodebook.columns(of: StatisticsCodebook.mixedModelFile))
    var rows = 0
    for statistics in report.measures {
      guard let analysis = statistics.mixedModel else { continue }
      let fits = [("all", analysis.fit), ("without_smell_impaired", analysis.withoutSmellImpaired)]
      for (name, fit) in fits {
        guard let fit else { continue }
        var estimates: [(String, String, MixedModelEstimate, Double?)] = fit.fixedEffects.map {
          ("fixed", "", $0, nil)
        }
        estimates += fit.marginalMeans.map { ("mean", $0.population?.rawValue ?? "all", $0.mean, nil) }
        estimates += fit.contrasts.map {
          (
            $0.kind.rawValue, $0.kind == .interaction ? "" : $0.population?.rawValue ?? "all", $0.difference,
            $0.holmAdjustedP
          )
        }
        for (kind, population, estimate, holm) in estimates {
          text += CSVText.line(
            [statistics.measure.rawValue, name, kind, population, estimate.name]
              + [estimate.estimate, estimate.standardError, estimate.degreesOfFreedom, estimate.t].map {
                CSVText.fixed($0, places: 6)
              }
              + [CSVText.probability(estimate.p), CSVText.probability(holm)]
              + [estimate.lower, estimate.upper].map { CSVText.fixed($0, places: 6) }
              + [String(fit.observations), String(fit.participants), report.basis.rawValue])
          rows += 1
        }
      }
    }
    return ExportedFile(name: StatisticsCodebook.mixedModelFile, contents: text, rowCount: rows)
  }

  /// `codebook.csv`: every column of the three tables, as the exports' codebook describes theirs.
  private func codebook() -> ExportedFile {
    ExportedFile(
      name: Codebook.codebookFile, contents: CodebookEntry.csv(StatisticsCodebook.entries),
      rowCount: StatisticsCodebook.entries.count)
  }

  /// `automatic=18;consensus=2`: where the measure's analysed values come from, sources in name order.
  static func sources(of statistics: MeasureStatistics) -> String {
    (statistics.sources ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
  }
}
